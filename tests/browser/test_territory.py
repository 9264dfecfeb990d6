"""The project lead chooses the Cité's territory from the reference, in a real browser."""

import pytest

from capacite.territory.tests.sample import load_sample
from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser


def test_the_page_explains_how_to_load_the_reference_when_it_is_missing(page, demo, axe):
    login(page, "elu")
    page.goto("/c/rivemont/territoire/")
    assert "capacite load_territories" in page.locator("[role=note]").inner_text()
    axe.check(page, "30-territoire-sans-referentiel")


def test_the_project_lead_adds_an_epci_and_a_commune_and_reads_the_population(page, demo,
                                                                              axe):
    load_sample()
    login(page, "porteur")
    page.goto("/c/rivemont/")
    open_from_menu(page, "Territoire")
    page.wait_for_url("**/territoire/")
    axe.check(page, "31-territoire-vide")
    page.get_by_label("Nom, code postal, code INSEE ou SIREN").fill("faucigny")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("button", name="Ajouter CC Faucigny - Glières").click()
    assert page.locator(".message-success").inner_text() == (
        "« CC Faucigny - Glières » est ajouté au territoire.")
    page.get_by_label("Nom, code postal, code INSEE ou SIREN").fill("01000")
    page.get_by_role("button", name="Rechercher").click()
    axe.check(page, "32-territoire-recherche")
    page.get_by_role("button", name="Ajouter Bourg-en-Bresse").click()
    assert page.locator("p.big").inner_text() == "4 communes, 64\xa0590 habitants"
    axe.check(page, "33-territoire")
