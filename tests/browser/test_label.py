"""The project lead reads the label's checklist, rewrites a part of the dossier and generates
the label projet dossier through the job page, in a real browser."""

import pytest
from django_scopes import scope

from capacite.core.models import Cite
from tests.browser.conftest import login, open_from_menu, see_job_finish

pytestmark = pytest.mark.browser


def test_the_project_lead_generates_the_label_projet_dossier_through_the_job_page(page, demo,
                                                                                   axe):
    from capacite.jobs.models import Job

    login(page, "porteur")
    page.goto("/c/rivemont/")
    panel = page.get_by_role("region", name="Critères du label")
    assert "0 non conforme" in panel.inner_text()  # French: 0 takes the singular
    axe.check(page, "70-accueil-label")

    panel.get_by_role("link", name="Voir tous les critères et les preuves").click()
    row = page.locator("#critere-poles")
    assert "Conforme" in row.inner_text() and "5 pôles de conseil" in row.inner_text()
    budget = page.locator("#critere-budget")
    # 40,000 € a year is still « Piste »: the budget balances only with unsecured money
    # (issue 17, point 4), so the criterion asks for it to be secured.
    assert "À compléter" in budget.inner_text()
    assert "40 000 € à sécuriser." in " ".join(budget.inner_text().split())
    events = page.locator("#critere-events").inner_text()
    assert "À compléter" in events and "3 événements proposés" in events
    axe.check(page, "71-criteres-label")

    open_from_menu(page, "Dossiers du label")
    page.get_by_role("link",
                     name="Modifier : Les étapes vers le label fonctionnement").first.click()
    page.get_by_label("Texte").fill("Vote des statuts en mars, ouverture en septembre.")
    page.get_by_role("button", name="Enregistrer").click()
    assert "«\u00a0Les étapes vers le label fonctionnement\u00a0» est enregistré." in page.locator(
        ".message-success").first.inner_text()  # the pre-flight's own notes follow it
    assert "Vote des statuts en mars, ouverture en septembre." in page.content()
    axe.check(page, "72-dossiers-label")

    page.get_by_label("Dossier", exact=True).select_option("label_projet")
    page.get_by_label("Format").select_option("pdf")
    page.get_by_role("button", name="Générer le dossier").click()
    page.wait_for_url("**/travaux/*/")
    see_job_finish(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger dossier-label-projet-rivemont-").click()
    assert download.value.suggested_filename.endswith(".pdf")
    axe.check(page, "73-travail-dossier")

    rivemont = Cite.objects.get(slug="rivemont")
    with scope(cite=rivemont):
        job = Job.objects.get(kind="dossier")
    assert job.result_data["pages"] >= 15
    page.get_by_role("link", name="Revenir à la page d'origine").click()
    generations = page.get_by_role("table").first.inner_text()
    assert "Dossier de demande de label projet" in generations
    assert f"{job.result_data['pages']} pages" in generations


def test_a_lead_of_another_cite_cannot_open_rivemonts_label_pages(page, demo):
    login(page, "porteur2")
    for path in ("/c/rivemont/label/", "/c/rivemont/label/dossier/"):
        response = page.goto(path)
        assert response.status in (403, 404)
