"""Import (command and page) and exports of the organisation list."""

import csv
import io
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from capacite.partners.models import Organisation, Position
from capacite.partners.tests.helpers import organisation, url
from capacite.testing import client_for
from capacite.testing_files import xlsx_cells

pytestmark = pytest.mark.django_db

HEADER = "Nom;Type;Premier cercle;Champs;Publics;Rôles;Commune;Site web;Position;" \
         "Date de la position\r\n"
GOOD_LINES = (
    "Mission locale de Rivemont;Opérateur;;Orientation|Emploi;Jeunes;Prestataire;Rivemont;"
    "www.ml-rivemont.fr;Allié;05/03/2027\r\n"
    "Région Val-de-Rive;Institution du premier cercle;Région;Formation continue;"
    "Salariés, Demandeurs d'emploi;Financeur;Castelnau;;Hésitant;12/01/2027\r\n"
)
BAD_LINES = GOOD_LINES.replace("05/03/2027", "32/03/2027").replace(
    "Formation continue", "Formation permanente")


def snapshot(world):
    with scope(cite=world.cite):
        return (sorted(Organisation.objects.values_list("name", "kind", "fields")),
                Position.objects.count())


def run_import(world, path) -> str:
    out = io.StringIO()
    with scopes_disabled():
        call_command("import", "organisations", "--cite", world.cite.slug, str(path), stdout=out)
    return out.getvalue()


def test_done_when_a_bad_windows_1252_file_changes_nothing_then_the_fixed_one_imports_once(
        world, tmp_path):
    organisation(world, "CIO de Rivemont")
    before = snapshot(world)
    bad = tmp_path / "organisations.csv"
    bad.write_bytes((HEADER + BAD_LINES).encode("cp1252"))
    with pytest.raises(CommandError) as error:
        run_import(world, bad)
    assert str(error.value).splitlines() == [
        "Rien n'a été importé :",
        "Ligne 2, colonne « Date de la position » : « 32/03/2027 » n'est pas une date au "
        "format jj/mm/aaaa.",
        "Ligne 3, colonne « Champs » : « Formation permanente » n'est pas une valeur connue "
        "(valeurs possibles : Orientation, Formation initiale, Formation continue, Emploi, "
        "Création d'activité).",
    ]
    assert snapshot(world) == before

    good = tmp_path / "organisations-corrige.csv"
    good.write_bytes((HEADER + GOOD_LINES).encode("cp1252"))
    assert run_import(world, good) == (
        "Cité des métiers d'Alpha : 2 organisation(s) ajoutée(s), 0 déjà présente(s).\n")
    after = snapshot(world)
    assert after == ([
        ("CIO de Rivemont", "operator", ["orientation"]),
        ("Mission locale de Rivemont", "operator", ["orientation", "employment"]),
        ("Région Val-de-Rive", "first_circle", ["continuing_training"]),
    ], 2)
    assert run_import(world, good) == (
        "Cité des métiers d'Alpha : 0 organisation(s) ajoutée(s), 2 déjà présente(s).\n")
    assert snapshot(world) == after


def test_the_import_page_lists_every_error_or_sums_up_what_it_added(world):
    client = client_for(world)
    bad = SimpleUploadedFile("orgs.csv", (HEADER + BAD_LINES).encode("cp1252"))
    response = client.post(url(world, "import"), {"file": bad})
    assert response.context["errors"] == [
        "Ligne 2, colonne « Date de la position » : « 32/03/2027 » n'est pas une date au "
        "format jj/mm/aaaa.",
        "Ligne 3, colonne « Champs » : « Formation permanente » n'est pas une valeur connue "
        "(valeurs possibles : Orientation, Formation initiale, Formation continue, Emploi, "
        "Création d'activité).",
    ]
    assert snapshot(world) == ([], 0)
    good = SimpleUploadedFile("orgs.csv", (HEADER + GOOD_LINES).encode("utf-8"))
    response = client.post(url(world, "import"), {"file": good})
    assert response.context["summary"].created == ["Mission locale de Rivemont",
                                                   "Région Val-de-Rive"]
    with scope(cite=world.cite):
        region = Organisation.objects.get(name="Région Val-de-Rive")
        assert sorted(region.publics.values_list("key", flat=True)) == ["employees",
                                                                        "jobseekers"]
        assert region.positions.get().assessed_by == world.users["project_lead"]


def test_the_csv_export_reimports_and_neutralises_formula_like_cells(world):
    organisation(world, "=HYPERLINK(\"x\")", commune="-Rivemont", stance="ally")
    organisation(world, "CIO", fields=["orientation", "employment"], publics=["pupils"])
    response = client_for(world).get(url(world, "export_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nom", "Type", "Premier cercle"]
    assert rows[1] == ["'=HYPERLINK(\"x\")", "Opérateur", "", "Orientation", "", "Prestataire",
                       "'-Rivemont", "", "Allié", "10/01/2027"]
    assert rows[2] == ["CIO", "Opérateur", "", "Orientation | Emploi", "Scolaires",
                       "Prestataire", "", "", "", ""]


def test_the_xlsx_export_keeps_the_filter_and_neutralises_cells(world):
    organisation(world, "@Greta", kind="operator")
    organisation(world, "CCI", kind="economic")
    response = client_for(world).get(url(world, "export_xlsx"), {"type": "operator"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[0] for row in values] == ["Nom", "'@Greta"]
    assert sheet.cell(row=2, column=1).data_type == "s"


def test_the_position_date_is_a_date_in_the_xlsx_and_the_file_reimports(world):
    organisation(world, "Région Alpha", stance="ally")
    content = client_for(world).get(url(world, "export_xlsx")).content
    header, row = xlsx_cells(content)["Organisations"]
    assert header[9][0] == "Date de la position"
    assert row[9] == (datetime(2027, 1, 10), "d", "dd/mm/yyyy")
    with scope(cite=world.cite):
        Organisation.objects.all().delete()
    client_for(world).post(url(world, "import"), {"file": SimpleUploadedFile(
        "export.xlsx", content)})
    with scope(cite=world.cite):
        assert Organisation.objects.get().positions.get().assessed_on == date(2027, 1, 10)
