"""Scoring premises candidates against the label's criteria and the space programme.

The guide ("engager une prospection pour des locaux", "aménager les locaux") asks for: access
without steps (accessibility is a label criterion: without it the label cannot be granted, so
it also blocks), easy access by public transport, a central position, a surface big enough for
the programme, a single open level where people see everything from the door, and, as a plus,
premises shared with partners. Each criterion gives points out of a maximum; the total ranks the
candidates, and the reasons say why, in French, for the steering committee.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Corridors, toilets, storage and walls come on top of the programme's useful surfaces: the
# usual allowance in public buildings' programmes is about 15 %.
CIRCULATION_RATE = Decimal("0.15")

MAX_ACCESSIBILITY, MAX_TRANSPORT, MAX_CENTRAL = 3, 2, 1
MAX_SURFACE, MAX_OPEN_PLAN, MAX_SHARED = 3, 2, 1
MAXIMUM = MAX_ACCESSIBILITY + MAX_TRANSPORT + MAX_CENTRAL + MAX_SURFACE + MAX_OPEN_PLAN \
    + MAX_SHARED  # 12
TRANSPORT_POINTS = {"good": 2, "fair": 1, "poor": 0}
# Surface / need → points: the whole programme fits, nearly (90 %), three quarters, less.
SURFACE_STEPS = ((Decimal("1"), 3), (Decimal("0.9"), 2), (Decimal("0.75"), 1))


@dataclass(frozen=True)
class CandidateFacts:
    surface_m2: int
    step_free: bool
    transport: str  # "good", "fair" or "poor"
    central: bool
    open_plan: bool  # one level, open space possible
    shared_partners: int  # how many partner organisations share the building


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    points: int
    maximum: int
    reason: str


@dataclass(frozen=True)
class Score:
    criteria: tuple[Criterion, ...]
    need_m2: int  # the programme plus circulation; 0 when no programme yet
    blocking: tuple[str, ...]  # reasons the label could not be granted in these premises

    @property
    def points(self) -> int:
        return sum(c.points for c in self.criteria)

    @property
    def maximum(self) -> int:
        return sum(c.maximum for c in self.criteria)


def programme_total(programme: Mapping[str, int]) -> int:
    """The useful surfaces of every zone added up, in m²."""
    return sum(programme.values())


def programme_need(programme: Mapping[str, int]) -> int:
    """The surface the programme needs once circulation is added, rounded up to the m²."""
    total = Decimal(programme_total(programme))
    return math.ceil(total * (1 + CIRCULATION_RATE))


def surface_points(surface_m2: int, need_m2: int) -> int:
    if need_m2 <= 0:
        return 0
    ratio = Decimal(surface_m2) / Decimal(need_m2)
    return next((points for floor, points in SURFACE_STEPS if ratio >= floor), 0)


def score(facts: CandidateFacts, programme: Mapping[str, int]) -> Score:
    """Every criterion's points and reason for one candidate against the programme."""
    need = programme_need(programme)
    criteria = [
        Criterion("accessibility", _("Accessibilité"),
                  MAX_ACCESSIBILITY if facts.step_free else 0, MAX_ACCESSIBILITY,
                  _("Accès de plain-pied pour tous.") if facts.step_free
                  else _("Pas d'accès de plain-pied : les personnes en fauteuil ne peuvent pas "
                         "entrer.")),
        Criterion("transport", _("Desserte en transports en commun"),
                  TRANSPORT_POINTS.get(facts.transport, 0), MAX_TRANSPORT,
                  {"good": _("Plusieurs lignes régulières à moins de 300 m."),
                   "fair": _("Une ligne régulière à proximité.")}.get(
                      facts.transport, _("Pas de ligne régulière à proximité."))),
        Criterion("central", _("Position centrale"), MAX_CENTRAL if facts.central else 0,
                  MAX_CENTRAL,
                  _("Au centre de la ville ou du territoire.") if facts.central
                  else _("Excentré.")),
        _surface_criterion(facts.surface_m2, need),
        Criterion("open_plan", _("Espace ouvert et accueillant"),
                  MAX_OPEN_PLAN if facts.open_plan else 0, MAX_OPEN_PLAN,
                  _("Un plateau ouvert : dès l'entrée, on voit tout ce que la Cité offre.")
                  if facts.open_plan
                  else _("Espaces cloisonnés ou sur plusieurs niveaux.")),
        Criterion("shared", _("Partagé avec des partenaires"),
                  MAX_SHARED if facts.shared_partners > 0 else 0, MAX_SHARED,
                  ngettext("Partagé avec %(count)s partenaire.",
                           "Partagé avec %(count)s partenaires.", facts.shared_partners)
                  % {"count": facts.shared_partners}
                  if facts.shared_partners else _("Aucun partenaire dans les mêmes locaux.")),
    ]
    blocking = () if facts.step_free else (
        _("Sans accès de plain-pied, ces locaux ne respectent pas le critère d'accessibilité "
          "du label."),)
    return Score(tuple(criteria), need, blocking)


def _surface_criterion(surface_m2: int, need_m2: int) -> Criterion:
    label = _("Surface par rapport au programme")
    if need_m2 <= 0:
        return Criterion("surface", label, 0, MAX_SURFACE,
                         _("Programme des surfaces non défini : critère non évalué."))
    gap = surface_m2 - need_m2
    percent = (Decimal(surface_m2) * 100 / Decimal(need_m2)).quantize(
        Decimal("1"), rounding=ROUND_HALF_UP)
    if gap >= 0:
        reason = _("%(surface)s m² pour %(need)s m² nécessaires (programme et circulations) : "
                   "%(gap)s m² de marge.") % {"surface": surface_m2, "need": need_m2, "gap": gap}
    else:
        reason = _("%(surface)s m² pour %(need)s m² nécessaires (programme et circulations) : "
                   "il manque %(gap)s m² (%(percent)s %% du besoin).") % {
            "surface": surface_m2, "need": need_m2, "gap": -gap, "percent": percent}
    return Criterion("surface", label, surface_points(surface_m2, need_m2), MAX_SURFACE, reason)


def ranked(scores: Sequence[tuple[int, Score]]) -> list[tuple[int, Score]]:
    """Candidates (id, score) best first: no blocking reason, then more points; ties keep the
    given order."""
    return sorted(scores, key=lambda item: (bool(item[1].blocking), -item[1].points))
