"""The label's data sources: one small function per source, read by the checklist and the
dossiers alike (so a figure is never computed twice).

Call inside the Cité's scope. Each function reads another app through that app's own services
(the same functions its screens use): the budget figures are planning's
`chosen_comparison_row` and `chosen_cerfa_budget`, the premises are premises'
`chosen_premises`, the org chart is staffing's own SVG.
"""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext

from capacite.core.memo import read_once
from capacite.core.models import Cite
from capacite.label.domain import criteria
from capacite.label.domain.criteria import (
    DeclarationFact,
    Facts,
    SiteFact,
)
from capacite.label.domain.parts import LABEL_PROJET, NARRATIVE_BY_KEY, narratives_of
from capacite.label.models import Declaration, NarrativeText

if TYPE_CHECKING:
    from capacite.premises.services import ChosenPremises

EVENING = time(18, 30)


# --- premises, events, budget, team (their apps' own services) -------------------------------

@dataclass(frozen=True)
class PremisesData:
    chosen: "ChosenPremises | None"
    programme: list  # premises.services.ZoneSurface, zone by zone
    plan_path: str  # absolute path of the fitting-out plan, "" without one
    plan_kind: str  # "pdf", "image", "other" or ""

    @property
    def fact(self) -> criteria.PremisesFact:
        c = self.chosen
        if c is None:
            return criteria.PremisesFact(False, "", False)
        return criteria.PremisesFact(
            True, gettext("%(name)s (%(commune)s), %(surface)s m² pour un besoin de %(need)s m², "
                          "%(points)s/%(max)s points") % {
                "name": c.name, "commune": c.commune, "surface": c.surface_m2,
                "need": c.need_m2, "points": c.points, "max": c.maximum}, c.has_plan)


@read_once
def premises_data(cite: Cite) -> PremisesData:
    """The chosen premises with their score, the space programme and the plan file, from
    `premises.services` (the premises screen's own functions)."""
    from django.core.files.storage import default_storage

    from capacite.premises.services import chosen_premises, space_programme

    chosen = chosen_premises(cite)
    path, kind = "", ""
    if chosen and chosen.plan_path and default_storage.exists(chosen.plan_path):
        path = default_storage.path(chosen.plan_path)
        suffix = chosen.plan_path.lower().rsplit(".", 1)[-1]
        kind = "pdf" if suffix == "pdf" else "image" if suffix in ("png", "jpg", "jpeg") \
            else "other"
    return PremisesData(chosen, space_programme(cite), path, kind)


@dataclass(frozen=True)
class EventData:
    day: date
    title: str
    where: str
    pole: str


@dataclass(frozen=True)
class EventsData:
    retained: list[EventData]
    proposed: list[EventData]  # awaiting the programming committee, not finished yet

    @property
    def fact(self) -> criteria.EventsFact:
        return criteria.EventsFact(len(self.retained), len(self.proposed))


@read_once
def events_data() -> EventsData:
    """The events programme: the events the programming committee retained (events'
    `retained_events`, the agenda's source) and the proposals still awaiting its choice."""
    from capacite.events.models import Event, EventStatus
    from capacite.events.services import retained_events

    def data(e) -> EventData:
        return EventData(timezone.localtime(e.starts_at).date(), e.title, e.where,
                         e.pole.name if e.pole_id else e.theme)

    proposed = (Event.objects.filter(status=EventStatus.PROPOSED, ends_at__gt=timezone.now())
                .select_related("site", "pole"))
    return EventsData([data(e) for e in retained_events()], [data(e) for e in proposed])


@dataclass(frozen=True)
class BudgetData:
    row: dict | None  # planning.services.chosen_comparison_row
    cerfa: dict | None  # planning.services.chosen_cerfa_budget
    months_below_zero: int
    gip: bool
    treasury_alerts: list[str]
    treasury_error: str

    years: tuple[criteria.BudgetYear, ...] = ()

    @property
    def fact(self) -> criteria.BudgetFact | None:
        if self.row is None:
            return None
        return criteria.BudgetFact(self.row["operating_charges"],
                                   self.row["operating_resources"], self.years)

    @property
    def unsecured(self) -> Decimal:
        """Resources still « Piste » over the budget's years: the risk the dossier names."""
        return sum((y.unsecured for y in self.years), Decimal(0))


