"""Printed posters of a questionnaire's link: the QR code of its `?via=qr` address, in A4 or A5.

The QR code is drawn by `segno` (pure Python) as inline SVG, so WeasyPrint lays it out as a
vector figure with an `alt` text: sharp at any size and read by screen readers as the address.
The poster goes through `write_pdf` like every capacite PDF (tagged, titled, with its language).
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from capacite.activity.models import SurveyLink

# Paper sizes WeasyPrint knows by name; the QR code's side on each, in millimetres.
PAPERS = {"a4": ("A4", 120), "a5": ("A5", 85)}


def qr_svg(address: str) -> str:
    """The QR code of `address` as an inline `<svg>` element (no XML declaration), medium error
    correction so a worn or folded poster still reads."""
    import segno

    code = segno.make(address, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr")


def qr_address(link_address: str) -> str:
    """The address the QR code holds: the link's, tagged so its answers count as « Code QR »."""
    return f"{link_address}{'&' if '?' in link_address else '?'}via=qr"


def poster_pdf(link: SurveyLink, *, link_address: str, paper: str, request=None) -> bytes:
    """The poster of `link` on `paper` ("a4" or "a5") as a tagged PDF."""
    from capacite.lib.pdf import write_pdf

    size, qr_mm = PAPERS[paper]
    address = qr_address(link_address)
    html = render_to_string("activity/poster_pdf.html", {
        "link": link, "cite": link.cite, "address": address, "size": size, "qr_mm": qr_mm,
        "small": paper == "a5", "qr": mark_safe(qr_svg(address))}, request=request)
    return write_pdf(html)
