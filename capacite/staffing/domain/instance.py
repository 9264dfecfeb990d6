"""A roster instance and its solution as plain data (their JSON form is in `jsonio.py`).

Days are 0 = Monday … 6 = Sunday (as in `offer.domain.hours`); times are minutes since midnight
in memory and "HH:MM" in JSON.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from capacite.lib.days import WEEKDAY_NAMES

UNCOVERED_REASONS = ("nobody_available", "hours_exhausted", "held_elsewhere", "rule_conflict",
                     "not_proven")


@dataclass(frozen=True, order=True)
class Span:
    """[start, end) on one day, in minutes since midnight."""

    day: int
    start: int
    end: int


@dataclass(frozen=True)
class Desk:
    """A place that needs people: a pôle, the reception or the documentation area."""

    id: str
    name: str
    kind: str = "pole"
    site: str = ""


@dataclass(frozen=True)
class Demand:
    """People needed at a desk over a span (each slot in it needs `people`)."""

    desk: str
    span: Span
    people: int


@dataclass(frozen=True)
class Preferences:
    desks: tuple[str, ...] = ()
    times: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Staff:
    """A staff member; `weekly_minutes` is the contracted time on site, a hard maximum."""

    id: str
    name: str
    partner: str
    weekly_minutes: int
    availability: tuple[Span, ...]
    skills: tuple[str, ...]
    preferences: Preferences = field(default_factory=Preferences)


@dataclass(frozen=True)
class Partner:
    """A seconding partner and its committed share of the staffed hours (0–1)."""

    id: str
    name: str
    fte_share: float


@dataclass(frozen=True)
class Rules:
    min_shift_minutes: int = 120
    max_shift_minutes: int = 360
    max_shifts_per_day: int = 2


@dataclass(frozen=True, order=True)
class Assignment:
    """One person at one desk for one slot (identified by its day and start)."""

    staff: str
    day: int
    start: int
    desk: str


@dataclass(frozen=True)
class Instance:
    """A week to staff. Slots are derived from the opening spans, cut every `slot_minutes`."""

    week_start: date
    opening: tuple[Span, ...]
    desks: tuple[Desk, ...]
    demand: tuple[Demand, ...]
    staff: tuple[Staff, ...]
    partners: tuple[Partner, ...]
    rules: Rules = field(default_factory=Rules)
    locked: tuple[Assignment, ...] = ()
    slot_minutes: int = 30

    @cached_property
    def slots(self) -> tuple[tuple[int, int], ...]:
        """Every (day, start) slot of the week, in time order."""
        return tuple(sorted({(span.day, start) for span in self.opening
                             for start in range(span.start, span.end, self.slot_minutes)}))

    @cached_property
    def slot_index(self) -> dict[tuple[int, int], int]:
        return {slot: index for index, slot in enumerate(self.slots)}

    @cached_property
    def previous(self) -> tuple[int | None, ...]:
        """For each slot, the index of the slot that ends when it starts on the same day."""
        return tuple(self.slot_index.get((day, start - self.slot_minutes))
                     for day, start in self.slots)

    @cached_property
    def need(self) -> dict[tuple[str, int], int]:
        """People needed per (desk id, slot index); absent means zero."""
        need: dict[tuple[str, int], int] = {}
        for item in self.demand:
            for start in range(item.span.start, item.span.end, self.slot_minutes):
                index = self.slot_index.get((item.span.day, start))
                if index is not None and item.people > 0:
                    need[(item.desk, index)] = item.people
        return need

    @cached_property
    def available(self) -> dict[str, frozenset[int]]:
        """Slot indexes each staff member can work, from their availability spans."""
        return {person.id: frozenset(
            index for index, (day, start) in enumerate(self.slots)
            if any(span.day == day and span.start <= start
                   and start + self.slot_minutes <= span.end for span in person.availability))
            for person in self.staff}

    def slot_label(self, index: int) -> str:
        """« mardi 10:00 », in the active language (« Tuesday 10:00 »)."""
        day, start = self.slots[index]
        return at(day, start)


@dataclass(frozen=True)
class Uncovered:
    """Demand left unmet at a desk in a slot, with the reason computed by `explain`."""

    desk: str
    day: int
    start: int
    missing: int
    reason: str
    detail: str  # the sentence: the desk, the slot, then why
    # `detail` without the desk and the slot, for a cell of the week grid; not in the JSON (a
    # solution read back has none).
    why: str = field(default="", compare=False)


@dataclass(frozen=True)
class Solution:
    """A roster: assignments, the uncovered demand with reasons, and how it was found."""

    status: str
    assignments: tuple[Assignment, ...]
    uncovered: tuple[Uncovered, ...] = ()
    objective: Mapping[str, float | None] = field(default_factory=dict)
    timings: Mapping[str, float | None] = field(default_factory=dict)


# The French names, as the tests spell slots; messages take `at`, in the reader's language.
DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def at(day: int, start: int) -> str:
    """A slot as people read it: « mardi 10:00 » (« Tuesday 10:00 » in English)."""
    return f"{WEEKDAY_NAMES[day]} {format_time(start)}"


def format_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