@read_once
def budget_data(cite: Cite) -> BudgetData:
    """The chosen scenario's comparison row and Cerfa budget, and the treasury plan's alerts,
    all from `planning.services` (the comparison and treasury screens' functions)."""
    from capacite.planning import services as planning
    from capacite.planning.domain.treasury import GIP, treasury_plan

    row = planning.chosen_comparison_row(cite)
    alerts: list[str] = []
    error = ""
    inputs = planning.treasury_inputs(cite) if row is not None else None
    if inputs is not None:
        try:
            alerts = [a.message for a in treasury_plan(inputs).alerts]
        except ValueError as exc:
            error = str(exc)
    return BudgetData(row, planning.chosen_cerfa_budget(cite), len(alerts),
                      planning.legal_form() == GIP, alerts, error, budget_years(cite))


@read_once
def investments_data() -> list:
    """The investment lines of the budget (planning's own list)."""
    from capacite.planning.services import investments

    return investments()


def budget_years(cite: Cite) -> tuple[criteria.BudgetYear, ...]:
    """The chosen scenario's charges and resources for each budget year, with the operating
    funding still « Piste » (planning's own budget; the funding page's statuses)."""
    from capacite.planning import services as planning

    row = planning.chosen_scenario()
    if row is None:
        return ()
    budget = planning.scenario_plan(row, settings=planning.planning_settings(cite)).budget
    leads = planning.unsecured_funding(row)  # the scenario's own lines, in euros
    return tuple(
        criteria.BudgetYear(year, budget.total_charges[i], budget.total_products[i],
                            leads[i] if i < len(leads) else Decimal(0))
        for i, year in enumerate(budget.years))


@dataclass(frozen=True)
class JobData:
    title: str
    function: str
    fte: Decimal
    employer: str
    holders: list[str]
    missions: str


@dataclass(frozen=True)
class TeamData:
    jobs: list[JobData]
    by_function: list[tuple[str, Decimal]]  # (function label, FTE)
    org_chart: tuple[str, ...]  # the org chart screen's SVG cut to A4 pages, () without jobs
    org_groups: tuple = ()  # the chart's groups (staffing.domain.orgchart.Group), its table

    @property
    def fact(self) -> criteria.TeamFact:
        return criteria.TeamFact(sum((j.fte for j in self.jobs), Decimal(0)), len(self.jobs))


@read_once
def team_data(cite: Cite) -> TeamData:
    """The job descriptions, the FTE per function and the org chart (staffing's own SVG)."""
    from capacite.partners.choices import StaffFunction
    from capacite.staffing.domain.orgchart import org_chart_pages
    from capacite.staffing.models import JobDescription
    from capacite.staffing.services import org_chart_groups, org_chart_words

    jobs = list(JobDescription.objects.select_related("employer").prefetch_related("holders"))
    groups = org_chart_groups(cite) if jobs else []
    labels = dict(StaffFunction.choices)
    totals: dict[str, Decimal] = {}
    for job in jobs:
        totals[job.function] = totals.get(job.function, Decimal(0)) + job.fte
    return TeamData(
        [JobData(j.title, str(labels.get(j.function, j.function)), j.fte,
                 j.employer.name if j.employer_id else gettext("la Cité"),
                 [h.name for h in j.holders.all()], j.missions) for j in jobs],
        [(str(labels.get(k, k)), v) for k, v in sorted(totals.items(), key=lambda x: -x[1])],
        tuple(org_chart_pages(groups, title=gettext("Organigramme de %(cite)s") % {"cite": cite},
                              words=org_chart_words())) if jobs else (),
        tuple(groups))


@dataclass(frozen=True)
class ThemeData:
    label: str
    indicators: list[tuple[str, str, str, str, str]]  # label, value, unit, territory, source
    narrative: str


