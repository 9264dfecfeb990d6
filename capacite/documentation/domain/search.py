"""Catalogue search and ROME codes as plain functions (no database).

A Cité's catalogue holds hundreds of resources, not millions: matching in Python keeps the same
rules on SQLite and PostgreSQL — accents and case ignored, every word must appear somewhere — so
"metiers batiment" finds « Les métiers du Bâtiment ».
"""

import re
import unicodedata
from collections.abc import Iterable

from django.utils.translation import gettext

ROME_CODE = re.compile(r"^[A-N]\d{4}$")


def normalise(text: str) -> str:
    """Lower case without accents, so a visitor typing on a phone finds accented titles."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(query: str) -> list[str]:
    """The words of a search, normalised; punctuation separates words."""
    return [w for w in re.split(r"[^\w]+", normalise(query)) if w]


def matches(query: str, texts: Iterable[str]) -> bool:
    """True when every word of `query` appears in one of `texts` (an empty query matches)."""
    haystack = normalise(" ".join(texts))
    return all(word in haystack for word in words_of(query))


class RomeCodeError(ValueError):
    """A ROME code that is not one letter A–N followed by four digits."""


def parse_rome_codes(text: str) -> tuple[str, ...]:
    """ROME job codes typed "K2111, M1607" (commas, semicolons or spaces), upper-cased, in order,
    without duplicates. Raises RomeCodeError naming every wrong code.

    The ROME (Répertoire opérationnel des métiers et des emplois of France Travail) codes a job
    as one letter for the professional field (A to N) and four digits.
    """
    codes: list[str] = []
    wrong: list[str] = []
    for raw in re.split(r"[,;\s]+", text.strip()):
        if not raw:
            continue
        code = raw.upper()
        if not ROME_CODE.match(code):
            wrong.append(raw)
        elif code not in codes:
            codes.append(code)
    if wrong:
        listed = ", ".join(gettext("« %(code)s »") % {"code": w} for w in wrong)
        raise RomeCodeError(gettext(
            "Code ROME invalide : %(codes)s. Un code ROME est une lettre de A à N suivie de "
            "quatre chiffres, par exemple K2111.") % {"codes": listed})
    return tuple(codes)
