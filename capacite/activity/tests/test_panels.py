"""The director's and advisers' count panel: this week against the same days a year before."""

import uuid
from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone
from django_scopes import scope

from capacite.activity.models import Visit
from capacite.activity.panels import counts_panel
from capacite.offer.models import Site


def visits(cite, site, day, n, kind="reception"):
    Visit.objects.bulk_create(Visit(cite=cite, site=site, day=day, slot=22, kind=kind,
                                    source="import", client_id=uuid.uuid4()) for _ in range(n))


def test_the_panel_sets_the_last_seven_days_beside_the_same_weekdays_a_year_before(world):
    today = timezone.localdate()
    with scope(cite=world.cite):
        site = Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        visits(world.cite, site, today, 5)
        visits(world.cite, site, today - timedelta(days=3), 7, kind="interview")
        visits(world.cite, site, today - timedelta(weeks=52), 2)
        visits(world.cite, site, today - timedelta(weeks=52, days=6), 4)
        visits(world.cite, site, today - timedelta(weeks=52, days=7), 100)  # a day too early
        panel = counts_panel(SimpleNamespace(cite=world.cite))
    assert (panel["today"], panel["week"], panel["week_interviews"]) == (5, 12, 7)
    assert (panel["today_last_year"], panel["week_last_year"]) == (2, 6)
    assert panel["compare"] is True


def test_a_cite_in_its_first_year_shows_no_comparison(world):
    with scope(cite=world.cite):
        site = Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        visits(world.cite, site, timezone.localdate(), 3)
        panel = counts_panel(SimpleNamespace(cite=world.cite))
    assert panel["compare"] is False
    assert panel["week_last_year"] is None
