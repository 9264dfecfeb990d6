"""Reading an organisation list as French offices produce it (CSV or XLSX), all or nothing.

Pure: bytes and vocabularies in, rows or every error out; nothing touches the database. The
caller writes the rows only when the error list is empty, so a file with one bad cell changes
nothing. Errors name the line, the column (by its header) and the reason, in French. Reading the
file itself (encodings, separators, XLSX) is shared with other imports: `capacite/lib/tables.py`.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from capacite.lib.tables import (
    ImportIssue,
    Table,
    match_columns,
    parse_date,
    read_table,
)
from capacite.lib.tables import cell_text as _text
from capacite.partners.choices import (
    ActorRole,
    FieldOfAction,
    FirstCircle,
    OrganisationKind,
    Stance,
)
from capacite.partners.domain.text import normalise

# (attribute, header as written in the file); the headers are matched like labels are.
COLUMNS = [
    ("name", "Nom"),
    ("kind", "Type"),
    ("first_circle", "Premier cercle"),
    ("fields", "Champs"),
    ("publics", "Publics"),
    ("roles", "Rôles"),
    ("commune", "Commune"),
    ("website", "Site web"),
    ("stance", "Position"),
    ("stance_on", "Date de la position"),
]
REQUIRED_COLUMNS = ("name", "kind")
MULTI_VALUE_SEPARATOR = re.compile(r"[|,]")

# Words French offices use besides the exact labels.
KIND_ALIASES = {"institution": "first_circle", "premier cercle": "first_circle"}
FIRST_CIRCLE_ALIASES = {
    "education nationale": "education", "rectorat": "education", "etat": "state",
    "pole emploi": "employment_service", "france travail": "employment_service",
    "communes": "communes", "epci": "communes", "chambres consulaires": "chambers",
    "branches professionnelles": "chambers", "chambre consulaire": "chambers",
}
STANCE_ALIASES = {"alliee": "ally", "hesitante": "hesitant", "inconnue": "unknown"}


# Reports an error on a column (by attribute) of the row being read.
ErrorReporter = Callable[[str, str], None]


@dataclass(frozen=True)
class Vocabulary:
    """Normalised label (or key) → stored value, per column with a fixed list."""

    kinds: dict[str, str]
    first_circles: dict[str, str]
    fields: dict[str, str]
    publics: dict[str, str]
    roles: dict[str, str]
    stances: dict[str, str]
    labels: dict[str, list[str]]  # column attribute → the French labels, for error messages


def _vocab(choices: Iterable[tuple[str, str]],
           aliases: dict[str, str] | None = None) -> dict[str, str]:
    words = {normalise(label): value for value, label in choices}
    words.update({normalise(value): value for value, _label in choices})
    words.update(aliases or {})
    return words


def vocabulary(publics: list[tuple[str, str]]) -> Vocabulary:
    """The vocabularies of a Cité whose publics are `publics` (key, label), labels in French."""
    with translation.override("fr"):
        def labelled(choices: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
            return [(value, str(label)) for value, label in choices]

        kinds, circles = labelled(OrganisationKind.choices), labelled(FirstCircle.choices)
        fields, roles = labelled(FieldOfAction.choices), labelled(ActorRole.choices)
        stances = labelled(Stance.choices)
    return Vocabulary(
        kinds=_vocab(kinds, KIND_ALIASES),
        first_circles=_vocab(circles, FIRST_CIRCLE_ALIASES),
        fields=_vocab(fields),
        publics=_vocab(publics),
        roles=_vocab(roles),
        stances=_vocab(stances, STANCE_ALIASES),
        labels={
            "kind": [lbl for _v, lbl in kinds], "first_circle": [lbl for _v, lbl in circles],
            "fields": [lbl for _v, lbl in fields], "publics": [lbl for _v, lbl in publics],
            "roles": [lbl for _v, lbl in roles], "stance": [lbl for _v, lbl in stances],
        },
    )


@dataclass(frozen=True)
class ImportRow:
    line: int
    name: str
    kind: str
    first_circle: str = ""
    fields: tuple[str, ...] = ()
    publics: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    commune: str = ""
    website: str = ""
    stance: str = ""
    stance_on: date | None = None


@dataclass
class ImportResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)


def parse_organisations(table: Table, vocab: Vocabulary) -> ImportResult:
    """Check every cell of `table` (header first) and return the rows or every error found."""
    result = ImportResult()
    table = [(line, cells) for line, cells in table if any(_text(c) for c in cells)]
    if not table:
        result.errors.append(ImportIssue(1, "", _("le fichier est vide.")))
        return result
    header_line, header = table[0]
    columns = _columns(header_line, header, result.errors)
    if result.errors:
        return result
    seen_names: dict[str, int] = {}
    for line, cells in table[1:]:
        values = {attr: _text(cells[index]) if index < len(cells) else ""
                  for attr, (index, _header) in columns.items()}
        raw = {attr: cells[index] if index < len(cells) else None
               for attr, (index, _header) in columns.items()}
        headers = {attr: header for attr, (_index, header) in columns.items()}
        row = _parse_row(line, values, raw, headers, vocab, result.errors)
        if row is None:
            continue
        key = normalise(row.name)
        if key in seen_names:
            result.errors.append(ImportIssue(line, headers["name"], _(
                "« %(name)s » figure déjà ligne %(first)s.") % {
                "name": row.name, "first": seen_names[key]}))
            continue
        seen_names[key] = line
        result.rows.append(row)
    if result.errors:
        result.rows = []
    return result


def _columns(line: int, header: list[Any],
             errors: list[ImportIssue]) -> dict[str, tuple[int, str]]:
    return match_columns(line, header, COLUMNS, REQUIRED_COLUMNS, normalise, errors)


def _parse_row(line: int, values: dict[str, str], raw: dict[str, Any], headers: dict[str, str],
               vocab: Vocabulary, errors: list[ImportIssue]) -> ImportRow | None:
    before = len(errors)

    def error(attr: str, message: str) -> None:
        errors.append(ImportIssue(line, headers[attr], message))

    def one(attr: str, words: dict[str, str]) -> str:
        value = values.get(attr, "")
        if not value:
            return ""
        found = words.get(normalise(value))
        if found is None:
            error(attr, _("« %(value)s » n'est pas une valeur connue (valeurs possibles : "
                          "%(allowed)s).") % {"value": value,
                                              "allowed": ", ".join(vocab.labels[attr])})
            return ""
        return found

    def many(attr: str, words: dict[str, str]) -> tuple[str, ...]:
        found = []
        for part in MULTI_VALUE_SEPARATOR.split(values.get(attr, "")):
            part = part.strip()
            if not part:
                continue
            value = words.get(normalise(part))
            if value is None:
                error(attr, _("« %(value)s » n'est pas une valeur connue (valeurs possibles : "
                              "%(allowed)s).") % {"value": part,
                                                  "allowed": ", ".join(vocab.labels[attr])})
            elif value not in found:
                found.append(value)
        return tuple(found)

    name = values.get("name", "")
    if not name:
        error("name", _("le nom est obligatoire."))
    elif len(name) > 200:
        error("name", _("le nom dépasse 200 caractères."))
    kind = one("kind", vocab.kinds)
    if not values.get("kind"):
        error("kind", _("le type est obligatoire."))
    first_circle = one("first_circle", vocab.first_circles)
    fields, publics = many("fields", vocab.fields), many("publics", vocab.publics)
    roles = many("roles", vocab.roles)
    commune = values.get("commune", "")
    if len(commune) > 120:
        error("commune", _("la commune dépasse 120 caractères."))
    website = _website(values.get("website", ""), error)
    stance = one("stance", vocab.stances)
    stance_on = _date(raw.get("stance_on"), values.get("stance_on", ""), error)
    if stance and stance_on is None and values.get("stance_on", "") == "":
        error("stance_on", _("la date de la position est obligatoire quand une position est "
                             "donnée."))
    if stance_on and not values.get("stance"):
        error("stance", _("une date de position est donnée sans la position."))
    if len(errors) > before:
        return None
    return ImportRow(line, name, kind, first_circle, fields, publics, roles, commune, website,
                     stance, stance_on)


def _website(value: str, error: ErrorReporter) -> str:
    if not value:
        return ""
    url = value if re.match(r"^https?://", value, re.I) else f"https://{value}"
    try:
        URLValidator()(url)
    except ValidationError:
        error("website", _("« %(value)s » n'est pas une adresse web valide.") % {"value": value})
        return ""
    return url


def _date(raw: object, value: str, error: ErrorReporter) -> date | None:
    try:
        return parse_date(raw, value)
    except ValueError:
        error("stance_on", _("« %(value)s » n'est pas une date au format jj/mm/aaaa.")
              % {"value": value})
        return None


def parse_file(data: bytes, filename: str, vocab: Vocabulary) -> ImportResult:
    """Read and check a whole file: the rows to import, or every error."""
    table, errors = read_table(data, filename)
    if errors:
        return ImportResult(errors=errors)
    return parse_organisations(table, vocab)
