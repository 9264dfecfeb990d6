"""Opening-hours advice (issue 15, point 7): where visitors wait and where desks are idle.

The guide asks for « un fonctionnement sans rendez-vous » and « des horaires adaptés aux
contraintes de tous les types de public »: nobody books, so the advisers rostered at a pôle in a
half-hour must absorb the interviews people walk in for. For each pôle and each half-hour of
the week this module sets the interviews observed over a period against the people the rosters
put at that pôle, and turns the observed demand into the people a roster should ask for.

The rule, from queueing's Little's law: interviews started per minute times their length is the
number of advisers busy on average —

    load = visits × interview minutes / (days open at that half-hour × 30)

More load than advisers rostered: people wait. Advisers rostered but less than `idle_percent` %
of their time used: the desk is idle. People needed for the roster: the load rounded up to a
whole person (fewer and the queue only grows), never below the Cité's minimum per open pôle.

Plain data in, plain data out, exact fractions: no database, no float rounding at thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

SLOT_MINUTES = 30
MAX_PEOPLE = 20  # the most a stored roster demand holds for one desk and slot

CLOSED = "closed"  # not open in the site's ordinary week
NO_DATA = "no_data"  # open in the ordinary week, but on no day of the period
WAIT = "wait"  # more interviews than advisers: people wait
IDLE = "idle"  # advisers rostered, little of their time used
BALANCED = "balanced"

Key = tuple[int, int]  # (weekday 0 = Monday, half-hour of the day 0..47)


@dataclass(frozen=True)
class Thresholds:
    """What the Cité sets: how long an interview lasts on average, below which share of their
    time rostered advisers count as idle, and how many people an open pôle always keeps."""

    interview_minutes: int
    idle_percent: int
    minimum_people: int


@dataclass(frozen=True)
class SlotAdvice:
    """One pôle in one half-hour of the week."""

    weekday: int
    slot: int
    is_open: bool
    visits: int  # interviews observed over the period
    days_open: int  # days of the period on which the site was open then
    load: Fraction  # advisers busy on average
    staffed: Fraction  # advisers rostered on average over the roster weeks
    needed: int  # people the roster demand asks for
    state: str

    @property
    def start_minute(self) -> int:
        return self.slot * SLOT_MINUTES


def slot_advice(*, weekday: int, slot: int, is_open: bool, visits: int, days_open: int,
                staffed: Fraction, thresholds: Thresholds) -> SlotAdvice:
    """Advice for one pôle and half-hour; see the module's docstring for the rule."""
    load = (Fraction(visits * thresholds.interview_minutes, days_open * SLOT_MINUTES)
            if days_open else Fraction(0))
    if not is_open:
        needed, state = 0, CLOSED
    elif not days_open:
        needed, state = thresholds.minimum_people, NO_DATA
    else:
        needed = min(MAX_PEOPLE, max(thresholds.minimum_people, math.ceil(load)))
        if load > staffed:
            state = WAIT
        elif staffed > 0 and load * 100 < staffed * thresholds.idle_percent:
            state = IDLE
        else:
            state = BALANCED
    return SlotAdvice(weekday, slot, is_open, visits, days_open, load, staffed, needed, state)


@dataclass(frozen=True)
class DeskAdvice:
    """Every half-hour of the week that is open, observed or rostered at one pôle."""

    desk: str
    slots: tuple[SlotAdvice, ...]  # by weekday, then time

    def _count(self, state: str) -> int:
        return sum(1 for s in self.slots if s.state == state)

    @property
    def wait_slots(self) -> int:
        return self._count(WAIT)

    @property
    def idle_slots(self) -> int:
        return self._count(IDLE)

    @property
    def visits(self) -> int:
        return sum(s.visits for s in self.slots)

    @property
    def staffed_hours(self) -> Fraction:
        """Adviser hours rostered in an average week, open half-hours only."""
        return sum((s.staffed for s in self.slots if s.is_open), Fraction(0)) / 2

    @property
    def needed_hours(self) -> Fraction:
        """Adviser hours the observed demand asks for in a week."""
        return Fraction(sum(s.needed for s in self.slots), 2)

    def at(self, weekday: int, slot: int) -> SlotAdvice | None:
        return next((s for s in self.slots if (s.weekday, s.slot) == (weekday, slot)), None)


def desk_advice(*, desk: str, open_slots: Iterable[Key], visits: Mapping[Key, int],
                days_open: Mapping[Key, int], staffed: Mapping[Key, Fraction],
                thresholds: Thresholds) -> DeskAdvice:
    """The advice of one pôle: `open_slots` are the half-hours of the ordinary week (those a
    roster demand can be written for), `visits` the interviews observed per half-hour of the
    week, `days_open` the days of the period the site was open then, `staffed` the advisers
    rostered on average (`average_staffing`)."""
    opened = set(open_slots)
    keys = sorted(opened | {k for k, n in visits.items() if n} | {k for k, n in staffed.items()
                                                                   if n})
    return DeskAdvice(desk, tuple(
        slot_advice(weekday=day, slot=slot, is_open=(day, slot) in opened,
                    visits=visits.get((day, slot), 0), days_open=days_open.get((day, slot), 0),
                    staffed=staffed.get((day, slot), Fraction(0)), thresholds=thresholds)
        for day, slot in keys))


def days_open(open_by_day: Mapping[date, Iterable[int]]) -> dict[Key, int]:
    """How many days of a period each half-hour of the week was open, from the open half-hours
    of each day (holidays and closures already left out by whoever read the schedule)."""
    result: dict[Key, int] = {}
    for day, slots in open_by_day.items():
        for slot in set(slots):
            key = (day.weekday(), slot)
            result[key] = result.get(key, 0) + 1
    return result


def average_staffing(weeks: list[Iterable[tuple[str, int, int]]]
                     ) -> dict[str, dict[Key, Fraction]]:
    """Advisers rostered per desk and half-hour, averaged over `weeks`, each a roster's
    assignments as (desk, weekday, start minute); a week with nobody at a desk counts as 0."""
    totals: dict[str, dict[Key, int]] = {}
    for week in weeks:
        for desk, day, start in week:
            cells = totals.setdefault(desk, {})
            key = (day, start // SLOT_MINUTES)
            cells[key] = cells.get(key, 0) + 1
    return {desk: {key: Fraction(n, len(weeks)) for key, n in cells.items()}
            for desk, cells in totals.items()}


def roster_demand(advice: DeskAdvice) -> dict[tuple[int, int], int]:
    """The people a roster should ask at this pôle, per (weekday, start minute) of the ordinary
    week — what « use this demand for the rosters » writes."""
    return {(s.weekday, s.start_minute): s.needed for s in advice.slots if s.is_open}
