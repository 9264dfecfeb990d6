"""The label's data sources: one small function per source, read by the checklist and the
dossiers alike (so a figure is never computed twice).

Call inside the Cité's scope. Each function reads another app through that app's own services
(the same functions its screens use). Premises, the events programme, the budget and the team
come from apps still being built: their functions answer `Unavailable` while the app is absent,
so the checklist shows "à compléter" and the dossier says what is missing.
"""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from capacite.core.models import Cite
from capacite.label.domain import criteria
from capacite.label.domain.criteria import (
    DeclarationFact,
    Facts,
    SiteFact,
    Unavailable,
)
from capacite.label.domain.parts import LABEL_PROJET, NARRATIVE_BY_KEY, narratives_of
from capacite.label.models import Declaration, NarrativeText

EVENING = time(18, 30)


# --- the apps being built elsewhere ------------------------------------------------------------

def _app_has_models(app_label: str) -> bool:
    """True when the app is installed and defines models (staffing is installed for its engine
    before its models exist)."""
    if not apps.is_installed(f"capacite.{app_label}"):
        return False
    return any(True for _ in apps.get_app_config(app_label).get_models())


def premises_data() -> criteria.PremisesFact | Unavailable:
    """The premises identified and their plan (app `capacite.premises`, not merged yet)."""
    if not _app_has_models("premises"):
        return Unavailable("les locaux")
    return Unavailable("les locaux")  # wired when capacite.premises lands in main


def events_data() -> criteria.EventsFact | Unavailable:
    """The collective events programme (app `capacite.events`, not merged yet)."""
    if not _app_has_models("events"):
        return Unavailable("le programme d'événements")
    return Unavailable("le programme d'événements")  # wired when capacite.events lands


def budget_data() -> criteria.BudgetFact | Unavailable:
    """The provisional budget (models of `capacite.planning`, not merged yet)."""
    if not _app_has_models("planning"):
        return Unavailable("le budget prévisionnel")
    return Unavailable("le budget prévisionnel")  # wired when the planning models land


def team_data() -> criteria.TeamFact | Unavailable:
    """The team and its rosters (models of `capacite.staffing`, not merged yet)."""
    if not _app_has_models("staffing"):
        return Unavailable("l'équipe")
    return Unavailable("l'équipe")  # wired when the staffing models land


# --- the apps already there --------------------------------------------------------------------

@dataclass(frozen=True)
class PoleData:
    name: str
    description: str
    partners: list[str]
    sites: list[str]


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


def sites_data(*, now=None) -> list[SiteData]:
    """The sites network, with the hours per week the offer screens compute (site_summary)."""
    from capacite.offer.domain.hours import WEEKDAYS
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


def coverage_data() -> dict:
    """The fields × publics coverage matrix of the partners' screen."""
    from capacite.partners.choices import FieldOfAction
    from capacite.partners.services import current_coverage

    matrix, publics = current_coverage()
    fields = dict(FieldOfAction.choices)
    return {"publics": publics,
            "rows": [(str(fields[row.field]), [", ".join(e.name for e in cell.entries)
                                               for cell in row.cells]) for row in matrix]}


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


def territory_data(cite: Cite) -> dict:
    """The territory served: communes and population from the territory app."""
    from capacite.territory.services import communes_of, total_population

    communes = communes_of(cite)
    return {"label": cite.territory, "communes": communes.count(),
            "population": total_population(communes),
            "names": list(communes.values_list("name", flat=True)[:40])}


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
            "open_tasks": [(t.title, t.get_phase_display(), t.due_date) for t in open_tasks]}


def narratives() -> dict[str, NarrativeText]:
    return {n.key: n for n in NarrativeText.objects.all()}


def declarations() -> dict[str, Declaration]:
    return {d.key: d for d in Declaration.objects.all()}


# --- the checklist -----------------------------------------------------------------------------

def facts(cite: Cite) -> Facts:
    """Gather the plain data the rules read."""
    texts = narratives()
    needed = narratives_of(LABEL_PROJET)
    missing = tuple(NARRATIVE_BY_KEY[k].title for k in needed
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
        premises=premises_data(),
        events=events_data(),
        budget=budget_data(),
        team=team_data(),
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