@read_once
def diagnosis_data() -> dict:
    """The territorial diagnosis (indicators and narrative per theme) and the existing offer
    map, from `diagnosis.services` (the diagnosis screens' functions)."""
    from capacite.diagnosis.choices import Service, Unit
    from capacite.diagnosis.services import offer_map, themes_overview

    units = dict(Unit.choices)
    themes = [ThemeData(t.label, [(i.label, i.shown_value, str(units.get(i.unit, i.unit)),
                                   i.territory, i.source) for i in t.indicators],
                        t.narrative.text.strip() if t.narrative else "")
              for t in themes_overview()]
    rows, counts = offer_map()
    services_labels = dict(Service.choices)
    return {
        "themes": themes,
        "map_rows": [(r.name, [str(services_labels[s]) for s in Service.values
                               if s in r.services],
                      r.entry.strengths if r.entry else "",
                      r.entry.weaknesses if r.entry else "") for r in rows if r.entry],
        "map_actors": len(rows),
        "counts": [(str(services_labels[c.service]), c.count) for c in counts],
    }


@read_once
def documentation_data() -> dict:
    """The size of the documentation catalogue (resources and themes)."""
    from capacite.documentation.models import Resource, Theme

    return {"resources": Resource.objects.count(), "themes": Theme.objects.count()}


# --- the apps already there --------------------------------------------------------------------

@dataclass(frozen=True)
class PoleData:
    name: str
    description: str
    partners: list[str]
    sites: list[str]


@read_once
def poles_data() -> list[PoleData]:
    """The pôles de conseil with the organisations that animate them."""
    from capacite.offer.models import Pole

    return [PoleData(p.name, p.description, sorted(o.name for o in p.partners.all()),
                     [s.name for s in p.sites.all()])
            for p in Pole.objects.prefetch_related("partners", "sites")]


@dataclass(frozen=True)
class SiteData:
    fact: SiteFact
    kind_label: str
    address: str
    commune: str
    week: list[tuple[str, str]]  # (weekday name, "10:00-18:00, …")


@read_once
def sites_data(*, now=None) -> list[SiteData]:
    """The sites network, with the hours per week the offer screens compute (site_summary)."""
    from django.utils.dates import WEEKDAYS  # « lundi », « Monday »: the active language's

    from capacite.offer.models import Site
    from capacite.offer.services import site_summary

    result = []
    for site in Site.objects.prefetch_related("weekly_hours", "exceptions", "closures",
                                              "poles"):
        summary = site_summary(site, now=now)
        spans = list(site.weekly_hours.all())
        days: dict[int, list[str]] = {}
        for s in spans:
            days.setdefault(s.weekday, []).append(f"{s.opens:%H:%M}-{s.closes:%H:%M}")
        result.append(SiteData(
            SiteFact(site.name, site.kind, site.poles.count(), summary.hours_per_week,
                     saturday=any(s.weekday == 5 for s in spans),
                     evening=any(s.closes >= EVENING for s in spans), warning=summary.warning),
            site.get_kind_display(), site.address, site.commune,
            [(str(WEEKDAYS[d]), ", ".join(v)) for d, v in sorted(days.items())],
        ))
    return result


@dataclass(frozen=True)
class BodyData:
    kind: str
    kind_label: str
    name: str
    frequency: str
    missions: str
    members: list[tuple[str, str]]  # (organisation, role)


@read_once
def bodies_data() -> list[BodyData]:
    """The coordination bodies and who sits on them (governance)."""
    from capacite.governance.models import Body

    return [
        BodyData(b.kind, b.get_kind_display(), b.name, str(b.effective_frequency), b.missions,
                 [(m.organisation.name if m.organisation_id else str(m), m.role)
                  for m in b.members.all()])
        for b in Body.objects.prefetch_related("members__organisation")
    ]


@dataclass(frozen=True)
class SteeringData:
    exists: bool
    organisations: list[str]
    missing_first_circle: list[str]
    without_letter: list[str]


@read_once
def steering_data() -> SteeringData:
    """The steering committee: its organisations, the first circle still absent (governance's
    own rule) and the members with no letter of intent received or signed."""
    from capacite.governance.choices import BodyKind
    from capacite.governance.models import Body, BodyMember
    from capacite.governance.services import missing_first_circle

    organisations = {
        m.organisation_id: m.organisation.name
        for m in BodyMember.objects.filter(body__kind=BodyKind.STEERING,
                                           organisation__isnull=False)
        .select_related("organisation")
    }
    with_letter = {x.organisation_id for x in letters_data() if x.received}
    return SteeringData(
        Body.objects.filter(kind=BodyKind.STEERING).exists(),
        sorted(organisations.values()),
        missing_first_circle(),
        sorted(name for pk, name in organisations.items() if pk not in with_letter),
    )


