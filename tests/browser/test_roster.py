"""The director locks two services of the week, re-solves, and finds them kept; the team, the
org chart, the demand grid, a staff member's own week and a partner's hours, looked at."""

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from capacite.core.models import Cite
from capacite.staffing.models import RosterRun
from tests.browser.conftest import login, open_from_menu, see_job_finish

pytestmark = pytest.mark.browser


def test_two_locked_services_survive_a_resolve(page, demo, axe, settings):
    settings.CAPACITE_ROSTER_TIME_LIMIT = 3
    login(page, "directeur")
    page.goto("/c/valombre/equipe/")
    assert page.locator("table.team tbody tr").count() == 41
    axe.check(page, "60-equipe")
    page.get_by_role("link", name="Organigramme").first.click()
    # The Cité's own staff, then the 12 partners' seconded staff: one panel each.
    expect(page.locator(".org-chart svg rect")).to_have_count(13)
    expect(page.locator(".org-chart svg text").first).to_have_text("Cité des métiers de Valombre")
    assert page.locator("#org-chart-figures tbody tr").count() == 16
    axe.check(page, "61-organigramme")
    page.goto("/c/valombre/equipe/")
    page.get_by_role("link", name="Inès Fontvieille").click()
    assert page.get_by_label("Nom").input_value() == "Inès Fontvieille"
    axe.check(page, "62-membre")

    open_from_menu(page, "Plannings")
    axe.check(page, "63-plannings")
    page.get_by_role("link", name="Cité des métiers de Valombre — site principal").click()
    axe.check(page, "64-besoins")
    page.go_back()
    page.locator("table tbody tr td a").first.click()
    expect(page.locator("main")).to_contain_text("Vérification des règles")
    axe.check(page, "65-planning-par-poste")

    page.get_by_role("link", name="Par personne (verrous)").click()
    buttons = page.get_by_role("button", name="Verrouiller ")
    labels = [buttons.nth(0).get_attribute("aria-label"),
              buttons.nth(7).get_attribute("aria-label")]
    for label in labels:
        page.get_by_role("button", name=label, exact=True).click()
        assert "Retouche enregistrée" in page.locator(".messages").inner_text()
    unlock = [label.replace("Verrouiller", "Déverrouiller", 1) for label in labels]
    for label in unlock:
        assert page.get_by_role("button", name=label, exact=True).count() == 1
    axe.check(page, "66-planning-par-personne")

    cite = Cite.objects.get(slug="valombre")
    with scope(cite=cite):
        locked_run = RosterRun.objects.first()
        locks = list(locked_run.locks)
    assert len(locks) >= 8  # two services of at least 2 h
    page.get_by_role("button", name="Recalculer en gardant").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Calcul du planning"
    # The job page refreshes itself while running (jobs app): screenshot only, no axe here.
    page.screenshot(path="test-artifacts/66b-calcul-en-cours.png", full_page=True)
    see_job_finish(page)
    page.get_by_role("link", name="Revenir à la page d'origine").click()
    expect(page.locator("main")).to_contain_text("Vérification des règles")
    with scope(cite=cite):
        solved = RosterRun.objects.first()
    assert solved.pk != locked_run.pk and solved.locks == locks
    kept = {(a["staff"], a["desk"], a["day"], a["start"]) for a in solved.solution["assignments"]}
    for lock in locks:
        start = f"{lock['start'] // 60:02d}:{lock['start'] % 60:02d}"
        assert (lock["staff"], lock["desk"], lock["day"], start) in kept
    assert solved.violations == []
    page.get_by_role("link", name="Par personne (verrous)").click()
    for label in labels:
        who = " ".join(label.removeprefix("Verrouiller ").split()[:2])
        row = page.locator("table.roster tbody tr").filter(has_text=who)
        assert row.locator(".stint.locked").count() >= 1
    axe.check(page, "67-planning-recalcule")


