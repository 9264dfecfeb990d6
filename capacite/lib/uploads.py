"""One check for every uploaded document: accepted types and the size limit, in French.

Evidence of a roadmap task, a partner's commitment letter, a meeting document or a statute
version all go through `check_upload`, so the rule and its messages are the same everywhere.
"""

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DOCUMENT_EXTENSIONS = frozenset({".pdf", ".docx", ".odt", ".png", ".jpg", ".jpeg"})


def check_upload(upload: Any, *, extensions: frozenset[str] = DOCUMENT_EXTENSIONS) -> Any:
    """Return `upload` if its type is accepted and it fits the limit; raise ValidationError."""
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
