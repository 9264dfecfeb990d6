"""Reads and writes of the diagnosis, for the views, the import command and the demo.

Called inside the Cité's scope. Pure logic is in `diagnosis/domain/`.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.core.models import Cite
from capacite.diagnosis.choices import THEME_ALIASES, UNIT_ALIASES, Service, Theme, Unit
from capacite.diagnosis.domain import indicators as importing
from capacite.diagnosis.domain.offer_map import ActorOffer, ServiceCount, service_counts
from capacite.diagnosis.models import Indicator, Narrative, OfferMapEntry
from capacite.lib.exports import Column, Sheet
from capacite.lib.importers import Importer, ImportRefused, register_importer
from capacite.lib.tables import bounded


def import_vocabulary() -> importing.Vocabulary:
    """Themes and units with their French labels (the file is French whatever the UI language)."""
    with translation.override("fr"):
        themes = [(value, str(label)) for value, label in Theme.choices]
        units = [(value, str(label)) for value, label in Unit.choices]
    return importing.vocabulary(themes, units, THEME_ALIASES, UNIT_ALIASES)


@dataclass(frozen=True)
class ImportSummary:
    created: list[str]
    existing: list[str]


def import_rows(rows: list[importing.IndicatorRow], *, cite: Cite) -> ImportSummary:
    """Create the indicators of `rows` not already there (same theme, label, territory and date,
    case and accents ignored), all in one transaction, one import at a time per Cité."""
    from simple_history.utils import bulk_create_with_history

    with transaction.atomic():
        list(Cite.objects.select_for_update().filter(pk=cite.pk).values_list("pk"))
        known = {importing.indicator_key(theme, label, territory, observed_on)
                 for theme, label, territory, observed_on in Indicator.objects.values_list(
                     "theme", "label", "territory", "observed_on")}
        new, existing = [], []
        for row in rows:
            if row.key in known:
                existing.append(row.label)
                continue
            new.append(Indicator(
                cite=cite, theme=row.theme, label=row.label, value=row.value, unit=row.unit,
                territory=row.territory, observed_on=row.observed_on, source=row.source))
            known.add(row.key)
        # In batches: a few statements for the whole file, so the write lock is brief.
        bulk_create_with_history(new, Indicator, batch_size=500)
    return ImportSummary([i.label for i in new], existing)


def import_file(cite: Cite, data: bytes, filename: str) -> ImportSummary:
    """Check the whole file, then write it; raises ImportRefused (nothing written) on errors."""
    result = importing.parse_file(data, filename, import_vocabulary())
    if result.errors:
        raise ImportRefused(bounded(result.errors), len(result.errors))
    return import_rows(result.rows, cite=cite)


def _command_import(cite: Cite, data: bytes, filename: str) -> str:
    summary = import_file(cite, data, filename)
    created, existing = len(summary.created), len(summary.existing)
    return (ngettext("%(n)s indicateur ajouté", "%(n)s indicateurs ajoutés", created)
            % {"n": created} + ", "
            + ngettext("%(n)s déjà présent.", "%(n)s déjà présents.", existing) % {"n": existing})


def register_indicator_import() -> None:
    register_importer(Importer(
        "indicators", "Importer des indicateurs du diagnostic (CSV ou XLSX).", _command_import))


EXPORT_KINDS = {"value": "decimal", "observed_on": "date"}


def export_sheet() -> Sheet:
    """Every indicator in the import's columns and French labels, so an export re-imports; the
    value and the date typed (a spreadsheet computes with them; the import reads them back)."""
    with translation.override("fr"):
        themes, units = dict(Theme.choices), dict(Unit.choices)
        rows = [[str(themes[i.theme]), i.label, i.value, str(units[i.unit]), i.territory,
                 i.observed_on, i.source]
                for i in Indicator.objects.order_by("theme", "label", "observed_on")]
        title = str(_("Indicateurs"))
    return Sheet(title, [Column(header, EXPORT_KINDS.get(attr, "text"))
                         for attr, header in importing.COLUMNS], rows, landscape=True)


@dataclass(frozen=True)
class ThemeBlock:
    theme: str
    label: str
    indicators: list[Indicator]
    narrative: Narrative | None


def themes_overview() -> list[ThemeBlock]:
    """Each theme in the guide's order with its indicators and narrative."""
    indicators: dict[str, list[Indicator]] = {}
    for indicator in Indicator.objects.order_by("label", "-observed_on"):
        indicators.setdefault(indicator.theme, []).append(indicator)
    narratives = {n.theme: n for n in Narrative.objects.all()}
    return [ThemeBlock(value, str(label), indicators.get(value, []), narratives.get(value))
            for value, label in Theme.choices]


@dataclass(frozen=True)
class MapRow:
    organisation_id: int
    name: str
    entry: OfferMapEntry | None
    services: frozenset[str]


def offer_map() -> tuple[list[MapRow], list[ServiceCount]]:
    """Every organisation of the partners map with what it offers (None: not filled in yet),
    and how many actors offer each service."""
    from capacite.partners.models import Organisation

    entries = {e.organisation_id: e for e in OfferMapEntry.objects.all()}
    rows = []
    for organisation in Organisation.objects.order_by("name").only("pk", "name"):
        entry = entries.get(organisation.pk)
        rows.append(MapRow(organisation.pk, organisation.name, entry,
                           entry.services() if entry else frozenset()))
    counts = service_counts([ActorOffer(r.name, r.services) for r in rows if r.entry],
                            list(Service.values))
    return rows, counts
