"""The dossier as PDF: an HTML template rendered by WeasyPrint (cover, table of contents with
page numbers, running headers, the screens' SVG charts) as a tagged PDF/UA file, the partners'
PDF letters and the premises plan appended as the dossier's own last pages (numbered, headed,
in the table of contents; `capacite/lib/pdf_appended.py`)."""

import base64
import io
import mimetypes
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_lazy

from capacite.label.dossier.blocks import Attachment, Chart, Dossier, Heading


@dataclass(frozen=True)
class PdfResult:
    content: bytes
    pages: int
    appended: int  # PDF letters appended
    unreadable: tuple[str, ...]  # titles of attachments pypdf could not read


# The running header's room (38 % of the line) holds « Dossier de demande de label projet »;
# longer titles get a short form there (the cover and the PDF's title keep the full one).
HEADER_TITLES = {"label_fonctionnement": gettext_lazy("Confirmation du label fonctionnement")}


def _data_uri(path: str) -> str:
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    with open(path, "rb") as f:
        return f"data:{mime};base64,{base64.b64encode(f.read()).decode()}"


def _own_ids(svg: str, prefix: str) -> str:
    """Prefix an SVG's ids and their references (each of aria-labelledby's): two matplotlib
    charts in one document use the same ids, which would make one chart's clip paths point into
    the other."""
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'(xlink:href|href)="#([^"]+)"', rf'\1="#{prefix}-\2"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', rf'url(#{prefix}-\1)', svg)
    return re.sub(r'aria-labelledby="([^"]+)"',
                  lambda m: 'aria-labelledby="{}"'.format(
                      " ".join(f"{prefix}-{name}" for name in m.group(1).split())), svg)


def short_title(text: str) -> str:
    """A part's title up to its colon or parenthesis, for the running header."""
    return text.split(" :")[0].split(" (")[0]


def css_string(text: str) -> str:
    """`text` as the inside of a CSS string in a <style> element (quotes, backslashes and "<"
    escaped; HTML entities would be printed as such there)."""
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
            .replace("\n", " "))


def render_html(dossier: Dossier, appended: list | None = None) -> str:
    """The dossier's HTML; images are inlined, so nothing is fetched while rendering.

    `appended` (`pdf_appended.AppendedFile`s) get their placeholder pages at the end and their
    line in the table of contents."""
    from capacite.lib.pdf_appended import template_context

    appended = appended or []
    blocks = []
    seen_part = False
    for block in dossier.blocks:
        if isinstance(block, Chart):
            blocks.append({"type": "chart", "caption": block.caption,
                           "svg": _own_ids(block.svg, f"chart{len(blocks)}")})
        elif isinstance(block, Attachment):
            blocks.append({"type": "attachment", "title": block.title,
                           "data_uri": _data_uri(block.path)})
        elif isinstance(block, Heading) and block.level <= 2:
            # Each part of the first chapter starts a page, except the first after the chapter.
            blocks.append({**block.__dict__, "part_break": seen_part and block.level == 2,
                           "short": short_title(block.text)})
            seen_part = block.level == 2
        else:
            blocks.append(block)
    toc = [h for h in dossier.headings() if h.level <= 2]
    toc += [Heading(2, file.title, file.anchor) for file in appended]
    return render_to_string("label/dossier_pdf.html", {
        **template_context(appended),
        "dossier": {**dossier.__dict__, "blocks": blocks}, "toc": toc,
        "css_title": css_string(str(HEADER_TITLES.get(dossier.kind, dossier.title))),
        "css_contents": css_string(gettext("Sommaire")),
        "css_footer": css_string(f"{dossier.cite_name} — {dossier.generated}")})


def render_pdf(dossier: Dossier) -> PdfResult:
    from capacite.lib import pdf_appended
    from capacite.lib.pdf import write_pdf

    appended, unreadable = pdf_appended.read_appended(
        [(a.title, a.path) for a in dossier.attachments if a.kind == "pdf"])
    content = write_pdf(render_html(dossier, appended),
                        finish=lambda document, pdf: pdf_appended.fill(document, pdf, appended))
    pages = _page_count(content)
    return PdfResult(content, pages, len(appended), tuple(unreadable))


def _page_count(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)
