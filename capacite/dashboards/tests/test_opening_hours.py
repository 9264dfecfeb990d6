"""The opening-hours advice from the database: a site open on Tuesdays from 10:00 to 12:00, 30
interviews at one pôle over thirteen Tuesdays, two advisers rostered; the figures exactly, the
page, the action that writes the rosters' demand, the settings form and another Cité's staff."""

import uuid
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django_scopes import scope

from capacite.activity.models import Visit
from capacite.core.models import Role
from capacite.dashboards import figures, opening
from capacite.dashboards.domain.advice import IDLE, WAIT, Thresholds
from capacite.dashboards.domain.periods import Period
from capacite.dashboards.models import OpeningAdviceSettings
from capacite.offer.models import Pole, Site, WeeklyHours
from capacite.staffing import services
from capacite.staffing.models import DeskDemand, RosterRun, RunStatus, StaffMember
from capacite.testing import client_for

FIRST, LAST = date(2026, 8, 31), date(2026, 11, 29)  # thirteen weeks, Monday to Sunday
PERIOD = Period("span", FIRST, LAST + timedelta(days=1))
QUERY = "?first=2026-08-31&last=2026-11-29"
CITE = Thresholds(interview_minutes=45, idle_percent=25, minimum_people=1)


def interviews(cite, site, pole, slot, n):
    """`n` interviews at `pole` in half-hour `slot`, spread over the period's Tuesdays."""
    tuesdays = [FIRST + timedelta(days=1 + 7 * week) for week in range(13)]
    for i in range(n):
        visit = Visit.objects.create(cite=cite, site=site, day=tuesdays[i % 13], slot=slot,
                                     kind="interview", source="import", client_id=uuid.uuid4())
        visit.poles.set([pole])


@pytest.fixture
def tuesdays(world):
    """Tuesdays 10:00-12:00 at the main site; « Emploi »: 26 interviews at 10:00, 4 at 10:30;
    a reception visit at 10:00 that is no interview; Ana and Bruno rostered at « Emploi » the
    whole morning of the week of 7 September."""
    cite = world.cite
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        WeeklyHours.objects.create(cite=cite, site=site, weekday=1, opens=time(10),
                                   closes=time(12))
        job = Pole.objects.create(cite=cite, name="Emploi", position=1)
        site.poles.set([job])
        interviews(cite, site, job, 20, 26)
        interviews(cite, site, job, 21, 4)
        reception = Visit.objects.create(cite=cite, site=site, day=date(2026, 9, 1), slot=20,
                                         kind="reception", source="import",
                                         client_id=uuid.uuid4())
        reception.poles.set([job])
        desk = f"pole-{job.pk}"
        people = [StaffMember.objects.create(cite=cite, name=name, desks=[desk], weekly_hours=10,
                                             availability={"1": "10:00-12:00"})
                  for name in ("Ana", "Bruno")]
        run = services.new_run(site=site, week_start=date(2026, 9, 7))
        run.solution = {"status": "GREEDY", "uncovered": [], "assignments": [
            {"staff": f"s{person.pk}", "desk": desk, "day": 1, "start": start}
            for person in people for start in ("10:00", "10:30", "11:00", "11:30")]}
        run.status = RunStatus.DONE
        run.save()
    return {"cite": cite, "site": site, "pole": job, "desk": desk}


def test_each_half_hour_sets_the_interviews_against_the_advisers_rostered(tuesdays):
    with scope(cite=tuesdays["cite"]):
        advice = figures.opening_advice(tuesdays["cite"], tuesdays["site"], PERIOD, CITE)
    assert (advice.roster_weeks, advice.roster_is_latest) == ((date(2026, 9, 7),), False)
    assert (advice.weekdays, advice.slots) == ((1,), (20, 21, 22, 23))
    [pole] = advice.poles
    # 10:00: 26 × 45 / (13 × 30) = 3 advisers busy, 2 rostered: people wait, 3 needed.
    # 10:30: 4 × 45 / 390 = 0.46, under a quarter of 2 advisers' time: idle; the rest is empty.
    assert [(s.slot, s.visits, s.days_open, float(s.load), float(s.staffed), s.state, s.needed)
            for s in pole.desk.slots] == [
        (20, 26, 13, 3.0, 2.0, WAIT, 3), (21, 4, 13, 6 / 13, 2.0, IDLE, 1),
        (22, 0, 13, 0.0, 2.0, IDLE, 1), (23, 0, 13, 0.0, 2.0, IDLE, 1)]
    assert (pole.desk.visits, float(pole.desk.staffed_hours), float(pole.desk.needed_hours)) == (
        30, 4.0, 3.0)
    # A weekday × half-hour table is a cross-table: the 4 is masked, and so is the 26 beside
    # the published total of 30 (else 30 − 26 gives it back).
    assert [c.text for c in advice.visits_shown(pole).values()] == ["s", "< 11", "0", "0"]


