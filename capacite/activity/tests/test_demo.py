"""The demo's activity as the label fonctionnement dossier reads it: where Valombre's visitors
live, and the people counted at the events it held.

The demo is built once for the module at a fixed day with `timezone.now` fixed, so the seeded
draws are the same at every run; expected figures are read from the raw rows.
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.db.models import Count
from django.utils import timezone
from django_scopes import scope

from capacite.core.models import Cite
from capacite.testing import demo_at

TODAY = date(2026, 12, 8)
NOW = timezone.make_aware(datetime.combine(TODAY, time(10, 30)))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_at(django_db_blocker, tmp_path_factory.mktemp("media"), NOW):
        yield


@pytest.fixture
def valombre(demo, db, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    cite = Cite.objects.get(slug="valombre")
    with scope(cite=cite):
        yield cite


def test_most_of_valombre_s_visitors_live_in_its_territory_and_every_commune_is_reached(
        valombre):
    from capacite.activity.models import Visit
    from capacite.territory.services import communes_of

    communes = {c.pk: c.epci_id for c in communes_of(valombre)}
    assert len(communes) == 24
    visits = Visit.objects.filter(cite=valombre)
    total = visits.count()
    # 25,000 a year, drawn over the 381 days from the opening (23 November 2025) to today.
    assert valombre.opened_on == date(2025, 11, 23)
    assert total == round(25_000 * 381 / 365) == 26_096
    inside = visits.filter(residence_commune__isnull=False)
    outside = visits.filter(outside_territory=True).count()
    not_given = visits.filter(outside_territory=False, residence_commune__isnull=True).count()
    assert inside.count() + outside + not_given == total
    # 15 % from outside, 4 % of the others not saying: 81.6 % expected, drawn from a seed.
    assert 0.79 <= inside.count() / total <= 0.84
    assert 0.14 <= outside / total <= 0.16
    assert 0.02 <= not_given / total <= 0.05
    by_commune = dict(inside.order_by().values_list("residence_commune")
                      .annotate(n=Count("pk")))
    assert set(by_commune) == set(communes)  # every commune of the territory, no other
    assert min(by_commune.values()) > 0
    assert set(inside.values_list("residence_commune_id", "residence_epci_id")) == set(
        communes.items())
    assert not visits.filter(outside_territory=True, residence_epci__isnull=False).exists()


def test_the_territory_reach_table_has_visits_in_every_commune(valombre):
    from capacite.dashboards.domain.periods import Period
    from capacite.dashboards.figures import territory_reach

    table = territory_reach(valombre, Period("months", TODAY - timedelta(days=364),
                                             TODAY + timedelta(days=1)), protected=True)
    assert len(table.rows) == 24
    assert [row.label for row in table.rows if row.counts[0].value == 0] == []


def test_every_event_held_has_its_people_counted_and_no_other_is_listed(valombre):
    from capacite.activity.models import EventHeadcount
    from capacite.dashboards.domain.periods import Period
    from capacite.dashboards.figures import events_table
    from capacite.events.models import Event, EventStatus

    period = Period("months", TODAY - timedelta(days=364), TODAY + timedelta(days=120))
    held = list(Event.objects.filter(status=EventStatus.RETAINED, starts_at__lte=NOW,
                                     starts_at__date__gte=period.start).order_by("starts_at"))
    assert len(held) == 25
    assert Event.objects.filter(starts_at__date__gte=period.start).count() > len(held)
    table = events_table(valombre, period, protected=False)
    assert [row.label for row in table.rows] == [e.title for e in held]
    counted = {e: sum(EventHeadcount.objects.filter(event=e).values_list("count", flat=True))
               for e in held}
    assert [row.counts[0].value for row in table.rows] == [counted[e] for e in held]
    assert min(counted.values()) >= 3


def test_valombre_s_visits_run_from_its_opening_day_to_now_on_every_day_it_opens(valombre):
    """No visit before the opening, none after now, and every day the main site opened since
    (per the offer app's schedule) has its visits: the history starts the day the Cité opened,
    not a year before the demo's day."""
    from capacite.activity.models import Visit
    from capacite.offer.domain.hours import spans_on
    from capacite.offer.models import Site
    from capacite.offer.services import schedule_of

    opened = valombre.opened_on
    days = set(Visit.objects.filter(cite=valombre).values_list("day", flat=True).distinct())
    assert min(days) >= opened and max(days) == TODAY
    main = Site.objects.get(kind="main")
    schedule = schedule_of(main, years=[2025, 2026])
    open_days = {opened + timedelta(days=n) for n in range((TODAY - opened).days + 1)
                 if spans_on(schedule, opened + timedelta(days=n))}
    assert min(open_days) == date(2025, 11, 25)  # opened on a Sunday: the first Tuesday
    assert sorted(open_days - days) == []
    assert min(days) == date(2025, 11, 25)
    # The window the dossier reads, from the opening day: its first fortnight is there.
    assert Visit.objects.filter(day__gte=opened, day__lt=date(2025, 12, 8)).count() > 500


def test_no_demo_visit_falls_outside_its_site_s_opening_hours(valombre):
    """Each visit's half-hour lies inside one of its site's spans that day, read from the
    offer app's schedule (weekly hours as they stand, exceptions, closures, holidays), and
    today's stop at the current half-hour. The main site's Saturday closes at 15:00 (the label
    fonctionnement demo's planted gap): nobody is counted after it."""
    from capacite.activity.models import Visit
    from capacite.offer.domain.hours import spans_on
    from capacite.offer.models import Site, WeeklyHours
    from capacite.offer.services import schedule_of

    main = Site.objects.get(kind="main")
    assert [(h.opens, h.closes) for h in WeeklyHours.objects.filter(site=main, weekday=5)] == [
        (time(10), time(15))]
    schedules = {site.pk: schedule_of(site, years=[2025, 2026])
                 for site in Site.objects.prefetch_related("weekly_hours", "exceptions",
                                                           "closures")}
    outside = []
    seen = Visit.objects.filter(cite=valombre).values_list("site_id", "day", "slot").distinct()
    for site, day, slot in seen:
        start = time(slot // 2, 30 * (slot % 2))
        end_minute = slot * 30 + 30
        inside = any(span.opens <= start and end_minute <= span.closes.hour * 60
                     + span.closes.minute for span in spans_on(schedules[site], day))
        if not inside or (day == TODAY and slot > 21):
            outside.append((site, day, slot))
    assert len(seen) > 5000
    assert outside == []
    assert Visit.objects.filter(site=main, day__week_day=7, slot__gte=30).count() == 0
    assert Visit.objects.filter(site=main, day__week_day=7, slot=29).count() > 0


def test_the_demo_s_monthly_counts_are_the_counts_of_its_visits(valombre):
    """The demo writes its year of visits with the counts' triggers suspended, then rebuilds
    the counts of its Cité: they must be exactly what the rows say, and stay kept afterwards."""
    from capacite.activity import rollups
    from capacite.activity.models import Visit

    stored = rollups.stored([valombre.pk])
    assert stored == rollups.recount([valombre.pk])
    assert sum(n for (_c, _m, dimension, _v), n in stored.items() if dimension == "kind") \
        == Visit.objects.filter(cite=valombre).count()
    visit = Visit.objects.filter(cite=valombre).first()
    visit.delete()  # the triggers are back: one visit fewer in every category
    assert rollups.stored([valombre.pk]) == rollups.recount([valombre.pk])