@dataclass(frozen=True)
class LetterData:
    organisation_id: int
    organisation: str
    status: str
    status_label: str
    dated: date
    received: bool
    commitment_id: int
    file_name: str  # storage name, "" without a file
    filename: str  # the sender's file name


@read_once
def letters_data() -> list[LetterData]:
    """The partners' letters of intent, requested, received or signed (partners)."""
    from capacite.partners.choices import CommitmentKind, CommitmentStatus
    from capacite.partners.models import Commitment

    return [
        LetterData(c.organisation_id, c.organisation.name, c.status, c.get_status_display(),
                   c.dated, c.status in (CommitmentStatus.RECEIVED, CommitmentStatus.SIGNED),
                   c.pk, c.file.name if c.file else "", c.filename)
        for c in Commitment.objects.filter(kind=CommitmentKind.LETTER_OF_INTENT)
        .select_related("organisation").order_by("organisation__name", "dated")
    ]


@read_once
def partners_data() -> dict:
    """The actor map: organisations with their latest stance, counts per stance, and the
    positions chart of the partners' screen (same function, same SVG)."""
    from capacite.partners import services

    today = timezone.localdate()
    organisations = list(services.organisations())
    counts = services.stance_history(today=today)
    tally: dict[str, int] = {}
    for o in organisations:
        stance = o.latest_stance or "unknown"
        tally[stance] = tally.get(stance, 0) + 1
    return {"organisations": organisations, "tally": tally, "history": counts,
            "chart": services.stance_chart(counts)}


@read_once
def coverage_data() -> dict:
    """The fields × publics coverage matrix of the partners' screen."""
    from capacite.partners.choices import FieldOfAction
    from capacite.partners.services import current_coverage

    matrix, publics = current_coverage()
    fields = dict(FieldOfAction.choices)
    return {"publics": publics,
            "rows": [(str(fields[row.field]), [", ".join(e.name for e in cell.entries)
                                               for cell in row.cells]) for row in matrix]}


@read_once
def contributions_data() -> dict:
    """The partners' contributions of the first year planned (partners' services)."""
    from capacite.partners.choices import StaffFunction
    from capacite.partners.models import Contribution
    from capacite.partners.services import contributions_for_year

    years = sorted(set(Contribution.objects.values_list("year", flat=True)))
    this_year = timezone.localdate().year
    year = next((y for y in years if y >= this_year), years[-1] if years else this_year)
    lines = contributions_for_year(year)
    functions = dict(StaffFunction.choices)
    return {
        "year": year,
        "lines": [(line.organisation,
                   str(functions.get(line.function, "")) if line.function else "", line.pole,
                   line.fte, line.in_kind_eur, line.money_eur) for line in lines],
        "organisations": len({line.organisation_id for line in lines}),
        "fte": sum((line.fte for line in lines), Decimal(0)),
        "in_kind": sum((line.in_kind_eur for line in lines), Decimal(0)),
        "money": sum((line.money_eur for line in lines), Decimal(0)),
    }


@read_once
def legal_data() -> dict:
    """The legal structure chosen and the institutions' deliberations (governance)."""
    from capacite.governance.models import LegalStructure, ValidationStep

    structure = LegalStructure.objects.first()
    return {
        "form": structure.get_chosen_form_display() if structure and structure.chosen_form
        else "",
        "host_body": structure.host_body if structure else "",
        "rationale": structure.rationale if structure else "",
        "steps": [(s.organisation.name, s.deciding_body, s.expected_on, s.get_status_display())
                  for s in ValidationStep.objects.select_related("organisation")
                  .order_by("expected_on")],
    }


@read_once
def territory_data(cite: Cite) -> dict:
    """The territory served: communes and population from the territory app."""
    from capacite.territory.services import communes_of, total_population

    communes = communes_of(cite)
    return {"label": cite.territory, "communes": communes.count(),
            "population": total_population(communes),
            "names": list(communes.values_list("name", flat=True)[:40])}


