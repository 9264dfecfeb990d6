"""Reads and writes of the premises, for the views, the demo and the label dossier.

`chosen_premises(cite)` and `space_programme(cite)` return plain data and open the Cité's scope
themselves: the label dossier (another issue) reads them without knowing these models.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django_scopes import scope

from capacite.core.models import Cite
from capacite.premises.choices import Zone
from capacite.premises.domain import scoring
from capacite.premises.models import Candidate, SpaceProgramme


def programme_surfaces() -> dict[str, int]:
    """Zone → m² of the current Cité's programme (zeros when none is written yet)."""
    programme = SpaceProgramme.objects.first()
    return programme.surfaces() if programme else {zone: 0 for zone in Zone.values}


def facts(candidate: Candidate) -> scoring.CandidateFacts:
    return scoring.CandidateFacts(
        surface_m2=candidate.surface_m2, step_free=candidate.step_free,
        transport=candidate.transport, central=candidate.central,
        open_plan=candidate.open_plan, shared_partners=len(candidate.shared_with.all()))


def scored_candidates() -> list[tuple[Candidate, scoring.Score]]:
    """Every candidate with its score, best first (the chosen one is not put first: the
    ranking says what the criteria say)."""
    programme = programme_surfaces()
    candidates = {c.pk: c for c in Candidate.objects.prefetch_related("shared_with")}
    ranking = scoring.ranked([(pk, scoring.score(facts(c), programme))
                              for pk, c in sorted(candidates.items(),
                                                  key=lambda item: item[1].name)])
    return [(candidates[pk], score) for pk, score in ranking]


def choose(candidate: Candidate) -> None:
    """Make `candidate` the chosen premises and the others not, in one transaction; each changed
    row gets a new version (someone editing it meanwhile is told) and a history entry."""
    with transaction.atomic():
        list(Cite.objects.select_for_update().filter(pk=candidate.cite_id).values_list("pk"))
        for other in Candidate.objects.select_for_update().filter(chosen=True).exclude(
                pk=candidate.pk):
            other.chosen = False
            other.version += 1
            other.save()
        current = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if not current.chosen:
            current.chosen = True
            current.version += 1
            current.save()


# --- for the label dossier ---------------------------------------------------------------------

@dataclass(frozen=True)
class ZoneSurface:
    zone: str
    label: str
    surface_m2: int


@dataclass(frozen=True)
class ChosenPremises:
    name: str
    address: str
    commune: str
    surface_m2: int
    transport: str
    transport_label: str
    transport_notes: str
    step_free: bool
    central: bool
    open_plan: bool
    shared_with: tuple[str, ...]
    rent_eur: Decimal | None
    works_eur: Decimal | None
    notes: str
    points: int
    maximum: int
    need_m2: int
    blocking: tuple[str, ...]
    has_plan: bool
    plan_filename: str
    plan_path: str  # storage name, for a dossier that attaches the plan; "" without a plan


def space_programme(cite: Cite) -> list[ZoneSurface]:
    """The Cité's programme, zone by zone in the guide's order (m² 0 for a zone not set)."""
    with scope(cite=cite):
        surfaces = programme_surfaces()
    return [ZoneSurface(value, str(label), surfaces[value]) for value, label in Zone.choices]


def chosen_premises(cite: Cite) -> ChosenPremises | None:
    """The chosen premises with their score, or None when none is chosen yet."""
    with scope(cite=cite):
        candidate = (Candidate.objects.filter(chosen=True).prefetch_related("shared_with")
                     .first())
        if candidate is None:
            return None
        result = scoring.score(facts(candidate), programme_surfaces())
        return ChosenPremises(
            name=candidate.name, address=candidate.address, commune=candidate.commune,
            surface_m2=candidate.surface_m2, transport=candidate.transport,
            transport_label=str(candidate.get_transport_display()),
            transport_notes=candidate.transport_notes, step_free=candidate.step_free,
            central=candidate.central, open_plan=candidate.open_plan,
            shared_with=tuple(sorted(o.name for o in candidate.shared_with.all())),
            rent_eur=candidate.rent_eur, works_eur=candidate.works_eur, notes=candidate.notes,
            points=result.points, maximum=result.maximum, need_m2=result.need_m2,
            blocking=result.blocking, has_plan=bool(candidate.plan),
            plan_filename=candidate.plan_filename,
            plan_path=candidate.plan.name if candidate.plan else "")
