"""A dossier as a list of plain blocks, rendered to PDF (HTML + WeasyPrint) and DOCX alike.

The content is built once (`content.py`); both renderers walk the same blocks, so the PDF and
the DOCX say the same thing with the same figures.
"""

from dataclasses import dataclass, field

from capacite.lib.languages import document_tag


@dataclass(frozen=True)
class Heading:
    level: int  # 1 chapter, 2 part, 3 sub-part
    text: str
    anchor: str
    type: str = "heading"


@dataclass(frozen=True)
class Para:
    text: str
    type: str = "para"


@dataclass(frozen=True)
class Missing:
    """Something the dossier should say and cannot yet: shown framed, so nobody misses it."""

    text: str
    type: str = "missing"


@dataclass(frozen=True)
class Facts:
    pairs: tuple[tuple[str, str], ...]
    type: str = "facts"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    type: str = "bullets"


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # columns aligned right
    total: tuple[str, ...] | None = None
    strong: tuple[int, ...] = ()  # indices of rows printed in bold (subtotals)
    type: str = "table"


@dataclass(frozen=True)
class Chart:
    """An SVG chart of a screen; the DOCX shows the table that follows it instead."""

    svg: str
    caption: str
    type: str = "chart"


@dataclass(frozen=True)
class Attachment:
    """A file annexed to the dossier: a PDF is appended, an image is shown, others are listed."""

    title: str
    path: str  # absolute path on the storage
    kind: str  # "pdf", "image", "other"
    type: str = "attachment"


@dataclass
class Dossier:
    kind: str
    title: str
    cite_name: str
    territory: str
    generated: str  # dd/mm/yyyy
    blocks: list = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    language: str = field(default_factory=document_tag)  # « fr-FR » or « en-GB »

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def add(self, *blocks) -> None:
        self.blocks.extend(blocks)
