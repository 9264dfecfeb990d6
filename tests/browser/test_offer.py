"""The project lead defines the pôles and the main site's week, in a real browser."""

import pytest
from django.contrib.auth import get_user_model
from django_scopes import scope

from capacite.core.models import Cite, Membership, Phase, Role
from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser


@pytest.fixture
def new_cite(transactional_db):
    cite = Cite.objects.create(slug="orvanne", name="Cité des métiers d'Orvanne",
                               phase=Phase.CONSTRUCTION)
    user = get_user_model().objects.create_user("porteur", password="demo",
                                                first_name="Camille", last_name="Berthelot")
    Membership.objects.create(user=user, cite=cite, role=Role.PROJECT_LEAD)
    return cite


def test_the_project_lead_defines_five_poles_and_the_week_and_reads_the_hours(page, new_cite,
                                                                              axe):
    login(page, "porteur")
    page.goto("/c/orvanne/offre/poles/")
    axe.check(page, "20-poles-vide")
    for name in ("Choisir son orientation", "Trouver un emploi",
                 "Construire son parcours de formation", "Changer sa vie professionnelle",
                 "Créer son activité"):
        page.get_by_label("Nom").fill(name)
        page.get_by_role("button", name="Créer le pôle").click()
        assert (page.locator(".message-success").inner_text()
                == f"Le pôle «\u00a0{name}\u00a0» est créé.")
    assert page.locator("table.tasks tbody tr").count() == 5
    assert page.locator(".message-error").count() == 0
    axe.check(page, "21-poles")

    open_from_menu(page, "Sites et horaires")
    page.get_by_label("Nom").fill("Site de la place de la Halle")
    page.get_by_role("group", name="Pôles offerts").get_by_label("Trouver un emploi").check()
    page.get_by_role("button", name="Créer le site").click()
    page.get_by_label("Mardi").fill("10:00-18:00")
    page.get_by_label("Mercredi").fill("10:00-18:00")
    page.get_by_label("Jeudi").fill("10:00-13:00, 14:00-20:00")
    page.get_by_label("Vendredi").fill("10:00-18:00")
    page.get_by_label("Samedi").fill("10:00-17:00")
    page.get_by_role("button", name="Enregistrer la semaine").click()
    assert page.locator("#heures-semaine").inner_text() == "40 h"
    assert ("Un site Cité des métiers offre au moins 3 pôles de conseil\u202f; celui-ci en "
            "offre 1.") in page.locator(".message-error").inner_text()
    axe.check(page, "22-site")
    with scope(cite=new_cite):
        assert new_cite.poles.count() == 5
