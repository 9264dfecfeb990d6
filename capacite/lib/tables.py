"""Reading a table as French offices produce it (CSV or XLSX), for every all-or-nothing import.

Pure: bytes in, rows of cells (with their line numbers) out; nothing touches the database. CSV
files may use `;` or `,`, be UTF-8 with or without BOM or Windows-1252 (what Excel on Windows
writes). Each import (organisations, diagnosis indicators…) checks the cells itself and reports
`ImportIssue`s naming the line, the column (by its header as written) and the reason, in French.
"""

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from capacite.lib.text import clean_text

Table = list[tuple[int, list[Any]]]  # (line number in the file, cells), header first

DATE_PATTERN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO_DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class ImportIssue:
    line: int
    column: str  # the header as in the file, or "" for the whole line
    message: str

    def __str__(self) -> str:
        if self.column:
            return str(_("Ligne %(line)s, colonne « %(column)s » : %(message)s") % {
                "line": self.line, "column": self.column, "message": self.message})
        return str(_("Ligne %(line)s : %(message)s") % {
            "line": self.line, "message": self.message})


def read_table(data: bytes, filename: str) -> tuple[Table, list[ImportIssue]]:
    """The file's rows as (line number, cells), header first; XLSX by name or content."""
    if filename.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        return read_xlsx(data)
    return read_csv(data), []


def decode(data: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1252 (what Excel on Windows writes)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes) -> Table:
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(reader.line_num, list(row)) for row in reader]


def read_xlsx(data: bytes) -> tuple[Table, list[ImportIssue]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file
        return [], [ImportIssue(1, "", _("le fichier n'est pas un classeur XLSX lisible."))]
    sheet = workbook.worksheets[0]
    rows: Table = [(number, list(values))
                   for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    workbook.close()
    return rows, []


def cell_text(value: Any) -> str:
    """A cell as text, under the one cleaning rule of every incoming text (no control,
    bidirectional or zero-width character, one line): None is empty, 12.0 (a spreadsheet's
    number) is "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()


def non_empty(table: Table) -> Table:
    """The rows with at least one filled cell (spreadsheets leave blank lines at the end)."""
    return [(line, cells) for line, cells in table if any(cell_text(c) for c in cells)]


def match_columns(line: int, header: Sequence[Any], columns: Sequence[tuple[str, str]],
                  required: Sequence[str], normalise: Callable[[str], str],
                  errors: list[ImportIssue]) -> dict[str, tuple[int, str]]:
    """Map each known header of `header` to its (index, header as written).

    `columns` lists (attribute, title); titles match through `normalise` (case and accents
    ignored by the callers). Unknown, doubled and missing required columns are errors.
    """
    known = {normalise(title): attr for attr, title in columns}
    found: dict[str, tuple[int, str]] = {}
    for index, cell in enumerate(header):
        title = cell_text(cell)
        if not title:
            continue
        attr = known.get(normalise(title))
        if attr is None:
            errors.append(ImportIssue(line, title, _(
                "colonne inconnue (colonnes possibles : %(columns)s).") % {
                "columns": ", ".join(t for _a, t in columns)}))
        elif attr in found:
            errors.append(ImportIssue(line, title, _("cette colonne figure deux fois.")))
        else:
            found[attr] = (index, title)
    for attr, title in columns:
        if attr in required and attr not in found:
            errors.append(ImportIssue(line, title, _("cette colonne obligatoire manque.")))
    return found


def parse_date(raw: Any, value: str) -> date | None:
    """A date cell: a spreadsheet date, dd/mm/yyyy or yyyy-mm-dd; None when empty.

    Raises ValueError for anything else (including 31/02/2027), for the caller to report.
    """
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not value:
        return None
    match = DATE_PATTERN.match(value)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (iso := ISO_DATE_PATTERN.match(value)):
        parts = (iso.group(1), iso.group(2), iso.group(3))
    if parts is None:
        raise ValueError(value)
    return date(int(parts[0]), int(parts[1]), int(parts[2]))
