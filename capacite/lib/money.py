"""How capacite writes amounts and numbers: the one place (issue 19).

Money shows its cents only when there are some: « 12 000 € », « 12 000,50 € » in French (narrow
no-break space between thousands, no-break space before the euro sign), « €12,000 »,
« €12,000.50 » in English. A negative amount takes the typographic minus sign, not a hyphen.
Screens, PDFs, DOCX files and messages all go through `format_money`; the template filter
`money` (`capacite/core/templatetags/numbers.py`) calls it in the active language.
"""

from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"  # the typographic minus sign, not a hyphen
THIN_SPACE = "\u202f"  # French thousands separator (narrow no-break space)
NBSP = "\u00a0"  # between the amount and its unit
CENT = Decimal("0.01")


def _decimal(value: Decimal | int | float | str) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def format_number(value: Decimal | int | float, *, places: int = 2) -> str:
    """French writing of a number: thin spaces between thousands, a comma, a real minus sign."""
    quantized = _decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = MINUS if quantized < 0 else ""
    text = f"{abs(quantized):,.{places}f}"
    return sign + text.replace(",", THIN_SPACE).replace(".", ",")


def format_quantity(value: Decimal | int | float) -> str:
    """Hours and other quantities with decimals only where they exist: « 1 607 », « 7,5 ».

    Issue 19: « 1 607,00 h » reads as an accountant's figure; people write « 1 607 h ».
    """
    quantized = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    places = 0 if _is_whole(quantized) else (1 if _is_whole(quantized * 10) else 2)
    return format_number(quantized, places=places)


def format_money(value: Decimal | int | float | str, lang: str | None = None) -> str:
    """`value` euros as a reader of `lang` writes them, to the cent only where cents exist.

    « 12 000 € », « −12 000,50 € » (fr); « €12,000 », « −€12,000.50 » (en). The amount is
    rounded half up to the cent first, so 12 000,004 € is a whole 12 000 €. Without `lang`,
    the active language (a page's, or French outside a request).
    """
    if lang is None:
        from django.utils.translation import get_language

        lang = get_language() or "fr"
    amount = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    places = 0 if _is_whole(amount) else 2
    sign = MINUS if amount < 0 else ""
    digits = f"{abs(amount):,.{places}f}"  # « 12,000.50 »: the English way
    if lang.startswith("en"):
        return f"{sign}€{digits}"
    return f"{sign}{digits.replace(',', THIN_SPACE).replace('.', ',')}{NBSP}€"
