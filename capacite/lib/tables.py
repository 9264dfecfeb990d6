"""Reading a table as French offices produce it (CSV or XLSX), for every all-or-nothing import.

Pure: bytes in, rows of cells (with their line numbers) out; nothing touches the database. CSV
files may use `;` or `,`, be UTF-8 with or without BOM or Windows-1252 (what Excel on Windows
writes). Each import (organisations, diagnosis indicators…) checks the cells itself and reports
`ImportIssue`s naming the line, the column (by its header as written) and the reason, in French.
"""

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from capacite.lib.exports import unguarded
from capacite.lib.text import clean_text

Table = list[tuple[int, list[Any]]]  # (line number in the file, cells), header first

DATE_PATTERN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO_DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


# Bounds of one import, so a file cannot hold the database's write lock or the server's memory
# for long (issue 13): the rows read, the file's size, and for an XLSX (a zip) the size of what
# it unpacks to, checked before anything is parsed. Settings can lower or raise them.
MAX_ROWS = 10_000
MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_CELL_CHARS = 131_072  # the csv module's own limit, said in French
MAX_ERRORS_SHOWN = 100


@dataclass(frozen=True)
class ImportIssue:
    line: int  # 0 when the error is about the whole file
    column: str  # the header as in the file, or "" for the whole line
    message: str
    filename: str = ""  # set for errors reading the file itself

    def __str__(self) -> str:
        if self.filename:
            if self.line and self.column:
                return str(_("Fichier « %(file)s », ligne %(line)s, colonne « %(column)s » : "
                             "%(message)s") % {"file": self.filename, "line": self.line,
                                               "column": self.column,
                                               "message": self.message})
            if self.line:
                return str(_("Fichier « %(file)s », ligne %(line)s : %(message)s") % {
                    "file": self.filename, "line": self.line, "message": self.message})
            return str(_("Fichier « %(file)s » : %(message)s") % {
                "file": self.filename, "message": self.message})
        if self.column:
            return str(_("Ligne %(line)s, colonne « %(column)s » : %(message)s") % {
                "line": self.line, "column": self.column, "message": self.message})
        return str(_("Ligne %(line)s : %(message)s") % {
            "line": self.line, "message": self.message})


