"""The project lead imports diagnosis indicators (refused, corrected, imported), then goes
through the diagnosis, the existing offer map and the premises of the demo Cité, in a browser."""

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from capacite.core.models import Cite
from capacite.diagnosis.models import Indicator
from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser

HEADER = "Thème;Indicateur;Valeur;Unité;Territoire;Date;Source\r\n"
BAD = HEADER + (
    "Emploi;Demandeurs d'emploi de catégorie B et C;3 120;personnes;Rivemont;30/09/2026;"
    "France Travail\r\n"
    "Publics;Allocataires du RSA;2 480;foyers;Rivemont;31/12/2025;CAF\r\n"
    "Économie;Emplois salariés privés;41 200;emplois;;31/12/2025;URSSAF\r\n"
    "Économie;Offres d'emploi déposées;5 300;nombre;;2026/09/30;France Travail\r\n"
)
GOOD = BAD.replace(";foyers;", ";personnes;").replace("2026/09/30", "30/09/2026")


def H1(page):  # noqa: N802 - reads as the element it finds
    return page.get_by_role("heading", level=1)


def csv_file(text: str) -> dict:
    return {"name": "indicateurs.csv", "mimeType": "text/csv", "buffer": text.encode("cp1252")}


def test_the_project_lead_imports_indicators_and_reads_the_diagnosis_and_premises(page, demo,
                                                                                 axe):
    rivemont = Cite.objects.get(slug="rivemont")
    with scope(cite=rivemont):
        before = Indicator.objects.count()
    login(page, "porteur")
    page.goto("/c/rivemont/")
    open_from_menu(page, "Diagnostic")
    expect(page.locator("#theme-employment").get_by_role(
        "link", name="Taux de chômage", exact=True)).to_have_count(1)
    axe.check(page, "40-diagnostic")

    page.get_by_role("link", name="Importer un fichier").click()
    expect(H1(page)).to_have_text("Importer des indicateurs")
    axe.check(page, "41-diagnostic-import")
    page.get_by_label("Fichier CSV ou XLSX").set_input_files(csv_file(BAD))
    page.get_by_role("button", name="Importer").click()
    errors = page.locator(".import-errors")
    assert errors.locator("h2").inner_text() == "2 erreurs\u00a0: rien n'a été importé."
    assert errors.locator("li").all_inner_texts() == [
        "Ligne 3, colonne «\u00a0Unité\u00a0»\u00a0: «\u00a0foyers\u00a0» n'est pas une valeur "
        "connue (valeurs possibles\u00a0: nombre, %, €, personnes, habitants, emplois, "
        "établissements, places de formation, ans).",
        "Ligne 5, colonne «\u00a0Date\u00a0»\u00a0: «\u00a02026/09/30\u00a0» n'est pas une date au "
        "format jj/mm/aaaa.",
    ]
    axe.check(page, "42-diagnostic-import-erreurs")
    with scope(cite=rivemont):
        assert Indicator.objects.count() == before

    page.get_by_label("Fichier CSV ou XLSX").set_input_files(csv_file(GOOD))
    page.get_by_role("button", name="Importer").click()
    assert "4 indicateurs ajoutés." in page.locator(".message-success").inner_text()
    page.get_by_role("link", name="Voir les indicateurs").click()
    row = page.locator("#theme-publics tr", has_text="Allocataires du RSA")
    expect(row).to_be_visible()
    assert row.locator("td").all_inner_texts()[1:4] == ["2\u202f480 personnes", "Rivemont",
                                                        "31/12/2025"]
    expect(page.locator("#theme-economy").get_by_role(
        "link", name="Offres d'emploi déposées")).to_have_count(1)
    with scope(cite=rivemont):
        assert Indicator.objects.count() == before + 4

    page.get_by_role("link", name="Écrire l'analyse « Emploi »").click()
    expect(H1(page)).to_have_text("Analyse « Emploi »")
    axe.check(page, "43-diagnostic-analyse")
    page.get_by_label("Analyse").fill("Six recrutements sur dix sont difficiles.")
    page.get_by_role("button", name="Enregistrer l'analyse").click()
    expect(page.locator("#theme-employment .narrative").get_by_text(
        "Six recrutements sur dix sont difficiles.")).to_have_count(1)
    page.locator("#theme-employment").get_by_role("link", name="Taux de chômage",
                                                   exact=True).click()
    expect(H1(page)).to_have_text("Modifier l'indicateur")
    axe.check(page, "44-diagnostic-indicateur")

    open_from_menu(page, "Offre existante")
    expect(page.locator("table.offer-map tbody tr")).to_have_count(8)
    axe.check(page, "45-offre-existante")
    page.get_by_role("row", name="CIO de Rivemont").get_by_role("link").click()
    expect(H1(page)).to_have_text("Offre existante : CIO de Rivemont")
    axe.check(page, "46-offre-existante-acteur")

    open_from_menu(page, "Locaux")
    assert page.locator("#programme-besoin").inner_text() == "598 m²"
    first = page.locator("table.candidates tbody tr").first
    assert "Ancienne halle aux grains" in first.inner_text()
    assert "Retenu" in first.inner_text() and "12 / 12" in first.inner_text()
    axe.check(page, "47-locaux")
    page.get_by_role("link", name="Ancienne halle aux grains").click()
    page.get_by_role("link", name="Modifier", exact=True).click()
    expect(H1(page)).to_have_text("Modifier « Ancienne halle aux grains »")
    axe.check(page, "49-local-modifier")
    page.get_by_label("Plan d'aménagement").set_input_files(
        {"name": "Plan halle.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 plan"})
    page.get_by_role("button", name="Enregistrer").click()
    assert page.locator(".message-success").inner_text() == (
        "Le local «\u00a0Ancienne halle aux grains\u00a0» est enregistré.")
    expect(page.get_by_role("link", name="Plan halle.pdf")).to_have_count(1)
    axe.check(page, "48-local-retenu")
    page.goto("/c/rivemont/locaux/")
    page.get_by_role("link", name="Zone d'activités des Prés").click()
    expect(H1(page)).to_have_text("Zone d'activités des Prés")
    axe.check(page, "50-local-bloque")
    page.goto("/c/rivemont/locaux/programme/")
    axe.check(page, "51-locaux-programme")
