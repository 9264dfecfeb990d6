"""Word documents (python-docx) set up as a French office expects them, for every DOCX capacite
writes: A4 with the PDF's margins, French as the language of every style (spelling, hyphenation,
quotes), real core properties instead of python-docx's template ones (« python-docx », 2013),
a running header and « Page x / y », table columns sized to what they hold, and a table of
contents already written out (Word and LibreOffice refresh its page numbers on opening).

python-docx's default template is US Letter in English; everything here rewrites it rather than
shipping a template of our own, so the settings read in one place.
"""

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

A4_MM = (210, 297)
MARGINS_MM = {"top": 22, "right": 18, "bottom": 20, "left": 18}  # the PDF dossiers' margins
EMU_PER_MM = 36000
TWIPS_PER_PT = 20
# Character widths in em, measured on DejaVu Sans: the widest font a reader may get instead of
# Calibri (LibreOffice without Microsoft's fonts), so a width that fits it fits Calibri too.
EM_DIGIT, EM_UPPER, EM_LOWER, EM_SPACE, EM_OTHER = 0.64, 0.74, 0.6, 0.32, 0.62
EM_WIDE = {"m": 0.98, "w": 0.82, "M": 0.87, "W": 1.0, "€": 0.64, "\u202f": 0.2}
BOLD_FACTOR = 1.16
TABLE_FONT_PT = 9
TABLE_SIZES = (9, 8, 7)  # a table too wide for its words at 9 pt tries these in turn
CELL_PADDING_PT = 14  # Word's default cell margins (5.4 pt each side) and a little air
WRAP_AT_CHARS = 45  # a column wider than this many characters reads badly: it wraps


@dataclass(frozen=True)
class TocEntry:
    level: int  # 1 or 2
    text: str
    bookmark: str  # the bookmark set on the heading


def new_document(*, title: str, subject: str, language: str = "fr-FR",
                 created: datetime, keywords: str = "") -> Any:
    """An empty A4 portrait document in `language`, with its core properties filled."""
    from docx import Document

    document = Document()
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = "capacite"
    properties.last_modified_by = "capacite"
    properties.comments = ""
    properties.keywords = keywords
    properties.category = ""
    properties.language = language
    properties.created = created
    properties.modified = created
    properties.revision = 1
    _set_style_language(document, language)
    set_page(document.sections[0], landscape=False)
    return document


def _set_style_language(document: Any, language: str) -> None:
    """The language of the document defaults and of every style that names one."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    run_properties = run_defaults.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        run_defaults.append(run_properties)
    for lang in styles.iter(qn("w:lang")):
        lang.getparent().remove(lang)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")
    run_properties.append(lang)


def set_page(section: Any, *, landscape: bool) -> None:
    """A4 with the dossier margins, portrait or landscape."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Emu

    width, height = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Emu(width * EMU_PER_MM)
    section.page_height = Emu(height * EMU_PER_MM)
    section.top_margin = Emu(MARGINS_MM["top"] * EMU_PER_MM)
    section.bottom_margin = Emu(MARGINS_MM["bottom"] * EMU_PER_MM)
    section.left_margin = Emu(MARGINS_MM["left"] * EMU_PER_MM)
    section.right_margin = Emu(MARGINS_MM["right"] * EMU_PER_MM)
    section.header_distance = Emu(10 * EMU_PER_MM)
    section.footer_distance = Emu(10 * EMU_PER_MM)


def new_section(document: Any, *, landscape: bool = False) -> Any:
    """A section starting on a new page, with the running lines from its first page (a new
    section copies the previous one's settings, the cover's « no header on page 1 » included)."""
    from docx.enum.section import WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    set_page(section, landscape=landscape)
    return section


def text_width(section: Any) -> int:
    """The width between the margins, in EMU."""
    return int(section.page_width - section.left_margin - section.right_margin)


