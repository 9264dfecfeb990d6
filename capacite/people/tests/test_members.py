"""The members page: who has access, role changes and removals kept in the history."""

import html
import re

import pytest
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone

from capacite.core.models import Membership, Phase, Role
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def members_url() -> str:
    return reverse("people:members", args=["alpha"])


def edit_url(membership) -> str:
    return reverse("people:member_edit", args=["alpha", membership.pk])


def rows(page: str) -> list[list[str]]:
    table = page.split('<table class="members">', 1)[1].split("</table>", 1)[0]
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in
             re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S)]


def test_the_members_page_lists_each_role_with_its_last_login(world):
    staff = world.users[Role.STAFF]
    staff.first_name, staff.last_name, staff.email = "Inès", "Fontvieille", "ines@example.org"
    staff.last_login = timezone.make_aware(timezone.datetime(2026, 11, 30, 9, 15))
    staff.save()
    page = client_for(world).get(members_url()).content.decode()
    assert ["Inès Fontvieille", "ines@example.org", "Équipe", "30/11/2026 09:15",
            "Modifier le rôle de Inès Fontvieille"] in rows(page)
    assert sorted(row[2] for row in rows(page)) == sorted(
        [str(r.label) for r in Role if r != Role.LABEL_AUTHORITY])
    assert ["sponsor", "—", "Porteur politique", "jamais",
            "Modifier le rôle de sponsor"] in rows(page)


def test_a_role_changed_then_taken_away_shows_in_the_history_with_who_did_it(world):
    lead = world.users[Role.PROJECT_LEAD]
    lead.first_name, lead.last_name = "Camille", "Berthelot"
    lead.save()
    client = client_for(world)
    staff = Membership.objects.get(cite=world.cite, role=Role.STAFF)
    response = client.post(edit_url(staff), {"action": "change", "role": Role.RECEPTION})
    assert response["Location"] == members_url()
    staff.refresh_from_db()
    assert staff.role == Role.RECEPTION
    asked = client.post(edit_url(staff), {"action": "revoke"}).content.decode()
    assert "Oui, retirer le rôle" in asked
    assert Membership.objects.filter(pk=staff.pk).exists()
    client.post(edit_url(staff), {"action": "revoke", "confirmer": "oui"})
    assert not Membership.objects.filter(pk=staff.pk).exists()
    page = client.get(members_url()).content.decode()
    history = page.split('id="historique-roles"', 1)[1]
    lines = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", row)]
             for row in re.findall(r"<tr>(.*?)</tr>", history)]
    lines = [line for line in lines if line]  # the header row has no <td>
    assert [line[1:] for line in lines[:2]] == [
        ["Camille Berthelot", "rôle retiré", "staff", "Accueil", "—"],
        ["Camille Berthelot", "rôle changé", "staff", "Équipe", "Accueil"]]
    assert "Équipe" not in [row[2] for row in rows(page) if row[0] == "staff"]


def test_the_last_project_lead_cannot_be_removed_nor_demoted(world):
    Membership.objects.filter(cite=world.cite, role=Role.DIRECTOR).delete()
    lead = Membership.objects.get(cite=world.cite, role=Role.PROJECT_LEAD)
    client = client_for(world)
    response = client.post(edit_url(lead), {"action": "revoke", "confirmer": "oui"})
    refusal = [str(m) for m in messages.get_messages(response.wsgi_request)]
    assert refusal == [
        "project_lead est la dernière personne porteur de projet ou direction de la Cité : "
        "sans elle, plus personne ne pourrait inviter ni gérer les accès. Invitez d'abord "
        "quelqu'un à ce rôle."]
    client.post(edit_url(lead), {"action": "change", "role": Role.SPONSOR})
    lead.refresh_from_db()
    assert lead.role == Role.PROJECT_LEAD


def test_the_director_of_a_cite_not_open_yet_reads_the_members_but_does_not_manage(world):
    client = client_for(world, Role.DIRECTOR)
    page = client.get(members_url()).content.decode()
    assert "Inviter une personne" not in page and "Modifier le rôle" not in page
    refused = client.post(reverse("people:invite", args=["alpha"]),
                          {"email": "x@example.org", "role": Role.STAFF}).content.decode()
    assert "c'est le porteur de projet qui invite les personnes" in refused
    world.cite.phase = Phase.OPERATION
    world.cite.save()
    opened = client.post(reverse("people:invite", args=["alpha"]),
                         {"email": "x@example.org", "role": Role.STAFF})
    assert opened["Location"] == members_url()


def test_cancelling_an_invitation_kills_its_link(world):
    from django.core import mail
    from django_scopes import scope

    from capacite.people.models import Invitation

    client = client_for(world)
    client.post(reverse("people:invite", args=["alpha"]),
                {"email": "x@example.org", "role": Role.STAFF})
    with scope(cite=world.cite):
        invitation = Invitation.objects.get(email="x@example.org")
    client.post(reverse("people:invitation_cancel", args=["alpha", invitation.pk]))
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitation/" in line)
    page = client.get(link.split("testserver", 1)[1]).content.decode()
    assert "Cette invitation a été annulée" in page
