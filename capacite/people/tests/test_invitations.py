"""Invitations: sent by e-mail, accepted once within seven days, with Django's validators."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.people.models import Invitation
from capacite.testing import client_for

pytestmark = pytest.mark.django_db
User = get_user_model()


def invite(client, email, role, **extra):
    return client.post(reverse("people:invite", args=["alpha"]),
                       {"email": email, "role": role, **extra})


def link_in(message) -> str:
    line = next(line for line in message.body.splitlines() if "/invitation/" in line)
    return line.split("testserver", 1)[1]


def test_the_project_lead_invites_and_the_mail_carries_a_one_time_link(world):
    lead = world.users[Role.PROJECT_LEAD]
    lead.first_name, lead.last_name = "Camille", "Berthelot"
    lead.save()
    response = invite(client_for(world), "Nadia.Keraudren@Example.org", Role.PARTNER)
    assert response["Location"] == reverse("people:members", args=["alpha"])
    [message] = mail.outbox
    assert message.to == ["Nadia.Keraudren@example.org"]
    assert message.subject == ("Invitation : Représentant d'un partenaire, "
                               "Cité des métiers d'Alpha")
    assert "Invitation envoyée par Camille Berthelot." in message.body
    with scope(cite=world.cite):
        invitation = Invitation.objects.get()
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    token = link_in(message).split("/")[2]
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64


def test_the_invitee_sets_a_password_that_passes_the_validators_and_lands_on_the_cite(world):
    invite(client_for(world), "ines@example.org", Role.STAFF)
    path = link_in(mail.outbox[0])
    visitor = Client()
    page = visitor.get(path).content.decode()
    assert "Cité des métiers d&#x27;Alpha" in page and "<strong>Équipe</strong>" in page
    weak = visitor.post(path, {"first_name": "Inès", "last_name": "Fontvieille",
                               "password1": "azerty", "password2": "azerty"})
    assert weak.status_code == 200
    errors = weak.content.decode()
    assert "Ce mot de passe est trop court. Il doit contenir au minimum 8 caractères." in errors
    assert "Ce mot de passe est trop courant." in errors
    assert not User.objects.filter(username="ines@example.org").exists()
    done = visitor.post(path, {"first_name": "Inès", "last_name": "Fontvieille",
                               "password1": "Une-phrase-longue-42",
                               "password2": "Une-phrase-longue-42"})
    assert done["Location"] == reverse("core:cite_home", args=["alpha"])
    user = User.objects.get(username="ines@example.org")
    assert (user.get_full_name(), user.email) == ("Inès Fontvieille", "ines@example.org")
    assert list(Membership.objects.filter(user=user).values_list("cite__slug", "role")) == [
        ("alpha", "staff")]
    home = visitor.get(done["Location"]).content.decode()
    assert "Inès Fontvieille</a> — <span class=\"who-role\">Équipe</span>" in home


def test_a_used_link_is_refused_with_a_clear_message(world):
    invite(client_for(world), "theo@example.org", Role.RECEPTION)
    path = link_in(mail.outbox[0])
    Client().post(path, {"first_name": "Théo", "last_name": "Lambesc",
                         "password1": "Une-phrase-longue-42", "password2": "Une-phrase-longue-42"})
    again = Client().post(path, {"first_name": "Autre", "last_name": "Personne",
                                 "password1": "Une-phrase-longue-43",
                                 "password2": "Une-phrase-longue-43"})
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert (f"Cette invitation a déjà servi, le {today}\u00a0: un lien d&#x27;invitation ne sert "
            "qu&#x27;une fois.") in again.content.decode()
    assert User.objects.filter(first_name="Autre").count() == 0
    assert Membership.objects.filter(cite=world.cite, role=Role.RECEPTION).count() == 2


def test_an_expired_link_is_refused_and_names_who_to_ask(world):
    lead = world.users[Role.PROJECT_LEAD]
    lead.first_name, lead.last_name = "Camille", "Berthelot"
    lead.save()
    invite(client_for(world), "late@example.org", Role.SPONSOR)
    with scope(cite=world.cite):
        invitation = Invitation.objects.get()
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
    page = Client().get(link_in(mail.outbox[0])).content.decode()
    expired = timezone.localtime(invitation.expires_at).strftime("%d/%m/%Y à %H:%M")
    assert (f"Cette invitation a expiré le {expired}\u00a0: un lien d&#x27;invitation vaut sept "
            "jours. Demandez à Camille Berthelot de vous en envoyer une nouvelle.") in page
    assert 'name="password1"' not in page


def test_an_unknown_link_says_it_is_not_valid(client, world):
    page = client.get(reverse("people:accept", args=["pas-un-vrai-lien"])).content.decode()
    assert "Ce lien d&#x27;invitation n&#x27;est pas valide" in page


def test_a_new_invitation_to_the_same_person_and_role_cancels_the_previous_link(world):
    client = client_for(world)
    invite(client, "elu@example.org", Role.SPONSOR)
    invite(client, "elu@example.org", Role.SPONSOR)
    first, second = link_in(mail.outbox[0]), link_in(mail.outbox[1])
    assert "Cette invitation a été annulée" in Client().get(first).content.decode()
    assert 'name="password1"' in Client().get(second).content.decode()


def test_somebody_already_holding_the_role_is_not_invited_again(world):
    partner = world.users[Role.PARTNER]
    partner.email = "partenaire@example.org"
    partner.save()
    page = invite(client_for(world), "PARTENAIRE@example.org", Role.PARTNER).content.decode()
    assert ("PARTENAIRE@example.org a déjà le rôle «\u00a0Représentant d&#x27;un partenaire\u00a0» "
            "dans cette Cité.") in page
    assert mail.outbox == []


def test_a_person_with_an_account_adds_a_role_in_another_cite(world):
    """One person, roles in several Cités: the foreign Cité's lead invites our sponsor."""
    sponsor = world.users[Role.SPONSOR]
    sponsor.email = "elu@example.org"
    sponsor.save()
    beta = Client()
    beta.force_login(world.foreign_lead)
    beta.post(reverse("people:invite", args=["beta"]), {"email": "elu@example.org",
                                                        "role": Role.SPONSOR})
    path = link_in(mail.outbox[0])
    anonymous = Client().get(path).content.decode()
    assert "Un compte existe déjà pour elu@example.org" in anonymous
    assert f'href="/compte/connexion/?next={path}"' in anonymous
    signed_in = Client()
    signed_in.force_login(sponsor)
    done = signed_in.post(path)
    assert done["Location"] == reverse("core:cite_home", args=["beta"])
    assert sorted(Membership.objects.filter(user=sponsor).values_list("cite__slug", flat=True)
                  ) == ["alpha", "beta"]
    cites = signed_in.get(reverse("core:home")).content.decode()
    assert "Votre rôle\u00a0: Porteur politique" in cites and "Cité des métiers de Bêta" in cites


