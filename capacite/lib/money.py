"""How capacite writes amounts, counts and hours: the one place (issue 19).

Money shows its cents only when there are some: « 12 000 € », « 12 000,50 € » in French (narrow
no-break space between thousands, no-break space before the euro sign), « €12,000 »,
« €12,000.50 » in English. A negative amount takes the typographic minus sign, not a hyphen.
Screens, PDFs, DOCX files and messages all go through `format_money`; the template filter
`money` (`capacite/core/templatetags/numbers.py`) calls it in the active language.

Counts of people and things group their thousands the same way: « 24 892 » in French (narrow
no-break space, as the French formats of `capacite/formats/fr` make Django's own `localize` and
`floatformat:"0g"` write it), « 24,892 » in English (`format_count`). Hours show decimals only
where they exist: « 1 607 h », « 30 h », « 7,5 h » (`format_hours`). The template filters
`count` and `hours` call them.
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


def _language(lang: str | None) -> str:
    if lang is None:
        from django.utils.translation import get_language

        lang = get_language() or "fr"
    return "en" if lang.startswith("en") else "fr"


def _in_language(text: str, lang: str) -> str:
    """`text` written the English way (« 12,000.5 ») as `lang` writes it."""
    if lang == "en":
        return text
    return text.replace(",", THIN_SPACE).replace(".", ",")


def format_quantity(value: Decimal | int | float, lang: str | None = None) -> str:
    """Hours and other quantities with decimals only where they exist: « 1 607 », « 7,5 »
    (« 1,607 », « 7.5 » in English). Without `lang`, the active language.

    Issue 19: « 1 607,00 h » reads as an accountant's figure; people write « 1 607 h ».
    """
    quantized = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    places = 0 if _is_whole(quantized) else (1 if _is_whole(quantized * 10) else 2)
    sign = MINUS if quantized < 0 else ""
    return sign + _in_language(f"{abs(quantized):,.{places}f}", _language(lang))


def format_count(value: int | Decimal | float, lang: str | None = None) -> str:
    """A count of people or things, its thousands grouped: « 24 892 » (narrow no-break space),
    « 24,892 » in English. Without `lang`, the active language."""
    whole = _decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = MINUS if whole < 0 else ""
    return sign + _in_language(f"{abs(whole):,.0f}", _language(lang))


def format_hours(value: Decimal | int | float, lang: str | None = None) -> str:
    """Hours with their unit, decimals only where they exist: « 1 607 h », « 30 h », « 7,5 h »
    (« 1,607 h », « 7.5 h » in English)."""
    return f"{format_quantity(value, lang)}{NBSP}h"


def format_money(value: Decimal | int | float | str, lang: str | None = None) -> str:
    """`value` euros as a reader of `lang` writes them, to the cent only where cents exist.

    « 12 000 € », « −12 000,50 € » (fr); « €12,000 », « −€12,000.50 » (en). The amount is
    rounded half up to the cent first, so 12 000,004 € is a whole 12 000 €. Without `lang`,
    the active language (a page's, or French outside a request).
    """
    lang = _language(lang)
    amount = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    places = 0 if _is_whole(amount) else 2
    sign = MINUS if amount < 0 else ""
    digits = f"{abs(amount):,.{places}f}"  # « 12,000.50 »: the English way
    if lang == "en":
        return f"{sign}€{digits}"
    return f"{sign}{digits.replace(',', THIN_SPACE).replace('.', ',')}{NBSP}€"
