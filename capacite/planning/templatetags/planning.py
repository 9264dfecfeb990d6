"""French number writing for the planning pages: the domain's formatting, nothing else."""

from decimal import Decimal

from django import template

from capacite.lib.money import format_money, format_number, format_quantity

register = template.Library()


@register.filter
def num(value, places: int = 2) -> str:
    return "—" if value is None or value == "" else format_number(Decimal(value), places=places)


@register.filter
def hours(value) -> str:
    """Hours without « ,00 »: « 1 607 », « 7,5 »."""
    return "—" if value is None or value == "" else format_quantity(Decimal(value))


@register.filter
def at(sequence, index: int):
    return sequence[index]


@register.filter
def cell(value, unit: str) -> str:
    """A comparison cell by its unit: euros as `money`, FTE with two places, hours and counts
    bare."""
    if value is None:
        return "—"
    if unit == "eur":
        return format_money(value)
    if unit == "fte":
        return format_number(Decimal(value))
    if unit == "percent":
        return f"{format_number(Decimal(value), places=1)}\u00a0%"
    if unit == "hours":
        return format_quantity(Decimal(value))
    return str(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