def _field(paragraph: Any, code: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, PAGEREF…) with `shown` as its last computed result."""
    _field_begin(paragraph, code)
    paragraph.add_run(shown)
    _field_end(paragraph)


def running_header_and_footer(section: Any, *, header: str, footer: str) -> None:
    """The PDF's running lines: the title at the top, « footer — Page x / y » at the bottom."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Emu, Pt

    width = Emu(text_width(section))
    for style_name in ("Header", "Footer"):  # the template's tab stops are for US Letter
        tabs = section.part.document.styles[style_name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Emu(width // 2), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    top = section.header.paragraphs[0]
    top.text = header
    for run in top.runs:
        run.font.size = Pt(8)
    bottom = section.footer.paragraphs[0]
    bottom.text = ""
    bottom.add_run(f"{footer}\t\tPage ")
    _field(bottom, "PAGE", "1")
    bottom.add_run(" / ")
    _field(bottom, "NUMPAGES", "1")
    for run in bottom.runs:
        run.font.size = Pt(8)


def bookmark(paragraph: Any, name: str, number: int) -> None:
    """Put the bookmark `name` around the paragraph's text (a table-of-contents target)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def bookmark_name(number: int) -> str:
    """Word's hidden-bookmark form for headings (letters, digits and _ only, 40 at most)."""
    return f"_Toc{number:08d}"


def add_table_of_contents(document: Any, entries: Sequence[TocEntry]) -> None:
    """The table of contents written out: one line per heading, a link to it and a PAGEREF
    field for its page, so page 2 is never empty. Not a TOC field: LibreOffice shows a TOC
    field's stored text as is (no page numbers, since only a word processor can paginate),
    whereas it computes PAGEREF fields while laying out; Word computes them on opening
    (`updateFields` makes it offer to) and on printing."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Emu, Pt

    styles = document.styles
    width = Emu(text_width(document.sections[0]))
    for level in (1, 2):
        name = f"toc {level}"
        if name not in [s.name for s in styles]:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Emu((level - 1) * 7 * EMU_PER_MM)
            style.paragraph_format.space_after = Pt(2 if level == 2 else 4)
            style.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT,
                                                          WD_TAB_LEADER.DOTS)
            style.font.bold = level == 1
    for entry in entries:
        paragraph = document.add_paragraph(style=f"toc {entry.level}")
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), entry.bookmark)
        link.set(qn("w:history"), "1")
        paragraph._p.append(link)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = entry.text
        run.append(text)
        link.append(run)
        paragraph.add_run("\t")
        _field(paragraph, f"PAGEREF {entry.bookmark} \\h")
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def _field_begin(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()._r
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run.append(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    run.append(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run.append(separate)


def _field_end(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def text_points(text: str, *, size: float = TABLE_FONT_PT, bold: bool = False) -> float:
    """The width of `text` set in one line, in points (erring wide)."""
    em = 0.0
    for char in text:
        if char in EM_WIDE:
            em += EM_WIDE[char]
        elif char.isdigit():
            em += EM_DIGIT
        elif char.isspace():
            em += EM_SPACE
        elif char.isupper():
            em += EM_UPPER
        elif char.isalpha():
            em += EM_LOWER
        else:
            em += EM_OTHER
    return em * size * (BOLD_FACTOR if bold else 1)


BREAKS = re.compile(r"[ \t\n\r]+")


def _minimum_and_wanted(columns: Sequence[Sequence[str]], *, bold_rows: Collection[int],
                        bold_columns: Collection[int], unbreakable: Collection[int],
                        size: float) -> tuple[list[float], list[float]]:
    """Per column, in EMU: the width of its longest word (or whole text when unbreakable) and
    the width it would like (its longest line, up to WRAP_AT_CHARS)."""
    point = 12700  # EMU per point
    minimum, wanted = [], []
    for number, cells in enumerate(columns):
        least = most = 0.0
        for row, text in enumerate(cells):
            bold = row in bold_rows or number in bold_columns
            lines = text.split("\n")
            # Only ordinary spaces and line ends break a line: « 20 000 » or « 1 607 h » keep
            # their no-break spaces whole in Word and LibreOffice (str.split() would cut there
            # and size the column for « 000 »).
            words = (lines if number in unbreakable else BREAKS.split(text)) or [""]
            least = max(least, *(text_points(w, size=size, bold=bold) for w in words))
            most = max(most, *(text_points(line[:WRAP_AT_CHARS], size=size, bold=bold)
                               for line in lines))
        minimum.append((least + CELL_PADDING_PT) * point)
        wanted.append((max(most, least) + CELL_PADDING_PT) * point)
    return minimum, wanted


def fitting_size(columns: Sequence[Sequence[str]], *, available: int,
                 sizes: Sequence[float] = TABLE_SIZES, bold_rows: Collection[int] = (0,),
                 bold_columns: Collection[int] = (), unbreakable: Collection[int] = ()) -> float:
    """The largest font size in `sizes` at which every column's longest word fits side by side
    (the smallest when none does): a wide table gets a smaller type rather than cut words."""
    for size in sizes:
        minimum, _wanted = _minimum_and_wanted(columns, bold_rows=bold_rows,
                                               bold_columns=bold_columns,
                                               unbreakable=unbreakable, size=size)
        if sum(minimum) <= available:
            return size
    return sizes[-1]


def column_widths(columns: Sequence[Sequence[str]], *, available: int,
                  bold_rows: Collection[int] = (0,), bold_columns: Collection[int] = (),
                  unbreakable: Collection[int] = (),
                  size: float = TABLE_FONT_PT) -> list[int]:
    """Widths (EMU, adding up to `available`) for columns whose cells are `columns[i]`: each at
    least its longest word (the whole text for `unbreakable` columns, e.g. amounts), the rest
    shared by how much text each column holds, so short columns stay narrow and long texts wrap.
    If even the longest words do not fit, all shrink in proportion (words break only then)."""
    minimum, wanted = _minimum_and_wanted(columns, bold_rows=bold_rows,
                                          bold_columns=bold_columns, unbreakable=unbreakable,
                                          size=size)
    if sum(minimum) >= available:
        return _shares(minimum, available)
    if sum(wanted) <= available:
        return _shares(wanted, available)
    room = available - sum(minimum)
    extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
    return _shares([m + room * e / sum(extra) for m, e in zip(minimum, extra, strict=True)],
                   available)


def _shares(widths: Sequence[float], total: int) -> list[int]:
    """`widths` scaled to add up to `total` exactly (integers)."""
    scale = total / sum(widths)
    result = [int(w * scale) for w in widths]
    result[-1] += total - sum(result)
    return result


def fit_table(table: Any, widths: Sequence[int]) -> None:
    """Fix the table's column widths (the grid, each cell, fixed layout: Word and LibreOffice
    then show the same columns)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Emu

    table.autofit = False
    properties = table._tbl.tblPr
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(sum(widths) * TWIPS_PER_PT // 12700))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)


def repeat_header(row: Any) -> None:
    """Repeat the row at the top of each page the table runs on."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)
