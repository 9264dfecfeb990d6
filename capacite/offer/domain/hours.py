"""Opening hours as plain data: weekly pattern, exceptions, annual closures, public holidays.

The label asks for "des horaires adaptés aux contraintes de tous les types de public"; the
planning issue turns these hours into FTE and the rosters issue into 30-minute slots, so every
figure comes from the functions here: hours per week, hours over a period, open now, next opening.
"""

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils.translation import gettext as _

from capacite.lib.days import WEEKDAY_NAMES

# French, for the model's choices (its migration); messages name days in the reader's language.
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@dataclass(frozen=True, order=True)
class Span:
    """An opening span within one day, [opens, closes)."""

    opens: time
    closes: time

    @property
    def minutes(self) -> int:
        return (self.closes.hour * 60 + self.closes.minute) - (self.opens.hour * 60
                                                               + self.opens.minute)


@dataclass(frozen=True)
class WeeklySpan:
    weekday: int  # 0 = Monday … 6 = Sunday
    span: Span


@dataclass(frozen=True)
class Closure:
    """An annual closure, both days included (summer break, end-of-year holidays…)."""

    first: date
    last: date
    label: str = ""


@dataclass(frozen=True)
class Schedule:
    """Everything that decides whether a site is open on a given day.

    `exceptions` maps a day to its spans, replacing the weekly pattern (an empty tuple closes
    the day); exceptions win over closures and holidays, so a Cité can open on a bank holiday.
    """

    weekly: tuple[WeeklySpan, ...]
    exceptions: Mapping[date, tuple[Span, ...]] = field(default_factory=dict)
    closures: tuple[Closure, ...] = ()
    holidays: Mapping[date, str] = field(default_factory=dict)


def weekly_errors(weekly: Iterable[WeeklySpan]) -> list[str]:
    """Messages, in the active language, for spans that end before they start or overlap on
    the same day."""
    errors = []
    by_day: dict[int, list[Span]] = {}
    for item in weekly:
        if item.span.closes <= item.span.opens:
            errors.append(_("%(day)s : la fermeture (%(closes)s) doit venir après l'ouverture "
                            "(%(opens)s).") % {"day": WEEKDAY_NAMES[item.weekday],
                                               "closes": f"{item.span.closes:%H:%M}",
                                               "opens": f"{item.span.opens:%H:%M}"})
        by_day.setdefault(item.weekday, []).append(item.span)
    for weekday, spans in sorted(by_day.items()):
        spans.sort()
        for before, after in zip(spans, spans[1:], strict=False):
            if after.opens < before.closes:
                errors.append(_("%(day)s : les plages %(first)s et %(second)s se chevauchent.")
                              % {"day": WEEKDAY_NAMES[weekday],
                                 "first": f"{before.opens:%H:%M}–{before.closes:%H:%M}",
                                 "second": f"{after.opens:%H:%M}–{after.closes:%H:%M}"})
    return errors


def hours_per_week(weekly: Iterable[WeeklySpan]) -> float:
    """Opening hours of an ordinary week."""
    return sum(item.span.minutes for item in weekly) / 60


def spans_on(schedule: Schedule, day: date) -> tuple[Span, ...]:
    """The spans the site is open on `day`, earliest first."""
    if day in schedule.exceptions:
        return tuple(sorted(schedule.exceptions[day]))
    if day in schedule.holidays:
        return ()
    if any(closure.first <= day <= closure.last for closure in schedule.closures):
        return ()
    return tuple(sorted(item.span for item in schedule.weekly if item.weekday == day.weekday()))


def hours_between(schedule: Schedule, first: date, last: date) -> float:
    """Opening hours from `first` to `last`, both included."""
    if last < first:
        return 0.0
    weekly = [0] * 7  # an ordinary week's minutes by weekday
    for item in schedule.weekly:
        weekly[item.weekday] += item.span.minutes
    # Every day as an ordinary one (weekdays counted, not walked), then the days that are not
    # ordinary — an exception, a holiday, a closure — put right one by one.
    days = (last - first).days + 1
    minutes = sum(weekly) * (days // 7)
    minutes += sum(weekly[(first.weekday() + n) % 7] for n in range(days % 7))
    special = {day for day in schedule.exceptions if first <= day <= last}
    special |= {day for day in schedule.holidays if first <= day <= last}
    for closure in schedule.closures:
        day = max(closure.first, first)
        while day <= min(closure.last, last):
            special.add(day)
            day += timedelta(days=1)
    for day in special:
        minutes -= weekly[day.weekday()]
        if day in schedule.exceptions:
            minutes += sum(span.minutes for span in schedule.exceptions[day])
    return minutes / 60


def hours_in_year(schedule: Schedule, year: int) -> float:
    return hours_between(schedule, date(year, 1, 1), date(year, 12, 31))


@dataclass(frozen=True)
class OpeningState:
    """The answer to "is it open?": open until `until`, or closed and next opening `next_opening`
    (None when nothing opens within the horizon)."""

    is_open: bool
    until: datetime | None = None
    next_opening: datetime | None = None


def opening_state(schedule: Schedule, moment: datetime, *, horizon_days: int = 366
                  ) -> OpeningState:
    """Open now (and until when), or the next opening within `horizon_days`.

    `moment` is a naive local time (the Cité's time zone); results are naive local times too.
    """
    today = moment.date()
    for span in spans_on(schedule, today):
        start, end = datetime.combine(today, span.opens), datetime.combine(today, span.closes)
        if start <= moment < end:
            return OpeningState(True, until=end)
        if moment < start:
            return OpeningState(False, next_opening=start)
    for offset in range(1, horizon_days + 1):
        day = today + timedelta(days=offset)
        spans = spans_on(schedule, day)
        if spans:
            return OpeningState(False, next_opening=datetime.combine(day, spans[0].opens))
    return OpeningState(False)


def french_public_holidays(years: Iterable[int], *, subdivision: str | None = None
                           ) -> dict[date, str]:
    """French public holidays with their French names (`holidays` package).

    `subdivision` takes the package's codes: "6AE" Alsace and "57" Moselle add Good Friday and
    St Stephen's Day; overseas departments ("971"…"976") add their own days.
    """
    return dict(_holidays(tuple(sorted(set(years))), subdivision))


@functools.lru_cache(maxsize=64)
def _holidays(years: tuple[int, ...], subdivision: str | None) -> dict[date, str]:
    """The `holidays` package's answer, kept: the network page asks it for every site."""
    import holidays

    return dict(holidays.country_holidays("FR", years=list(years), subdiv=subdivision,
                                          language="fr"))
