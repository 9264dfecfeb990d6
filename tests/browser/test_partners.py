"""The partnership map in a real browser, axe run on every page opened."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.browser

BAD_FILE = (
    "Nom;Type;Champs;Position;Date de la position\r\n"
    "Maison de l'emploi de Rivemont;Opérateur;Emploi;Allié;31/13/2027\r\n"
    "Club d'entreprises;Acteur économique;Cuisine;;\r\n"
).encode("cp1252")


def test_the_project_lead_reads_the_map_records_a_position_and_sees_import_errors(
        page, demo, axe):
    login(page, "porteur")
    page.goto("/c/rivemont/partenaires/")
    assert page.locator("h1").inner_text() == "Organisations"
    assert page.locator("table.organisations tbody tr").count() == 21
    axe.check(page, "partners-01-liste")

    page.get_by_role("navigation", name="Partenariat").get_by_role(
        "link", name="Couverture", exact=True).click()
    page.wait_for_url("**/partenaires/couverture/")
    assert page.locator("table.coverage th[scope=row]").count() == 5
    assert page.locator("td.gap").count() >= 1
    axe.check(page, "partners-02-couverture")

    page.get_by_role("link", name="Positions dans le temps").click()
    page.wait_for_url("**/partenaires/positions/")
    assert page.locator("svg[role=img] title").text_content().startswith(
        "Alliés, hésitants et refus de ")
    axe.check(page, "partners-03-positions")

    page.get_by_role("link", name="Organisations").first.click()
    page.locator("table.organisations").get_by_role("link", name="Département de la Rive").click()
    axe.check(page, "partners-04-organisation")
    page.get_by_role("link", name="Ajouter une position").click()
    axe.check(page, "partners-05-nouvelle-position")
    page.get_by_label("Position (obligatoire)").select_option(label="Allié")
    page.get_by_label("Raison", exact=True).fill("Vote du budget supplémentaire")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.locator(".message-success").inner_text() == (
        "La position de «\u00a0Département de la Rive\u00a0» est enregistrée.")
    first = page.locator("section[aria-labelledby=positions] tbody tr").first
    assert "Vote du budget supplémentaire" in first.inner_text()
    assert "Camille Berthelot" in first.inner_text()

    page.get_by_role("link", name="Importer").click()
    page.get_by_label("Fichier CSV ou XLSX (obligatoire)").set_input_files(
        {"name": "partenaires.csv", "mimeType": "text/csv", "buffer": BAD_FILE})
    page.get_by_role("button", name="Importer").click()
    expect(page.locator(".import-errors li").first).to_be_visible()
    errors = page.locator(".import-errors li").all_inner_texts()
    assert errors == [
        "Ligne 2, colonne «\u00a0Date de la position\u00a0»\u00a0: «\u00a031/13/2027\u00a0» n'est "
        "pas une date au format jj/mm/aaaa.",
        "Ligne 3, colonne «\u00a0Champs\u00a0»\u00a0: «\u00a0Cuisine\u00a0» n'est pas une valeur "
        "connue (valeurs possibles\u00a0: Orientation, Formation initiale, Formation continue, "
        "Emploi, Création d'activité).",
    ]
    axe.check(page, "partners-06-import-erreurs")
