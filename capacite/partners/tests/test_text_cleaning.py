"""Issue 13, point 12: what Word pastes into a name never breaks an export, whatever the way in
(form, import, service), because one rule cleans every incoming text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_scopes import scope

from capacite.partners.models import Organisation
from capacite.partners.tests.helpers import organisation, url
from capacite.testing import client_for
from capacite.testing_files import xlsx_cells

pytestmark = pytest.mark.django_db


def test_a_vertical_tab_typed_in_a_name_is_a_space_and_the_xlsx_export_answers(world):
    client = client_for(world)
    response = client.post(url(world, "organisation_add"), {
        "name": "Mission\x0blocale", "kind": "operator", "commune": "Rive\u200bmont",
        "notes": "Appeler\x0ble lundi\x00", "version": 0})
    assert response.status_code == 302
    with scope(cite=world.cite):
        assert list(Organisation.objects.values_list("name", "commune", "notes")) == [
            ("Mission locale", "Rivemont", "Appeler\nle lundi")]
    export = client.get(url(world, "export_xlsx"))
    assert export.status_code == 200
    assert [row[0][0] for row in xlsx_cells(export.content)["Organisations"]] == [
        "Nom", "Mission locale"]


def test_a_name_that_differs_only_by_invisible_characters_is_the_same_name(world):
    organisation(world, "CIO de Rivemont")
    response = client_for(world).post(url(world, "organisation_add"), {
        "name": "CIO\u200b de\u202e Rivemont", "kind": "operator", "version": 0})
    assert response.context["form"].errors["name"] == [
        "Une organisation porte déjà ce nom dans cette Cité."]


def test_an_import_stores_names_without_nul_overrides_zero_width_or_line_breaks(world):
    content = ("Nom;Type;Commune\r\n"
               "\"Greta\x00 du\r\nNord\";Opérateur;Rive\u202emont\r\n"
               "C\u200bI\u200dO;Opérateur;\r\n").encode()
    client_for(world).post(url(world, "import"), {
        "file": SimpleUploadedFile("orgs.csv", content)})
    with scope(cite=world.cite):
        assert sorted(Organisation.objects.values_list("name", "commune")) == [
            ("CIO", ""), ("Greta du Nord", "Rivemont")]


def test_text_stored_before_the_rule_still_exports(world):
    org = organisation(world, "Mission locale")
    # PostgreSQL never stores a NUL, so only SQLite can hold one from before the rule.
    nul = "\x00" if connection.vendor == "sqlite" else ""
    with scope(cite=world.cite):  # an update() bypasses save(), as old data would
        Organisation.objects.filter(pk=org.pk).update(name=f"Mission\x0blocale{nul}")
    export = client_for(world).get(url(world, "export_xlsx"))
    assert xlsx_cells(export.content)["Organisations"][1][0][0] == "Mission\nlocale"


def test_a_service_create_is_cleaned_before_it_is_saved(world):
    org = organisation(world, "Pôle\u2028emploi\u2066")
    with scope(cite=world.cite):
        assert Organisation.objects.get(pk=org.pk).name == "Pôle emploi"
