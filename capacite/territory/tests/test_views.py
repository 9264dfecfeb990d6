"""The Cité's territory page, `communes_of`, and the demo."""

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Cite, Role
from capacite.territory.models import CiteTerritory, Commune, Epci
from capacite.territory.services import build_territory_demo, communes_of, search_reference
from capacite.territory.tests.sample import load_sample

pytestmark = pytest.mark.django_db


def url(cite) -> str:
    return reverse("territory:cite_territory", kwargs={"cite_slug": cite.slug})


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(response) -> str:
    return " ".join(response.content.decode().split())


def commune(code: str) -> Commune:
    return Commune.objects.get(year=2026, code=code)


def epci(code: str) -> Epci:
    return Epci.objects.get(year=2026, code=code)


def choose(cite, *, communes=(), epcis=()) -> CiteTerritory:
    with scope(cite=cite):
        territory, _ = CiteTerritory.objects.get_or_create(cite=cite)
    territory.communes.add(*[commune(c) for c in communes])
    territory.epcis.add(*[epci(e) for e in epcis])
    return territory


def test_communes_of_are_the_chosen_communes_plus_the_members_of_chosen_epci(world):
    load_sample()
    assert list(communes_of(world.cite)) == []
    choose(world.cite, communes=["01004", "74042"], epcis=["200071751"])
    choose(world.foreign, communes=["74164"])
    # Ordered by name; the Bourg EPCI brings its three communes, the foreign Cité's choice none.
    assert [c.code for c in communes_of(world.cite)] == [
        "01004", "74042", "01053", "01289", "01344"]
    assert [c.name for c in communes_of(world.cite)] == [
        "Ambérieu-en-Bugey", "Bonneville", "Bourg-en-Bresse", "Péronnas",
        "Saint-Denis-lès-Bourg"]
    # A commune chosen on its own and through its EPCI appears once; no scope is needed.
    choose(world.cite, communes=["01053"])
    assert communes_of(world.cite).count() == 5
    assert [c.code for c in communes_of(world.foreign)] == ["74164"]


def test_searching_by_name_without_accents_by_postal_code_and_by_insee_code():
    load_sample()
    found = search_reference("peronnas", year=2026)
    assert [c.name for c in found.communes] == ["Péronnas"]
    found = search_reference("saint denis les", year=2026)
    assert [c.code for c in found.communes] == ["01344"]
    assert [c.name for c in search_reference("74130", year=2026).communes] == [
        "Ayse", "Bonneville"]
    assert [c.name for c in search_reference("01053", year=2026).communes] == [
        "Bourg-en-Bresse"]
    found = search_reference("bourg", year=2026)
    assert [c.name for c in found.communes] == ["Bourg-en-Bresse", "Saint-Denis-lès-Bourg"]
    assert [e.code for e in found.epcis] == ["200071751"]
    assert [e.name for e in search_reference("2000001", year=2026).epcis] == [
        "CC Faucigny - Glières"]
    assert search_reference("b", year=2026).communes == []
    limited = search_reference("01", year=2026, limit=2)
    assert (len(limited.communes), limited.more_communes) == (2, True)


def test_the_project_lead_adds_an_epci_and_a_commune_and_sees_the_population(world):
    load_sample()
    client = client_for(world.users[Role.PROJECT_LEAD])
    search = page(client.get(url(world.cite), {"q": "Faucigny"}))
    assert "CC Faucigny - Glières" in search and "Ajouter" in search
    response = client.post(url(world.cite), {"action": "add_epci",
                                             "id": epci("200000172").pk, "q": "Faucigny"})
    assert response.status_code == 302
    assert response["Location"] == url(world.cite) + "?q=Faucigny"
    response = client.post(url(world.cite), {"action": "add_commune",
                                             "id": commune("01053").pk}, follow=True)
    text = page(response)
    assert "« Bourg-en-Bresse (01053) » est ajouté au territoire." in text
    # 2 376 + 13 335 + 6 507 + 42 372 = 64 590 inhabitants in 4 communes.
    assert "4 communes, 64 590 habitants" in text
    assert "<caption>EPCI choisis (toutes leurs communes font partie du territoire)</caption>" \
        in text
    assert [c.code for c in communes_of(world.cite)] == ["74024", "74042", "01053", "74164"]
    # The choice is in the history, by name.
    assert "<td>project_lead</td><td>modification</td><td>communes choisies</td><td>—</td>" \
        "<td>Bourg-en-Bresse (01053)</td>" in text.replace("> <", "><")


