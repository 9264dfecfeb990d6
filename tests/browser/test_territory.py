"""The project lead chooses the Cité's territory from the reference, in a real browser."""

import pytest

from capacite.territory.tests.sample import load_sample
from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser


def test_the_page_says_the_reference_is_missing_without_an_administrator_s_command(
        page, transactional_db, axe):
    """Without the reference (an instance started without `make run`), the page says so in
    the reader's words: no shell command (issue 17, point 8)."""
    from django.contrib.auth import get_user_model

    from capacite.core.models import Cite, Membership, Phase, Role

    cite = Cite.objects.create(slug="rivemont", name="Cité des métiers de Rivemont",
                               phase=Phase.CONSTRUCTION)
    Membership.objects.create(user=get_user_model().objects.create_user(
        username="elu", password="demo"), cite=cite, role=Role.SPONSOR)
    login(page, "elu")
    page.goto("/c/rivemont/territoire/")
    note = page.locator("[role=note]").inner_text()
    assert "Il est livré avec capacite et se charge au démarrage de l'instance" in note
    assert "load_territories" not in note
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
        "«\u00a0CC Faucigny - Glières\u00a0» est ajouté au territoire.")
    page.get_by_label("Nom, code postal, code INSEE ou SIREN").fill("01000")
    page.get_by_role("button", name="Rechercher").click()
    axe.check(page, "32-territoire-recherche")
    page.get_by_role("button", name="Ajouter Bourg-en-Bresse").click()
    assert page.locator("p.big").inner_text() == "4 communes, 64\u202f590 habitants"
    axe.check(page, "33-territoire")
