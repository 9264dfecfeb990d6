"""The edit screens of partners and governance in a real browser, axe on every page opened:
a member's role, removals with confirmation (member, agenda item, workshop session, statute
version, partner representative), the refused removal of an organisation the team counts on,
and the publics the Cité adds."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def test_the_project_lead_edits_and_removes_with_confirmation(page, demo, axe):
    login(page, "porteur")
    page.goto("/c/rivemont/gouvernance/instances/")
    page.get_by_role("link", name="Comité de pilotage", exact=True).click()
    body_url = page.url
    page.get_by_role("link", name="Modifier le rôle ou la personne (France Travail — agence "
                                  "de Rivemont)").click()
    assert page.locator("h1").inner_text() == (
        "France Travail — agence de Rivemont au sein de «\u00a0Comité de pilotage\u00a0»")
    axe.check(page, "gov-edit-01-membre")
    page.get_by_label("Rôle dans l'instance").fill("Directrice territoriale")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(body_url)
    members = page.locator("#members ~ :is(table, .table-frame)").first  # framed on phones
    assert "Directrice territoriale" in members.inner_text()

    page.get_by_role("link", name="Retirer Département de la Rive").click()
    axe.check(page, "gov-edit-02-retirer-membre")
    page.get_by_role("button", name="Retirer ce membre").click()
    page.wait_for_url(body_url)
    assert ("«\u00a0Département de la Rive\u00a0» ne siège plus dans cette instance."
            in page.locator(".message-success").inner_text())
    assert "Anciens membres\u00a0: Département de la Rive" in page.locator("main").inner_text()

    page.locator("section[aria-labelledby=meetings] a").first.click()  # the upcoming one
    meeting_url = page.url
    page.get_by_role("link", name="Retirer « Calendrier vers le comité national de "
                                  "labellisation »").click()
    axe.check(page, "gov-edit-03-retirer-point")
    page.get_by_role("button", name="Retirer ce point").click()
    page.wait_for_url(meeting_url)
    assert "Calendrier vers le comité national" not in page.locator("table.agenda").inner_text()

    page.goto("/c/rivemont/gouvernance/ateliers/")
    page.locator("main").get_by_role(
        "link", name="Offre de service et pôles de conseil").first.click()
    page.wait_for_load_state()
    sessions = page.locator("#sessions ~ ul li").count()
    page.get_by_role("link", name="Supprimer la séance du").first.click()
    axe.check(page, "gov-edit-04-supprimer-seance")
    page.get_by_role("button", name="Supprimer la séance").click()
    expect(page.locator("#sessions ~ ul li")).to_have_count(sessions - 1)

    page.goto("/c/rivemont/gouvernance/structure-juridique/")
    page.get_by_role("link", name="Supprimer la version v1").click()
    axe.check(page, "gov-edit-05-supprimer-statuts")
    page.get_by_role("button", name="Supprimer cette version").click()
    assert page.locator(".message-success").inner_text() == (
        "La version v1 des statuts est supprimée.")

    page.goto("/c/rivemont/partenaires/publics/")
    axe.check(page, "partners-edit-01-publics")
    page.get_by_label("Intitulé du public").fill("Personnes sous main de justice")
    page.get_by_role("button", name="Ajouter le public").click()
    assert "Personnes sous main de justice" in page.locator("table").inner_text()
    page.get_by_label("Intitulé du public").fill("Seniors")
    page.get_by_role("button", name="Ajouter le public").click()
    assert "Le public «\u00a0Seniors\u00a0» existe déjà dans la liste." in page.locator(
        "main").inner_text()
    axe.check(page, "partners-edit-02-publics-erreur")

    page.goto("/c/rivemont/partenaires/")
    page.locator("table.organisations").get_by_role(
        "link", name="Mission locale du Pays de Rivemont").click()
    organisation_url = page.url
    page.get_by_role("link", name="détacher Nadia Keraudren").click()
    axe.check(page, "partners-edit-03-detacher")
    page.get_by_role("button", name="Détacher le représentant").click()
    page.wait_for_url(organisation_url)
    assert "Nadia Keraudren ne représente plus" in page.locator(".message-success").inner_text()

    # The other removals and the proposal form: each page opened, checked and photographed.
    from django_scopes import scope

    from capacite.core.models import Cite
    from capacite.governance.models import Meeting, ValidationStep, WorkshopProposal
    from capacite.partners.models import Commitment, Contribution, Interaction, Organisation
    from capacite.staffing.models import StaffMember

    rivemont = Cite.objects.get(slug="rivemont")
    with scope(cite=rivemont):
        ids = {
            "meeting": Meeting.objects.order_by("starts_at").first().pk,
            "step": ValidationStep.objects.first().pk,
            "proposal": WorkshopProposal.objects.first().pk,
            "interaction": Interaction.objects.first().pk,
            "commitment": Commitment.objects.first().pk,
            "contribution": Contribution.objects.first().pk,
            # Rivemont's demo has no team yet: one seconded person makes the refusal.
            "seconding": StaffMember.objects.create(
                cite=rivemont, name="Inès Morvan", weekly_hours=10,
                partner=Organisation.objects.order_by("name").first()).partner_id,
        }
    g, p = "/c/rivemont/gouvernance", "/c/rivemont/partenaires"
    for path, name, heading in (
            (f"{g}/reunions/{ids['meeting']}/modifier/", "gov-edit-06-reunion",
             "Supprimer cette réunion"),
            (f"{g}/reunions/{ids['meeting']}/supprimer/", "gov-edit-07-supprimer-reunion", ""),
            (f"{g}/structure-juridique/validations/{ids['step']}/supprimer/",
             "gov-edit-08-supprimer-deliberation", ""),
            (f"{g}/ateliers/propositions/{ids['proposal']}/", "gov-edit-09-proposition",
             "Supprimer cette proposition"),
            (f"{g}/ateliers/propositions/{ids['proposal']}/supprimer/",
             "gov-edit-10-supprimer-proposition", ""),
            (f"{p}/echanges/{ids['interaction']}/supprimer/", "partners-edit-04-echange", ""),
            (f"{p}/engagements/{ids['commitment']}/supprimer/", "partners-edit-05-engagement",
             ""),
            (f"{p}/contributions/{ids['contribution']}/supprimer/",
             "partners-edit-06-contribution", ""),
            (f"{p}/{ids['seconding']}/supprimer/", "partners-edit-08-organisation-retenue",
             "Cette organisation détache 1 personne dans l'équipe (Inès Morvan)"),
            (f"{p}/alertes/", "partners-edit-07-alertes", "Absents des 3 dernières réunions")):
        page.goto(path)
        if heading:
            assert heading in page.locator("main").inner_text(), path
        else:
            assert page.locator("h1").inner_text().startswith("Supprimer"), path
        axe.check(page, name)
