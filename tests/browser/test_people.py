"""From a fresh instance, no demo: the label authority opens a Cité and people join it by
invitation, each landing on their own home; links that are spent or too old are refused."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login, open_from_menu

pytestmark = pytest.mark.browser
PASSWORD = "Une-phrase-assez-longue-42"


def last_link() -> str:
    """The invitation link of the last e-mail sent, as a path."""
    line = next(line for line in mail.outbox[-1].body.splitlines() if "/invitation/" in line)
    return "/invitation/" + line.split("/invitation/", 1)[1]


def sign_out(page) -> None:
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/compte/connexion/")


def accept(page, link: str, first: str, last: str) -> None:
    page.goto(link)
    page.get_by_label("Prénom").fill(first)
    page.locator("#id_last_name").fill(last)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte et accepter").click()
    page.wait_for_url("**/c/bresse/")


def invite(page, email: str, role: str) -> None:
    page.get_by_role("link", name="Inviter une personne").click()
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Rôle").select_option(label=role)
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.wait_for_url("**/c/bresse/membres/")
    expect(page.locator(".message-success")).to_contain_text(f"Invitation envoyée à {email}")


def test_a_cite_is_opened_and_its_people_join_without_a_shell(page, transactional_db, axe,
                                                               monkeypatch):
    from capacite.territory.tests.sample import load_sample

    load_sample()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", interactive=False, username="autorite",
                 email="autorite@example.org", verbosity=0)

    # The label authority lands on its network and opens the Cité.
    login(page, "autorite", PASSWORD)
    expect(page.locator("h1")).to_have_text("Le réseau des Cités des métiers")
    expect(page.get_by_test_id("network")).to_contain_text("Aucune Cité pour l'instant.")
    axe.check(page, "people-01-reseau")
    page.get_by_role("link", name="Ouvrir l'espace d'une nouvelle Cité").click()
    page.get_by_label("Nom de la Cité").fill("Cité des métiers du Pays de Bresse")
    page.get_by_label("Identifiant").fill("bresse")
    page.get_by_label("EPCI du territoire").fill("CA du Bassin de Bourg-en-Bresse (200071751)")
    page.get_by_label("Communes hors de ces EPCI").fill("Ambérieu-en-Bugey")
    page.get_by_label("Phase en cours").select_option(label="Construction")
    page.get_by_label("Date visée pour le label projet").fill("2027-10-14")
    page.get_by_label("Adresse électronique du porteur de projet").fill("camille@bresse.example")
    axe.check(page, "people-02-ouvrir")
    page.get_by_role("button", name="Ouvrir la Cité et inviter son porteur de projet").click()
    page.wait_for_url("**/c/bresse/membres/")
    expect(page.locator(".message-success").first).to_have_text(
        "La Cité « Cité des métiers du Pays de Bresse » est ouverte, avec les tâches et les "
        "points de vigilance de la méthode.")
    expect(page.locator("#invitations + div tbody tr")).to_contain_text("camille@bresse.example")
    axe.check(page, "people-03-membres")
    lead_link = last_link()
    sign_out(page)

    # The project lead accepts (a weak password first), lands on the project home.
    page.goto(lead_link)
    page.get_by_label("Prénom").fill("Camille")
    page.locator("#id_last_name").fill("Berthelot")
    page.locator("#id_password1").fill("azerty")
    page.locator("#id_password2").fill("azerty")
    page.get_by_role("button", name="Créer mon compte et accepter").click()
    expect(page.locator(".field-error").first).to_contain_text("Ce mot de passe est trop court.")
    axe.check(page, "people-04-invitation")
    accept(page, lead_link, "Camille", "Berthelot")
    expect(page.locator(".who")).to_have_text("Camille Berthelot — Porteur de projet")
    expect(page.locator("p.lead")).to_have_text(
        "CA du Bassin de Bourg-en-Bresse, Ambérieu-en-Bugey")
    expect(page.get_by_role("heading", name="Phase en cours")).to_be_visible()
    axe.check(page, "people-05-accueil-porteur")

    # She invites a partner and a reception agent.
    open_from_menu(page, "Membres et accès")
    page.wait_for_url("**/c/bresse/membres/")
    invite(page, "nadia@mission-locale.example", "Représentant d'un partenaire")
    partner_link = last_link()
    invite(page, "theo@bresse.example", "Accueil")
    reception_link = last_link()
    sign_out(page)

    # The partner lands on its home and cannot invite anybody.
    accept(page, partner_link, "Nadia", "Keraudren")
    expect(page.locator(".who")).to_have_text("Nadia Keraudren — Représentant d'un partenaire")
    expect(page.get_by_test_id("our-commitments")).to_contain_text(
        "Votre compte ne représente encore aucune organisation")
    axe.check(page, "people-06-accueil-partenaire")
    expect(page.get_by_role("link", name="Membres et accès", include_hidden=True)).to_have_count(0)
    response = page.goto("/c/bresse/membres/inviter/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("Accès refusé")
    sign_out(page)

    # The reception agent lands on today's screen.
    accept(page, reception_link, "Théo", "Lambesc")
    expect(page.locator(".who")).to_have_text("Théo Lambesc — Accueil")
    expect(page.get_by_test_id("today-opening")).to_contain_text("Aucun site déclaré.")
    expect(page.get_by_test_id("on-duty")).to_contain_text(
        "Aucun planning calculé pour cette semaine.")
    axe.check(page, "people-07-accueil-accueil")
    sign_out(page)

    # A spent link and an expired one are refused, saying why.
    page.goto(partner_link)
    today = timezone.localdate().strftime("%d/%m/%Y")
    expect(page.get_by_role("alert")).to_contain_text(
        f"Cette invitation a déjà servi, le {today} : un lien d'invitation ne sert qu'une fois.")
    axe.check(page, "people-08-lien-servi")
    _expired_invitation()
    page.goto(last_link())
    expect(page.get_by_role("alert")).to_contain_text(
        "un lien d'invitation vaut sept jours. Demandez à Camille Berthelot de vous en "
        "envoyer une nouvelle.")
    expect(page.get_by_label("Prénom")).to_have_count(0)


def _expired_invitation() -> None:
    """An invitation the project lead sent eight days ago (its link, in the outbox)."""
    from django.contrib.auth import get_user_model

    from capacite.core.models import Cite, Role
    from capacite.people import services

    lead = get_user_model().objects.get(username="camille@bresse.example")
    sent = services.invite(cite=Cite.objects.get(slug="bresse"), email="late@bresse.example",
                           role=Role.SPONSOR, invited_by=lead)
    services.send_invitation(sent, accept_url=f"http://testserver/invitation/{sent.token}/")
    sent.invitation.expires_at = timezone.now() - timedelta(days=1)
    sent.invitation.save(update_fields=["expires_at"])
