"""A steering committee recorded end to end in the browser, with axe on every page opened.

Agenda → invitation → attendance and positions → minutes → a decision in the register → the
minutes PDF. Mail goes through the live server's thread, so the test checks the confirmation
and the .ics download rather than the outbox.
"""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import ARTIFACTS, login, open_from_menu

pytestmark = pytest.mark.browser


def test_the_project_lead_records_a_steering_committee_end_to_end(page, demo, axe):
    login(page, "porteur")
    page.goto("/c/rivemont/")
    assert "Gouvernance" in page.locator("main").inner_text()
    open_from_menu(page, "Instances")
    page.wait_for_url("**/gouvernance/instances/")
    axe.check(page, "gov-01-instances")
    page.get_by_role("link", name="Comité de pilotage", exact=True).click()
    axe.check(page, "gov-02-instance")

    page.get_by_role("link", name="Nouvelle réunion").click()
    axe.check(page, "gov-03-nouvelle-reunion")
    day = timezone.localdate() + timedelta(days=40)
    page.get_by_label("Date et heure").fill(f"{day.isoformat()}T14:00")
    page.get_by_label("Durée prévue (minutes)").fill("60")
    page.get_by_label("Lieu").fill("Hôtel d'agglomération")
    page.get_by_role("button", name="Enregistrer").click()
    title = f"Comité de pilotage du {day:%d/%m/%Y}"
    assert page.locator("h1").inner_text() == title

    # Two points typed at once on the meeting's page, then reordered there (issue 19, point 2).
    for line, (item, minutes) in enumerate((("Validation du budget prévisionnel", "45"),
                                            ("Projet de statuts", "30")), start=1):
        page.get_by_label(f"Intitulé (ligne {line})").fill(item)
        page.get_by_label(f"Durée (minutes) (ligne {line})").fill(minutes)
        page.get_by_label(f"Présenté par (ligne {line})").fill("Camille Berthelot")
    page.get_by_role("button", name="Ajouter ces points").click()
    assert page.locator(".message-success").inner_text() == "2 points ajoutés à l'ordre du jour."
    assert page.locator("[role=alert]").inner_text() == (
        "Les points durent 75 minutes pour une réunion prévue de 60 minutes\u00a0: l'ordre du jour "
        "dépasse de 15 minutes.")
    page.get_by_role("button", name="Monter « Projet de statuts »").click()
    expect(page.locator("table.agenda tbody tr td:nth-child(2)")).to_have_text(
        ["Projet de statuts", "Validation du budget prévisionnel"])
    axe.check(page, "gov-04-reunion")
    meeting_url = page.url.split("#")[0]

    page.get_by_role("link", name="Envoyer l'ordre du jour et l'invitation").click()
    axe.check(page, "gov-05-envoyer")
    page.get_by_role("button", name="Envoyer maintenant").click()
    sent = page.locator(".message-success").inner_text()
    assert re.fullmatch(r"L'ordre du jour et l'invitation ont été envoyés à \d+ destinataires\.",
                        sent), sent
    ics = page.request.get(meeting_url + "invitation.ics")
    assert ics.headers["content-type"] == "text/calendar; method=REQUEST; charset=utf-8"
    body = ics.text().replace("\r\n ", "")
    assert "METHOD:REQUEST" in body and f"SUMMARY:{title}" in body
    assert f"DTSTART;TZID=Europe/Paris:{day:%Y%m%d}T140000" in body

    page.get_by_role("link", name="Séance : présences, positions, compte rendu, décisions").click()
    axe.check(page, "gov-06-seance")
    # The minutes first, then the attendance: one save keeps both (issue 13, point 3).
    minutes = "Le budget de fonctionnement est approuvé, sous réserve du tour de table."
    page.get_by_label("2. Validation du budget prévisionnel").fill(minutes)
    attendance = page.locator("select[name^='presence-attendance_']")
    attendance.nth(0).select_option(label="Présent")
    attendance.nth(1).select_option(label="Absent")
    page.locator("select[name^='presence-stance_']").nth(0).select_option(label="Allié")
    page.locator("input[name^='presence-reason_']").nth(0).fill("Convaincue par le budget")
    page.get_by_role("button", name="Enregistrer la séance").click()
    expect(page.locator(".message-success")).to_have_count(2)
    assert page.locator(".message-success").all_inner_texts() == [
        "Présences enregistrées\u202f; 1 position ajoutée à l'historique des partenaires.",
        "Compte rendu enregistré (1 point modifié)."]
    assert attendance.nth(0).input_value() == "present"
    assert page.get_by_label("2. Validation du budget prévisionnel").input_value() == minutes

    decision = "Le comité valide le budget prévisionnel de fonctionnement."
    page.locator("#id_decision-title").fill(decision)
    page.locator("#id_decision-validates").fill("Budget prévisionnel")
    page.get_by_role("button", name="Enregistrer la séance").click()
    recorded = f"La décision «\u00a0{decision}\u00a0» est inscrite au registre."
    expect(page.get_by_text(recorded)).to_be_visible()
    assert page.locator(".message-success").all_inner_texts() == [
        "Présences enregistrées\u202f; 0 position ajoutée à l'historique des partenaires.",
        recorded]
    axe.check(page, "gov-07-seance-remplie")

    open_from_menu(page, "Réunions et décisions")
    axe.check(page, "gov-08-reunions")
    page.get_by_role("link", name="Registre des décisions").first.click()
    assert page.locator("tbody tr").first.locator("td").nth(2).inner_text() == decision
    axe.check(page, "gov-09-registre")

    pdf = page.request.get(meeting_url + "compte-rendu.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    agenda = page.request.get(meeting_url + "ordre-du-jour.pdf")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "gov-compte-rendu.pdf").write_bytes(pdf.body())
    (ARTIFACTS / "gov-ordre-du-jour.pdf").write_bytes(agenda.body())
    minutes_text, agenda_text = (" ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(doc.body())).pages).split()) for doc in (pdf, agenda))
    assert decision in minutes_text and "sous réserve du tour de table" in minutes_text
    assert "Validation du budget prévisionnel" in agenda_text
    assert decision not in agenda_text and "sous réserve" not in agenda_text  # separable


def test_the_workshops_and_legal_structure_pages_are_accessible(page, demo, axe):
    login(page, "porteur")
    for path, name in (("/c/rivemont/", "gov-10-accueil"),
                       ("/c/rivemont/gouvernance/ateliers/", "gov-11-ateliers"),
                       ("/c/rivemont/gouvernance/structure-juridique/", "gov-12-structure")):
        page.goto(path)
        axe.check(page, name)
    page.goto("/c/rivemont/gouvernance/ateliers/")
    page.locator("tbody a").first.click()
    axe.check(page, "gov-13-atelier")
    assert "GIP" in page.goto("/c/rivemont/gouvernance/structure-juridique/").text()
