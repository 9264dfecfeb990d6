"""Offer data read and written for pages and for later apps (planning reads hours and pôles).

Call inside the Cité's scope.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import save_versioned
from capacite.offer.domain.hours import (
    Closure as ClosureSpan,
)
from capacite.offer.domain.hours import (
    OpeningState,
    Schedule,
    Span,
    WeeklySpan,
    french_public_holidays,
    hours_in_year,
    hours_per_week,
    opening_state,
    spans_on,
)
from capacite.offer.domain.poles import poles_warning, site_warning
from capacite.offer.domain.weekly import parse_spans
from capacite.offer.models import Pole, Site, SiteKind, WeeklyHours


def schedule_of(site: Site, *, years: list[int]) -> Schedule:
    """The site's opening rules as plain data, with the public holidays of `years`."""
    return Schedule(
        weekly=tuple(WeeklySpan(h.weekday, Span(h.opens, h.closes))
                     for h in site.weekly_hours.all()),
        exceptions={e.day: parse_spans(e.hours) for e in site.exceptions.all()},
        closures=tuple(ClosureSpan(c.first, c.last, c.label) for c in site.closures.all()),
        holidays=french_public_holidays(years, subdivision=site.holiday_zone or None),
    )


def sites_main_first(*also: str) -> list[Site]:
    """The Cité's sites as people list them: the main site first, relay points last, then by
    name; with their hours (and whatever else `also` names) fetched in the same few queries."""
    kinds = list(SiteKind.values)
    return sorted(Site.objects.prefetch_related("weekly_hours", "exceptions", "closures", *also),
                  key=lambda site: (kinds.index(site.kind), site.name))


@dataclass(frozen=True)
class SiteSummary:
    site: Site
    hours_per_week: float
    year: int
    hours_this_year: float
    state: OpeningState
    warning: str | None


def site_summary(site: Site, *, now: datetime | None = None) -> SiteSummary:
    """Hours per week and this year, and whether the site is open now (local time)."""
    now = now or timezone.localtime().replace(tzinfo=None)
    schedule = schedule_of(site, years=[now.year, now.year + 1])
    return SiteSummary(
        site=site,
        hours_per_week=hours_per_week(schedule.weekly),
        year=now.year,
        hours_this_year=hours_in_year(schedule, now.year),
        state=opening_state(schedule, now),
        warning=site_warning(site.kind, site.poles.count()),
    )


def replace_week(*, site: Site, spans_by_weekday: dict[int, str], expected_version: int) -> None:
    """Replace the site's weekly pattern; raises ConcurrentEditError if the site changed since
    the form was opened, and SpansError on unreadable text (nothing written in either case)."""
    parsed = {day: parse_spans(text) for day, text in spans_by_weekday.items()}
    with transaction.atomic():
        save_versioned(site, expected_version=expected_version)
        WeeklyHours.objects.filter(site=site).delete()
        WeeklyHours.objects.bulk_create(
            WeeklyHours(cite=site.cite, site=site, weekday=day, opens=s.opens, closes=s.closes)
            for day, spans in sorted(parsed.items())
            for s in spans
        )


@dataclass(frozen=True)
class HomeOfferSummary:
    pole_count: int
    poles_warning: str | None
    sites: list[SiteSummary]


def home_offer_summary(today: date | None = None) -> HomeOfferSummary:
    count = Pole.objects.count()
    sites = Site.objects.prefetch_related("weekly_hours", "exceptions", "closures", "poles")
    return HomeOfferSummary(count, poles_warning(count), [site_summary(s) for s in sites])


@dataclass(frozen=True)
class DayOpening:
    """A site on one day: its open spans and, when the day differs from the ordinary week, why
    (an exception's reason, a closure's, a public holiday's name)."""

    site: Site
    spans: tuple[Span, ...]
    hours: str  # « 09:00-12:30, 13:30-17:00 », "" when closed
    note: str


def opening_on(site: Site, day: date) -> DayOpening:
    """What the reception says about `day`: the spans of `spans_on` and the reason of any
    exception, closure or holiday that changes the ordinary week."""
    from capacite.offer.domain.weekly import format_spans

    schedule = schedule_of(site, years=[day.year])
    spans = spans_on(schedule, day)
    note = ""
    exception = next((e for e in site.exceptions.all() if e.day == day), None)
    if exception is not None:
        note = exception.label or str(_("horaires exceptionnels"))
    elif day in schedule.holidays:
        note = schedule.holidays[day]
    else:
        closure = next((c for c in schedule.closures if c.first <= day <= c.last), None)
        if closure is not None:
            note = closure.label or str(_("fermeture"))
    return DayOpening(site, spans, format_spans(spans), note)
