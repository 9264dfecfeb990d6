"""The activity's panels on the role homes: the tally for reception (its main panel), the
visits counted so far for the direction and the advisers. Figures come from `counts`."""

from datetime import date, timedelta

from django.http import HttpRequest
from django.utils import timezone

from capacite.activity import counts
from capacite.activity.models import VisitKind


def tally_panel(request: HttpRequest) -> dict:
    """Reception's main panel: today's count at the Cité and the way to the tally screen."""
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    return {"today": counts.visit_count(cite=request.cite, start=today, end=tomorrow)}


# A year back, the same weekdays: 52 weeks (a Tuesday is compared with a Tuesday).
YEAR_OF_WEEKS = timedelta(weeks=52)


def counts_panel(request: HttpRequest) -> dict:
    """Visits today, over the last 7 days and since the first of the month; interviews the
    same (the advisers' own part); and the visits of the same days a year before (52 weeks
    back), for the director's « this week against last year's » — None before any visit
    was counted then, so a Cité in its first year shows no comparison."""
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    periods = [("today", today), ("week", today - timedelta(days=6)),
               ("month", today.replace(day=1))]
    figures: dict = {}
    counted_a_year_ago = counts.visit_count(
        cite=request.cite, start=date.min, end=tomorrow - YEAR_OF_WEEKS) > 0
    for key, start in periods:
        figures[key] = counts.visit_count(cite=request.cite, start=start, end=tomorrow)
        figures[f"{key}_interviews"] = counts.visit_count(
            cite=request.cite, start=start, end=tomorrow, kinds=[VisitKind.INTERVIEW])
        figures[f"{key}_last_year"] = counts.visit_count(
            cite=request.cite, start=start - YEAR_OF_WEEKS,
            end=tomorrow - YEAR_OF_WEEKS) if counted_a_year_ago else None
    figures["compare"] = counted_a_year_ago
    return figures
