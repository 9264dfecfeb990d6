"""Picking a commune of the Cité's territory in other apps' forms (sites, premises, partners)."""

import unicodedata
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from capacite.territory.services import communes_of


class CommuneInput(forms.TextInput):
    """A text field that proposes the territory's communes as one types (an HTML datalist).

    Free typing stays possible: a partner may sit outside the territory, and a Cité that has not
    chosen its territory yet must still be able to write an address.
    """

    template_name = "territory/commune_input.html"

    def __init__(self, names: list[str], attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.names = names

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id', name)}-communes"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["attrs"]["autocomplete"] = "off"
        context["list_id"] = list_id
        context["communes"] = self.names
        return context


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ")


def offer_territory_communes(form: forms.ModelForm, field_name: str, cite: Any, *,
                             must_be_inside: bool) -> None:
    """Let `field_name` pick from the Cité's communes; if `must_be_inside`, refuse others.

    The refusal only applies once the Cité has a territory: before that there is nothing to pick.
    A typed name that matches a commune up to case, accents and hyphens is written as the
    reference spells it.
    """
    names = list(communes_of(cite).values_list("name", flat=True)) if cite else []
    field = form.fields[field_name]
    field.widget = CommuneInput(names, attrs=field.widget.attrs)
    if names:
        field.help_text = _("Proposée parmi les %(count)s communes du territoire de la Cité.") % {
            "count": len(names)}
    by_key = {_key(n): n for n in names}

    def clean() -> str:
        value = (form.cleaned_data.get(field_name) or "").strip()
        if not value or not names:
            return value
        if _key(value) in by_key:
            return by_key[_key(value)]
        if must_be_inside:
            raise forms.ValidationError(
                _("« %(value)s » n'est pas une commune du territoire de la Cité : choisissez-en "
                  "une dans la liste, ou ajoutez-la au territoire d'abord.") % {"value": value})
        return value

    setattr(form, f"clean_{field_name}", clean)
