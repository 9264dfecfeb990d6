"""Reading a diagnosis indicator file (CSV or XLSX), all or nothing, like the partners import.

Pure: a table of cells (from `capacite.lib.tables.read_table`) and vocabularies in, rows or every
error out. The caller writes the rows only when there is no error, so a file with one bad cell
changes nothing. An indicator is identified by its theme, label, territory and date: importing
the same file twice adds nothing (the caller skips keys already stored).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from capacite.lib.tables import (
    ImportIssue,
    Table,
    cell_text,
    match_columns,
    non_empty,
    parse_date,
    read_table,
)
from capacite.partners.domain.text import normalise

# (attribute, header as written in the file).
COLUMNS = [
    ("theme", "Thème"),
    ("label", "Indicateur"),
    ("value", "Valeur"),
    ("unit", "Unité"),
    ("territory", "Territoire"),
    ("observed_on", "Date"),
    ("source", "Source"),
]
REQUIRED_COLUMNS = ("theme", "label", "value", "unit", "observed_on")
LABEL_MAX, TERRITORY_MAX, SOURCE_MAX = 200, 150, 250
VALUE_MAX = Decimal("999999999999.99")
NUMBER_PATTERN = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Vocabulary:
    """Normalised word → stored value for the theme and unit columns, and the labels shown."""

    themes: dict[str, str]
    units: dict[str, str]
    theme_labels: list[str]
    unit_labels: list[str]


def vocabulary(themes: list[tuple[str, str]], units: list[tuple[str, str]],
               theme_aliases: dict[str, str], unit_aliases: dict[str, str]) -> Vocabulary:
    def words(choices: list[tuple[str, str]], aliases: dict[str, str]) -> dict[str, str]:
        found = {normalise(label): value for value, label in choices}
        found.update({normalise(value): value for value, _label in choices})
        found.update(aliases)
        return found

    return Vocabulary(words(themes, theme_aliases), words(units, unit_aliases),
                      [label for _v, label in themes], [label for _v, label in units])


@dataclass(frozen=True)
class IndicatorRow:
    line: int
    theme: str
    label: str
    value: Decimal
    unit: str
    territory: str
    observed_on: date
    source: str = ""

    @property
    def key(self) -> tuple[str, str, str, date]:
        return indicator_key(self.theme, self.label, self.territory, self.observed_on)


def indicator_key(theme: str, label: str, territory: str, observed_on: date
                  ) -> tuple[str, str, str, date]:
    """What makes two indicators the same one: case, accents and spaces do not count."""
    return (theme, normalise(label), normalise(territory), observed_on)


@dataclass
class IndicatorResult:
    rows: list[IndicatorRow] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)


def parse_value(raw: Any, text: str) -> Decimal:
    """A French number: "12 345,6", "8,7", "8.7" or a spreadsheet number; ValueError otherwise."""
    if isinstance(raw, bool):
        raise ValueError(text)
    if isinstance(raw, int | float):
        return Decimal(str(raw))
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    if not NUMBER_PATTERN.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern already refused it
        raise ValueError(text) from exc


def parse_indicators(table: Table, vocab: Vocabulary) -> IndicatorResult:
    """Check every cell of `table` (header first): the rows, or every error and no row."""
    result = IndicatorResult()
    table = non_empty(table)
    if not table:
        result.errors.append(ImportIssue(1, "", _("le fichier est vide.")))
        return result
    header_line, header = table[0]
    columns = match_columns(header_line, header, COLUMNS, REQUIRED_COLUMNS, normalise,
                            result.errors)
    if result.errors:
        return result
    seen: dict[tuple[str, str, str, date], int] = {}
    for line, cells in table[1:]:
        row = _parse_row(line, cells, columns, vocab, result.errors)
        if row is None:
            continue
        if row.key in seen:
            result.errors.append(ImportIssue(line, "", _(
                "cet indicateur (même thème, intitulé, territoire et date) figure déjà ligne "
                "%(first)s.") % {"first": seen[row.key]}))
            continue
        seen[row.key] = line
        result.rows.append(row)
    if result.errors:
        result.rows = []
    return result


def _parse_row(line: int, cells: list[Any], columns: dict[str, tuple[int, str]],
               vocab: Vocabulary, errors: list[ImportIssue]) -> IndicatorRow | None:
    before = len(errors)
    raw = {attr: cells[index] if index < len(cells) else None
           for attr, (index, _title) in columns.items()}
    values = {attr: cell_text(cell) for attr, cell in raw.items()}

    def error(attr: str, message: str) -> None:
        errors.append(ImportIssue(line, columns[attr][1], message))

    def one(attr: str, words: dict[str, str], labels: list[str], missing: str) -> str:
        value = values.get(attr, "")
        if not value:
            error(attr, missing)
            return ""
        found = words.get(normalise(value))
        if found is None:
            error(attr, _("« %(value)s » n'est pas une valeur connue (valeurs possibles : "
                          "%(allowed)s).") % {"value": value, "allowed": ", ".join(labels)})
            return ""
        return found

    theme = one("theme", vocab.themes, vocab.theme_labels, _("le thème est obligatoire."))
    label = values.get("label", "")
    if not label:
        error("label", _("l'intitulé de l'indicateur est obligatoire."))
    elif len(label) > LABEL_MAX:
        error("label", _("l'intitulé dépasse %(max)s caractères.") % {"max": LABEL_MAX})
    value = _value(raw.get("value"), values.get("value", ""), error)
    unit = one("unit", vocab.units, vocab.unit_labels, _("l'unité est obligatoire."))
    territory = values.get("territory", "")
    if len(territory) > TERRITORY_MAX:
        error("territory", _("le territoire dépasse %(max)s caractères.") % {"max": TERRITORY_MAX})
    observed_on = _observed_on(raw.get("observed_on"), values.get("observed_on", ""), error)
    source = values.get("source", "")
    if len(source) > SOURCE_MAX:
        error("source", _("la source dépasse %(max)s caractères.") % {"max": SOURCE_MAX})
    if len(errors) > before or value is None or observed_on is None:
        return None
    return IndicatorRow(line, theme, label, value, unit, territory, observed_on, source)


def _value(raw: Any, text: str, error: Any) -> Decimal | None:
    if not text:
        error("value", _("la valeur est obligatoire."))
        return None
    try:
        value = parse_value(raw, text)
    except ValueError:
        error("value", _("« %(value)s » n'est pas un nombre (par exemple 12 345,5).")
              % {"value": text})
        return None
    if abs(value) > VALUE_MAX or value != value.quantize(Decimal("0.01")):
        error("value", _("« %(value)s » : au plus 12 chiffres avant la virgule et 2 après.")
              % {"value": text})
        return None
    return value


def _observed_on(raw: Any, text: str, error: Any) -> date | None:
    if not text and not isinstance(raw, date):
        error("observed_on", _("la date est obligatoire."))
        return None
    try:
        return parse_date(raw, text)
    except ValueError:
        error("observed_on", _("« %(value)s » n'est pas une date au format jj/mm/aaaa.")
              % {"value": text})
        return None


def parse_file(data: bytes, filename: str, vocab: Vocabulary) -> IndicatorResult:
    """Read and check a whole file: the rows to import, or every error."""
    table, errors = read_table(data, filename)
    if errors:
        return IndicatorResult(errors=errors)
    return parse_indicators(table, vocab)
