"""The main journeys in a real browser, with axe run on every page opened."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser


def test_the_project_lead_sees_what_is_late_and_replans_from_the_committee_date(page, demo, axe):
    login(page, "porteur")
    page.wait_for_url("**/c/rivemont/")  # one Cité: the project lead lands on it
    assert page.locator("p.big").inner_text() == "Construction"
    late = page.locator(".tile.alert li")
    assert late.count() >= 2  # the two tasks past their due date, then those starting too late
    assert "— échéance dépassée (" in late.nth(0).inner_text()
    axe.check(page, "02-accueil-cite")

    open_from_menu(page, "Rétro-planning")
    page.wait_for_url("**/retro-planning/")
    assert page.locator("svg[role=img] > title").text_content().startswith(
        "Rétro-planning vers «\u00a0Obtenir le label projet en comité national de "
        "labellisation\u00a0»")
    assert "auraient déjà dû commencer" in page.locator(".message-error").inner_text()
    axe.check(page, "03-retro-planning")

    far = timezone.localdate() + timedelta(days=900)
    page.get_by_label("Date visée").fill(far.isoformat())
    page.get_by_role("button", name="Recalculer").click()
    page.wait_for_url("**/retro-planning/")
    assert page.locator(".message-success").nth(1).inner_text() == (
        "Aucune tâche n'a dépassé sa date de début au plus tard.")
    assert page.locator("tr.late").count() == 0


def test_the_project_lead_marks_a_task_done_and_the_history_shows_it(page, demo, axe):
    login(page, "porteur")
    page.goto("/c/rivemont/feuille-de-route/")
    axe.check(page, "04-feuille-de-route")
    page.locator("tr:has(.status-in_progress) a").first.click()
    title = page.locator("h1").inner_text()
    axe.check(page, "05-tache")
    page.get_by_role("link", name="Modifier").click()
    axe.check(page, "06-tache-modifier")
    page.get_by_label("État").select_option(label="Fait")
    page.get_by_label("Preuve ou commentaire").fill("Validé en comité technique")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.locator(".message-success").inner_text() == (
        f"La tâche «\u00a0{title}\u00a0» est enregistrée.")
    rows = [[cell.inner_text() for cell in row.locator("td").all()]
            for row in page.locator(".history tbody tr").all()]
    changed = {row[3]: row for row in rows if row[1] == "Camille Berthelot"}
    assert changed["état"][2:] == ["modification", "état", "En cours", "Fait"]
    assert changed["preuve ou commentaire"][4:] == ["—", "Validé en comité technique"]


def test_a_project_lead_of_another_cite_finds_nothing_there(page, demo, axe):
    login(page, "porteur2")
    assert "Rivemont" not in page.locator("main").inner_text()
    response = page.goto("/c/rivemont/feuille-de-route/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page introuvable"
    axe.check(page, "07-introuvable")


def test_the_interface_switches_to_english_and_back(page, demo, axe):
    login(page, "directeur")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".who").inner_text() == "Olivier Maréchal — Director"
    assert page.locator("main h2").first.inner_text().startswith("Today, ")
    axe.check(page, "08-home-english")
    page.get_by_role("button", name="Français").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "fr"


def test_every_demo_page_of_the_vigilance_and_settings_screens_is_accessible(page, demo, axe):
    login(page, "porteur")
    for path, name in (("/c/rivemont/feuille-de-route/vigilance/", "09-vigilance"),
                       ("/c/rivemont/parametres/", "10-parametres"),
                       ("/compte/mot-de-passe/", "11-mot-de-passe")):
        page.goto(path)
        axe.check(page, name)
    page.goto("/c/rivemont/feuille-de-route/vigilance/")
    page.locator(".card a").first.click()
    axe.check(page, "12-vigilance-modifier")
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/compte/connexion/")
    axe.check(page, "13-connexion")
