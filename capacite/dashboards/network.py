"""The network's benchmarks: every open Cité's common indicators side by side, normalised per
hour open, per FTE and per 1,000 inhabitants of its territory (issue 15, point 6).

Each figure comes from its one place — visits and answers from `activity/counts.py`, hours open
from the sites' schedules (`offer`), FTE from the staff on the rosters (`staffing.partner_fte`),
population from the territory reference — read across Cités inside `scopes_disabled()` here and
nowhere else. Counts follow the small-group rule (the authority and other Cités read them), and
a Cité's name shows only when it opted in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from capacite.activity import counts
from capacite.core.models import Cite, Phase
from capacite.lib.small_groups import Count, protect_count


@dataclass(frozen=True)
class CiteFigures:
    cite_id: int
    name: str  # or « Cité C » when the Cité keeps its name to itself
    visits: Count
    hours_open: float
    fte: float
    population: int
    satisfaction: float | None  # mean overall score, 1-5
    responses: Count

    @property
    def per_hour(self) -> float | None:
        return _ratio(self.visits, self.hours_open)

    @property
    def per_fte(self) -> float | None:
        return _ratio(self.visits, self.fte)

    @property
    def per_thousand(self) -> float | None:
        """Asked of the dashboards' one rule for visits per 1,000 inhabitants."""
        from capacite.dashboards.figures import per_thousand

        return None if self.visits.hidden else per_thousand(self.visits.value, self.population)


def _ratio(count: Count, base: float) -> float | None:
    if count.hidden or not base:
        return None
    return round(count.value / base, 2)


def hours_open(cite: Cite, year: int, *, sites=None) -> float:
    """Opening hours of the year, all the Cité's own sites (main and other sites) together;
    `sites` when the caller fetched them already, with their hours (`_sites_by_cite`)."""
    from capacite.offer.domain.hours import hours_in_year
    from capacite.offer.services import schedule_of

    if sites is None:
        sites = _sites_by_cite([cite]).get(cite.pk, [])
    return round(sum(hours_in_year(schedule_of(s, years=[year]), year) for s in sites), 1)


def _sites_by_cite(cites: list[Cite]) -> dict[int, list]:
    """The Cités' own sites with their weekly hours, exceptions and closures, in four queries."""
    from capacite.offer.models import Site, SiteKind

    found: dict[int, list] = {}
    for site in (Site.objects.filter(cite__in=cites, kind__in=[SiteKind.MAIN, SiteKind.SITE])
                 .order_by("pk").prefetch_related("weekly_hours", "exceptions", "closures")):
        found.setdefault(site.cite_id, []).append(site)
    return found


def fte(cite: Cite, year: int, *, members=None, committed=None) -> float:
    from capacite.staffing.models import StaffMember
    from capacite.staffing.services import partner_fte

    if members is None:
        members = list(StaffMember.objects.filter(cite=cite, active=True)
                       .select_related("partner"))
    by_partner, _names = partner_fte(members, year, committed=committed)
    return float(sum(by_partner.values(), Decimal(0)))


def population(cite: Cite) -> int:
    from capacite.territory.services import communes_of, total_population

    return total_population(communes_of(cite))


def cite_figures(cite: Cite, year: int, *, label: str, sites=None, members=None,
                 survey=None, visits: int | None = None, committed=None) -> CiteFigures:
    """One Cité's figures; the network passes what it fetched for every Cité at once."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    if survey is None:
        survey = counts.SurveySummary(
            counts.response_count(cite=cite, start=start, end=end),
            counts.core_results(cite=cite, start=start, end=end))
    overall = next((r for r in survey.results if r.key == "overall"), None)
    return CiteFigures(
        cite.pk, label,
        protect_count(counts.visit_count(cite=cite, start=start, end=end) if visits is None
                      else visits),
        hours_open(cite, year, sites=sites),
        round(fte(cite, year, members=members, committed=committed), 2),
        population(cite), overall.mean if overall else None,
        protect_count(survey.responses))


def network(year: int, *, reader: Cite | None = None) -> list[CiteFigures]:
    """Every open Cité's figures for `year`, largest first. Names show for Cités that opted in,
    and for `reader` itself; the others are lettered in a fixed order (by id).

    Sites, staff and the questionnaires' results are fetched for every Cité in one go (a
    few queries, not a few per Cité); visits come from the monthly counts (`counts.py`)."""
    from capacite.dashboards.models import NetworkSharing
    from capacite.staffing.models import StaffMember
    from capacite.staffing.services import committed_fte

    with scopes_disabled():
        cites = list(Cite.objects.filter(phase=Phase.OPERATION).order_by("pk"))
        sharing = set(NetworkSharing.objects.filter(share_name=True)
                      .values_list("cite_id", flat=True))
        sites = _sites_by_cite(cites)
        members: dict[int, list] = {}
        for member in (StaffMember.objects.filter(cite__in=cites, active=True)
                       .select_related("partner").order_by("pk")):
            members.setdefault(member.cite_id, []).append(member)
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
        survey = counts.core_results_by_cite(cites=cites, start=start, end=end)
        visits = counts.visit_counts(cites=cites, start=start, end=end)
        committed = committed_fte(year)
        rows = []
        for index, cite in enumerate(cites):
            named = cite.pk in sharing or (reader is not None and cite.pk == reader.pk)
            label = cite.name if named else _("Cité %(letter)s") % {"letter": _letter(index)}
            rows.append(cite_figures(cite, year, label=label, sites=sites.get(cite.pk, []),
                                     members=members.get(cite.pk, []),
                                     survey=survey[cite.pk], visits=visits[cite.pk],
                                     committed=committed))
    return sorted(rows, key=lambda r: (-(r.visits.value if not r.visits.hidden else 0), r.cite_id))


def _letter(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index % 26] + (str(index // 26) if index >= 26 else "")
