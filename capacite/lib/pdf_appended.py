"""PDF files appended to a document (partners' letters, premises plans), as its own pages.

Appending with a PDF library after rendering gives pages nobody counted (« Page 21 / 21 » on
the 22nd page), with no running header, and a merged file that loses the document's title,
language and structure tree. Here the document's template lays out one placeholder page per
appended page (`{% include "pdf/appended_pages.html" %}`): the page belongs to the document, so
its number and running header come from the document's own `@page` rules and `counter(pages)`
counts it; a caption names the file, and a transparent image the size of the frame stands for
the page in the structure tree, its `alt` saying what the page is and the text it holds. Once
WeasyPrint has rendered the document, `fill` draws each appended page into its frame, scaled to
fit, marked as an artifact (the figure's `alt` already describes it). The file stays the one
WeasyPrint made: title, language, tags, bookmarks and XMP metadata are kept.
"""

import io
from dataclasses import dataclass
from typing import Any

# The placeholder pages' geometry, written into the partial's CSS and used to fit the page in.
MARGINS_MM = {"top": 22, "right": 18, "bottom": 20, "left": 18}
CAPTION_MM = 14  # room kept above the frame for the file's title
A4_MM = (210, 297)
PT_PER_MM = 72 / 25.4
PT_PER_PX = 0.75  # WeasyPrint's anchors (the box of an element with an id) are in CSS px
ALT_TEXT_LIMIT = 1500
# A transparent pixel: the placeholder figure draws nothing, the appended page is drawn over it.
BLANK_PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"
             "nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==")


@dataclass(frozen=True)
class AppendedPage:
    anchor: str  # id of the placeholder frame in the HTML
    number: int  # 1-based, within its file
    count: int  # pages of its file
    landscape: bool
    alt: str

    @property
    def orientation(self) -> str:
        return "landscape" if self.landscape else "portrait"

    @property
    def frame_mm(self) -> tuple[float, float]:
        """Width and height of the frame the page is drawn in."""
        return frame_mm(self.landscape)


@dataclass(frozen=True)
class AppendedFile:
    title: str
    path: str
    anchor: str  # id of the file's heading, for the table of contents
    pages: tuple[AppendedPage, ...]


def frame_mm(landscape: bool) -> tuple[float, float]:
    width, height = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    return (width - MARGINS_MM["left"] - MARGINS_MM["right"],
            height - MARGINS_MM["top"] - MARGINS_MM["bottom"] - CAPTION_MM)


def _shown_size(page: Any) -> tuple[float, float]:
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    return (height, width) if page.rotation % 180 else (width, height)


def _page_text(page: Any) -> str:
    try:
        return " ".join((page.extract_text() or "").split())
    except Exception:  # noqa: BLE001 - the text only feeds the description; a page is drawn anyway
        return ""


def read_appended(files: list[tuple[str, str]], *, prefix: str = "appended"
                  ) -> tuple[list[AppendedFile], list[str]]:
    """Each (title, path) that reads as a PDF, with its pages; the titles of those that do not
    (a damaged or encrypted file is listed, never a reason to fail the whole document)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    readable, unreadable = [], []
    for index, (title, path) in enumerate(files, start=1):
        try:
            reader = PdfReader(path)
            sizes = [_shown_size(page) for page in reader.pages]
            texts = [_page_text(page) for page in reader.pages]
        except (PyPdfError, OSError, ValueError, KeyError):
            unreadable.append(title)
            continue
        if not sizes:
            unreadable.append(title)
            continue
        count = len(sizes)
        pages = []
        for number, ((width, height), text) in enumerate(zip(sizes, texts, strict=True), 1):
            alt = f"{title}, page {number} sur {count}"
            if text:
                alt += " : " + (text if len(text) <= ALT_TEXT_LIMIT
                                else text[:ALT_TEXT_LIMIT].rsplit(" ", 1)[0] + " […]")
            pages.append(AppendedPage(f"{prefix}-{index}-{number}", number, count,
                                      width > height, alt))
        readable.append(AppendedFile(title, path, f"{prefix}-{index}", tuple(pages)))
    return readable, unreadable


def template_context(files: list[AppendedFile]) -> dict[str, Any]:
    """What `pdf/appended_pages.html` needs."""
    return {"appended": files, "appended_blank": BLANK_PNG,
            "appended_margins": MARGINS_MM, "appended_caption_mm": CAPTION_MM}


def _rotation(rotate: int, width: float, height: float) -> tuple[float, ...]:
    """The matrix showing a page's content as a viewer does for its /Rotate (clockwise)."""
    return {0: (1, 0, 0, 1, 0, 0), 90: (0, -1, 1, 0, 0, width),
            180: (-1, 0, 0, -1, width, height), 270: (0, 1, -1, 0, height, 0)}[rotate % 360]


