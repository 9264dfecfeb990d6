"""The one cleaning rule for every incoming text (issue 13, point 12)."""

import pytest
from django import forms

from capacite.lib.exports import strip_refused
from capacite.lib.text import clean_text


@pytest.mark.parametrize(("typed", "one_line", "multi_line"), [
    ("Mission\x0blocale", "Mission locale", "Mission\nlocale"),  # Word's Shift+Enter
    ("CIO\x00 de Rivemont", "CIO de Rivemont", "CIO de Rivemont"),
    ("fac\u202etxt.exe", "factxt.exe", "factxt.exe"),  # right-to-left override
    ("\u2067Greta\u2069", "Greta", "Greta"),  # isolates
    ("C\u200bI\u200dO\ufeff", "CIO", "CIO"),  # zero-width
    ("Ligne 1\r\nLigne 2\rLigne 3\u2028fin", "Ligne 1 Ligne 2 Ligne 3 fin",
     "Ligne 1\nLigne 2\nLigne 3\nfin"),
    ("a \t b", "a b", "a \t b"),
    ("bip\x07\x1b[31m\x7f\x9b", "bip[31m", "bip[31m"),
    ("Création d’activité — 12 € ½", "Création d’activité — 12 € ½",
     "Création d’activité — 12 € ½"),
])
def test_one_rule_cleans_one_line_and_multi_line_texts(typed, one_line, multi_line):
    assert clean_text(typed) == one_line
    assert clean_text(typed, multiline=True) == multi_line
    assert clean_text(one_line) == one_line  # idempotent


def test_the_spreadsheet_writers_use_the_same_rule_keeping_lines():
    assert strip_refused("Nom\x0bcollé\u200b\x00 ici\nsuite") == "Nom\ncollé ici\nsuite"


def test_every_form_text_field_gives_cleaned_text_but_passwords_stay_as_typed():
    class Form(forms.Form):
        name = forms.CharField()
        notes = forms.CharField(widget=forms.Textarea)
        email = forms.EmailField()
        secret = forms.CharField(widget=forms.PasswordInput, strip=False)

    form = Form({"name": " \u200bMission\x0blocale\n", "notes": "a\x0bb\x00",
                 "email": "cio\u200b@rivemont.fr", "secret": "pa\x0bss "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"name": "Mission locale", "notes": "a\nb",
                                 "email": "cio@rivemont.fr", "secret": "pa\x0bss "}
