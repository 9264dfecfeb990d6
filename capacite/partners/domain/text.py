"""Matching French labels the way people type them: case, accents and apostrophes ignored."""

import unicodedata


def normalise(text: str) -> str:
    """'  Création  d’Activité ' → 'creation d'activite'."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("`", "'").replace("\u00a0", " ")
    return " ".join(plain.casefold().split())
