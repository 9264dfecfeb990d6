"""Sites and premises pick their commune in the Cité's territory; partners are only offered it."""

import pytest
from django.urls import reverse
from django_scopes import scope

from capacite.offer.models import Site
from capacite.partners.models import Organisation
from capacite.territory.tests.sample import load_sample
from capacite.territory.tests.test_views import choose
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def site_post(commune: str) -> dict:
    return {"name": "Antenne", "kind": "relay", "address": "1 rue de la Gare", "commune": commune,
            "holiday_zone": "", "version": 0}


def test_a_site_takes_the_reference_spelling_and_a_commune_outside_is_refused(world):
    load_sample()
    choose(world.cite, epcis=["200071751"])
    client = client_for(world)
    url = reverse("offer:sites", kwargs={"cite_slug": "alpha"})
    form_page = client.get(url).content.decode()
    assert '<option value="Saint-Denis-lès-Bourg">' in form_page
    assert "Proposée parmi les 3 communes du territoire de la Cité." in form_page

    refused = client.post(url, site_post("Bonneville")).content.decode()
    assert ("«\u00a0Bonneville\u00a0» n&#x27;est pas une commune du territoire de la Cité\u00a0: "
            "choisissez-en une dans la liste, ou ajoutez-la au territoire d&#x27;abord.") in refused
    with scope(cite=world.cite):
        assert Site.objects.count() == 0

    assert client.post(url, site_post("saint denis les bourg")).status_code == 302
    with scope(cite=world.cite):
        assert Site.objects.get().commune == "Saint-Denis-lès-Bourg"


def test_without_a_territory_any_commune_is_written_as_typed(world):
    client = client_for(world)
    url = reverse("offer:sites", kwargs={"cite_slug": "alpha"})
    assert client.post(url, site_post("Rivemont-sur-Rive")).status_code == 302
    with scope(cite=world.cite):
        assert Site.objects.get().commune == "Rivemont-sur-Rive"


def test_a_partner_outside_the_territory_is_accepted(world):
    load_sample()
    choose(world.cite, epcis=["200071751"])
    with scope(cite=world.cite):
        organisation = Organisation.objects.create(cite=world.cite, name="Région", kind="other")
    from capacite.partners.forms import OrganisationForm

    with scope(cite=world.cite):
        form = OrganisationForm({"name": "Région", "kind": "other", "commune": "Bonneville",
                                 "version": organisation.version}, instance=organisation)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["commune"] == "Bonneville"
        form = OrganisationForm({"name": "Région", "kind": "other", "commune": "peronnas",
                                 "version": organisation.version}, instance=organisation)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["commune"] == "Péronnas"
