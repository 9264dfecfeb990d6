"""Vigilance points read from the data where the guide's point is measurable.

A point whose key has a registered rule is *measured*: the rule says, from the Cité's data,
whether it is open and why (the evidence shown beside it), and the stored status is not asked.
The other points stay manual (the team sets their status). Every point takes notes, and the
team adds its own points (keys starting with `TEAM_PREFIX`).

Rules are registered by the apps that own the data (the label app registers those that read
premises, governance, partners and planning), so the roadmap never imports them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from capacite.core.models import Cite
from capacite.roadmap.models import VigilancePoint, VigilanceStatus

TEAM_PREFIX = "equipe-"


@dataclass(frozen=True)
class Measure:
    """What the data says about a point: open or under control, with the evidence and the URL
    name of the page that changes it."""

    open: bool
    evidence: str
    fix: str = ""


Rule = Callable[[Cite, date], Measure]
_rules: dict[str, Rule] = {}


def register_vigilance_rule(key: str, rule: Rule) -> None:
    _rules[key] = rule


def measured_keys() -> frozenset[str]:
    return frozenset(_rules)


@dataclass(frozen=True)
class PointState:
    point: VigilancePoint
    open: bool
    measure: Measure | None  # None for a manual point

    @property
    def measured(self) -> bool:
        return self.measure is not None

    @property
    def by_team(self) -> bool:
        return self.point.key.startswith(TEAM_PREFIX)


def state_of(point: VigilancePoint, *, cite: Cite, today: date) -> PointState:
    rule = _rules.get(point.key)
    if rule is None:
        return PointState(point, point.status == VigilanceStatus.OPEN, None)
    measure = rule(cite, today)
    return PointState(point, measure.open, measure)


def point_states(*, cite: Cite, today: date,
                 points: Iterable[VigilancePoint] | None = None) -> list[PointState]:
    """Every point (or `points`) with its status: the rule's when measured, else the team's."""
    points = VigilancePoint.objects.all() if points is None else points
    return [state_of(p, cite=cite, today=today) for p in points]
