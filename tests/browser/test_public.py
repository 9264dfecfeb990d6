"""A visitor without an account uses the public pages; the teams run the programme behind them.

The visitor finds the next event, adds it to a calendar (the downloaded .ics parses and names the
event at its time), searches the catalogue, and leaves no cookie behind. The project lead of the
Cité under construction publishes its pages, and the visitor reads the hours per week there.
"""

from pathlib import Path

import icalendar
import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from capacite.core.models import Cite
from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser


def test_a_visitor_finds_the_next_event_adds_it_to_a_calendar_and_searches_the_catalogue(
        page, demo, axe, tmp_path):
    from capacite.events.services import public_events

    with scope(cite=Cite.objects.get(slug="valombre")):
        coming = public_events()
        expected = next(e for e in coming if e.starts_at >= timezone.now())

    page.goto("/public/valombre/")
    axe.check(page, "40-public-accueil")
    assert page.locator("h1").inner_text() == "Cité des métiers de Valombre"
    assert page.locator("#poles + ul li").count() == 5
    first = page.locator("li.next-event").first.inner_text()
    assert first.startswith(coming[0].title)

    page.get_by_role("link", name="Tout l'agenda").click()
    page.wait_for_url("**/public/valombre/agenda/")
    assert page.locator("li.card.event").count() == len(coming)
    axe.check(page, "41-public-agenda")
    card = page.locator(f"#evenement-{expected.pk}")
    with page.expect_download() as info:
        card.get_by_role("link", name=f"Ajouter « {expected.title} » à mon agenda (.ics)").click()
    saved = Path(tmp_path / "evenement.ics")
    info.value.save_as(saved)
    (event,) = icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == expected.title
    assert event.decoded("dtstart") == expected.starts_at
    assert str(event["uid"]) == f"{expected.uid}@capacite"

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Documentation").click()
    page.get_by_label("Rechercher un document, un métier, un thème").fill("métiers bâtiment")
    page.get_by_role("button", name="Rechercher").click()
    assert page.locator("#resultats").inner_text() == "1 ressource trouvée"
    assert page.locator(".card.resource h2").inner_text() == (
        "Les métiers du bâtiment et des travaux publics")
    axe.check(page, "42-public-documentation")
    assert page.context.cookies() == []


def test_the_project_lead_publishes_the_pages_and_a_visitor_reads_the_hours(page, demo, axe,
                                                                          chromium, live_server):
    login(page, "porteur")
    page.goto("/c/rivemont/")
    open_from_menu(page, "Pages publiques")
    assert page.locator(".message").first.inner_text() == (
        "Non publiées\u00a0: l'adresse publique répond «\u00a0page introuvable\u00a0».")
    axe.check(page, "43-pages-publiques-reglage")
    page.get_by_label("Publier les pages publiques").check()
    page.get_by_role("button", name="Enregistrer").click()
    assert page.locator(".message-success").first.inner_text() == (
        "Les pages publiques sont publiées.")

    visitor = chromium.new_context(base_url=live_server.url, locale="fr-FR")
    public = visitor.new_page()
    public.goto("/public/rivemont/")
    # The demo's main site: 35 hours, the week its budget counts (offer/demo.py, issue 17).
    assert public.locator("table caption").first.inner_text() == (
        "Horaires d'une semaine ordinaire (35 h)")
    assert public.locator("li.next-event").count() == 0  # only proposed events so far
    visitor.close()


def test_the_team_screens_of_the_programme(page, demo, axe):
    login(page, "directeur")
    page.goto("/c/valombre/")
    open_from_menu(page, "Documentation")
    assert page.locator("#resultats").inner_text() == "59 ressources sur 59"
    axe.check(page, "44-documentation")
    page.get_by_label("Mots").fill("batiment")
    page.get_by_label("Prêt").select_option(label="Empruntables")
    page.get_by_role("button", name="Rechercher").click()
    assert page.locator("#resultats").inner_text() == "1 ressource sur 59"
    page.get_by_role("link", name="Les métiers du bâtiment et des travaux publics").click()
    axe.check(page, "45-ressource")
    page.get_by_role("link", name="Retirer cette ressource du catalogue").click()
    axe.check(page, "46-confirmer-suppression")
    page.get_by_role("link", name="Annuler").click()
    page.get_by_role("link", name="Catalogue de documentation").click()
    page.get_by_role("link", name="Thèmes du classement").click()
    expect(page.locator("table.tasks tbody tr")).to_have_count(8)
    axe.check(page, "47-themes")

    open_from_menu(page, "Événements")
    axe.check(page, "48-evenements")
    page.get_by_role("link", name="Proposer un événement").click()
    axe.check(page, "49-evenement-nouveau")
    page.get_by_label("Titre").fill("Forum des métiers de la mer")
    page.get_by_label("Début").fill("2031-05-20T09:00")
    page.get_by_label("Fin").fill("2031-05-20T12:00")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.locator(".message-success").inner_text() == (
        "L'événement «\u00a0Forum des métiers de la mer\u00a0» est enregistré.")

    open_from_menu(page, "Communication")
    assert page.locator("#total-budget").inner_text() == "9\u202f120\u00a0€"
    axe.check(page, "50-communication")
    page.get_by_role("link", name="Ajouter une action").click()
    axe.check(page, "51-communication-action")