def test_an_invited_partner_speaks_for_the_organisation_named_in_the_invitation(world):
    from capacite.partners.models import Organisation, PartnerLink

    with scope(cite=world.cite):
        mission = Organisation.objects.create(cite=world.cite, name="Mission locale d'Alpha")
    invite(client_for(world), "louis@example.org", Role.PARTNER, organisation=mission.pk)
    Client().post(link_in(mail.outbox[0]), {
        "first_name": "Louis", "last_name": "Carrère", "password1": "Une-phrase-longue-42",
        "password2": "Une-phrase-longue-42"})
    with scope(cite=world.cite):
        link = PartnerLink.objects.select_related("membership__user").get()
    assert (link.membership.user.username, link.organisation_id) == ("louis@example.org",
                                                                     mission.pk)


def test_the_method_tasks_of_the_new_role_go_to_the_newcomer(world):
    from capacite.roadmap.domain.method import load_method
    from capacite.roadmap.models import Task

    sponsor_tasks = {t.key for t in load_method().tasks if t.owner_role == "sponsor"}
    invite(client_for(world), "maire@example.org", Role.SPONSOR)
    Client().post(link_in(mail.outbox[0]), {
        "first_name": "Marc", "last_name": "Delaunay", "password1": "Une-phrase-longue-42",
        "password2": "Une-phrase-longue-42"})
    with scope(cite=world.cite):
        owned = set(Task.objects.filter(owner__username="maire@example.org")
                    .values_list("key", flat=True))
    assert owned == sponsor_tasks and len(owned) == 13


def test_a_partner_cannot_invite_anybody(world):
    client = client_for(world, Role.PARTNER)
    assert client.get(reverse("people:invite", args=["alpha"])).status_code == 403
    assert invite(client, "x@example.org", Role.STAFF).status_code == 403
    assert client.get(reverse("people:members", args=["alpha"])).status_code == 403
    assert mail.outbox == []
