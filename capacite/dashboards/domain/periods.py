"""The periods a dashboard reads: a day, a week, a month or a year, and the same one a year before.

Half-open `[start, end)` like every count in `activity/counts.py`. Pure functions, no database.
"""

from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date  # excluded

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def buckets(self) -> list[tuple[date, date]]:
        """The bars of this period's chart: months of a year, days of a month or a week, and
        for one day the day itself (its hours are the heat map's)."""
        if self.kind in ("year", "months"):
            return [(max(m, self.start), min(_next_month(m), self.end))
                    for m in _months(self.start, self.end)]
        return [(self.start + timedelta(d), self.start + timedelta(d + 1))
                for d in range(self.days)]


def period_of(kind: str, anchor: date) -> Period:
    """The day, ISO week (Monday first), calendar month or calendar year holding `anchor`."""
    if kind == "day":
        return Period(kind, anchor, anchor + timedelta(days=1))
    if kind == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        return Period(kind, monday, monday + timedelta(days=7))
    if kind == "month":
        first = anchor.replace(day=1)
        return Period(kind, first, _next_month(first))
    if kind == "year":
        return Period(kind, date(anchor.year, 1, 1), date(anchor.year + 1, 1, 1))
    raise ValueError(f"unknown period kind {kind!r}")


def year_before(period: Period) -> Period:
    """The same period one year earlier: the same ISO week number for a week (so Tuesdays are
    compared with Tuesdays), the same dates otherwise (29 February becomes the 28th)."""
    if period.kind == "week":
        shifted = period.start - timedelta(weeks=52)
        if shifted.isocalendar()[1] != period.start.isocalendar()[1]:
            shifted -= timedelta(weeks=1)
        return Period("week", shifted, shifted + timedelta(days=7))
    if period.kind == "months":
        return Period("months", _one_year_back(period.start), _one_year_back(period.end))
    return period_of(period.kind, _one_year_back(period.start))


def twelve_months_from(start: date) -> Period:
    """A year that need not start in January: a Cité's first year of opening, say."""
    return Period("months", start, start.replace(year=start.year + 1)
                  if not (start.month == 2 and start.day == 29) else date(start.year + 1, 3, 1))


def shifted(period: Period, steps: int) -> Period:
    """The previous (-1) or next (+1) period of the same kind, for the page's arrows."""
    if period.kind == "day":
        return period_of("day", period.start + timedelta(days=steps))
    if period.kind == "week":
        return period_of("week", period.start + timedelta(weeks=steps))
    if period.kind == "month":
        month = period.start.month - 1 + steps
        return period_of("month", date(period.start.year + month // 12, month % 12 + 1, 1))
    return period_of("year", date(period.start.year + steps, 1, 1))


def _one_year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _months(start: date, end: date) -> list[date]:
    months, current = [], start.replace(day=1)
    while current < end:
        months.append(current)
        current = _next_month(current)
    return months
