"""What the opening-hours advice reads outside the visits: the site's hours and its rosters.

`figures.opening_advice` asks these and the visit counts, then hands plain data to
`domain/advice.py`. Call inside the Cité's scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from capacite.dashboards.domain.advice import SLOT_MINUTES, Thresholds


def thresholds_of(cite) -> tuple[Thresholds, object]:
    """The Cité's settings as plain thresholds, and the row (created with the defaults on first
    use, as the planning settings are)."""
    from capacite.dashboards.models import OpeningAdviceSettings

    row, _created = OpeningAdviceSettings.objects.get_or_create(cite=cite)
    return Thresholds(row.interview_minutes, row.idle_percent, row.minimum_people), row


def ordinary_half_hours(site) -> set[tuple[int, int]]:
    """The half-hours of the site's ordinary week, whole slots as the rosters cut them."""
    from capacite.staffing.services import ordinary_week

    return {(span.day, start // SLOT_MINUTES) for span in ordinary_week(site)
            for start in range(span.start, span.end, SLOT_MINUTES)}


def open_half_hours_by_day(site, start: date, end: date) -> dict[date, list[int]]:
    """Each day of [start, end) with its open half-hours: weekly hours, exceptions, closures and
    public holidays applied by the offer app's own functions."""
    from capacite.offer.domain.hours import spans_on
    from capacite.offer.services import schedule_of
    from capacite.staffing.domain.weekbuild import inner_span
    from capacite.staffing.services import minutes

    schedule = schedule_of(site, years=list(range(start.year, end.year + 1)))
    result = {}
    day = start
    while day < end:
        slots = []
        for span in spans_on(schedule, day):
            inner = inner_span(0, minutes(span.opens), minutes(span.closes))
            if inner:
                slots += range(inner.start // SLOT_MINUTES, inner.end // SLOT_MINUTES)
        result[day] = slots
        day += timedelta(days=1)
    return result


@dataclass(frozen=True)
class Rosters:
    """The roster weeks read: their Mondays, whether none fell in the period (the site's latest
    roster stands in), and their assignments as (desk, weekday, start minute)."""

    weeks: tuple[date, ...]
    latest_instead: bool
    assignments: tuple[tuple[tuple[str, int, int], ...], ...]


def rosters_of(site, start: date, end: date) -> Rosters:
    """The latest computed roster of each week of [start, end) at `site`; without any, the
    site's most recent computed roster (what the team works to today)."""
    from capacite.staffing.models import RosterRun, RunStatus
    from capacite.staffing.services import load, monday_of

    done = RosterRun.objects.filter(site=site, status=RunStatus.DONE, solution__isnull=False)
    chosen: dict[date, RosterRun] = {}
    for run in done.filter(week_start__gte=monday_of(start), week_start__lt=end).order_by(
            "week_start", "-created_at", "-pk"):
        chosen.setdefault(run.week_start, run)
    latest_instead = not chosen
    if latest_instead:
        latest = done.order_by("-week_start", "-created_at", "-pk").first()
        if latest is not None:
            chosen[latest.week_start] = latest
    weeks, assignments = [], []
    for week, run in sorted(chosen.items()):
        loaded = load(run)
        if loaded is None:
            continue
        weeks.append(week)
        assignments.append(tuple((a.desk, a.day, a.start) for a in loaded.solution.assignments))
    return Rosters(tuple(weeks), latest_instead and bool(weeks), tuple(assignments))


def use_as_roster_demand(*, advice) -> int:  # type: ignore[no-untyped-def]
    """Write the people each pôle needs, half-hour by half-hour of the site's ordinary week, as
    the site's roster demand (`staffing.DeskDemand`): each pôle's slot values are replaced, its
    default, the reception and the documentation stay. Returns the half-hours written."""
    from django.db import transaction

    from capacite.dashboards.domain.advice import roster_demand
    from capacite.staffing.services import replace_slot_demand

    written = 0
    with transaction.atomic():
        for pole in advice.poles:
            people = roster_demand(pole.desk)
            replace_slot_demand(site=advice.site, desk=pole.desk.desk, people=people)
            written += len(people)
    return written
