"""One check for every uploaded document: accepted types and the size limit, in French.

Evidence of a roadmap task, a partner's commitment letter, a meeting document or a statute
version all go through `check_upload`, so the rule and its messages are the same everywhere.
The type is the content's, not only the name's: the first bytes (and, for the office formats,
the zip's inner parts) must be those of the format the extension announces, so an HTML page
named « lettre.pdf » is refused. Files are always served as attachments besides.
"""

import io
import zipfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DOCUMENT_EXTENSIONS = frozenset({".pdf", ".docx", ".odt", ".png", ".jpg", ".jpeg"})


# What each accepted extension's content starts with (the « magic bytes »).
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
}
# The part an office file (a zip) must hold, or its declared mimetype.
ZIP_PARTS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
ODF_TYPES = {".odt": b"application/vnd.oasis.opendocument.text",
             ".ods": b"application/vnd.oasis.opendocument.spreadsheet"}


def content_matches(upload: Any, suffix: str) -> bool:
    """True when the content of `upload` is of the format `suffix` announces (unknown
    extensions are left to the extension check). Reads the file and puts it back at the start."""
    signatures = SIGNATURES.get(suffix)
    if signatures is None:
        return True
    upload.seek(0)
    head = upload.read(2048)
    try:
        if not head.startswith(signatures):
            return False
        if suffix not in ZIP_PARTS and suffix not in ODF_TYPES:
            return True
        upload.seek(0)
        data = upload.read(settings.EVIDENCE_MAX_BYTES + 1)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if suffix in ZIP_PARTS:
                return ZIP_PARTS[suffix] in archive.namelist()
            return archive.read("mimetype").strip() == ODF_TYPES[suffix]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return False
    finally:
        upload.seek(0)


def check_upload(upload: Any, *, extensions: frozenset[str] = DOCUMENT_EXTENSIONS) -> Any:
    """Return `upload` if its type is accepted, its content is of that type and it fits the
    limit; raise ValidationError."""
    if Path(upload.name).suffix.lower() not in extensions:
        raise forms.ValidationError(
            _("Le fichier « %(name)s » n'est pas d'un type accepté (%(types)s).")
            % {"name": upload.name, "types": ", ".join(sorted(extensions))}
        )
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise forms.ValidationError(
            _("Le fichier « %(name)s » dépasse la taille permise (%(size)s).")
            % {"name": upload.name, "size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}
        )
    suffix = Path(upload.name).suffix.lower()
    if not content_matches(upload, suffix):
        raise forms.ValidationError(
            _("Le contenu du fichier « %(name)s » n'est pas celui d'un fichier %(type)s : "
              "enregistrez-le de nouveau au bon format depuis le logiciel qui l'a produit.")
            % {"name": upload.name, "type": suffix.lstrip(".").upper()}
        )
    return upload


def is_new_upload(value: Any) -> bool:
    """True for a file just sent with the form, False for the file already stored."""
    return bool(value) and hasattr(value, "content_type")


def original_name(upload: Any) -> str:
    """The sender's file name, kept for downloads (storage uses a generated one)."""
    return Path(upload.name).name[:200]


IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg"})


def check_image(upload: Any) -> Any:
    """`check_upload` for photos, then the content itself: a PNG or JPEG Pillow can read, so a
    renamed file of another kind is refused (issue 16). Returns `upload`, rewound."""
    from PIL import Image, UnidentifiedImageError

    check_upload(upload, extensions=IMAGE_EXTENSIONS)
    try:
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    upload.seek(0)
    if kind not in ("PNG", "JPEG"):
        raise forms.ValidationError(
            _("Le fichier « %(name)s » n'est pas une image PNG ou JPEG lisible.")
            % {"name": upload.name})
    return upload
