"""Money and number helpers shared by the planning computations.

Money is a `Decimal` in euros with two places, rounded half up (the way accountants and the
Cerfa tables round); exact intermediate results use `Fraction` so that nothing is lost before
the single rounding at the end. How an amount is written is `capacite.lib.money`'s.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")
EURO = Decimal("1")
ZERO = Decimal("0.00")
def to_cents(value: Decimal) -> Decimal:
    """`value` rounded half up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_euros(value: Decimal) -> Decimal:
    """`value` rounded half up to the euro: the budget's one rounding (the Cerfa asks for no
    cents), applied once per printed line so every total is the sum of what is printed."""
    return value.quantize(EURO, rounding=ROUND_HALF_UP).quantize(CENT)


def round_fraction(value: Fraction, *, places: int = 2) -> Decimal:
    """An exact `Fraction` rounded half up (away from zero) to `places` decimals, in one step,
    so no intermediate binary or decimal rounding can shift the last digit."""
    scale = 10 ** places
    magnitude = abs(value) * scale
    units = int(magnitude + Fraction(1, 2))  # int() floors a positive Fraction
    sign = -1 if value < 0 else 1
    return Decimal(sign * units).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def spread(total: Decimal, parts: int) -> list[Decimal]:
    """`total` split into `parts` amounts to the cent that add up exactly to `total`.

    Each part is the difference of rounded running totals, so the cents lost by rounding one
    month are found again the next (31 000 € over 12 months: 2 583,33, 2 583,34, 2 583,33…).
    """
    exact = Fraction(total)
    shares = []
    previous = ZERO
    for index in range(1, parts + 1):
        running = round_fraction(exact * index / parts)
        shares.append(running - previous)
        previous = running
    return shares


def month_label(day: date) -> str:
    """The month of `day` with its year in the active language: « mars 2027 », « March 2027 »
    (French outside a request), from Django's own month names."""
    from django.utils.dates import MONTHS
    from django.utils.translation import override

    from capacite.lib.languages import current_language

    with override(current_language()):
        return f"{MONTHS[day.month]} {day.year}"
