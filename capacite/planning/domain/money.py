"""Money and number helpers shared by the planning computations.

Money is a `Decimal` in euros with two places, rounded half up (the way accountants and the
Cerfa tables round); exact intermediate results use `Fraction` so that nothing is lost before
the single rounding at the end.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")
EURO = Decimal("1")
ZERO = Decimal("0.00")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MINUS = "\u2212"  # the typographic minus sign, not a hyphen
THIN_SPACE = "\u202f"  # French thousands separator (narrow no-break space)
NBSP = "\u00a0"  # between the amount and its unit


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


def format_number(value: Decimal, *, places: int = 2) -> str:
    """French writing of a number: thin spaces between thousands, a comma, a real minus sign."""
    quantized = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = MINUS if quantized < 0 else ""
    text = f"{abs(quantized):,.{places}f}"
    return sign + text.replace(",", THIN_SPACE).replace(".", ",")


def format_quantity(value: Decimal) -> str:
    """Hours and other quantities with decimals only where they exist: « 1 607 », « 7,5 ».

    Issue 19: « 1 607,00 h » reads as an accountant's figure; people write « 1 607 h ».
    """
    quantized = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    places = 0 if quantized == quantized.to_integral_value() else (
        1 if quantized * 10 == (quantized * 10).to_integral_value() else 2)
    return format_number(quantized, places=places)


def format_eur(value: Decimal) -> str:
    """An amount as the French read it: « −12 450,00 € »."""
    return f"{format_number(value)}{NBSP}€"


def month_label(day: date) -> str:
    """The French name of the month of `day` with its year: « mars 2027 »."""
    return f"{MONTHS_FR[day.month - 1]} {day.year}"
