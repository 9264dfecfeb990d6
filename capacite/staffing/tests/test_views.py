"""Team and roster pages: what each role sees and what the edits change."""

import io
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.jobs.testing import run_pending_jobs
from capacite.offer.models import Pole, Site, WeeklyHours
from capacite.partners.models import Organisation, PartnerLink
from capacite.staffing import services
from capacite.staffing.models import DeskDemand, RosterRun, StaffMember
from capacite.testing_files import assert_accessible_pdf, ics_events, xlsx_cells, xlsx_sheet_setup

pytestmark = pytest.mark.django_db
WEEK = date(2026, 11, 16)


def client_for(world, role) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"staffing:{name}", kwargs={"cite_slug": "alpha", **kwargs})


@pytest.fixture
def week(world):
    """Tuesday 10:00–14:00 at one pôle; Ana (CIO) and Bob (Mission locale) hold it in turn."""
    with scope(cite=world.cite):
        pole = Pole.objects.create(cite=world.cite, name="Trouver un emploi")
        site = Site.objects.create(cite=world.cite, name="Site principal")
        site.poles.set([pole])
        WeeklyHours.objects.create(cite=world.cite, site=site, weekday=1, opens=time(10),
                                   closes=time(14))
        DeskDemand.objects.create(cite=world.cite, site=site, desk="reception", people=0)
        DeskDemand.objects.create(cite=world.cite, site=site, desk="documentation", people=0)
        cio = Organisation.objects.create(cite=world.cite, name="CIO", kind="operator")
        ml = Organisation.objects.create(cite=world.cite, name="Mission locale", kind="operator")
        key = f"pole-{pole.pk}"
        ana = StaffMember.objects.create(cite=world.cite, name="Ana Martin", partner=cio,
                                         weekly_hours=2, availability={"1": "10:00-14:00"},
                                         desks=[key], user=world.users[Role.STAFF])
        bob = StaffMember.objects.create(cite=world.cite, name="Bob Durand", partner=ml,
                                         weekly_hours=2, availability={"1": "10:00-14:00"},
                                         desks=[key])
        run = services.new_run(site=site, week_start=WEEK, time_limit=5)
        services.start_solve(run)
        run_pending_jobs()
        run.refresh_from_db()
    return {"site": site, "pole": pole, "key": key, "ana": ana, "bob": bob, "run": run,
            "cio": cio, "ml": ml}


def test_adding_a_staff_member_stores_availability_and_desks(world, week):
    client = client_for(world, Role.DIRECTOR)
    response = client.post(url("member_add"), {
        "version": 0, "name": "Chloé Petit", "function": "Conseillère", "weekly_hours": "17.5",
        "partner": week["cio"].pk, "active": "on", "desks_held": [week["key"], "reception"],
        "preferred": [week["key"]], "day_1": "9:30-12:30, 14:00-18:00", "day_3": "10:00-16:00"})
    assert response.status_code == 302
    with scope(cite=world.cite):
        member = StaffMember.objects.get(name="Chloé Petit")
    assert member.availability == {"1": "9:30-12:30, 14:00-18:00", "3": "10:00-16:00"}
    assert member.desks == [week["key"], "reception"]
    assert member.weekly_hours == Decimal("17.5")
    page = client.get(url("team")).content.decode()
    assert "Chloé Petit" in page and "Trouver un emploi, Accueil" in page


