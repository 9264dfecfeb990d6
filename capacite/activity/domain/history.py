"""Past tallies a Cité kept in a spreadsheet, read into visits: pure, nothing written here.

Two layouts, one set of columns: one row per visit, or one row per day × category with a
« nombre » column (then the row stands for that many visits, whose half-hour is unknown). Every
error names its line and column, in French; the caller writes nothing if there is one.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from capacite.lib.tables import ImportIssue, Table, cell_text, match_columns, non_empty, parse_date

COLUMNS = [
    ("day", "date"), ("slot", "demi-heure"), ("site", "site"), ("kind", "nature"),
    ("poles", "pôles"), ("public", "public"), ("age_band", "tranche d'âge"), ("sex", "sexe"),
    ("first_visit", "première visite"), ("residence", "lieu de résidence"),
    ("oriented_to", "orienté vers"), ("count", "nombre"),
]
REQUIRED = ("day", "site", "kind")
MAX_COUNT = 5000  # a day × category above this is a typo, not a Cité's day


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


@dataclass(frozen=True)
class Vocabulary:
    """What cells may say, normalised → value: the Cité's sites, pôles, publics, places of
    its territory (→ « epci:<id> », « commune:<id> » or « outside ») and partners, and the
    fixed lists (natures, age bands, sexes)."""

    sites: dict[str, int]
    poles: dict[str, int]
    publics: dict[str, int]
    kinds: dict[str, str]
    age_bands: dict[str, str]
    sexes: dict[str, str]
    residences: dict[str, str] = field(default_factory=dict)
    partners: dict[str, int] = field(default_factory=dict)


@dataclass
class HistoryRow:
    line: int
    day: date
    slot: int | None
    site: int
    kind: str
    poles: list[int] = field(default_factory=list)
    public: int | None = None
    age_band: str = ""
    sex: str = ""
    first_visit: bool | None = None
    residence: str = ""
    oriented_to: int | None = None
    count: int = 1


def _slot(value: str) -> int:
    hours, _sep, minutes = value.replace("h", ":").partition(":")
    h, m = int(hours), int(minutes or 0)
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(value)
    return h * 2 + (1 if m >= 30 else 0)


def parse_history(table: Table, vocab: Vocabulary, *, today: date
                  ) -> tuple[list[HistoryRow], list[ImportIssue]]:
    """The rows of `table` (header first) as visits to create, or the issues that refuse it."""
    table = non_empty(table)
    issues: list[ImportIssue] = []
    if not table:
        return [], [ImportIssue(1, "", _("le fichier est vide."))]
    header_line, header = table[0]
    columns = match_columns(header_line, header, COLUMNS, REQUIRED, normalise, issues)
    if issues:
        return [], issues
    rows: list[HistoryRow] = []

    def cell(cells, attr):
        index, title = columns.get(attr, (None, ""))
        raw = cells[index] if index is not None and index < len(cells) else None
        return raw, cell_text(raw), title

    def lookup(cells, attr, table_of, line, label):
        _raw, value, title = cell(cells, attr)
        if not value:
            return None
        found = table_of.get(normalise(value))
        if found is None:
            issues.append(ImportIssue(line, title, _("« %(value)s » n'est pas %(what)s.")
                                      % {"value": value, "what": label}))
        return found

    for line, cells in table[1:]:
        before = len(issues)
        raw, value, title = cell(cells, "day")
        try:
            day = parse_date(raw, value)
        except ValueError:
            day = None
            issues.append(ImportIssue(
                line, title, _("« %(value)s » n'est pas une date (JJ/MM/AAAA).")
                                      % {"value": value}))
        if day is None and len(issues) == before:
            issues.append(ImportIssue(line, title, _("la date manque.")))
        elif day is not None and day > today:
            issues.append(ImportIssue(line, title, _("la date %(day)s est dans le futur.")
                                      % {"day": day.strftime("%d/%m/%Y")}))
        _raw, value, title = cell(cells, "slot")
        slot = None
        if value:
            try:
                slot = _slot(value)
            except ValueError:
                issues.append(ImportIssue(line, title, _("« %(value)s » n'est pas une heure "
                                                         "(HH:MM).") % {"value": value}))
        site = lookup(cells, "site", vocab.sites, line, _("un site de la Cité"))
        if site is None and not cell(cells, "site")[1]:
            issues.append(ImportIssue(line, cell(cells, "site")[2], _("le site manque.")))
        kind = lookup(cells, "kind", vocab.kinds, line, _("une nature de passage connue"))
        if kind is None and not cell(cells, "kind")[1]:
            issues.append(ImportIssue(line, cell(cells, "kind")[2], _("la nature manque.")))
        poles = []
        _raw, value, title = cell(cells, "poles")
        for name in (p for p in value.split(",") if p.strip()):
            pole = vocab.poles.get(normalise(name))
            if pole is None:
                issues.append(ImportIssue(line, title, _("« %(value)s » n'est pas un pôle de la "
                                                         "Cité.") % {"value": name.strip()}))
            else:
                poles.append(pole)
        public = lookup(cells, "public", vocab.publics, line, _("un public de la Cité"))
        age = lookup(cells, "age_band", vocab.age_bands, line, _("une tranche d'âge connue"))
        sex = lookup(cells, "sex", vocab.sexes, line, _("« femme », « homme » ou vide"))
        _raw, value, title = cell(cells, "first_visit")
        first = {"oui": True, "non": False, "": None}.get(normalise(value), "?")
        if first == "?":
            issues.append(ImportIssue(line, title, _("écrivez « oui », « non » ou rien.")))
        _raw, value, title = cell(cells, "residence")
        if value.isdigit() and len(value) < 5:  # an INSEE code a spreadsheet read as a number
            value = value.zfill(5)
        residence = vocab.residences.get(normalise(value), "") if value else ""
        if value and not residence:
            issues.append(ImportIssue(line, title, _(
                "« %(value)s » n'est ni une commune ni un EPCI du territoire de la Cité "
                "(écrivez son nom, son code INSEE ou SIREN, ou « hors territoire »).")
                % {"value": value}))
        oriented_to = lookup(cells, "oriented_to", vocab.partners, line,
                             _("un partenaire de la Cité"))
        _raw, value, title = cell(cells, "count")
        count = 1
        if "count" in columns:
            try:
                count = int(value)
                if not 0 <= count <= MAX_COUNT:
                    raise ValueError(value)
            except ValueError:
                issues.append(ImportIssue(line, title, _("« %(value)s » n'est pas un nombre "
                                                         "entier de 0 à %(max)s.")
                                          % {"value": value, "max": MAX_COUNT}))
        if len(issues) == before and day is not None and site is not None and kind is not None:
            rows.append(HistoryRow(line=line, day=day, slot=slot, site=site, kind=kind,
                                   poles=poles, public=public, age_band=age or "",
                                   sex=sex or "", first_visit=first,
                                   residence=residence, oriented_to=oriented_to,
                                   count=count))
    return (rows, []) if not issues else ([], issues)