def test_a_counsellor_reads_her_week_and_a_partner_its_staff_hours(page, demo, axe):
    login(page, "conseiller")
    page.goto("/c/valombre/equipe/mon-planning/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Mon planning")
    assert page.locator("table tbody tr").count() >= 1  # her locked Tuesday morning at least
    axe.check(page, "68-mon-planning")
    # On a phone each service is a block, the day first, nothing cut at the screen's edge.
    from datetime import timedelta

    from tests.browser.test_overflow import PHONE, SPILLS

    with scope(cite=Cite.objects.get(slug="valombre")):
        run = RosterRun.objects.get()
        lock = run.locks[0]  # her Tuesday morning, two hours (staffing/demo.py)
        desk = next(d["name"] for d in run.instance["desks"] if d["id"] == lock["desk"])
    start, end = lock["start"], lock["start"] + 120
    page.set_viewport_size(PHONE)
    page.reload()
    row = page.locator("table.my-week tbody tr").first
    assert [row.locator("th").inner_text(), *row.locator("td").all_inner_texts()] == [
        f"Mardi {run.week_start + timedelta(days=lock['day']):%d/%m}",
        f"{start // 60:02d}:{start % 60:02d}–{end // 60:02d}:{end % 60:02d}", desk,
        "Cité des métiers de Valombre — site principal"]
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert page.evaluate(SPILLS) == []
    axe.check(page, "68b-mon-planning-390")
    page.set_viewport_size({"width": 1280, "height": 900})  # the menu holds « Se déconnecter »
    page.get_by_role("button", name="Se déconnecter").click()
    login(page, "partenaire2")
    page.goto("/c/valombre/equipe/heures-des-partenaires/")
    captions = page.locator("table caption").all_inner_texts()
    assert len(captions) == 1 and captions[0].startswith("Mission locale de Valombre")
    assert "CIO de Valombre" not in page.content()
    axe.check(page, "69-heures-partenaire")


def test_the_week_reads_one_day_at_a_time_on_a_phone_and_whole_on_a_laptop(page, demo, axe,
                                                                         chromium, live_server):
    """Issue 19: at 390 px the roster is a day view (a button per day, one day's services
    listed under their desks), nothing wider than the screen; with no JavaScript every day is
    listed one under the other; at 1366 px the week grid is whole."""
    from datetime import timedelta

    from django.urls import reverse

    from capacite.staffing.models import StaffMember
    from tests.browser.test_overflow import LAPTOP, PHONE, SPILLS

    cite = Cite.objects.get(slug="valombre")
    with scope(cite=cite):
        run = RosterRun.objects.get()
        lock = run.locks[0]  # Inès Fontvieille's Tuesday morning (staffing/demo.py)
        ines = StaffMember.objects.get(name="Inès Fontvieille")
        desk_name = next(d["name"] for d in run.instance["desks"] if d["id"] == lock["desk"])
    day = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")[lock["day"]]
    tuesday = f"{day} {run.week_start + timedelta(days=lock['day']):%d/%m}"
    starts = f"{lock['start'] // 60:02d}:{lock['start'] % 60:02d}–"
    url = reverse("staffing:run", kwargs={"cite_slug": "valombre", "run_id": run.pk})

    page.set_viewport_size(PHONE)
    login(page, "directeur")
    page.goto(url)
    picker = page.get_by_role("group", name="Jour affiché")
    days = page.locator("table.roster.by-desk").count()
    assert days >= 5 and picker.get_by_role("button").count() == days
    picker.get_by_role("button", name=tuesday).click()
    assert picker.get_by_role("button", name=tuesday).get_attribute("aria-pressed") == "true"
    shown = page.locator("table.roster.by-desk:visible")
    assert shown.count() == 1
    assert shown.locator("caption").inner_text() == tuesday
    cell = shown.locator("td:visible").filter(has_text=ines.name).first
    assert (cell.get_attribute("data-label"), cell.inner_text()) == (
        desk_name, "Inès Fontvieille verrouillé")
    assert cell.locator("xpath=../th").inner_text().startswith(starts)
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert page.evaluate(SPILLS) == []
    axe.check(page, "65b-planning-par-poste-390")

    page.get_by_role("link", name="Par personne (verrous)").click()
    picker.get_by_role("button", name=tuesday).click()
    row = page.locator("table.roster.people tbody tr:visible").filter(has_text=ines.name)
    assert row.locator("td:visible").inner_text().split("\n")[0].startswith(starts)
    assert row.locator("td:visible").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert page.evaluate(SPILLS) == []
    axe.check(page, "66b-planning-par-personne-390")

    page.set_viewport_size(LAPTOP)
    page.goto(url)
    assert page.locator(".day-picker").is_visible() is False
    assert page.locator("table.roster.by-desk:visible").count() == days
    assert page.locator("table.roster.by-desk thead").first.is_visible()

    # Without JavaScript a phone lists every day, one under the other, still within the screen.
    context = chromium.new_context(base_url=live_server.url, locale="fr-FR",
                                   viewport=PHONE, java_script_enabled=False)
    bare = context.new_page()
    login(bare, "directeur")
    bare.goto(url)
    assert bare.locator(".day-picker").is_visible() is False
    captions = bare.locator("table.roster.by-desk caption").all_inner_texts()
    assert tuesday in captions and all(c.is_visible() for c in
                                       bare.locator("table.roster.by-desk").all())
    assert bare.evaluate("document.documentElement.scrollWidth") == 390
    bare.screenshot(path="test-artifacts/65c-planning-sans-js-390.png", full_page=True)
    context.close()
