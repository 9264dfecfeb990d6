"""Removing an indicator: asked first, and never over somebody else's change."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django_scopes import scope

from capacite.core.concurrency import save_versioned
from capacite.diagnosis.models import Indicator
from capacite.testing import STALE_REMOVAL, client_for

pytestmark = pytest.mark.django_db

@pytest.fixture
def unemployment(world) -> Indicator:
    with scope(cite=world.cite):
        for label, value in (("Taux de chômage", "8.7"), ("Jeunes suivis", "2310")):
            Indicator.objects.create(cite=world.cite, theme="employment", label=label,
                                     value=Decimal(value), unit="number",
                                     observed_on=date(2026, 6, 30))
        return Indicator.objects.get(label="Taux de chômage")


def delete_url(indicator) -> str:
    return reverse("diagnosis:indicator_delete",
                   kwargs={"cite_slug": "alpha", "indicator_id": indicator.pk})


def labels(world) -> list[str]:
    with scope(cite=world.cite):
        return list(Indicator.objects.order_by("label").values_list("label", flat=True))


def test_an_indicator_is_removed_after_confirmation_of_the_version_shown(world, unemployment):
    client = client_for(world)
    edit = client.get(reverse("diagnosis:indicator_edit", kwargs={
        "cite_slug": "alpha", "indicator_id": unemployment.pk})).content.decode()
    link = f'<a href="{delete_url(unemployment)}">'
    assert link + "Supprimer l'indicateur «\u00a0Taux de chômage\u00a0»</a>" in edit
    question = client.get(delete_url(unemployment))
    assert question.context["title"] == "Supprimer l'indicateur « Taux de chômage »"
    assert f'<input type="hidden" name="version" value="{unemployment.version}">' in (
        question.content.decode())
    client.post(delete_url(unemployment), {"version": unemployment.version})  # not confirmed
    assert labels(world) == ["Jeunes suivis", "Taux de chômage"]
    response = client.post(delete_url(unemployment),
                           {"confirmer": "oui", "version": unemployment.version})
    assert response["Location"] == reverse("diagnosis:overview", args=["alpha"])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "L'indicateur « Taux de chômage » est supprimé."]
    assert labels(world) == ["Jeunes suivis"]


def test_an_indicator_edited_meanwhile_is_not_removed(world, unemployment):
    shown_version = unemployment.version
    with scope(cite=world.cite):
        unemployment.label = "Taux de chômage (BIT)"
        save_versioned(unemployment, expected_version=shown_version)
    response = client_for(world).post(delete_url(unemployment),
                                {"confirmer": "oui", "version": shown_version})
    page = response.content.decode()
    assert response.status_code == 409
    assert STALE_REMOVAL in page
    assert "Supprimer l&#x27;indicateur «\u00a0Taux de chômage (BIT)\u00a0»" in page
    assert f'<input type="hidden" name="version" value="{shown_version + 1}">' in page
    assert labels(world) == ["Jeunes suivis", "Taux de chômage (BIT)"]
