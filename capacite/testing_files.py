"""For the tests: the files capacite produces, read back the way a user's programs read them.

Each function checks a property in the file itself (pdfinfo's « Tagged », the page size in
`document.xml`, a cell's type in the XLSX, the time-zone rules of an .ics as ical.js applies
them), never the code that wrote it.
"""

import io
import re
import subprocess
import tempfile
import zipfile
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo


def pdf_info(content: bytes) -> dict[str, str]:
    """pdfinfo's fields (Title, Tagged, Pages, Page size…) of a PDF."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(content)
        file.flush()
        output = subprocess.run(["pdfinfo", file.name], capture_output=True, check=True,
                                text=True).stdout
    return {key.strip(): value.strip() for key, _sep, value in
            (line.partition(":") for line in output.splitlines())}


def pdf_page_sizes(content: bytes) -> list[str]:
    """pdfinfo's size of every page (« 595.276 x 841.89 pts (A4) »)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(content)
        file.flush()
        output = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", file.name],
                                capture_output=True, check=True, text=True).stdout
    return [line.split(":", 1)[1].strip() for line in output.splitlines()
            if re.match(r"Page +\d+ size:", line)]


def pdf_language(content: bytes) -> str:
    from pypdf import PdfReader

    return str(PdfReader(io.BytesIO(content)).trailer["/Root"].get("/Lang", ""))


def pdf_pages_text(content: bytes) -> list[str]:
    """The text of each page (pdftotext)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(content)
        file.flush()
        text = subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True,
                              check=True, text=True).stdout
    return text.split("\f")[:-1]


def assert_accessible_pdf(content: bytes, *, title: str, language: str = "fr") -> dict:
    """Tagged, titled and in `language`, as pdfinfo and the catalogue say; returns pdfinfo's
    fields for further checks."""
    info = pdf_info(content)
    assert info["Tagged"] == "yes", info
    assert info["Title"] == title, info
    assert pdf_language(content) == language
    return info


def docx_facts(content: bytes) -> dict[str, Any]:
    """Page sizes (twentieths of a point, per section), the styles' language and the core
    properties, read from the DOCX's XML parts."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        document = archive.read("word/document.xml").decode()
        styles = archive.read("word/styles.xml").decode()
        core = archive.read("docProps/core.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    sizes = [(int(w), int(h)) for w, h in re.findall(
        r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', document)]
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    return {
        "page_sizes": sizes,
        "default_language": re.findall(r'<w:lang w:val="([^"]+)"',
                                       defaults.group(0) if defaults else ""),
        "style_languages": sorted(set(re.findall(r'<w:lang w:val="([^"]+)"', styles))),
        "core": dict(re.findall(r"<(?:dc|cp|dcterms):(\w+)[^>]*>([^<]*)</", core)),
        "update_fields": '<w:updateFields w:val="true"/>' in settings,
    }


def xlsx_cells(content: bytes) -> dict[str, list[list[tuple[Any, str, str]]]]:
    """Each sheet's rows as (value, openpyxl's type, number format) per cell."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    return {sheet.title: [[(c.value, c.data_type, c.number_format) for c in row]
                          for row in sheet.iter_rows()] for sheet in book.worksheets}


def xlsx_sheet_setup(content: bytes) -> dict[str, dict[str, Any]]:
    """Frozen panes, widths, print set-up of each sheet."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    return {sheet.title: {
        "freeze": sheet.freeze_panes, "paper": sheet.page_setup.paperSize,
        "fit_width": sheet.page_setup.fitToWidth, "fit_height": sheet.page_setup.fitToHeight,
        "fit_to_page": sheet.sheet_properties.pageSetUpPr.fitToPage,
        "title_rows": sheet.print_title_rows,
        "widths": {k: v.width for k, v in sheet.column_dimensions.items()},
    } for sheet in book.worksheets}


def ics_events(content: bytes) -> list[tuple[str, datetime]]:
    """Each event's summary and start in UTC, computed the way ical.js does: from the
    VTIMEZONE's own observances, reading only each one's DTSTART and RRULE (and the first RDATE
    value, which is where ical.js stops). Raises AssertionError when the file has no component,
    an observance lists RDATEs, or a TZID has no VTIMEZONE."""
    from dateutil.rrule import rrulestr
    from icalendar import Calendar

    calendar = Calendar.from_ical(content)
    assert calendar.subcomponents, "a calendar without any component (RFC 5545 forbids it)"
    zones: dict[str, list[tuple[datetime, timedelta]]] = {}
    for zone in calendar.walk("VTIMEZONE"):
        onsets = []
        for observance in zone.subcomponents:
            assert "RDATE" not in observance, "a time zone listed as dates, not yearly rules"
            start = observance["DTSTART"].dt.replace(tzinfo=None)
            offset = observance["TZOFFSETTO"].td
            if "RRULE" in observance:
                rule = rrulestr(observance["RRULE"].to_ical().decode(), dtstart=start)
                onsets += [(moment, offset) for moment in rule.between(
                    start, datetime(2040, 1, 1), inc=True)]
            else:
                onsets.append((start, offset))
        zones[str(zone["TZID"])] = sorted(onsets)
    events = []
    for event in calendar.walk("VEVENT"):
        start = event["DTSTART"]
        moment = start.dt
        tzid = start.params.get("TZID")
        if tzid:
            assert tzid in zones, f"TZID {tzid} without its VTIMEZONE"
            local = moment.replace(tzinfo=None)
            offset = [o for onset, o in zones[tzid] if onset <= local][-1]
            moment = (local - offset).replace(tzinfo=ZoneInfo("UTC"))
        else:
            assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0), \
                "a floating time"
        events.append((str(event.get("SUMMARY", "")), moment))
    return events


def odt_bytes(text: str = "Statuts") -> bytes:
    """A minimal OpenDocument text, as an office suite would name and type it (uploads are
    checked by content, not only by extension)."""
    buffer = io.BytesIO()
    stamp = (2026, 1, 5, 9, 0, 0)  # fixed: two calls give the same bytes whatever the clock
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", stamp),
                         "application/vnd.oasis.opendocument.text")
        archive.writestr(zipfile.ZipInfo("content.xml", stamp),
                         f"<office:document-content>{text}</office:document-content>")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    """A minimal Word document (its zip holds word/document.xml)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()
