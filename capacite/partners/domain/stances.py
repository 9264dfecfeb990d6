"""Allies, hesitants and refusals over time, from the dated assessments (pure).

The guide's aim for the project lead is to grow the share of allies; counting each month the
latest known position of every organisation shows whether the campaign works.
"""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Assessment:
    organisation_id: int
    on: date
    order: int  # ties on the same day: the later recorded wins
    stance: str


@dataclass(frozen=True)
class StanceCount:
    on: date
    ally: int
    hesitant: int
    refusal: int


def month_ends(*, last: date, count: int) -> list[date]:
    """The last day of each of the `count` months ending with `last`'s month, oldest first;
    the current month is represented by `last` itself."""
    ends = [last]
    current = last.replace(day=1)
    while len(ends) < count:
        current = current - timedelta(days=1)
        ends.append(current)
        current = current.replace(day=1)
    return list(reversed(ends))


def stance_counts(assessments: list[Assessment], dates: list[date]) -> list[StanceCount]:
    """For each date, how many organisations were allies, hesitants and refusals that day,
    taking for each organisation its latest assessment on or before the date."""
    ordered = sorted(assessments, key=lambda a: (a.on, a.order))
    counts = []
    for day in dates:
        latest: dict[int, str] = {}
        for assessment in ordered:
            if assessment.on > day:
                break
            latest[assessment.organisation_id] = assessment.stance
        values = list(latest.values())
        counts.append(StanceCount(day, values.count("ally"), values.count("hesitant"),
                                  values.count("refusal")))
    return counts
