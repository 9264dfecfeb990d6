"""Shared by `capacite scenarios` and `capacite treasury`: finding the Cité, writing money."""

from decimal import Decimal

from django.core.management.base import CommandError

from capacite.core.models import Cite
from capacite.planning.domain.money import to_cents


def cite_or_error(slug: str) -> Cite:
    cite = Cite.objects.filter(slug=slug).first()
    if cite is None:
        raise CommandError(f"Aucune Cité n'a l'identifiant « {slug} ».")
    return cite


def money(value: Decimal | None) -> str | None:
    """A Decimal as a string with two places ("1234.50"), never a float."""
    return None if value is None else str(to_cents(value))