@read_once
def workshops_data() -> dict:
    """Workshop groups, their sessions, and their proposals by dossier part (governance)."""
    from capacite.governance.models import WorkshopProposal
    from capacite.governance.services import workshop_plan

    groups, _warnings = workshop_plan()
    by_part: dict[str, list[tuple[str, str]]] = {}
    for p in WorkshopProposal.objects.select_related("group"):
        by_part.setdefault(p.dossier_part, []).append((p.title, p.group.theme))
    return {
        "groups": [(g.theme, g.participant_count, [s.date for s in g.sessions.all()],
                    [s for s in g.sessions.all()]) for g in groups],
        "sessions": sum(len(g.sessions.all()) for g in groups),
        "proposals": by_part,
    }


@read_once
def roadmap_data() -> dict:
    """The rétro-planning toward the target, with the Gantt of the roadmap screen, and the open
    tasks of the current and next phases."""
    from capacite.roadmap.models import Task
    from capacite.roadmap.services import backplan_chart, current_plan

    today = timezone.localdate()
    plan = current_plan(today=today)
    open_tasks = [t for t in Task.objects.exclude(status="done").order_by("due_date", "position")
                  if t.phase in ("construction", "implementation")]
    return {"plan": plan, "chart": backplan_chart(plan, today=today), "today": today,
            "open_tasks": [(t.get_title_display(), t.get_phase_display(), t.due_date)
                           for t in open_tasks]}


def narratives() -> dict[str, NarrativeText]:
    return {n.key: n for n in NarrativeText.objects.all()}


def declarations() -> dict[str, Declaration]:
    return {d.key: d for d in Declaration.objects.all()}


# --- the checklist -----------------------------------------------------------------------------

def facts(cite: Cite) -> Facts:
    """Gather the plain data the rules read."""
    texts = narratives()
    needed = narratives_of(LABEL_PROJET)
    missing = tuple(str(NARRATIVE_BY_KEY[k].title) for k in needed
                    if not (texts.get(k) and texts[k].text.strip()))
    steering = steering_data()
    return Facts(
        poles=tuple((p.name, len(p.partners)) for p in poles_data()),
        sites=tuple(s.fact for s in sites_data()),
        has_steering=steering.exists,
        missing_first_circle=tuple(steering.missing_first_circle),
        steering_without_letter=tuple(steering.without_letter),
        steering_organisations=len(steering.organisations),
        legal_form=legal_data()["form"],
        contributing_organisations=contributions_data()["organisations"],
        territory_communes=territory_data(cite)["communes"],
        workshop_sessions=workshops_data()["sessions"],
        narratives_missing=missing,
        narratives_total=len(needed),
        premises=premises_data(cite).fact,
        events=events_data().fact,
        budget=budget_data(cite).fact,
        team=team_data(cite).fact,
        declarations={k: DeclarationFact(d.status, d.evidence) for k, d in
                      declarations().items()},
    )


def checklist(cite: Cite) -> list[criteria.Result]:
    return criteria.evaluate(facts(cite))


def home_panel(request) -> dict:
    results = checklist(request.cite)
    todo = ([r for r in results if r.check.status == criteria.RED]
            + [r for r in results if r.check.status == criteria.AMBER])
    return {"tally": criteria.tally(results), "todo": todo[:5]}


# --- writing -----------------------------------------------------------------------------------

def ensure_rows(cite: Cite) -> None:
    """Give the Cité one (empty) row per narrative and per declaration, so each has an id to
    edit and a version from the start: two people opening the same empty part both edit
    version 1, and the second save is refused instead of creating a duplicate. Idempotent."""
    from capacite.label.domain.criteria import DECLARATION_KEYS
    from capacite.label.domain.parts import NARRATIVE_KEYS

    have = set(NarrativeText.objects.values_list("key", flat=True))
    NarrativeText.objects.bulk_create(
        [NarrativeText(cite=cite, key=k) for k in NARRATIVE_KEYS if k not in have],
        ignore_conflicts=True)
    have = set(Declaration.objects.values_list("key", flat=True))
    Declaration.objects.bulk_create(
        [Declaration(cite=cite, key=k) for k in DECLARATION_KEYS if k not in have],
        ignore_conflicts=True)
