"""Loading the territory reference, searching it, and the communes of a Cité's territory."""

import re
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Case, F, Q, QuerySet, Sum, When
from django_scopes import scopes_disabled

from capacite.core.models import Cite
from capacite.territory.domain.reference import (
    Reference,
    available_years,
    file_for_year,
    read_reference,
    search_key,
)
from capacite.territory.models import CiteTerritory, Commune, Departement, Epci, Region

BATCH_SIZE = 2000
SEARCH_LIMIT = 30


# --- A Cité's territory ---------------------------------------------------------------------

def territory_of(cite: Cite) -> CiteTerritory | None:
    with scopes_disabled():
        return CiteTerritory.objects.filter(cite=cite).first()


def communes_of(cite: Cite) -> QuerySet[Commune]:
    """The communes of the Cité's territory: those chosen, plus every member of a chosen EPCI.

    Reference data, so the queryset needs no scope; it is ordered by name. Later apps (sites,
    partners, visitors' commune of origin) offer their commune choices from it.
    """
    territory = territory_of(cite)
    if territory is None:
        return Commune.objects.none()
    through_communes = CiteTerritory.communes.through.objects.filter(citeterritory=territory)
    through_epcis = CiteTerritory.epcis.through.objects.filter(citeterritory=territory)
    return (
        Commune.objects.filter(
            Q(pk__in=through_communes.values("commune_id"))
            | Q(epci_id__in=through_epcis.values("epci_id"))
        )
        .select_related("departement", "epci")
        .order_by("name", "code")
    )


def total_population(communes: QuerySet[Commune]) -> int:
    return communes.aggregate(total=Sum("population"))["total"] or 0


# --- Searching the reference ----------------------------------------------------------------

def latest_year() -> int | None:
    return Commune.objects.aggregate(year=models.Max("year"))["year"]


@dataclass(frozen=True)
class SearchResult:
    communes: list[Commune]
    epcis: list[Epci]
    more_communes: bool
    more_epcis: bool


