"""Every PDF tagged, titled and in its language; appended files counted and headed."""

import pytest

from capacite.lib import pdf_appended
from capacite.lib.pdf import PdfTemplateError, write_pdf
from capacite.testing_files import (
    assert_accessible_pdf,
    pdf_info,
    pdf_page_sizes,
    pdf_pages_text,
)

PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Dossier test</title>
<style>@page {{ size: A4; margin: 22mm 18mm;
  @top-left {{ content: "En-tête courant"; }}
  @top-right {{ content: string(part); }}
  @bottom-right {{ content: "Page " counter(page) " / " counter(pages); }} }}
h2 {{ string-set: part attr(data-short); }}</style></head>
<body><h1>Corps du dossier</h1><p>Texte.</p>{appended}</body></html>"""


def _letter(text: str, *, pages: int = 1, landscape: bool = False) -> bytes:
    size = "A4 landscape" if landscape else "A4"
    body = "".join(f"<p style='break-after: page'>{text} {n}</p>" for n in range(1, pages + 1))
    return write_pdf(f"<html lang='fr'><head><title>{text}</title><style>@page {{ size: {size} }}"
                     f"</style></head><body>{body}</body></html>")


def _document(appended: list) -> bytes:
    from django.template.loader import render_to_string

    html = PAGE.format(appended=render_to_string(
        "pdf/appended_pages.html", pdf_appended.template_context(appended)))
    return write_pdf(html, finish=lambda document, pdf: pdf_appended.fill(document, pdf,
                                                                           appended))


def test_a_template_without_title_or_language_is_refused():
    with pytest.raises(PdfTemplateError, match="<title>"):
        write_pdf("<html lang='fr'><body><p>x</p></body></html>")
    with pytest.raises(PdfTemplateError, match="langue"):
        write_pdf("<html><head><title>T</title></head><body><p>x</p></body></html>")


def test_appended_files_are_counted_headed_and_keep_the_document_tagged(tmp_path):
    letter = tmp_path / "lettre.pdf"
    letter.write_bytes(_letter("Lettre de la Région", pages=2))
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(_letter("Plan des locaux", landscape=True))
    broken = tmp_path / "abime.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    appended, unreadable = pdf_appended.read_appended(
        [("Lettre — Région", str(letter)), ("Plan", str(plan)), ("Abîmé", str(broken))])
    assert unreadable == ["Abîmé"]
    assert [(p.number, p.count, p.landscape) for f in appended for p in f.pages] == [
        (1, 2, False), (2, 2, False), (1, 1, True)]
    assert appended[0].pages[0].alt == "Lettre — Région, page 1 sur 2 : Lettre de la Région 1"

    content = _document(appended)
    info = assert_accessible_pdf(content, title="Dossier test")
    assert info["Pages"] == "4"
    assert info["Producer"] == "WeasyPrint 70.0"
    pages = pdf_pages_text(content)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} / 4" in page
        assert "En-tête courant" in page
    assert "Lettre de la Région 1" in pages[1] and "Lettre — Région" in pages[1]
    assert "Lettre de la Région 2" in pages[2] and "page 2 / 2" in pages[2]
    assert "Plan des locaux 1" in pages[3] and "Plan" in pages[3].split("\n")[0]
    assert pdf_page_sizes(content)[2:] == ["595.276 x 841.89 pts (A4)",
                                           "841.89 x 595.276 pts (A4)"]


def test_a_rotated_page_is_drawn_as_a_viewer_shows_it():
    """/Rotate 90 turns the page clockwise: its top-left corner ends at the top right."""
    width, height = 100, 200
    matrix = pdf_appended._rotation(90, width, height)
    a, b, c, d, e, f = matrix

    def apply(x, y):
        return (a * x + c * y + e, b * x + d * y + f)

    assert apply(0, height) == (height, width)  # top-left → top-right of a 200 × 100 page
    assert apply(0, 0) == (0, width)  # bottom-left → top-left
    assert pdf_info(_letter("x"))["Tagged"] == "yes"
