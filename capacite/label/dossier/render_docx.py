"""The dossier as DOCX (python-docx): real Heading styles and tables, so partners can edit and
comment in their word processor. The page, language, properties, running lines, column widths
and table of contents are set by `capacite/lib/word.py`. Charts are SVG, which Word documents
do not embed reliably: the table that follows each chart in the dossier carries the same
figures. A landscape image gets a landscape section."""

import io

from capacite.label.dossier.blocks import (
    Attachment,
    Bullets,
    Chart,
    Dossier,
    Facts,
    Heading,
    Missing,
    Para,
    Table,
)
from capacite.lib import word


def _landscape_image(path: str) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
    except OSError:
        return False
    return width > height


def _table(document, headers, rows, *, numeric=(), strong=(), bold_first_column=False):
    """A table with its columns fitted to their text (`lib/word.py`), header repeated; `strong`
    are the indices of the rows (after the header) set in bold."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    table = document.add_table(rows=0, cols=len(rows[0]) if rows else len(headers))
    table.style = "Table Grid"
    all_rows = ([headers] if headers else []) + list(rows)
    offset = 1 if headers else 0
    bold_rows = ({0} if headers else set()) | {n + offset for n in strong}
    for number, row in enumerate(all_rows):
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            paragraph = cell.paragraphs[0]
            if index in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(word.TABLE_FONT_PT)
                run.bold = number in bold_rows or (bold_first_column and index == 0)
    if headers:
        word.repeat_header(table.rows[0])
    columns = [[row[i] for row in all_rows] for i in range(len(all_rows[0]))]
    available = word.text_width(document.sections[-1])
    bold_columns = (0,) if bold_first_column else ()
    size = word.fitting_size(columns, available=available, bold_rows=bold_rows,
                             bold_columns=bold_columns, unbreakable=numeric)
    if size != word.TABLE_FONT_PT:
        for row in table.rows:
            for cell in row.cells:
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(size)
    word.fit_table(table, word.column_widths(
        columns, available=available, bold_rows=bold_rows, bold_columns=bold_columns,
        unbreakable=numeric, size=size))
    return table


def render_docx(dossier: Dossier) -> bytes:
    from django.utils import timezone
    from django.utils.translation import gettext as _
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt, RGBColor

    document = word.new_document(
        title=f"{dossier.title} — {dossier.cite_name}", subject=dossier.cite_name,
        language=dossier.language, created=timezone.now().replace(microsecond=0),
        keywords="Cité des métiers")
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)

    cover = document.sections[0]
    cover.different_first_page_header_footer = True  # the cover has no running lines
    word.running_header_and_footer(cover, header=dossier.title,
                                   footer=f"{dossier.cite_name} — {dossier.generated}")
    document.add_paragraph(dossier.title, style="Title")
    document.add_paragraph(dossier.cite_name, style="Subtitle")
    if dossier.territory:
        document.add_paragraph(dossier.territory)
    document.add_paragraph(_("Document généré par capacite le %(date)s à partir des données du "
                             "projet.") % {"date": dossier.generated})
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(_("Sommaire"), style="TOC Heading")
    headings = [b for b in dossier.blocks if isinstance(b, Heading)]
    numbers = {id(h): n for n, h in enumerate(headings, start=1)}
    pdf_pieces = [a for a in dossier.attachments if a.kind == "pdf"]
    pieces_number = len(headings) + 1  # the PDF pieces' list, last (see _pdf_attachments)
    word.add_table_of_contents(document, [
        *(word.TocEntry(h.level, h.text, word.bookmark_name(numbers[id(h)]))
          for h in headings if h.level <= 2),
        *([word.TocEntry(1, _("Pièces jointes en PDF"), word.bookmark_name(pieces_number))]
          if pdf_pieces else [])])

    first_heading = True
    landscape = False
    for block in dossier.blocks:
        wanted = (isinstance(block, Attachment) and block.kind == "image"
                  and _landscape_image(block.path))
        if wanted != landscape:
            landscape = wanted
            word.new_section(document, landscape=landscape)
        if isinstance(block, Heading):
            if block.level == 1:
                if first_heading:
                    word.new_section(document)
                else:
                    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                first_heading = False
            paragraph = document.add_heading(block.text, level=block.level)
            number = numbers[id(block)]
            word.bookmark(paragraph, word.bookmark_name(number), number)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Missing):
            run = document.add_paragraph().add_run(block.text)
            run.italic = True
            run.font.color.rgb = RGBColor(0xB3, 0x40, 0x00)
        elif isinstance(block, Facts):
            _table(document, (), block.pairs, bold_first_column=True)
            document.add_paragraph()
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            caption = document.add_paragraph(block.caption, style="Caption")
            caption.paragraph_format.keep_with_next = True
            rows = list(block.rows) + ([block.total] if block.total else [])
            strong = set(block.strong) | ({len(rows) - 1} if block.total else set())
            _table(document, block.headers, rows, numeric=block.numeric, strong=strong)
            document.add_paragraph()
        elif isinstance(block, Chart):
            document.add_paragraph(_("Graphique : %(caption)s (reproduit dans la version PDF ; "
                                     "les chiffres figurent dans le tableau suivant).")
                                   % {"caption": block.caption}, style="Caption")
        elif isinstance(block, Attachment):
            section = document.sections[-1]
            document.add_picture(block.path, width=word.text_width(section))
            document.add_paragraph(block.title, style="Caption")
    if pdf_pieces:
        if landscape:
            word.new_section(document, landscape=False)
        _pdf_attachments(document, pdf_pieces, pieces_number)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_attachments(document, pieces: list[Attachment], number: int) -> None:
    """The PDF pieces (letters of intent, a plan, funding acts) that the PDF version reproduces
    at its end: Word cannot hold their pages, so the dossier's end names them, and says where
    they are, instead of promising pages it does not have."""
    from django.utils.translation import gettext as _
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading = document.add_heading(_("Pièces jointes en PDF"), level=1)
    word.bookmark(heading, word.bookmark_name(number), number)
    document.add_paragraph(_("Ces pièces sont des fichiers PDF : la version PDF du dossier les "
                             "reproduit à sa fin ; avec ce fichier Word, joignez-les à l'envoi."))
    for piece in pieces:
        document.add_paragraph(piece.title, style="List Bullet")
