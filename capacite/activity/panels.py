"""The activity's panels on the role homes: the tally for reception (its main panel), the
visits counted so far for the direction and the advisers. Figures come from `counts`."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from capacite.activity import counts
from capacite.activity.models import VisitKind


def tally_panel(request: HttpRequest) -> dict:
    """Reception's main panel: today's count at the Cité and the way to the tally screen."""
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    return {"today": counts.visit_count(cite=request.cite, start=today, end=tomorrow)}


def counts_panel(request: HttpRequest) -> dict:
    """Visits today, over the last 7 days and since the first of the month; interviews the
    same (the advisers' own part)."""
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    periods = [("today", today), ("week", today - timedelta(days=6)),
               ("month", today.replace(day=1))]
    figures = {}
    for key, start in periods:
        figures[key] = counts.visit_count(cite=request.cite, start=start, end=tomorrow)
        figures[f"{key}_interviews"] = counts.visit_count(
            cite=request.cite, start=start, end=tomorrow, kinds=[VisitKind.INTERVIEW])
    return figures
