"""The label review end to end: `porteur` submits, `autorite` decides a label projet with a
reserve, `porteur` asks to lift it with evidence, `autorite` lifts it; `porteur2` (Valombre's
project lead) never sees any of it. Axe checks every page; the letter PDF is kept as an artifact.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite, Phase
from capacite.jobs.models import Job
from capacite.review.models import CommitteeSession, LabelDecision, Reserve, Submission
from tests.browser.conftest import ARTIFACTS, login, open_from_menu

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n% dossier de Rivemont\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def switch_to(page, username: str) -> None:
    page.context.clear_cookies()
    login(page, username)


def test_submit_decide_lift_and_nobody_else_sees_it(page, demo, axe, tmp_path):
    rivemont = Cite.objects.get(slug="rivemont")
    with scope(cite=rivemont):
        job = Job(cite=rivemont, kind="dossier", params={"kind": "label_projet", "format": "pdf"},
                  status=Job.Status.DONE, progress=100, result_name="dossier-label-projet.pdf",
                  finished_at=datetime(2027, 3, 1, 10, 30, tzinfo=ZoneInfo("Europe/Paris")))
        job.result_file.save("dossier.pdf", ContentFile(PDF), save=False)
        job.save()

    # porteur submits the generated dossier.
    login(page, "porteur")
    page.goto("/c/rivemont/")
    assert "Pas encore de label." in page.locator("main").inner_text()
    open_from_menu(page, "Examen du label")
    page.wait_for_url("**/c/rivemont/examen-label/")
    axe.check(page, "review-01-cite")
    page.get_by_label("Dossier généré à déposer").select_option(
        label="Dossier de demande de label projet (PDF), généré le 01/03/2027 à 10:30")
    page.get_by_label("Message à l'autorité de label").fill("Validé par le COPIL du 12 février.")
    page.get_by_role("button", name="Déposer auprès de l'autorité de label").click()
    assert page.locator(".message-success").inner_text() == (
        "Le dossier est déposé auprès de l'autorité de label (version 1). "
        "Il ne peut plus être modifié.")
    assert page.locator("h1").inner_text() == "Dossier de demande de label projet, version 1"
    axe.check(page, "review-02-depot")
    with scopes_disabled():
        submission = Submission.objects.get(cite=rivemont)
    assert submission.sha256 in page.locator("main").inner_text()

    # autorite puts it on the next session's agenda and records a label projet with a reserve.
    switch_to(page, "autorite")
    page.get_by_role("link", name="Dossiers à examiner").click()
    page.wait_for_url("**/autorite/")
    row = page.locator("tr", has_text="Cité des métiers de Rivemont")
    assert "à inscrire" in row.inner_text()
    axe.check(page, "review-03-file-autorite")
    page.get_by_role("link", name="Séances du comité de label").click()
    axe.check(page, "review-04-seances")
    upcoming = CommitteeSession.objects.get(held_on__gt=timezone.localdate())
    page.get_by_role("link", name=str(upcoming)).click()
    page.get_by_label("Dossier à inscrire").select_option(
        label="Cité des métiers de Rivemont — Dossier de demande de label projet, version 1")
    page.get_by_role("button", name="Inscrire à l'ordre du jour").click()
    assert page.locator(".message-success").inner_text() == \
        "Le dossier est inscrit à l'ordre du jour."
    axe.check(page, "review-05-seance")
    page.locator("tr", has_text="Cité des métiers de Rivemont").get_by_role(
        "link", name="Enregistrer la décision").click()
    page.get_by_role("combobox", name="Décision").select_option(label="Label projet")
    page.get_by_label("Recommandations").fill("Associer la chambre de métiers au comité "
                                                 "technique.")
    page.get_by_label("Destinataire de la lettre").fill(
        "Monsieur le Président de la Communauté d'agglomération de Rivemont")
    page.get_by_label("Signataire").fill("Hélène Vautrin, pour le comité de labellisation")
    page.get_by_label("Réserves").fill("Transmettre la lettre d'engagement signée de la Région.")
    axe.check(page, "review-06-decision-form")
    page.get_by_role("button", name="Enregistrer la décision").click()
    assert page.locator("h1").inner_text() == "Décision\u00a0: Label projet"
    axe.check(page, "review-07-decision")
    assert Cite.objects.get(pk=rivemont.pk).phase == Phase.IMPLEMENTATION
    letter = page.request.get(page.get_by_role("link", name="Lettre de décision (PDF)")
                              .get_attribute("href"))
    assert letter.headers["content-type"] == "application/pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "review-lettre-decision.pdf").write_bytes(letter.body())

    # porteur sees the label under reserve on the home page and asks for lifting.
    switch_to(page, "porteur")
    page.goto("/c/rivemont/")
    main = page.locator("main").inner_text()
    assert "Label projet sous réserves\u00a0: il sera effectif quand elles seront levées." in main
    assert "1 réserve à lever\u00a0:" in main
    axe.check(page, "review-08-accueil-reserve")
    page.get_by_role("link", name="Transmettre la lettre d'engagement signée de la Région.").click()
    evidence = tmp_path / "lettre-region.pdf"
    evidence.write_bytes(b"%PDF-1.4 lettre de la Region")
    page.get_by_label("Ce que la Cité a fait pour lever la réserve").fill(
        "La lettre signée par le Président de Région le 4 avril est jointe.")
    page.get_by_label("Pièce justificative").set_input_files(str(evidence))
    axe.check(page, "review-09-reserve-demande")
    page.get_by_role("button", name="Demander la levée").click()
    assert page.locator(".message-success").inner_text() == \
        "La demande de levée est envoyée à l'autorité de label."
    assert "Levée demandée" in page.locator("h1").inner_text()

    # autorite lifts it.
    switch_to(page, "autorite")
    page.goto("/autorite/")
    page.locator("tr", has_text="Cité des métiers de Rivemont").get_by_role(
        "link", name="Transmettre la lettre d'engagement signée de la Région.").click()
    assert "lettre-region.pdf" in page.locator("main").inner_text()
    page.get_by_label("Réponse").select_option(label="Lever la réserve")
    page.get_by_label("Commentaire pour la Cité").fill("Lettre reçue, merci.")
    axe.check(page, "review-10-reserve-statuer")
    page.get_by_role("button", name="Enregistrer la réponse").click()
    assert page.locator(".message-success").inner_text() == "La réserve est levée."

    # porteur sees it lifted and the label effective.
    switch_to(page, "porteur")
    with scopes_disabled():
        reserve = Reserve.objects.get(cite=rivemont)
        decision = LabelDecision.objects.get(cite=rivemont)
    page.goto(f"/c/rivemont/examen-label/reserves/{reserve.pk}/")
    assert re.fullmatch(r"Réserve Levée le \d\d/\d\d/\d{4}", page.locator("h1").inner_text())
    assert "Lettre reçue, merci." in page.locator("main").inner_text()
    axe.check(page, "review-11-reserve-levee")
    page.goto("/c/rivemont/")
    assert "Label projet effectif\u00a0: toutes les réserves sont levées." in \
        page.locator("main").inner_text()

    # porteur2 (Valombre) finds none of it, nor the authority's pages.
    switch_to(page, "porteur2")
    for url in ("/c/rivemont/examen-label/",
                f"/c/rivemont/examen-label/depots/{submission.pk}/",
                f"/c/rivemont/examen-label/depots/{submission.pk}/fichier/",
                f"/c/rivemont/examen-label/decisions/{decision.pk}/",
                f"/c/rivemont/examen-label/decisions/{decision.pk}/lettre.pdf",
                f"/c/rivemont/examen-label/reserves/{reserve.pk}/",
                f"/c/rivemont/examen-label/reserves/{reserve.pk}/justificatif/",
                f"/c/valombre/examen-label/depots/{submission.pk}/",
                f"/c/valombre/examen-label/decisions/{decision.pk}/",
                f"/c/valombre/examen-label/reserves/{reserve.pk}/"):
        assert page.request.get(url).status == 404, url
    assert page.request.get("/autorite/").status == 403
    page.goto("/c/valombre/examen-label/")
    own = page.locator("main").inner_text()
    assert "Rivemont" not in own and "lettre d'engagement signée de la Région" not in own
    axe.check(page, "review-12-valombre")
