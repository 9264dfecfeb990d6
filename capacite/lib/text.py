"""One cleaning rule for every text that comes in, by a form, an import or a command.

Why: a vertical tab that Word pastes for Shift+Enter made every XLSX export of a Cité fail
(openpyxl refuses it); a NUL is refused by PostgreSQL; a right-to-left override makes
« gpj.exe » read « exe.jpg »; a zero-width space makes two equal names differ; a line break in a
name breaks every list and file that shows it. So:

- removed everywhere: C0 and C1 control characters (NUL included) other than tab and line
  breaks, the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069, and the
  invisible marks U+200E, U+200F, U+061C), zero-width characters (U+200B–200D, U+2060, U+FEFF,
  U+180E) and the soft hyphen;
- a one-line text (a name, a title, any `CharField`): tabs and line breaks become one space;
- a multi-line text (a `TextField`): line breaks become « \\n » (Windows « \\r\\n », a lone
  « \\r », Word's vertical tab and form feed, U+2028/U+2029), tabs stay.

`clean_text` is the only place the rule is written. Every form's text field applies it
(`install_form_cleaning`, so a form checks what will be stored), the models apply it before
every save (`clean_instance_texts`, for commands and services; both installed by
`capacite/core/apps.py`), the imports apply it to every cell
(`capacite/lib/tables.py`), and the XLSX/CSV writers apply it to what they write
(`capacite/lib/exports.py`), so text stored before the rule existed exports too.
"""

import re
from typing import Any

# What a person writes (issue 13, point 20): a free text field without its own limit takes up
# to about eight pages, a one-line one a long sentence. 2 MB pasted in a form is refused with
# its length, not stored and printed in every page and dossier.
FREE_TEXT_MAX = 20_000
ONE_LINE_MAX = 1_000

# Invisible characters that change how a text reads or compares, but carry no content.
_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u061c\u200e\u200f"  # bidi marks
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\u200b-\u200d\u2060\ufeff\u180e"  # zero-width characters
)
# Control characters other than tab, line feed, carriage return, vertical tab, form feed and
# NEL (which are line breaks or spaces, handled below).
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f"
_REMOVED = re.compile(f"[{_CONTROLS}{_INVISIBLE}]")
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_ONE_LINE_BREAKS = re.compile("[ \t]*[\t\n][ \t\n]*")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """`value` under the rule above: one line unless `multiline`. Idempotent; does not strip
    the ends (forms do that) so that a cleaned value can be compared with what was typed."""
    if not value:
        return value
    text = _LINE_BREAK.sub("\n", _REMOVED.sub("", value))
    if multiline:
        return text
    return _ONE_LINE_BREAKS.sub(" ", text)


def clean_instance_texts(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Clean every text field of `instance` before it is saved (a pre_save receiver): one-line
    for `CharField`s, multi-line for `TextField`s."""
    from django.db import models

    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname, None)
        if isinstance(value, str) and value:
            cleaned = clean_text(value, multiline=isinstance(field, models.TextField))
            if cleaned != value:
                setattr(instance, field.attname, cleaned)


def install_form_cleaning() -> None:
    """Make every form's text field give cleaned text, so a form checks (length, uniqueness)
    what will be stored: a Textarea keeps its lines, any other text input is one line, a
    password is left as typed. Django's `CharField` (and so `EmailField`, `URLField`,
    `SlugField`…) is the one place every typed text passes; called once from the core app."""
    from django import forms

    if getattr(forms.CharField, "_capacite_cleaning", False):
        return
    typed = forms.CharField.to_python

    def to_python(self: Any, value: Any) -> Any:
        value = typed(self, value)
        if not isinstance(value, str) or not value or isinstance(self.widget,
                                                                  forms.PasswordInput):
            return value
        multiline = isinstance(self.widget, forms.Textarea)
        value = clean_text(value, multiline=multiline)
        limit = FREE_TEXT_MAX if multiline else ONE_LINE_MAX
        if (self.max_length is None and len(value) > limit
                and not isinstance(self.widget, forms.HiddenInput)):
            from django.core.exceptions import ValidationError
            from django.utils.translation import gettext as _

            raise ValidationError(
                _("Ce texte fait %(length)s caractères : %(limit)s au plus.")
                % {"length": f"{len(value):,}".replace(",", "\u202f"),
                   "limit": f"{limit:,}".replace(",", "\u202f")}, code="too_long")
        return value.strip() if self.strip else value

    forms.CharField.to_python = to_python
    forms.CharField._capacite_cleaning = True
