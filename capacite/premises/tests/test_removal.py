"""Removing a candidate premises: asked first, and never over somebody else's change."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django_scopes import scope

from capacite.core.concurrency import save_versioned
from capacite.premises.models import Candidate
from capacite.testing import STALE_REMOVAL, client_for

pytestmark = pytest.mark.django_db

@pytest.fixture
def halle(world) -> Candidate:
    with scope(cite=world.cite):
        Candidate.objects.create(cite=world.cite, name="Entrepôt", surface_m2=900)
        return Candidate.objects.create(cite=world.cite, name="Halle", surface_m2=640,
                                        chosen=True)


def delete_url(candidate) -> str:
    return reverse("premises:candidate_delete",
                   kwargs={"cite_slug": "alpha", "candidate_id": candidate.pk})


def names(world) -> list[str]:
    with scope(cite=world.cite):
        return list(Candidate.objects.order_by("name").values_list("name", flat=True))


def test_the_chosen_candidate_is_removed_after_confirmation_of_the_version_shown(world, halle):
    client = client_for(world)
    edit = client.get(reverse("premises:candidate_edit", kwargs={
        "cite_slug": "alpha", "candidate_id": halle.pk})).content.decode()
    assert f'<a href="{delete_url(halle)}">Supprimer le local «\u00a0Halle\u00a0»</a>' in edit
    question = client.get(delete_url(halle))
    assert question.context["title"] == "Supprimer le local « Halle »"
    assert question.context["consequence"] == (
        "« Halle » est le local retenu : la Cité n'aura plus de local retenu.")
    assert f'<input type="hidden" name="version" value="{halle.version}">' in (
        question.content.decode())
    client.post(delete_url(halle), {"version": halle.version})  # not confirmed: kept
    assert names(world) == ["Entrepôt", "Halle"]
    response = client.post(delete_url(halle), {"confirmer": "oui", "version": halle.version})
    assert response["Location"] == reverse("premises:overview", args=["alpha"])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Le local « Halle » est supprimé."]
    assert names(world) == ["Entrepôt"]
    with scope(cite=world.cite):
        entrepot = Candidate.objects.get()
    assert client.get(delete_url(entrepot)).context["consequence"] == (
        "« Entrepôt » sera retiré des locaux comparés.")


def test_a_candidate_edited_meanwhile_is_not_removed(world, halle):
    shown_version = halle.version
    with scope(cite=world.cite):
        halle.surface_m2 = 700
        save_versioned(halle, expected_version=shown_version)
    response = client_for(world).post(delete_url(halle),
                                {"confirmer": "oui", "version": shown_version})
    page = response.content.decode()
    assert response.status_code == 409
    assert STALE_REMOVAL in page
    assert f'<input type="hidden" name="version" value="{shown_version + 1}">' in page
    assert names(world) == ["Entrepôt", "Halle"]
    with scope(cite=world.cite):
        assert Candidate.objects.get(name="Halle").surface_m2 == 700
