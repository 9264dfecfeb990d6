"""Removing a resource or a theme: asked first, and never over somebody else's change."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django_scopes import scope

from capacite.core.concurrency import save_versioned
from capacite.core.models import Role
from capacite.documentation.models import Resource, Theme
from capacite.testing import STALE_REMOVAL, client_for


@pytest.fixture
def shelf(world):
    with scope(cite=world.cite):
        training = Theme.objects.create(cite=world.cite, name="Formation")
        for title in ("Financer sa formation", "Guide de l'apprentissage"):
            Resource.objects.create(cite=world.cite, title=title).themes.add(training)
    return training


def resource_url(resource) -> str:
    return reverse("documentation:resource_delete",
                   kwargs={"cite_slug": "alpha", "resource_id": resource.pk})


def titles(world) -> list[str]:
    with scope(cite=world.cite):
        return list(Resource.objects.order_by("title").values_list("title", flat=True))


def test_deleting_a_resource_asks_first_then_removes_it(world, shelf):
    client = client_for(world, Role.STAFF)
    with scope(cite=world.cite):
        resource = Resource.objects.get(title="Financer sa formation")
    question = client.get(resource_url(resource))
    assert question.context["title"] == (
        "Retirer la ressource « Financer sa formation » du catalogue")
    assert f'<input type="hidden" name="version" value="{resource.version}">' in (
        question.content.decode())
    client.post(resource_url(resource), {"version": resource.version})  # no confirmation: kept
    assert titles(world) == ["Financer sa formation", "Guide de l'apprentissage"]
    response = client.post(resource_url(resource),
                           {"confirmer": "oui", "version": resource.version})
    assert response["Location"] == reverse("documentation:resources", args=["alpha"])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "La ressource « Financer sa formation » est retirée du catalogue."]
    assert titles(world) == ["Guide de l'apprentissage"]


def test_a_resource_edited_meanwhile_is_not_removed(world, shelf):
    client = client_for(world, Role.STAFF)
    with scope(cite=world.cite):
        resource = Resource.objects.get(title="Financer sa formation")
        shown_version = resource.version
        resource.title = "Financer sa formation continue"
        save_versioned(resource, expected_version=shown_version)
    response = client.post(resource_url(resource),
                           {"confirmer": "oui", "version": shown_version})
    page = response.content.decode()
    assert response.status_code == 409
    assert STALE_REMOVAL in page
    assert "Retirer la ressource «\u00a0Financer sa formation continue\u00a0» du catalogue" in page
    assert f'<input type="hidden" name="version" value="{shown_version + 1}">' in page
    assert titles(world) == ["Financer sa formation continue", "Guide de l'apprentissage"]


def test_deleting_a_theme_keeps_its_resources_unclassified(world, shelf):
    client = client_for(world, Role.STAFF)
    url = reverse("documentation:theme_delete", kwargs={"cite_slug": "alpha",
                                                        "theme_id": shelf.pk})
    question = client.get(url)
    assert question.context["consequence"] == (
        "2 ressources classées sous ce thème restent au catalogue, sans ce thème.")
    # A theme is not versioned: there is no version to compare, the confirmation is enough.
    assert 'name="version"' not in question.content.decode()
    response = client.post(url, {"confirmer": "oui"})
    assert response["Location"] == reverse("documentation:themes", args=["alpha"])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Le thème « Formation » est supprimé."]
    with scope(cite=world.cite):
        assert Theme.objects.count() == 0
        assert [r.themes.count() for r in Resource.objects.order_by("title")] == [0, 0]
    assert titles(world) == ["Financer sa formation", "Guide de l'apprentissage"]
