"""The dossier as DOCX (python-docx): real Heading styles and tables, so partners can edit and
comment in their word processor. Charts are SVG, which Word documents do not embed reliably:
the table that follows each chart in the dossier carries the same figures."""

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


def _toc_field(paragraph) -> None:
    """A Word table-of-contents field (updated by Word when the file is opened)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = 'TOC \\o "1-2" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "Mettez à jour la table (clic droit, « Mettre à jour les champs »)."
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, placeholder, end):
        run._r.append(element)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def render_docx(dossier: Dossier) -> bytes:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt, RGBColor

    document = Document()
    document.core_properties.title = f"{dossier.title} — {dossier.cite_name}"
    document.core_properties.language = "fr-FR"
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)

    document.add_paragraph(dossier.title, style="Title")
    document.add_paragraph(dossier.cite_name, style="Subtitle")
    if dossier.territory:
        document.add_paragraph(dossier.territory)
    document.add_paragraph(f"Document généré par capacite le {dossier.generated} à partir des "
                           "données du projet.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Sommaire", style="TOC Heading" if "TOC Heading" in
                           [s.name for s in styles] else "Heading 1")
    _toc_field(document.add_paragraph())

    section = document.sections[0]
    section.header.paragraphs[0].text = f"{dossier.title} — {dossier.cite_name}"
    footer = section.footer.paragraphs[0]
    footer.text = f"Généré le {dossier.generated}"
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    first_heading = True
    for block in dossier.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                if first_heading:
                    document.add_section(WD_SECTION.NEW_PAGE)
                else:
                    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                first_heading = False
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Missing):
            run = document.add_paragraph().add_run(block.text)
            run.italic = True
            run.font.color.rgb = RGBColor(0xB3, 0x40, 0x00)
        elif isinstance(block, Facts):
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for key, value in block.pairs:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = key, value
                cells[0].paragraphs[0].runs[0].bold = True
            document.add_paragraph()
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            caption = document.add_paragraph(block.caption, style="Caption")
            caption.paragraph_format.keep_with_next = True
            table = document.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            _repeat_header(table.rows[0])
            rows = list(block.rows) + ([block.total] if block.total else [])
            for number, row in enumerate(rows):
                cells = table.add_row().cells
                for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                    cell.text = text
                    if index in block.numeric:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    if number in block.strong:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            if block.total:
                for cell in table.rows[-1].cells:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
            document.add_paragraph()
        elif isinstance(block, Chart):
            document.add_paragraph(f"Graphique : {block.caption} (reproduit dans la version PDF ; "
                                   "les chiffres figurent dans le tableau suivant).",
                                   style="Caption")
        elif isinstance(block, Attachment):
            document.add_picture(block.path, width=section.page_width - section.left_margin
                                 - section.right_margin)
            document.add_paragraph(block.title, style="Caption")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
