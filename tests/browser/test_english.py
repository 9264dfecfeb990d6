"""The interface in English (issue 19): the project lead and the director switch to English
and open their home and the main pages of their menu; nothing of the French method, criteria,
publics or menu is left in the navigation and the headings."""

import re

import pytest

from tests.browser.conftest import login

pytestmark = pytest.mark.browser

MENU = ["Project and label", "Partnership", "Governance", "Territory and offer", "Team",
        "Budget", "Running the Cité", "Settings"]
PHASES = ["Phase 1 — Project emergence", "Phase 2 — Project construction",
          "Phase 3 — Implementation of the Cité des métiers",
          "Phase 4 — Operation of the Cité des métiers"]
# Tell-tale French words of the menu, the method file, the criteria, the publics and the
# dashboards (none is part of an English text; « Cité des métiers » is kept in English).
FRENCH = ["Feuille de route", "Accueil", "Partenariat", "Gouvernance", "Équipe", "Paramètres",
          "Émergence", "Mise en œuvre", "Fonctionnement", "porteur", "Identifier", "Constituer",
          "Rédiger", "Obtenir", "Défaut", "Points de vigilance", "Critères", "Conforme",
          "À compléter", "Charte", "Cahier des charges", "Scolaires", "Demandeurs d'emploi",
          "Nature du passage", "Passages par", "Sexe", "Âge", "Publics"]


def _switch_to_english(page, username: str) -> None:
    page.context.clear_cookies()
    login(page, username)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"


def _texts(page) -> dict[str, list[str]]:
    nav = page.get_by_role("navigation", name="Main navigation")
    return {
        "menu": nav.locator("summary").all_inner_texts(),
        "links": nav.get_by_role("link").all_inner_texts(),
        "h1": page.locator("h1").all_inner_texts(),
        "h2": page.locator("main h2").all_inner_texts(),
        "h3": page.locator("main h3").all_inner_texts(),
        "caption": page.locator("main caption").all_inner_texts(),
        "main links": page.locator("main table a").all_inner_texts(),
    }


FRENCH_WORDS = re.compile(r"\b(" + "|".join(map(re.escape, FRENCH)) + r")\b")


def _french_left(texts: dict[str, list[str]]) -> list[str]:
    return [f"{where}: {text!r}" for where, found in texts.items() for text in found
            if FRENCH_WORDS.search(text)]


def test_the_project_lead_and_the_director_work_in_english(page, demo):
    french_left = []

    _switch_to_english(page, "porteur")
    home = _texts(page)
    assert home["menu"] == MENU
    assert home["h1"] == ["Cité des métiers de Rivemont"]
    assert "Open watch points" in home["h2"]
    french_left += _french_left(home)

    page.goto("/c/rivemont/feuille-de-route/")
    roadmap = _texts(page)
    assert (roadmap["h1"], roadmap["h2"]) == (["Roadmap"], PHASES)
    assert roadmap["main links"][0] == "Identify and win over the political sponsor"
    french_left += _french_left(roadmap)

    page.goto("/c/rivemont/feuille-de-route/vigilance/")
    vigilance = _texts(page)
    assert vigilance["h1"] == ["Watch points"]
    assert vigilance["h3"][0] == "Missing or weak political leadership"
    french_left += _french_left(vigilance)

    page.goto("/c/rivemont/label/")
    criteria = _texts(page)
    assert criteria["h1"] == ["Label criteria"]
    assert criteria["caption"] == ["Charter", "Label specifications",
                                   "Contents of the application"]
    assert page.locator("#critere-no_appointment th").inner_text().startswith(
        "No appointment needed")
    french_left += _french_left(criteria)

    page.goto("/c/rivemont/partenaires/publics/")
    publics = _texts(page)
    assert publics["h1"] == ["Audiences served"]
    assert page.locator("main tbody tr td:first-child").all_inner_texts()[:3] == [
        "School pupils", "Students", "Young people"]
    french_left += _french_left(publics)

    _switch_to_english(page, "directeur")
    home = _texts(page)
    assert home["menu"] == MENU
    assert home["h1"] == ["Cité des métiers de Valombre"]
    assert "Operating label confirmation" in home["h2"]
    french_left += _french_left(home)

    page.goto("/c/valombre/feuille-de-route/")
    roadmap = _texts(page)
    assert (roadmap["h1"], roadmap["h2"]) == (["Roadmap"], PHASES)
    french_left += _french_left(roadmap)

    page.goto("/c/valombre/tableaux-de-bord/")
    dashboards = _texts(page)
    assert dashboards["h1"] == ["Dashboards — 2026"]
    assert dashboards["h2"][2:6] == ["Kind of visit", "Visits by site", "Visits by desk",
                                     "Audiences"]
    french_left += _french_left(dashboards)

    page.goto("/c/valombre/equipe/plannings/")
    rosters = _texts(page)
    assert rosters["h1"] == ["Rosters for the week"]
    french_left += _french_left(rosters)

    assert french_left == []