def test_a_commune_of_a_chosen_epci_is_not_added_twice_and_removing_works(world):
    load_sample()
    choose(world.cite, epcis=["200000172"])
    client = client_for(world.users[Role.DIRECTOR])
    text = page(client.post(url(world.cite), {"action": "add_commune",
                                              "id": commune("74042").pk}, follow=True))
    assert "« Bonneville (74042) » fait déjà partie du territoire par son EPCI, " \
        "« CC Faucigny - Glières »." in text
    with scope(cite=world.cite):
        assert CiteTerritory.objects.get().communes.count() == 0
    text = page(client.post(url(world.cite), {"action": "remove_epci",
                                              "id": epci("200000172").pk}, follow=True))
    assert "« CC Faucigny - Glières » est retiré du territoire." in text
    assert communes_of(world.cite).count() == 0


def test_a_post_without_a_known_item_changes_nothing(world):
    load_sample()
    client = client_for(world.users[Role.PROJECT_LEAD])
    for data in ({}, {"action": "add_commune", "id": "x"},
                 {"action": "drop_table", "id": commune("01053").pk},
                 {"action": "add_commune", "id": 999999}):
        response = client.post(url(world.cite), data, follow=True)
        assert "Choisissez une commune ou un EPCI dans la liste." in page(response)
    assert communes_of(world.cite).count() == 0


def test_readers_see_the_territory_without_the_search_or_the_buttons(world):
    load_sample()
    choose(world.cite, communes=["01004", "01289"])
    text = page(client_for(world.users[Role.PARTNER]).get(url(world.cite), {"q": "Bourg"}))
    assert "2 communes, 6 444 habitants" in text
    assert "La population d'une commune n'est pas connue de la source et n'est pas comptée." \
        in text
    assert "Ambérieu-en-Bugey" in text and "Péronnas" in text
    assert "Rechercher" not in text and "Retirer" not in text and "Ajouter" not in text
    assert "<td>Bourg-en-Bresse</td>" not in text  # no search results for readers
    response = client_for(world.users[Role.PARTNER]).post(
        url(world.cite), {"action": "add_commune", "id": commune("01053").pk})
    assert response.status_code == 403
    assert client_for(world.users[Role.RECEPTION]).get(url(world.cite)).status_code == 403


def test_every_change_needs_the_csrf_token(world):
    load_sample()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[Role.PROJECT_LEAD])
    response = client.post(url(world.cite), {"action": "add_commune",
                                             "id": commune("01053").pk})
    assert response.status_code == 403
    assert communes_of(world.cite).count() == 0


def test_without_the_reference_the_page_says_so_without_an_administrators_command(world):
    text = page(client_for(world.users[Role.PROJECT_LEAD]).get(url(world.cite)))
    assert "Le référentiel des communes et des EPCI n'est pas encore chargé" in text
    assert "se charge au démarrage de l'instance" in text
    assert "load_territories" not in text
    assert "Rechercher" not in text


def test_the_demo_leaves_the_fictional_cites_territory_empty(world):
    load_sample()
    cite = Cite.objects.create(slug="rivemont-test", name="Rivemont")
    with scope(cite=cite):
        build_territory_demo(cite=cite, today=None)
        build_territory_demo(cite=cite, today=None)
        assert CiteTerritory.objects.count() == 1
    assert communes_of(cite).count() == 0