def test_without_a_roster_in_the_period_the_latest_one_stands_in(tuesdays):
    with scope(cite=tuesdays["cite"]):
        RosterRun.objects.update(week_start=date(2026, 12, 7))
        advice = figures.opening_advice(tuesdays["cite"], tuesdays["site"], PERIOD, CITE)
        RosterRun.objects.all().delete()
        bare = figures.opening_advice(tuesdays["cite"], tuesdays["site"], PERIOD, CITE)
    assert (advice.roster_weeks, advice.roster_is_latest) == ((date(2026, 12, 7),), True)
    assert float(advice.poles[0].desk.staffed_hours) == 4.0
    assert (bare.roster_weeks, bare.roster_is_latest) == ((), False)
    assert [s.state for s in bare.poles[0].desk.slots] == [WAIT, WAIT, "balanced", "balanced"]


def test_the_page_shows_each_pole_and_its_half_hours(world, tuesdays):
    url = reverse("dashboards:opening_hours", args=[world.cite.slug]) + QUERY
    html = client_for(world, Role.STAFF).get(url).content.decode()
    assert ('<th scope="row"><a href="?first=2026-08-31&amp;last=2026-11-29&amp;pole='
            f'{tuesdays["pole"].pk}#grid">Emploi</a></th><td class="num">30</td>'
            '<td class="num">4</td><td class="num">3</td><td class="num">1</td>'
            '<td class="num">3</td>') in html
    assert ('<td class="state-wait"><span class="visits masked">s</span> '
            '<span class="people">2 → 3</span> <span aria-hidden="true">▲</span>'
            '<span class="visually-hidden"> — attente</span></td>') in html
    assert "Conseillers prévus\u00a0: le planning de la semaine calculée de la période." in html
    # The team reads; only the project team writes the demand and the settings.
    assert "Utiliser cette demande pour les plannings" not in html
    assert "Utiliser cette demande pour les plannings" in client_for(
        world, Role.DIRECTOR).get(url).content.decode()


def test_the_action_makes_the_observed_demand_the_rosters_own(world, tuesdays):
    with scope(cite=world.cite):
        DeskDemand.objects.create(cite=world.cite, site=tuesdays["site"], desk=tuesdays["desk"],
                                  people=2)
        DeskDemand.objects.create(cite=world.cite, site=tuesdays["site"], desk=tuesdays["desk"],
                                  weekday=3, start=time(10), people=4)
        DeskDemand.objects.create(cite=world.cite, site=tuesdays["site"], desk="reception",
                                  people=2)
        version = opening.thresholds_of(world.cite)[1].version
    url = reverse("dashboards:opening_hours", args=[world.cite.slug]) + QUERY
    response = client_for(world, Role.DIRECTOR).post(url, {"action": "apply",
                                                            "version": version}, follow=True)
    assert ("Les besoins des pôles de «\u00a0Site principal\u00a0» suivent maintenant la "
            "demande observée du 31 août 2026 au 29 novembre 2026 (4 demi-heures)") in \
        response.content.decode()
    with scope(cite=world.cite):
        rows = [(d.desk, d.weekday, d.start, d.people) for d in DeskDemand.objects.order_by(
            "-desk", "weekday", "start")]
        instance = services.build_instance(tuesdays["site"], date(2026, 12, 7))
    desk = tuesdays["desk"]
    # The pôle's old slot value is gone, its default and the reception stay.
    assert sorted(rows, key=str) == sorted([
        (desk, 1, time(10), 3), (desk, 1, time(10, 30), 1), (desk, 1, time(11), 1),
        (desk, 1, time(11, 30), 1), (desk, None, None, 2), ("reception", None, None, 2)], key=str)
    # The next roster asks what was observed.
    assert [(d.span.start, d.span.end, d.people) for d in instance.demand if d.desk == desk] == [
        (600, 630, 3), (630, 720, 1)]


def test_the_action_is_refused_when_the_settings_changed_since_the_page_was_shown(
        world, tuesdays):
    with scope(cite=world.cite):
        row = opening.thresholds_of(world.cite)[1]
        shown = row.version
        row.interview_minutes, row.version = 30, row.version + 1
        row.save()
    url = reverse("dashboards:opening_hours", args=[world.cite.slug]) + QUERY
    html = client_for(world, Role.DIRECTOR).post(url, {"action": "apply",
                                                        "version": shown}).content.decode()
    assert ("Les réglages ont été modifiés depuis l&#x27;affichage de la page\u00a0: vérifiez la "
            "proposition ci-dessous, puis recommencez.") in html
    with scope(cite=world.cite):
        assert not DeskDemand.objects.exists()


