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
    expect(page.locator(".org-chart svg rect")).to_have_count(5)
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
    page.get_by_role("button", name="Se déconnecter").click()
    login(page, "partenaire2")
    page.goto("/c/valombre/equipe/heures-des-partenaires/")
    captions = page.locator("table caption").all_inner_texts()
    assert len(captions) == 1 and captions[0].startswith("Mission locale de Valombre")
    assert "CIO de Valombre" not in page.content()
    axe.check(page, "69-heures-partenaire")
