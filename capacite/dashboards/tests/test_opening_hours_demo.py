"""The opening-hours advice on the demo's open Cité, Valombre, built on a fixed Tuesday: the page's
figures for each pôle, checked against the raw rows (visits, the roster's JSON), not against the
functions the page calls."""

from datetime import date, datetime, time

import lxml.html
import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scope

from capacite.core.models import Cite
from capacite.testing import demo_at

TODAY = date(2026, 12, 8)  # a Tuesday; the default period is the 52 weeks before its week
NOW = timezone.make_aware(datetime.combine(TODAY, time(10, 30)))
FIRST, LAST = date(2025, 12, 8), date(2026, 12, 6)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_at(django_db_blocker, tmp_path_factory.mktemp("media"), NOW):
        yield


@pytest.fixture
def director(demo, db, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setattr(timezone, "now", lambda: NOW)
    client = Client()
    client.force_login(get_user_model().objects.get(username="directeur"))
    return client


def expected_by_pole():
    """Per pôle name: interviews at the main site over the period, and rostered hours a week
    in the site's latest roster (none falls in the period) while the site's weekly hours say it
    is open, read from the rows."""
    from capacite.activity.models import Visit
    from capacite.offer.models import Pole, Site
    from capacite.staffing.models import RosterRun

    main = Site.objects.get(kind="main")
    run = RosterRun.objects.filter(site=main).order_by("-week_start", "-created_at").first()
    assert run.week_start == date(2026, 12, 7)  # after the period: it stands in
    def is_open(day: int, start: str) -> bool:
        minute = int(start[:2]) * 60 + int(start[3:])
        return any(h.weekday == day and h.opens.hour * 60 + h.opens.minute <= minute
                   and minute + 30 <= h.closes.hour * 60 + h.closes.minute
                   for h in main.weekly_hours.all())

    expected = {}
    for pole in Pole.objects.all():
        interviews = Visit.objects.filter(site=main, kind="interview", poles=pole,
                                          day__gte=FIRST, day__lte=LAST,
                                          slot__isnull=False).count()
        half_hours = sum(1 for a in run.solution["assignments"]
                         if a["desk"] == f"pole-{pole.pk}" and is_open(a["day"], a["start"]))
        expected[pole.name] = (interviews, half_hours / 2)
    return expected


def test_valombre_s_director_reads_each_pole_against_its_roster(director):
    valombre = Cite.objects.get(slug="valombre")
    html = director.get("/c/valombre/tableaux-de-bord/horaires/").content.decode()
    page = lxml.html.fromstring(html)
    assert page.findtext(".//h1") == ("Horaires et affluence — Cité des métiers de Valombre — "
                                      "site principal")
    assert ("Entretiens observés du 8 décembre 2025 au 6 décembre 2026, d'une durée moyenne de "
            "45 minutes. Conseillers prévus : le planning de la semaine du 7 décembre 2026, le "
            "plus récent") in " ".join(page.text_content().split())
    rows = {row.findtext("th/a"): [td.text for td in row.findall("td")]
            for row in page.get_element_by_id("advice-summary").findall("tbody/tr")}
    with scope(cite=valombre):
        expected = expected_by_pole()
    assert len(rows) == 5
    for name, (interviews, hours) in expected.items():
        shown = [f"{interviews:,}".replace(",", "\u202f"), f"{hours:g}".replace(".", ",")]
        assert rows[name][:2] == shown, name
    # Every pôle has interviews on record and some half-hour where people wait.
    def number(cell: str) -> int:
        return int(cell.replace("\u202f", ""))  # « 1 755 »: thousands grouped

    assert all(number(cells[0]) > 1000 and number(cells[3]) > 0 for cells in rows.values())
    grid = page.xpath('//table[@class="advice-grid"]//td')
    assert {td.get("class") for td in grid} >= {"state-wait", "state-balanced", "state-closed"}


def test_the_action_writes_every_open_half_hour_of_the_five_poles(director):
    from capacite.dashboards.models import OpeningAdviceSettings
    from capacite.offer.models import Site
    from capacite.staffing.models import DeskDemand
    from capacite.staffing.services import ordinary_week

    valombre = Cite.objects.get(slug="valombre")
    director.get("/c/valombre/tableaux-de-bord/horaires/")
    with scope(cite=valombre):
        version = OpeningAdviceSettings.objects.get().version
        main = Site.objects.get(kind="main")
        open_half_hours = sum((s.end - s.start) // 30 for s in ordinary_week(main))
    response = director.post("/c/valombre/tableaux-de-bord/horaires/",
                             {"action": "apply", "version": version})
    assert response.status_code == 302
    with scope(cite=valombre):
        slot_rows = DeskDemand.objects.filter(site=main, desk__startswith="pole-",
                                              weekday__isnull=False)
        assert slot_rows.count() == 5 * open_half_hours
        assert DeskDemand.objects.filter(site=main, desk="reception", weekday__isnull=True
                                         ).get().people == 2
        assert min(slot_rows.values_list("people", flat=True)) == 1
