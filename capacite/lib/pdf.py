"""Every PDF capacite makes goes through `write_pdf`: WeasyPrint's tagged PDF/UA-1 variant.

Public bodies must give documents a structure screen readers follow (RGAA); WeasyPrint builds
it from the HTML (headings, lists, tables with their header cells, figures with their `alt`).
The title comes from the template's `<title>`, the language from `<html lang>`: a template
without either is a bug, refused here rather than shipped as a PDF called « Untitled ».

Files appended to a document (partners' letters, premises plans) are laid out by
`capacite/lib/pdf_appended.py`, inside the same rendering, so they are counted and headed.

A document in French (`<html lang="fr…">`) gets its no-break spaces before « : ; ! ? » and
inside guillemets here, as French pages do in `TypographyMiddleware` (issue 19, point 4); a
document in English loses the space before « : ; ! ? », as English pages do.
"""

import logging
import re
from collections.abc import Callable
from typing import Any

from capacite.lib.typography import english_spacing, french_spacing

PDF_VARIANT = "pdf/ua-1"
_FRENCH = re.compile(r"""<html\b[^>]*?\blang=["']?fr\b""", re.IGNORECASE)


class PdfTemplateError(ValueError):
    """A template without a title or a language: the PDF would not be accessible."""


def render_document(html: str) -> Any:
    """The laid-out WeasyPrint document, checked for a title and a language."""
    from weasyprint import HTML

    # matplotlib's SVG styles (fill, stroke…) are not CSS properties WeasyPrint knows: it logs a
    # warning for each, hundreds per dossier, and draws them right all the same.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    html = (french_spacing if _FRENCH.search(html, 0, 2000) else english_spacing)(html)
    document = HTML(string=html).render(pdf_variant=PDF_VARIANT)
    if not (document.metadata.title or "").strip():
        raise PdfTemplateError("Le gabarit du PDF n'a pas de <title>.")
    if not (document.metadata.lang or "").strip():
        raise PdfTemplateError("Le gabarit du PDF n'indique pas sa langue (<html lang>).")
    return document


def write_pdf(html: str, *, finish: Callable[[Any, bytes], bytes] | None = None) -> bytes:
    """`html` as a tagged PDF/UA-1 file. `finish(document, pdf)` may rework the bytes with the
    laid-out document at hand (`pdf_appended.fill` draws the appended files that way)."""
    document = render_document(html)
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return finish(document, pdf) if finish else pdf
