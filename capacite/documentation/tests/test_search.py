"""Catalogue search and ROME codes: the pure rules, then through the staff page."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from capacite.core.models import Role
from capacite.documentation.domain.search import (
    RomeCodeError,
    matches,
    normalise,
    parse_rome_codes,
    words_of,
)
from capacite.documentation.models import Resource, ResourceKind, Theme
from capacite.documentation.services import ResourceFilters, search_resources


def test_accents_and_case_are_ignored():
    assert normalise("Métiers du BÂTIMENT") == "metiers du batiment"
    assert words_of("  métiers, bâtiment ") == ["metiers", "batiment"]


def test_every_word_must_appear_in_one_of_the_texts():
    texts = ["Les métiers du bâtiment", "Onisep", "F1703"]
    assert matches("metiers batiment", texts)
    assert matches("f1703 onisep", texts)
    assert not matches("metiers numerique", texts)
    assert matches("", texts)


def test_rome_codes_are_upper_cased_deduplicated_and_kept_in_order():
    assert parse_rome_codes("k2111; m1607 K2111 ,A1203") == ("K2111", "M1607", "A1203")
    assert parse_rome_codes("  ") == ()


def test_a_wrong_rome_code_is_named_with_the_expected_format():
    with pytest.raises(RomeCodeError) as error:
        parse_rome_codes("K2111, Z1234, K21")
    assert str(error.value) == (
        "Code ROME invalide : « Z1234 », « K21 ». Un code ROME est une lettre de A à N suivie "
        "de quatre chiffres, par exemple K2111.")


@pytest.fixture
def catalogue(world):
    with scope(cite=world.cite):
        jobs = Theme.objects.create(cite=world.cite, name="Métiers et secteurs")
        training = Theme.objects.create(cite=world.cite, name="Formation")
        rows = [
            ("Les métiers du bâtiment", ResourceKind.PAPER, "F1703", True, jobs),
            ("Les métiers du numérique", ResourceKind.PAPER, "M1805", False, jobs),
            ("Fiches métiers en ligne", ResourceKind.ONLINE, "", False, jobs),
            ("Financer sa formation", ResourceKind.PAPER, "", True, training),
        ]
        for title, kind, rome, loanable, theme in rows:
            Resource.objects.create(cite=world.cite, title=title, kind=kind, rome_codes=rome,
                                    loanable=loanable).themes.add(theme)
    with scope(cite=world.foreign):
        Resource.objects.create(cite=world.foreign, title="Les métiers du bâtiment à Bêta")
    return {"jobs": jobs, "training": training}


@pytest.mark.django_db
def test_search_combines_words_and_filters_within_the_cite(world, catalogue):
    def titles(**filters):
        with scope(cite=world.cite):
            return [r.title for r in search_resources(ResourceFilters(**filters))]

    assert titles(words="metiers") == ["Fiches métiers en ligne", "Les métiers du bâtiment",
                                       "Les métiers du numérique"]
    assert titles(words="métiers", kind=ResourceKind.PAPER) == [
        "Les métiers du bâtiment", "Les métiers du numérique"]
    assert titles(loanable=True) == ["Financer sa formation", "Les métiers du bâtiment"]
    assert titles(theme_id=catalogue["training"].pk) == ["Financer sa formation"]
    assert titles(words="formation metiers") == []
    assert titles(words="m1805") == ["Les métiers du numérique"]


@pytest.mark.django_db
def test_the_staff_page_searches_and_a_wrong_rome_code_is_refused(world, catalogue):
    client = Client()
    client.force_login(world.users[Role.STAFF])
    base = reverse("documentation:resources", kwargs={"cite_slug": "alpha"})
    page = client.get(base, {"q": "batiment", "loan": "1"}).content.decode()
    assert "1 ressource sur 4" in page
    assert "Les métiers du bâtiment" in page and "numérique" not in page

    add = reverse("documentation:resource_add", kwargs={"cite_slug": "alpha"})
    refused = client.post(add, {"title": "Guide VAE", "kind": "paper", "rome_codes": "K21",
                                "version": 0})
    assert "Code ROME invalide\u00a0: «\u00a0K21\u00a0»" in refused.content.decode()
    saved = client.post(add, {"title": "Guide VAE", "kind": "paper", "rome_codes": "k2111 m1607",
                              "themes": [catalogue["training"].pk], "version": 0})
    assert saved.status_code == 302
    with scope(cite=world.cite):
        guide = Resource.objects.get(title="Guide VAE")
        assert guide.rome_codes == "K2111, M1607"
        assert [t.name for t in guide.themes.all()] == ["Formation"]


def test_a_wrong_rome_code_is_named_in_english_for_an_english_reader():
    with translation.override("en"), pytest.raises(RomeCodeError) as error:
        parse_rome_codes("K2111, Z1234, K21")
    assert str(error.value) == (
        "Invalid ROME code: “Z1234”, “K21”. A ROME code is a letter from A to N followed by "
        "four digits, for example K2111.")
