"""The dashboards in a real browser (issue 15): the director reads raw counts and downloads a
table, a partner reads the same page with small groups masked, the label authority reads the
network's benchmarks. A small data set of its own, not the whole demo."""

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def counted(transactional_db):
    """An open Cité that counted 30 young people and 4 adults last month, and nothing before:
    there is no year before to compare with."""
    from django.contrib.auth import get_user_model

    from capacite.activity.models import Visit
    from capacite.core.models import Cite, Membership, Phase, Role
    from capacite.offer.models import Site
    from capacite.partners.models import Public

    cite = Cite.objects.create(slug="valombre", name="Cité des métiers de Valombre",
                               phase=Phase.OPERATION)
    users = get_user_model().objects
    for username, role in (("directeur", Role.DIRECTOR), ("partenaire2", Role.PARTNER),
                           ("autorite", Role.LABEL_AUTHORITY)):
        Membership.objects.create(user=users.create_user(username=username, password="demo"),
                                  cite=None if role == Role.LABEL_AUTHORITY else cite, role=role)
    day = date.today().replace(day=1) - timedelta(days=20)
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        Public.objects.filter(cite=cite).delete()
        young = Public.objects.create(cite=cite, key="jeunes", label="Jeunes", position=1)
        adults = Public.objects.create(cite=cite, key="adultes", label="Adultes", position=2)
        with scopes_disabled():
            for public, n in ((young, 30), (adults, 4)):
                Visit.objects.bulk_create(
                    Visit(cite=cite, site=site, day=day, slot=22, public=public,
                          source="import", client_id=uuid.uuid4()) for _ in range(n))
    return {"month": f"?periode=mois&date={day.isoformat()}"}


def public_row(page, label: str) -> list[str]:
    row = page.locator('table[data-table="by_public"] tbody tr').filter(
        has=page.get_by_role("rowheader", name=label, exact=True))
    return [c.strip() for c in row.locator("td").all_inner_texts()]


def test_director_partner_and_authority_each_read_what_is_theirs(page, counted, axe):
    login(page, "directeur")
    page.goto("/c/valombre/tableaux-de-bord/" + counted["month"])
    # Nothing counted a year before: no column of zeros, the page says why (issue 16).
    assert public_row(page, "Adultes") == ["4"]
    assert page.get_by_text("Aucun passage compté sur la même période un an plus tôt").is_visible()
    axe.check(page, "dashboards-director")
    with page.expect_download() as download:
        page.locator("#by_public").get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    # A file leaves the staff: masked even for the director.
    assert "Adultes;< 11" in text.splitlines()
    page.context.clear_cookies()

    login(page, "partenaire2")
    page.goto("/c/valombre/tableaux-de-bord/" + counted["month"])
    assert public_row(page, "Adultes") == ["< 11"]
    assert public_row(page, "Jeunes") == ["s"]
    page.context.clear_cookies()

    login(page, "autorite")
    page.goto("/reseau/")
    assert page.get_by_role("rowheader", name="Cité A").is_visible()
    axe.check(page, "network-authority")


def test_the_director_follows_an_indicator_against_its_target(page, counted, axe):
    """From the dashboards to the quality page: the visits indicator is computed from the same
    counts (34 last month), the director types this month's waiting time and reads it met."""
    from decimal import Decimal

    from capacite.core.models import Cite
    from capacite.dashboards.models import QualityIndicator

    cite = Cite.objects.get(slug="valombre")
    with scope(cite=cite):
        QualityIndicator.objects.create(cite=cite, name="Passages du mois", definition="Tous.",
                                        computed="visits", frequency="month",
                                        target=Decimal(30), position=1)
        QualityIndicator.objects.create(cite=cite, name="Délai d'attente", definition="Jours.",
                                        frequency="month", target=Decimal(7),
                                        higher_is_better=False, position=2)
    login(page, "directeur")
    page.goto("/c/valombre/tableaux-de-bord/")
    page.get_by_role("link", name="Qualité : les indicateurs et leurs cibles").click()
    visits = page.locator("tr", has=page.get_by_role("rowheader", name="Passages du mois"))
    assert "34" in visits.inner_text()  # last month's point of the trend
    page.get_by_label("Indicateur", exact=True).select_option(label="Délai d'attente")
    page.get_by_label("Valeur", exact=True).fill("6,5")
    page.get_by_role("button", name="Enregistrer").click()
    wait = page.locator("tr", has=page.get_by_role("rowheader", name="Délai d'attente"))
    cells = [c.strip() for c in wait.locator("td").all_inner_texts()]
    assert cells[3:5] == ["6,5", "atteinte"]
    axe.check(page, "quality-director")


def test_the_director_turns_observed_demand_into_the_rosters_demand(page, counted, axe):
    """Issue 15, point 7: the director opens « Horaires et affluence » from the menu, picks the
    last thirteen weeks, reads a pôle where people wait on Tuesday mornings, sets a shorter
    interview and makes that demand the rosters' own."""
    import uuid as _uuid
    from datetime import time

    from capacite.activity.models import Visit
    from capacite.core.models import Cite
    from capacite.offer.models import Pole, Site, WeeklyHours
    from capacite.staffing.models import DeskDemand
    from tests.browser.conftest import open_from_menu

    cite = Cite.objects.get(slug="valombre")
    monday = date.today() - timedelta(days=date.today().weekday())
    first = monday - timedelta(weeks=13)
    with scope(cite=cite):
        site = Site.objects.get(name="Site principal")
        WeeklyHours.objects.create(cite=cite, site=site, weekday=1, opens=time(10),
                                   closes=time(11))
        job = Pole.objects.create(cite=cite, name="Emploi", position=1)
        site.poles.set([job])
        for week in range(13):  # two interviews every Tuesday at 10:00: 3 advisers busy
            for _ in range(2):
                visit = Visit.objects.create(cite=cite, site=site, slot=20, kind="interview",
                                             day=first + timedelta(weeks=week, days=1),
                                             source="import", client_id=_uuid.uuid4())
                visit.poles.set([job])
    cite.phase = "operation"
    cite.save()
    login(page, "directeur")
    page.goto("/c/valombre/")
    open_from_menu(page, "Horaires et affluence")
    page.get_by_label("Du", exact=True).fill(first.isoformat())
    page.get_by_label("Au (inclus)", exact=True).fill((monday - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Afficher").click()
    summary = page.locator("#advice-summary tbody tr").first
    assert [c.strip() for c in summary.locator("td").all_inner_texts()] == [
        "26", "0", "2", "1", "0"]  # 10:00 needs 3 advisers, 10:30 the minimum of 1
    cell = page.locator("table.advice-grid td.state-wait").first
    assert cell.inner_text().split()[1:4] == ["0", "→", "3"]
    axe.check(page, "opening-hours-director")
    page.get_by_role("spinbutton", name="Durée moyenne d'un entretien").fill("15")
    page.get_by_role("button", name="Enregistrer les réglages").click()
    assert page.locator("table.advice-grid td.state-wait").first.inner_text().split()[1:4] == [
        "0", "→", "1"]
    page.get_by_role("button", name="Utiliser cette demande pour les plannings").click()
    expect(page.get_by_text("(2 demi-heures)", exact=False)).to_be_visible()
    with scope(cite=cite):
        assert sorted(DeskDemand.objects.values_list("start", "people")) == [
            (time(10), 1), (time(10, 30), 1)]
