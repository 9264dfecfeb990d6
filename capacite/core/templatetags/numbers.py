"""`{{ amount|money }}`: an amount the one way capacite writes money (`capacite.lib.money`).

Loaded in every template (settings: TEMPLATES builtins), in the page's active language:
« 12 000 € » in French, « €12,000 » in English, cents only where they exist; « — » for nothing.
"""

from django import template

from capacite.lib.money import format_money

register = template.Library()


@register.filter
def money(value) -> str:
    return "—" if value is None or value == "" else format_money(value)