def test_unreadable_availability_is_refused_in_french(world, week):
    client = client_for(world, Role.DIRECTOR)
    response = client.post(url("member_add"), {
        "version": 0, "name": "Chloé Petit", "weekly_hours": "10", "active": "on",
        "day_2": "10h-12h", "preferred": ["reception"]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Un poste préféré doit faire partie des postes tenus." in page
    with scope(cite=world.cite):
        assert not StaffMember.objects.filter(name="Chloé Petit").exists()


def test_the_demand_grid_stores_a_default_and_slot_overrides(world, week):
    client = client_for(world, Role.DIRECTOR)
    key = week["key"]
    response = client.post(url("demand", site_id=week["site"].pk),
                           {"poste": key, "default": "2", "c-1-630": "3", "c-1-660": ""})
    assert response.status_code == 302
    with scope(cite=world.cite):
        rows = sorted(((r.weekday, r.start, r.people) for r in
                       DeskDemand.objects.filter(site=week["site"], desk=key)),
                      key=lambda row: row[0] is None)
        instance = services.build_instance(week["site"], WEEK)
    assert rows == [(1, time(10, 30), 3), (None, None, 2)]
    assert [(d.span.start, d.span.end, d.people) for d in instance.demand if d.desk == key] \
        == [(600, 630, 2), (630, 660, 3), (660, 840, 2)]
    refused = client.post(url("demand", site_id=week["site"].pk), {"poste": key, "c-1-600": "x"})
    assert ("mardi 10:00\u00a0: un nombre de personnes de 0 à 20 est attendu, reçu "
            "«\u00a0x\u00a0».") in refused.content.decode()


def test_the_week_grid_shows_each_gap_with_its_reason(world, week):
    page = client_for(world, Role.DIRECTOR).get(url("run", run_id=week["run"].pk))
    html = page.content.decode()
    assert "Ana Martin" in html and "Bob Durand" in html
    # Two people with 2 h each cover 4 h: nothing missing, the validator finds nothing.
    assert "Planning valide" in html
    with scope(cite=world.cite):
        week["bob"].active = False
        week["bob"].save()
    client = client_for(world, Role.DIRECTOR)
    client.post(url("run_resolve", run_id=week["run"].pk), {"version": week["run"].version})
    run_pending_jobs()
    with scope(cite=world.cite):
        latest = RosterRun.objects.first()
    html = client.get(url("run", run_id=latest.pk)).content.decode()
    assert "Manque 1 personne" in html
    # Issue 19: no green « Planning valide » above red gaps; the gap counted in hours.
    assert "Planning valide" not in html
    assert "<dt>Heures de poste sans personne</dt><dd>2 h</dd>" in html
    assert ("les heures des personnes compétentes sont épuisées\u00a0: Ana Martin\u00a0: 2 h déjà "
            "faites") in html


def test_locking_then_resolving_keeps_the_lock(world, week):
    client = client_for(world, Role.DIRECTOR)
    run = week["run"]
    with scope(cite=world.cite):
        loaded = services.load(run)
        ana = f"s{week['ana'].pk}"
        ana_slots = sorted(a.start for a in loaded.solution.assignments if a.staff == ana)
    start, end = ana_slots[0], ana_slots[-1] + 30
    client.post(url("run_edit", run_id=run.pk), {
        "version": run.version, "action": "lock", "staff": ana, "desk": week["key"], "day": 1,
        "start": f"{start // 60:02d}:{start % 60:02d}", "end": f"{end // 60:02d}:{end % 60:02d}"})
    run.refresh_from_db()
    assert len(run.locks) == 4
    response = client.post(url("run_resolve", run_id=run.pk), {"version": run.version})
    assert response["Location"].startswith("/c/alpha/travaux/")
    run_pending_jobs()
    with scope(cite=world.cite):
        again = RosterRun.objects.first()
    assert again.pk != run.pk
    kept = {(a["staff"], a["start"]) for a in again.solution["assignments"]}
    assert {(ana, f"{s // 60:02d}:{s % 60:02d}") for s in ana_slots} <= kept
    assert again.violations == []


def test_a_hand_edit_that_breaks_a_rule_is_shown_with_its_reason(world, week):
    client = client_for(world, Role.DIRECTOR)
    run = week["run"]
    ana = f"s{week['ana'].pk}"
    client.post(url("run_edit", run_id=run.pk), {
        "version": run.version, "action": "add", "staff": ana, "desk": week["key"], "day": 1,
        "start": "10:00", "end": "14:00"})
    html = client.get(url("run", run_id=run.pk)).content.decode()
    assert "Ana Martin fait 240 min, au-delà des 120 min de son contrat" in html
    # Bob still holds two of those hours: the pôle then has two people for a need of one.
    assert html.count("2 personnes pour un besoin de 1") == 4


def test_an_english_reader_sees_the_gaps_and_broken_rules_in_english(world, week):
    """The run stores them in French (the edits were made in French); the page writes them
    again in its reader's language (issue 19, point 6)."""
    client = client_for(world, Role.DIRECTOR)
    run = week["run"]
    english = Client()
    english.force_login(world.users[Role.DIRECTOR])
    english.cookies["django_language"] = "en"
    client.post(url("run_edit", run_id=run.pk), {
        "version": run.version, "action": "remove", "staff": f"s{week['bob'].pk}", "day": 1,
        "start": "10:00", "end": "14:00"})
    run.refresh_from_db()
    assert run.solution["uncovered"][0]["detail"].endswith(
        "la recherche s'est arrêtée avant de placer Bob Durand : un bloc de 2 h était possible")
    html = english.get(url("run", run_id=run.pk)).content.decode()
    assert ("<summary>detail</summary>the search stopped before placing Bob Durand: a block of "
            "2 h was possible</details>") in html
    client.post(url("run_edit", run_id=run.pk), {
        "version": run.version, "action": "add", "staff": f"s{week['ana'].pk}",
        "desk": week["key"], "day": 1, "start": "10:00", "end": "14:00"})
    run.refresh_from_db()
    assert run.violations == ["Ana Martin fait 240 min, au-delà des 120 min de son contrat"]
    html = english.get(url("run", run_id=run.pk)).content.decode()
    assert "<li>Ana Martin works 240 min, beyond the 120 min of their contract</li>" in html
    assert "au-delà" not in html and "recherche" not in html


def test_a_partner_sees_only_its_own_staff_hours(world, week):
    partner = world.users[Role.PARTNER]
    with scope(cite=world.cite):
        PartnerLink.objects.create(
            cite=world.cite, organisation=week["cio"],
            membership=Membership.objects.get(user=partner, cite=world.cite))
    html = client_for(world, Role.PARTNER).get(
        url("partner_hours") + "?semaine=2026-11-18").content.decode()
    assert "Ana Martin" in html and "2 h tenues sur 2 h prévues" in html
    assert "Bob Durand" not in html and "Mission locale" not in html
    team = client_for(world, Role.DIRECTOR).get(url("partner_hours") + "?semaine=2026-11-16")
    assert "Bob Durand" in team.content.decode()


def test_an_unlinked_partner_sees_nobody(world, week):
    html = client_for(world, Role.PARTNER).get(
        url("partner_hours") + "?semaine=2026-11-16").content.decode()
    assert "Votre compte n'est relié à aucune organisation partenaire" in html
    assert "Ana Martin" not in html and "Bob Durand" not in html


def test_staff_read_their_own_schedule_only(world, week):
    client = client_for(world, Role.STAFF)
    html = client.get(url("my_schedule") + "?semaine=2026-11-17").content.decode()
    assert "Trouver un emploi" in html and "Bob Durand" not in html
    ics = client.get(url("my_ics") + "?semaine=2026-11-16").content
    assert ics.decode().count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Trouver un emploi — Site principal" in ics.decode()
    assert "DTSTART;TZID=Europe/Paris:20261117T" in ics.decode()
    assert [summary for summary, _start in ics_events(ics)] == [
        "Trouver un emploi — Site principal"]
    # The week after: no stint, so no file; the page says so instead of offering one.
    empty = client.get(url("my_ics") + "?semaine=2026-11-23")
    assert empty["Content-Type"] == "text/html; charset=utf-8"
    assert "Aucun service pour vous cette semaine" in empty.content.decode()
    page = client.get(url("my_schedule") + "?semaine=2026-11-23").content.decode()
    assert "Aucun service pour vous cette semaine" in page and "mon-planning.ics" not in page
    assert client.get(url("run", run_id=week["run"].pk)).status_code == 403


def test_pdf_xlsx_and_ics_carry_the_week(world, week):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    client = client_for(world, Role.DIRECTOR)
    pdf = client.get(url("run_pdf", run_id=week["run"].pk))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = reader.pages[0].extract_text()
    assert "Ana Martin" in text and "Planning de la semaine du 16/11/2026" in text
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    assert_accessible_pdf(pdf.content, title="Planning — Site principal")
    content = client.get(url("run_xlsx", run_id=week["run"].pk)).content
    book = load_workbook(io.BytesIO(content))
    people = {row[0]: row for row in book["Par personne"].iter_rows(values_only=True)}
    assert people["Ana Martin"][1:4] == ("CIO", timedelta(hours=2), timedelta(hours=2))
    assert book["Par poste"]["C1"].value == "Trouver un emploi"
    cells = xlsx_cells(content)
    assert cells["Par personne"][1][2][1:] == ("d", "[h]:mm")  # a duration, not text
    assert cells["Par poste"][1][0] == (datetime(2026, 11, 17), "d", "dd/mm/yyyy")
    setup = xlsx_sheet_setup(content)
    assert {(s["freeze"], s["paper"], s["fit_width"], s["title_rows"])
            for s in setup.values()} == {("A2", 9, 1, "$1:$1")}
    ics = client.get(url("run_ics", run_id=week["run"].pk, staff_id=week["bob"].pk))
    assert ics.content.decode().count("BEGIN:VEVENT") == 1
    (event,) = ics_events(ics.content)
    assert event[1].astimezone(ZoneInfo("Europe/Paris")).strftime("%a %H:%M") in (
        "Tue 10:00", "Tue 11:00", "Tue 12:00", "Tue 13:00")


def test_someone_without_a_stint_gets_no_calendar_but_aucun_creneau(world, week):
    """Seven roster calendars held no component at all (RFC 5545 forbids it)."""
    with scope(cite=world.cite):
        chloe = StaffMember.objects.create(cite=world.cite, name="Chloé Petit",
                                           weekly_hours=2, availability={"3": "10:00-14:00"},
                                           desks=[week["key"]])
        run = services.new_run(site=week["site"], week_start=WEEK, time_limit=5)
        services.start_solve(run)
        run_pending_jobs()
    client = client_for(world, Role.DIRECTOR)
    page = client.get(url("run", run_id=run.pk) + "?vue=personnes").content.decode()
    row = page[page.index("Chloé Petit"):].split("</th>")[0]
    assert "aucun créneau" in row and ".ics" not in row
    assert client.get(url("run_ics", run_id=run.pk, staff_id=chloe.pk)).status_code == 404
    assert client.get(url("run_ics", run_id=run.pk, staff_id=week["ana"].pk)).status_code == 200


def test_the_org_chart_groups_people_by_the_organisation_that_employs_or_seconds_them(world):
    """Seconded people under their partner, the Cité's own staff under the Cité; a post nobody
    holds in its employer's panel, to be filled; people who left, nowhere."""
    client = client_for(world, Role.DIRECTOR)
    with scope(cite=world.cite):
        cio = Organisation.objects.create(cite=world.cite, name="CIO", kind="operator")
        ml = Organisation.objects.create(cite=world.cite, name="Mission locale", kind="operator")
    client.post(url("job_add"), {"version": 0, "title": "Directrice", "function": "direction",
                                 "fte": "1"})
    from capacite.staffing.models import JobDescription
    with scope(cite=world.cite):
        boss = JobDescription.objects.get(title="Directrice")
    client.post(url("job_add"), {"version": 0, "title": "Documentaliste",
                                 "function": "documentation", "fte": "0.5",
                                 "employer": cio.pk, "reports_to": boss.pk})
    client.post(url("job_add"), {"version": 0, "title": "Conseiller·ère",
                                 "function": "counselling", "fte": "3", "reports_to": boss.pk})
    with scope(cite=world.cite):
        advice = JobDescription.objects.get(title="Conseiller·ère")
        for name, job, partner, active in (
                ("Claire Dubois", boss, None, True), ("Ana Martin", advice, cio, True),
                ("Bob Durand", advice, ml, True), ("Chloé Petit", advice, ml, True),
                ("Zoé Partie", advice, ml, False)):
            StaffMember.objects.create(cite=world.cite, name=name, job=job, partner=partner,
                                       weekly_hours=10, active=active)
    svg = client.get(url("org_chart_svg")).content.decode()
    assert "<title>Organigramme de Cité des métiers d&#x27;Alpha</title>" in svg
    assert re.findall(r"<text [^>]*>([^<]*)</text>", svg) == [
        "Cité des métiers d&#x27;Alpha", "1 personne", "Directrice", "Claire Dubois",
        "CIO", "1 personne", "Conseiller·ère", "rattaché à : Directrice", "Ana Martin",
        "Documentaliste", "rattaché à : Directrice", "poste à pourvoir",
        "Mission locale", "2 personnes", "Conseiller·ère", "rattaché à : Directrice",
        "Bob Durand", "Chloé Petit"]
    assert svg.count("<rect") == 3
    staff = client_for(world, Role.STAFF)
    page = staff.get(url("org_chart")).content.decode()
    assert ">Claire Dubois</text>" in page
    start = page.index('id="org-chart-figures"')
    table = page[start:page.index("</table>", start)]
    rows = [re.sub(r"(<[^>]+>)+", "|", row).strip("|")
            for row in re.findall(r"<tr>(.*?)</tr>", table)[1:]]
    assert rows == ["Cité des métiers d&#x27;Alpha|Directrice|—|1|Claire Dubois",
                    "CIO|Conseiller·ère|Directrice|1|Ana Martin",
                    "CIO|Documentaliste|Directrice|0|poste à pourvoir",
                    "Mission locale|Conseiller·ère|Directrice|2|Bob Durand, Chloé Petit"]
    staff.cookies["django_language"] = "en"
    english = staff.get(url("org_chart_svg")).content.decode()
    assert re.findall(r"<text [^>]*>([^<]*)</text>", english)[9:14] == [
        "Documentaliste", "reports to: Directrice", "vacant post", "Mission locale",
        "2 people"]