class Unreadable(Exception):
    """The file cannot be read (damaged, too big, hostile); `line` where it stopped, or 0."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message, self.line = message, line


def _limit(name: str, default: int) -> int:
    from django.conf import settings

    return int(getattr(settings, name, default))


def read_table(data: bytes, filename: str) -> tuple[Table, list[ImportIssue]]:
    """The file's rows as (line number, cells), header first; XLSX by name or content.

    Never raises on a bad file: every reading error, from opening the file to its last row,
    becomes one French `ImportIssue` naming the file and, where known, the line.
    """
    name = Path(filename).name
    try:
        max_bytes = _limit("CAPACITE_IMPORT_MAX_BYTES", MAX_BYTES)
        if len(data) > max_bytes:
            raise Unreadable(_("le fichier pèse %(size)s, plus que les %(max)s permis pour un "
                               "import.") % {"size": filesizeformat(len(data)),
                                             "max": filesizeformat(max_bytes)})
        if filename.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04":
            table = read_xlsx(data)
        else:
            table = read_csv(data)
    except Unreadable as error:
        return [], [ImportIssue(error.line, "", error.message, filename=name)]
    return table, []


def _too_many_rows(line: int) -> Unreadable:
    return Unreadable(_("le fichier a plus de %(max)s lignes ; découpez-le en plusieurs "
                        "fichiers.") % {"max": _thousands(_limit("CAPACITE_IMPORT_MAX_ROWS",
                                                                 MAX_ROWS))}, line)


def _thousands(number: int) -> str:
    """12 345, as French writes it (a narrow no-break space between thousands)."""
    return f"{number:,}".replace(",", "\u202f")


def decode(data: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1252 (what Excel on Windows writes)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes) -> Table:
    """The rows of a CSV file; raises Unreadable (with the line) on a cell too long or too many
    rows."""
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    max_rows = _limit("CAPACITE_IMPORT_MAX_ROWS", MAX_ROWS)
    table: Table = []
    try:
        for row in reader:
            if len(table) > max_rows:  # the header and max_rows rows
                raise _too_many_rows(reader.line_num)
            table.append((reader.line_num, row))
    except csv.Error as error:
        line = reader.line_num + (0 if reader.line_num else 1)
        if "field larger" in str(error):
            raise Unreadable(_("une cellule dépasse %(max)s caractères.") % {
                "max": _thousands(MAX_CELL_CHARS)}, line) from error
        raise Unreadable(_("le CSV est mal formé (%(reason)s).") % {"reason": error},
                         line) from error
    return table


def _check_zip(data: bytes) -> None:
    """Refuse, before any parsing, an XLSX that unpacks to too much (a « zip bomb »), is not a
    zip, or whose XML declares entities (a spreadsheet never does; entities can expand a few
    bytes into gigabytes)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Unreadable(_("ce n'est pas un classeur XLSX (le fichier n'est pas une archive "
                           "lisible).")) from error
    max_unpacked = _limit("CAPACITE_IMPORT_MAX_UNPACKED_BYTES", MAX_UNPACKED_BYTES)
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked:
        raise Unreadable(_("le classeur se décompresse en %(size)s, plus que les %(max)s "
                           "permis ; enregistrez-le sans les feuilles ou images inutiles, ou "
                           "en CSV.") % {"size": filesizeformat(unpacked),
                                         "max": filesizeformat(max_unpacked)})
    with archive:
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(member) as stream:
                    prolog = stream.read(4096)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
                raise Unreadable(_("la partie « %(part)s » du classeur est endommagée.")
                                 % {"part": member.filename}) from error
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise Unreadable(_("la partie « %(part)s » du classeur déclare des entités XML, "
                                   "ce qu'un tableur n'écrit pas ; le fichier est refusé.")
                                 % {"part": member.filename})


def read_xlsx(data: bytes) -> Table:
    """The first sheet's rows. The sheet's own `<dimension>` is ignored: a file whose dimension
    says A1:B1 while holding more rows would otherwise import nothing and report success."""
    from openpyxl import load_workbook

    _check_zip(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise Unreadable(_("ce n'est pas un classeur XLSX lisible.")) from error
    max_rows = _limit("CAPACITE_IMPORT_MAX_ROWS", MAX_ROWS)
    table: Table = []
    number = 0
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if len(table) > max_rows:  # the header and max_rows rows
                raise _too_many_rows(number)
            table.append((number, list(values)))
    except Unreadable:
        raise
    except Exception as error:  # a truncated or damaged sheet fails half-way through
        raise Unreadable(_("la feuille est endommagée et ne se lit pas au-delà de la ligne "
                           "%(line)s.") % {"line": number}, number + 1) from error
    finally:
        workbook.close()
    return table


def bounded(errors: Sequence[ImportIssue]) -> list[str]:
    """The first errors as French lines and, past them, how many more: a file with 400,000
    errors gives a page a person reads, not 30 MB."""
    shown = [str(error) for error in errors[:MAX_ERRORS_SHOWN]]
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(_("… et %(more)s autres erreurs (%(total)s en tout). Corrigez les "
                       "premières puis importez de nouveau.") % {
            "more": len(errors) - MAX_ERRORS_SHOWN, "total": len(errors)})
    return shown


def cell_text(value: Any) -> str:
    """A cell as text, under the one cleaning rule of every incoming text (no control,
    bidirectional or zero-width character, one line): None is empty, 12.0 (a spreadsheet's
    number) is "12", and the apostrophe an export puts before a formula-like text is gone
    (« '-Rivemont » is « -Rivemont »), so every export re-imports to the same records."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(unguarded(str(value).strip())).strip()


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
