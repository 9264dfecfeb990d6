"""Every table capacite exports, as XLSX (openpyxl) or CSV, from one description.

An export says what each column holds (`Column.kind`); the writers do the rest the same way
everywhere:
- XLSX: numbers, money, percentages, dates and durations are typed cells with a format (a
  spreadsheet sorts, sums and charts them; « 1240 » stored as text does none of that); columns
  are as wide as what they hold; the header row is frozen, filtered and repeated on each printed
  page; the sheet prints on A4, fitted to the page width.
- CSV: UTF-8 with a byte-order mark (what Excel needs to read accents), `;` between cells,
  French numbers (« 18,4 ») and dates (« 31/12/2025 »).
- Text cells, and only text cells, pass through `cell_text`: characters a spreadsheet refuses are
  removed and a text that a spreadsheet would run as a formula gets a leading apostrophe. A
  number is never guarded: « -120 » stays the number -120.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from capacite.lib.text import clean_text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"

# Formats are locale-free codes: a French spreadsheet shows 1 240,50 € for "#,##0.00 €".
# Money shows its cents only when there are some, as on the screens (`capacite.lib.money`):
# a whole amount gets `WHOLE_MONEY`, « 12 000 € ».
FORMATS = {
    "integer": "#,##0",
    "decimal": "#,##0.##########",
    "money": '#,##0.00\\ "€"',
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "duration": "[h]:mm",
}
WHOLE_MONEY = '#,##0\\ "€"'
KINDS = ("text", *FORMATS)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MIN_WIDTH = 6  # column widths, in characters


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # one of KINDS
    width: float | None = None  # characters; from the content when None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class Typed:
    """A cell whose kind differs from its column's (a comparison's rows each hold one kind)."""

    value: Any
    kind: str


@dataclass
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    heading: Sequence[str] = field(default_factory=tuple)  # lines above the header row
    landscape: bool | None = None  # None: landscape past six columns
    max_width: int = 60  # characters; longer texts wrap
    # Trailing rows that total the others: bold, and left out of the header's filter, so that
    # sorting the months does not sort the total in among them.
    total_rows: int = 0


def strip_refused(text: str) -> str:
    """`text` under the one cleaning rule of incoming texts (`capacite/lib/text.py`), line
    breaks kept: without the characters a spreadsheet file cannot hold (a vertical tab pasted
    from Word made openpyxl fail the whole export), so text stored before the rule existed
    exports too."""
    return clean_text(text, multiline=True)


def cell_text(value: object) -> str:
    """A text cell as written: cleaned, and guarded against being run as a formula."""
    text = strip_refused("" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguarded(text: str) -> str:
    """A cell read back from one of capacite's files: without the apostrophe `cell_text` put
    before a text that starts like a formula, so an export re-imports to the same text."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _kind(value: Any, column: Column) -> tuple[Any, str]:
    return (value.value, value.kind) if isinstance(value, Typed) else (value, column.kind)


def _typed(value: Any, kind: str) -> Any:
    """The value a typed cell holds (None stays empty; text in a typed column stays text)."""
    if value is None or value == "":
        return None
    if kind == "text" or isinstance(value, str):
        return cell_text(value)
    if kind == "duration" and isinstance(value, int | float | Decimal):
        return timedelta(hours=float(value))
    if kind == "date" and isinstance(value, datetime):
        return value.date()
    if kind == "datetime" and isinstance(value, datetime) and value.tzinfo is not None:
        from django.utils import timezone

        return timezone.localtime(value).replace(tzinfo=None)
    return value


# --- XLSX --------------------------------------------------------------------------------

def _number_format(value: Any, kind: str) -> str:
    """The cell's number format: its kind's, without decimals for a whole amount of money."""
    if kind == "money" and isinstance(value, int | float | Decimal) and value == int(value):
        return WHOLE_MONEY
    return FORMATS[kind]


def _shown_length(value: Any, kind: str) -> int:
    """About how many characters the cell shows, for the column width."""
    if value is None:
        return 0
    if kind == "money":
        return len(f"{value:,.2f}") + 2
    if kind in ("date", "duration"):
        return 11
    if kind == "datetime":
        return 16
    if kind == "percent":
        return 6
    text = str(value)
    return max(len(line) for line in text.split("\n")) if text else 0


