"""Is a workshops plan within the guide's ranges? (Phase 2, "impulser une démarche participative")

The guide: 3 to 5 groups of 12 to 20 participants, 2 to 4 sessions per group, over 6 to 10
months. Plain data in, French warnings out.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

GROUPS = (3, 5)
PARTICIPANTS = (12, 20)
SESSIONS = (2, 4)
MONTHS = (6, 10)
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class GroupPlan:
    name: str
    participants: int
    sessions: tuple[date, ...]


def span_in_months(first: date, last: date) -> float:
    """The time between two dates in average months (30.44 days), rounded to one decimal."""
    return round((last - first).days / DAYS_PER_MONTH, 1)


def plan_warnings(groups: list[GroupPlan]) -> list[str]:
    """Every way the plan leaves the guide's ranges; empty when it stays within them."""
    warnings = []
    if not GROUPS[0] <= len(groups) <= GROUPS[1]:
        warnings.append(ngettext(
            "%(count)d groupe de travail : le guide en conseille de 3 à 5.",
            "%(count)d groupes de travail : le guide en conseille de 3 à 5.",
            len(groups)) % {"count": len(groups)})
    for group in groups:
        if not PARTICIPANTS[0] <= group.participants <= PARTICIPANTS[1]:
            warnings.append(ngettext(
                "« %(name)s » compte %(count)d participant : le guide conseille de 12 à 20.",
                "« %(name)s » compte %(count)d participants : le guide conseille de 12 à 20.",
                group.participants) % {"name": group.name, "count": group.participants})
        if not SESSIONS[0] <= len(group.sessions) <= SESSIONS[1]:
            warnings.append(ngettext(
                "« %(name)s » a %(count)d séance : le guide en conseille de 2 à 4 par groupe.",
                "« %(name)s » a %(count)d séances : le guide en conseille de 2 à 4 par groupe.",
                len(group.sessions)) % {"name": group.name, "count": len(group.sessions)})
    dates = sorted(d for group in groups for d in group.sessions)
    if len(dates) >= 2:
        months = span_in_months(dates[0], dates[-1])
        if not MONTHS[0] <= months <= MONTHS[1]:
            warnings.append(
                _("Les séances s'étalent sur %(months)s mois : le guide conseille de 6 à 10 mois.")
                % {"months": f"{months:.1f}".replace(".", ",")}
            )
    return warnings