def _multiply(first: tuple[float, ...], then: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix applying `first`, then `then`."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _as_form(writer: Any, page: Any) -> Any:
    """A source page as a Form XObject of `writer` (its content and resources, cloned)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject
    from pypdf.generic import NameObject as Name

    contents = page.get_contents()
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    box = page.cropbox
    resources = page.get("/Resources")
    form.update({
        Name("/Type"): Name("/XObject"), Name("/Subtype"): Name("/Form"),
        Name("/BBox"): ArrayObject(FloatObject(v) for v in (box.left, box.bottom, box.right,
                                                            box.top)),
        Name("/Resources"): resources.clone(writer) if resources is not None
        else DictionaryObject(),
    })
    return writer._add_object(form)


def _draw(writer: Any, target: Any, source: Any, name: str,
          frame: tuple[float, float, float, float]) -> None:
    """Draw `source` inside `frame` (x, y, width, height in points) of `target`, centred at the
    top and scaled to fit, as an artifact."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject
    from pypdf.generic import NameObject as Name

    box = source.cropbox
    width, height = float(box.width), float(box.height)
    shown_width, shown_height = _shown_size(source)
    x, y, frame_width, frame_height = frame
    scale = min(frame_width / shown_width, frame_height / shown_height)
    matrix = _multiply((1, 0, 0, 1, -float(box.left), -float(box.bottom)),
                       _rotation(source.rotation, width, height))
    matrix = _multiply(matrix, (scale, 0, 0, scale,
                                x + (frame_width - shown_width * scale) / 2,
                                y + frame_height - shown_height * scale))
    resources = target["/Resources"].get_object()
    if "/XObject" not in resources:
        resources[Name("/XObject")] = DictionaryObject()
    resources["/XObject"].get_object()[Name("/" + name)] = _as_form(writer, source)

    def stream(data: bytes) -> Any:
        obj = DecodedStreamObject()
        obj.set_data(data)
        return writer._add_object(obj)

    cm = " ".join(f"{v:.5f}" for v in matrix)
    existing = target["/Contents"].get_object()
    parts = list(existing) if isinstance(existing, ArrayObject) else [target.raw_get("/Contents")]
    target[Name("/Contents")] = ArrayObject([
        stream(b"q\n"), *parts,
        stream(f"\nQ q /Artifact BMC {cm} cm /{name} Do EMC Q\n".encode())])


def fill(document: Any, pdf: bytes, files: list[AppendedFile]) -> bytes:
    """`pdf` (rendered from `document`) with each appended page drawn into its placeholder."""
    from pypdf import PdfReader, PdfWriter

    if not files:
        return pdf
    where = {anchor: (index, page.height, position)
             for index, page in enumerate(document.pages)
             for anchor, position in page.anchors.items()}
    original = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=original)
    for file_number, file in enumerate(files, start=1):
        source = PdfReader(file.path)
        for page in file.pages:
            index, page_height_px, (left, top, right, bottom) = where[page.anchor]
            frame = (left * PT_PER_PX, (page_height_px - bottom) * PT_PER_PX,
                     (right - left) * PT_PER_PX, (bottom - top) * PT_PER_PX)
            _draw(writer, writer.pages[index], source.pages[page.number - 1],
                  f"CapaciteAppended{file_number}p{page.number}", frame)
    if original.metadata:
        writer.add_metadata(dict(original.metadata))
    # pypdf writes « %PDF-1.3 » by default: a tagged PDF/UA file says the version it is.
    writer.pdf_header = original.pdf_header
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
