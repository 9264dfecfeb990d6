"""`{{ amount|money }}`, `{{ n|count }}`, `{{ h|hours_unit }}`: money, counts and hours the one
way capacite writes them (`capacite.lib.money`).

Loaded in every template (settings: TEMPLATES builtins), in the page's active language:
« 12 000 € » in French, « €12,000 » in English, cents only where they exist; « — » for nothing.
"""

from django import template

from capacite.lib.money import format_count, format_hours, format_money

register = template.Library()


@register.filter
def money(value) -> str:
    return "—" if value is None or value == "" else format_money(value)


@register.filter
def count(value) -> str:
    """A count, its thousands grouped in the page's language: « 24 892 », « 24,892 »."""
    return "—" if value is None or value == "" else format_count(value)


@register.filter
def hours_unit(value) -> str:
    """Hours with their unit and no useless decimals: « 1 607 h », « 7,5 h »."""
    return "—" if value is None or value == "" else format_hours(value)
