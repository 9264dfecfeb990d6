"""Removing an organisation: asked first, with all it holds, never over somebody's change."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scope

from capacite.core.concurrency import save_versioned
from capacite.partners.models import Contact, Interaction, Organisation, Position
from capacite.partners.tests.helpers import organisation, url
from capacite.staffing.models import JobDescription, StaffMember
from capacite.testing import STALE_REMOVAL, client_for

pytestmark = pytest.mark.django_db

@pytest.fixture
def cio(world) -> Organisation:
    """The CIO, with a position, a contact and an exchange; the Mission locale, with none."""
    organisation(world, "Mission locale")
    cio = organisation(world, "CIO de Rivemont", stance="ally")
    with scope(cite=world.cite):
        Contact.objects.create(cite=world.cite, organisation=cio, name="Gaëlle Tristan")
        Interaction.objects.create(cite=world.cite, organisation=cio, summary="Rencontre",
                                   occurred_on=date(2027, 2, 3))
    return cio


def names(world) -> list[str]:
    with scope(cite=world.cite):
        return list(Organisation.objects.order_by("name").values_list("name", flat=True))


def test_an_organisation_is_removed_with_what_it_holds_after_confirmation(world, cio):
    client = client_for(world)
    delete_url = url(world, "organisation_delete", organisation_id=cio.pk)
    question = client.get(delete_url)
    assert question.context["title"] == "Supprimer « CIO de Rivemont »"
    assert question.context["consequence"] == (
        "Ses contacts, échanges, positions, engagements et contributions seront supprimés avec "
        "elle. Cette action est définitive.")
    assert f'<input type="hidden" name="version" value="{cio.version}">' in (
        question.content.decode())
    client.post(delete_url, {"version": cio.version})  # not confirmed: kept
    assert names(world) == ["CIO de Rivemont", "Mission locale"]
    response = client.post(delete_url, {"confirmer": "oui", "version": cio.version})
    assert response["Location"] == url(world, "organisations")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "L'organisation « CIO de Rivemont » est supprimée."]
    assert names(world) == ["Mission locale"]
    with scope(cite=world.cite):
        assert (Position.objects.count(), Contact.objects.count(),
                Interaction.objects.count()) == (0, 0, 0)


def test_an_organisation_edited_meanwhile_is_not_removed(world, cio):
    shown_version = cio.version
    with scope(cite=world.cite):
        cio.name = "CIO de Rivemont-Centre"
        save_versioned(cio, expected_version=shown_version)
    response = client_for(world).post(
        url(world, "organisation_delete", organisation_id=cio.pk),
        {"confirmer": "oui", "version": shown_version})
    page = response.content.decode()
    assert response.status_code == 409
    assert STALE_REMOVAL in page
    assert "Supprimer «\u00a0CIO de Rivemont-Centre\u00a0»" in page
    assert f'<input type="hidden" name="version" value="{shown_version + 1}">' in page
    assert names(world) == ["CIO de Rivemont-Centre", "Mission locale"]
    with scope(cite=world.cite):
        assert (Position.objects.count(), Contact.objects.count(),
                Interaction.objects.count()) == (1, 1, 1)


REFUSAL = ("Cette organisation détache 2 personnes dans l'équipe (Ana Martin, Bruno Lefort) et "
           "emploie 1 poste (Conseiller CIO) : retirez-les ou rattachez-les à une autre "
           "organisation avant de la supprimer.")
# On the page, French spacing holds the colon to its word (issue 19, point 4).
REFUSAL_SHOWN = REFUSAL.replace(" : ", "\u00a0: ")


@pytest.fixture
def seconding(world, cio) -> Organisation:
    """The CIO seconds Ana and Bruno to the team and employs the « Conseiller CIO » post."""
    with scope(cite=world.cite):
        for name in ("Bruno Lefort", "Ana Martin"):
            StaffMember.objects.create(cite=world.cite, name=name, partner=cio, weekly_hours=10)
        JobDescription.objects.create(cite=world.cite, title="Conseiller CIO",
                                      function="counselling", employer=cio)
    return cio


def test_an_organisation_the_team_counts_on_says_why_it_cannot_be_removed(world, seconding):
    response = client_for(world).get(url(world, "organisation_delete",
                                         organisation_id=seconding.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["refusal"].reason == REFUSAL
    assert f'<div class="form-errors" role="alert"><p>{escape(REFUSAL_SHOWN)}</p></div>' in page
    team = reverse("staffing:team", args=[world.cite.slug])
    assert f'<p><a href="{team}">Ouvrir l&#x27;équipe et les fiches de poste</a></p>' in page
    assert 'name="confirmer"' not in page
    assert "Supprimer définitivement" not in page
    assert "Ses contacts, échanges" not in page


def test_a_confirmed_removal_of_an_organisation_the_team_counts_on_removes_nothing(
        world, seconding):
    response = client_for(world).post(
        url(world, "organisation_delete", organisation_id=seconding.pk),
        {"confirmer": "oui", "version": seconding.version})
    assert response.status_code == 409
    assert escape(REFUSAL_SHOWN) in response.content.decode()
    assert names(world) == ["CIO de Rivemont", "Mission locale"]
    with scope(cite=world.cite):
        assert (StaffMember.objects.filter(partner=seconding).count(),
                JobDescription.objects.filter(employer=seconding).count(),
                Contact.objects.count(), Interaction.objects.count()) == (2, 1, 1, 1)


def test_one_person_and_no_post_is_said_in_the_singular(world, cio):
    with scope(cite=world.cite):
        StaffMember.objects.create(cite=world.cite, name="Ana Martin", partner=cio,
                                   weekly_hours=10, active=False)
    response = client_for(world).get(url(world, "organisation_delete", organisation_id=cio.pk))
    assert response.context["refusal"].reason == (
        "Cette organisation détache 1 personne dans l'équipe (Ana Martin) : retirez-la ou "
        "rattachez-la à une autre organisation avant de supprimer celle-ci.")


def test_an_organisation_whose_staff_moved_elsewhere_is_removed(world, seconding):
    with scope(cite=world.cite):
        StaffMember.objects.update(partner=None)
        JobDescription.objects.update(employer=None)
    client = client_for(world)
    delete_url = url(world, "organisation_delete", organisation_id=seconding.pk)
    assert client.get(delete_url).context["refusal"] is None
    response = client.post(delete_url, {"confirmer": "oui", "version": seconding.version})
    assert response["Location"] == url(world, "organisations")
    assert names(world) == ["Mission locale"]
    with scope(cite=world.cite):
        assert sorted(StaffMember.objects.values_list("name", "partner")) == [
            ("Ana Martin", None), ("Bruno Lefort", None)]