def _fit_row_heights(sheet: Any, widths: Sequence[float], *, first_row: int) -> None:
    """Rows as tall as their wrapped text (LibreOffice does not recompute the heights of a
    file it opens, and cut text stays hidden)."""
    for row in sheet.iter_rows(min_row=first_row):
        lines = 1
        for cell, width in zip(row, widths, strict=False):
            if isinstance(cell.value, str) and (cell.alignment.wrap_text or "\n" in cell.value):
                lines = max(lines, sum(max(1, -(-len(part) // max(1, int(width) - 1)))
                                       for part in cell.value.split("\n")))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = 15 * lines


def xlsx_bytes(sheets: Sequence[Sheet], *, title: str, subject: str = "") -> bytes:
    """The workbook of `sheets`, with the file's title and « capacite » as its author."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = strip_refused(title)
    workbook.properties.subject = strip_refused(subject)
    workbook.properties.creator = "capacite"
    workbook.properties.lastModifiedBy = "capacite"
    workbook.properties.language = "fr-FR"
    bold = Font(name="Calibri", size=11, bold=True)
    header_fill = PatternFill("solid", fgColor="E3E3FD")
    for spec in sheets:
        sheet = workbook.create_sheet(strip_refused(spec.title)[:31])
        for line in spec.heading:
            sheet.append([cell_text(line)])
            sheet.cell(row=sheet.max_row, column=1).font = bold
        header_row = len(spec.heading) + 1
        sheet.append([cell_text(c.title) for c in spec.columns])
        for cell in sheet[header_row]:
            cell.font = bold
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        lengths = [len(c.title) + 2 for c in spec.columns]
        wrap = [False] * len(spec.columns)
        for row in spec.rows:
            kinds_values = [_kind(v, c) for v, c in zip(row, spec.columns, strict=True)]
            values = [_typed(v, kind) for v, kind in kinds_values]
            sheet.append(values)
            for index, (cell, value, (_v, kind)) in enumerate(
                    zip(sheet[sheet.max_row], values, kinds_values, strict=True)):
                if kind != "text" and value is not None and not isinstance(value, str):
                    cell.number_format = _number_format(value, kind)
                shown = _shown_length(value, kind)
                lengths[index] = max(lengths[index], shown)
                wrap[index] = wrap[index] or shown + 2 > spec.max_width or (
                    isinstance(value, str) and "\n" in value)
        widths = []
        for index, column in enumerate(spec.columns, start=1):
            letter = get_column_letter(index)
            width = column.width or min(spec.max_width, max(MIN_WIDTH, lengths[index - 1] + 2))
            widths.append(width)
            sheet.column_dimensions[letter].width = width
            alignment = Alignment(wrap_text=wrap[index - 1], vertical="top")
            for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=index, max_col=index):
                cell.alignment = alignment
        _fit_row_heights(sheet, widths, first_row=header_row)
        last = get_column_letter(len(spec.columns))
        sheet.freeze_panes = f"A{header_row + 1}"
        last_data_row = max(sheet.max_row - spec.total_rows, header_row)
        sheet.auto_filter.ref = f"A{header_row}:{last}{last_data_row}"
        for row in sheet.iter_rows(min_row=last_data_row + 1, max_row=sheet.max_row):
            for cell in row:
                cell.font = bold
        sheet.print_title_rows = f"{header_row}:{header_row}"
        landscape = spec.landscape if spec.landscape is not None else len(spec.columns) > 6
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape" if landscape else "portrait"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0  # as many pages down as needed
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_options.gridLines = True
        sheet.oddFooter.right.text = "&P / &N"
        sheet.oddHeader.left.text = strip_refused(title).replace("&", "&&")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- CSV ---------------------------------------------------------------------------------

def _french(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return cell_text(value)
    if kind == "duration":
        hours = value.total_seconds() / 3600 if isinstance(value, timedelta) else float(value)
        return f"{int(hours)}:{round(hours % 1 * 60):02d}"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",") if kind != "money" \
            else f"{value:.2f}".replace(".", ",")
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",") if kind == "money" \
            else repr(value).replace(".", ",").removesuffix(",0")
    return str(value)


def csv_text(sheet: Sheet) -> str:
    """The sheet as CSV text (header then rows, `;`), with the byte-order mark."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads UTF-8 (accents) only with the BOM
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([cell_text(c.title) for c in sheet.columns])
    for row in sheet.rows:
        cells = [_kind(v, c) for v, c in zip(row, sheet.columns, strict=True)]
        writer.writerow([_french(_typed(v, kind), kind) for v, kind in cells])
    return buffer.getvalue()


def xlsx_response(sheets: Sequence[Sheet], *, filename: str, title: str,
                  subject: str = "") -> Any:
    from django.http import HttpResponse

    response = HttpResponse(xlsx_bytes(sheets, title=title, subject=subject),
                            content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(sheet: Sheet, *, filename: str) -> Any:
    from django.http import HttpResponse

    response = HttpResponse(csv_text(sheet), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
