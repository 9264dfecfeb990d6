"""The languages capacite writes its files in: the interface's two, each with the tag a PDF's
/Lang and a DOCX's styles carry (spelling, hyphenation and screen readers follow it).

A dossier or a report is rendered inside `translation.override(code)`; its blocks pick their
tag from the active language when they are built (`document_tag`).
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DOCUMENT_TAGS = {"fr": "fr-FR", "en": "en-GB"}
LANGUAGES = tuple(DOCUMENT_TAGS)
LANGUAGE_CHOICES = [("fr", _("Français")), ("en", _("English"))]


def current_language() -> str:
    """The active language as one of LANGUAGES (French unless English is active)."""
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def document_tag() -> str:
    """The active language's tag for a document: « fr-FR » or « en-GB »."""
    return DOCUMENT_TAGS[current_language()]