def search_reference(query: str, *, year: int, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Communes and EPCI of `year` whose name, INSEE code, postal code or SIREN matches `query`.

    Names match without regard to case, accents, hyphens or apostrophes ("saint etienne" finds
    "Saint-Étienne"); a number matches the start of an INSEE code, postal code or SIREN.
    """
    query = query.strip()
    communes = Commune.objects.filter(year=year).select_related("departement", "epci")
    epcis = Epci.objects.filter(year=year)
    if re.fullmatch(r"\d[\dAB]{1,8}", query.upper()):
        code = query.upper()
        communes = communes.filter(
            Q(code__startswith=code)
            | Q(postal_codes__startswith=code)
            | Q(postal_codes__contains=f" {code}")
        ).order_by("code")
        epcis = epcis.filter(code__startswith=code).order_by("code")
    else:
        key = search_key(query)
        if len(key) < 2:
            return SearchResult([], [], False, False)
        # The exact name first, then the most populated: "Lyon" before "Lyons-la-Forêt".
        exact_first = Case(When(search_name=key, then=0), default=1)
        communes = communes.filter(search_name__contains=key).order_by(
            exact_first, F("population").desc(nulls_last=True), "name"
        )
        epcis = epcis.filter(search_name__contains=key).order_by(exact_first, "name")
    found_communes = list(communes[: limit + 1])
    found_epcis = list(epcis[: limit + 1])
    return SearchResult(
        found_communes[:limit], found_epcis[:limit],
        len(found_communes) > limit, len(found_epcis) > limit,
    )


# --- Loading the reference ------------------------------------------------------------------

@dataclass
class LoadCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    kept: int = 0  # absent from the file but still chosen by a Cité: not deleted


@dataclass
class LoadReport:
    year: int
    counts: dict[str, LoadCounts]


def load_reference(reference: Reference) -> LoadReport:
    """Bring the database's rows of `reference.year` to exactly the file's, in one transaction.

    Idempotent: rows are matched by (year, code), created when missing, updated only when a
    field differs; rows of that year absent from the file are deleted unless still used (chosen
    by a Cité, or parent of a row kept), then kept and counted. Other years are never touched.
    """
    year = reference.year
    counts: dict[str, LoadCounts] = {}
    absent: dict[str, list[int]] = {}
    with transaction.atomic():
        counts["regions"], regions, absent["regions"] = _sync(
            Region, year, {r.code: {"name": r.name} for r in reference.regions}
        )
        counts["departements"], departements, absent["departements"] = _sync(
            Departement, year,
            {d.code: {"name": d.name, "region_id": regions[d.region]}
             for d in reference.departements},
        )
        counts["epcis"], epcis, absent["epcis"] = _sync(
            Epci, year,
            {e.code: {"name": e.name, "kind": e.kind, "population": e.population,
                      "search_name": search_key(e.name)} for e in reference.epcis},
        )
        counts["communes"], _, absent["communes"] = _sync(
            Commune, year,
            {c.code: {"name": c.name, "departement_id": departements[c.departement],
                      "region_id": regions[c.region],
                      "epci_id": epcis[c.epci] if c.epci else None,
                      "population": c.population, "postal_codes": c.postal_codes,
                      "search_name": search_key(c.name)} for c in reference.communes},
        )
        # Children first, so that a parent is only kept while a remaining row still uses it.
        communes_chosen = CiteTerritory.communes.through.objects
        epcis_chosen = CiteTerritory.epcis.through.objects
        for name, model, users in (
            ("communes", Commune, [(communes_chosen, "commune_id")]),
            ("epcis", Epci, [(epcis_chosen, "epci_id"), (Commune.objects, "epci_id")]),
            ("departements", Departement, [(Commune.objects, "departement_id")]),
            ("regions", Region, [(Departement.objects, "region_id"),
                                 (Commune.objects, "region_id")]),
        ):
            _delete_unused(model, absent[name], users, counts[name])
    return LoadReport(year, counts)


def _sync(
    model: type[models.Model], year: int, wanted: dict[str, dict]
) -> tuple[LoadCounts, dict[str, int], list[int]]:
    """Create and update `model`'s rows of `year` to match `wanted` (code → field values).

    Returns the counts, the code → primary key map of the wanted rows, and the primary keys of
    the year's rows absent from `wanted`.
    """
    counts = LoadCounts()
    fields = list(next(iter(wanted.values()), {}).keys())
    existing = {
        row["code"]: row
        for row in model.objects.filter(year=year).values("pk", "code", *fields)
    }
    to_create = []
    to_update = []
    for code, values in wanted.items():
        row = existing.get(code)
        if row is None:
            to_create.append(model(year=year, code=code, **values))
        elif any(row[field] != value for field, value in values.items()):
            to_update.append(model(pk=row["pk"], year=year, code=code, **values))
        else:
            counts.unchanged += 1
    model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=BATCH_SIZE // len(fields))
    counts.created, counts.updated = len(to_create), len(to_update)
    codes = {code: pk for code, pk in model.objects.filter(year=year).values_list("code", "pk")
             if code in wanted}
    absent = [row["pk"] for code, row in existing.items() if code not in wanted]
    return counts, codes, absent


def _delete_unused(
    model: type[models.Model],
    pks: list[int],
    users: list[tuple[models.Manager, str]],
    counts: LoadCounts,
) -> None:
    """Delete the rows `pks` that no row of `users` (manager, foreign key field) points to."""
    if not pks:
        return
    used: set[int] = set()
    for start in range(0, len(pks), BATCH_SIZE):
        batch = pks[start:start + BATCH_SIZE]
        for manager, field in users:
            used.update(manager.filter(**{f"{field}__in": batch}).values_list(field, flat=True))
    doomed = [pk for pk in pks if pk not in used]
    for start in range(0, len(doomed), BATCH_SIZE):
        model.objects.filter(pk__in=doomed[start:start + BATCH_SIZE]).delete()
    counts.deleted, counts.kept = len(doomed), len(used)


# --- Demo -----------------------------------------------------------------------------------

# The fictional demo Cités serve real territories, so their dossiers print real communes and
# population: an agglomération of 38 communes for Rivemont, one of 24 for Valombre.
DEMO_EPCIS = {"rivemont": "200071827",  # CA du Grand Angoulême
              "valombre": "240600585"}  # CA de Sophia Antipolis


def ensure_reference(*, only_epcis: frozenset[str] | None = None) -> bool:
    """Load the latest territory reference shipped with capacite when none is loaded yet;
    True when it loaded now. `make run` loads it whole (`load_territories --if-missing`)
    before the demo; a demo built elsewhere (the tests) loads only the slice its EPCIs need,
    which a later full load completes. Idempotent."""
    from dataclasses import replace

    if latest_year() is not None or not available_years():
        return False
    reference = read_reference(file_for_year(available_years()[-1]))
    if only_epcis is not None:
        communes = [c for c in reference.communes if c.epci in only_epcis]
        departements = {c.departement for c in communes}
        regions = {c.region for c in communes}
        reference = replace(
            reference, communes=communes,
            epcis=[e for e in reference.epcis if e.code in only_epcis],
            departements=[d for d in reference.departements if d.code in departements],
            regions=[r for r in reference.regions if r.code in regions])
    load_reference(reference)
    return True


def build_territory_demo(*, cite: Cite, today=None) -> None:
    """The demo Cité's territory: the real EPCI it borrows (`DEMO_EPCIS`), from the shipped
    reference, loaded first when missing."""
    territory, _created = CiteTerritory.objects.get_or_create(cite=cite)
    code = DEMO_EPCIS.get(cite.slug)
    if code is None:
        return
    ensure_reference(only_epcis=frozenset(DEMO_EPCIS.values()))
    epci = Epci.objects.filter(code=code, year=latest_year()).first()
    if epci is not None:
        territory.epcis.add(epci)