def test_the_settings_form_saves_refuses_stale_edits_and_explains_in_french(world, tuesdays):
    url = reverse("dashboards:opening_hours", args=[world.cite.slug]) + QUERY
    client = client_for(world, Role.DIRECTOR)
    client.get(url)  # the row is made with its defaults on first use
    with scope(cite=world.cite):
        version = OpeningAdviceSettings.objects.get().version
    form = {"action": "settings", "interview_minutes": "30", "idle_percent": "40",
            "minimum_people": "0", "version": version}
    assert client.post(url, form).status_code == 302
    stale = client.post(url, form | {"interview_minutes": "60"}).content.decode()
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez." in stale
    wrong = client.post(url, form | {"interview_minutes": "3", "idle_percent": "100",
                                     "version": version + 1}).content.decode()
    assert "Un entretien dure au moins 5 minutes." in wrong
    assert "Le seuil de sous-occupation va de 1 à 99 %." in wrong
    with scope(cite=world.cite):
        saved = OpeningAdviceSettings.objects.get()
    assert (saved.interview_minutes, saved.idle_percent, saved.minimum_people,
            saved.version) == (30, 40, 0, version + 1)


def test_a_period_too_short_is_refused_in_french_and_the_default_shown(world, tuesdays):
    url = reverse("dashboards:opening_hours", args=[world.cite.slug])
    html = client_for(world, Role.STAFF).get(
        url + "?first=2026-11-01&last=2026-11-20").content.decode()
    assert ("Choisissez au moins quatre semaines (28 jours)\u00a0: sur moins, quelques entretiens "
            "décideraient du planning.") in html


def test_another_cites_team_and_a_partner_cannot_open_the_page(world, tuesdays):
    url = reverse("dashboards:opening_hours", args=[world.cite.slug]) + QUERY
    from django.test import Client

    foreign = Client()
    foreign.force_login(world.foreign_lead)
    assert foreign.get(url).status_code == 404
    assert foreign.post(url, {"action": "apply", "version": 1}).status_code == 404
    assert client_for(world, Role.PARTNER).get(url).status_code == 403
    assert client_for(world, Role.STAFF).post(url, {"action": "apply",
                                                     "version": 1}).status_code == 403
    with scope(cite=world.cite):
        assert not DeskDemand.objects.exists()


def test_the_table_by_pole_exports_the_pages_figures_small_counts_masked(world, tuesdays):
    """Issue 15: the advice table exports as XLSX and CSV through the dashboards' one export;
    the same figures as the page, the interviews masked below 11 (a file leaves the team)."""
    from io import BytesIO

    import lxml.html
    from openpyxl import load_workbook

    with scope(cite=world.cite):
        creation = Pole.objects.create(cite=world.cite, name="Créer", position=2)
        tuesdays["site"].poles.add(creation)
        interviews(world.cite, tuesdays["site"], creation, 20, 3)
    client = client_for(world, Role.STAFF)
    page = lxml.html.fromstring(client.get(
        reverse("dashboards:opening_hours", args=[world.cite.slug]) + QUERY).content)
    on_page = [[row.findtext("th/a"), *[td.text for td in row.findall("td")]]
               for row in page.get_element_by_id("advice-summary").findall("tbody/tr")]
    assert on_page == [["Emploi", "30", "4", "3", "1", "3"], ["Créer", "3", "0", "2", "1", "0"]]
    links = page.xpath('//*[@data-testid="advice-exports"]/a/@href')
    assert links == [f"/c/{world.cite.slug}/tableaux-de-bord/horaires/export.xlsx"
                     "?first=2026-08-31&last=2026-11-29",
                     f"/c/{world.cite.slug}/tableaux-de-bord/horaires/export.csv"
                     "?first=2026-08-31&last=2026-11-29"]

    answer = client.get(links[1])
    assert answer["Content-Disposition"] == (
        f'attachment; filename="alpha-horaires-site-{tuesdays["site"].pk}-2026-08-31-'
        '2026-11-29.csv"')
    assert answer.content.decode("utf-8-sig").splitlines() == [
        "Pôle;Entretiens;Heures prévues par semaine;Heures nécessaires par semaine;"
        "Demi-heures d'attente;Demi-heures sous-occupées",
        "Emploi;30;4;3;1;3",
        "Créer;< 11;0;2;1;0"]

    book = load_workbook(BytesIO(client.get(links[0]).content))
    sheet = book["Horaires par pôle"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == ("Horaires et affluence — Site principal, du 31 août 2026 au "
                            "29 novembre 2026")
    assert values[-3:] == [
        ["Pôle", "Entretiens", "Heures prévues par semaine", "Heures nécessaires par semaine",
         "Demi-heures d'attente", "Demi-heures sous-occupées"],
        ["Emploi", 30, 4, 3, 1, 3],
        ["Créer", "< 11", 0, 2, 1, 0]]
    # A partner reads neither the page nor its export.
    assert client_for(world, Role.PARTNER).get(links[1]).status_code == 403
