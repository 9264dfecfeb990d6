"""Issue 13, points 9, 10 and 11 through the import page: a damaged, hostile or huge file gives
French errors naming the file and the line, and changes nothing; a wrong <dimension> hides no
row."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from capacite.partners.models import Organisation
from capacite.partners.tests.helpers import organisation, url
from capacite.testing import client_for
from tests.test_lib_tables import LAUGHS, ROWS, SHEET, rewrite, xlsx

pytestmark = pytest.mark.django_db


def send(world, name: str, content: bytes):
    response = client_for(world).post(url(world, "import"), {
        "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    return response


def names(world):
    with scope(cite=world.cite):
        return sorted(Organisation.objects.values_list("name", flat=True))


def test_a_csv_cell_over_131072_characters_is_one_french_error(world):
    organisation(world, "CIO")
    content = ("Nom;Type\r\nA;Opérateur\r\n" + "B" * 131_073 + ";Opérateur\r\n").encode()
    response = send(world, "orgs.csv", content)
    assert response.context["errors"] == [
        "Fichier « orgs.csv », ligne 3 : une cellule dépasse 131\u202f072 caractères."]
    assert names(world) == ["CIO"]


def test_a_truncated_sheet_is_one_french_error_with_the_line(world):
    damaged = rewrite(xlsx(ROWS), SHEET, lambda xml: xml[: len(xml) // 2])
    [error] = send(world, "orgs.xlsx", damaged).context["errors"]
    assert re.fullmatch(r"Fichier « orgs\.xlsx », ligne \d+ : la feuille est endommagée et ne "
                        r"se lit pas au-delà de la ligne \d+\.", error)
    assert names(world) == []


def test_entity_expansion_is_refused_before_it_expands(world):
    """Ten to the seventh « lol »: expat's amplification limit made the import crash."""
    levels = b"".join(b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%d;" % (n - 1)
                                                                 for _ in range(10)))
                      for n in range(4, 8))

    def expand(xml):
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return LAUGHS.replace(b"]>", levels + b"]>") + body.replace(
            b"<t>Organisation 1</t>", b"<t>&lol7;</t>")

    hostile = rewrite(xlsx(ROWS[:3]), SHEET, expand)
    assert send(world, "orgs.xlsx", hostile).context["errors"] == [
        "Fichier « orgs.xlsx » : la partie « xl/worksheets/sheet1.xml » du classeur déclare des "
        "entités XML, ce qu'un tableur n'écrit pas ; le fichier est refusé."]
    assert names(world) == []


def test_a_wrong_dimension_imports_every_row(world):
    small = rewrite(xlsx(ROWS[:4]), SHEET,
                    lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:B1"', xml))
    response = send(world, "orgs.xlsx", small)
    assert response.context["errors"] == []
    assert names(world) == ["Organisation 1", "Organisation 2", "Organisation 3"]


def test_the_first_hundred_errors_are_listed_then_a_count(world):
    content = ("Nom;Type\r\n" + "".join(f"A{n};Cuisine\r\n" for n in range(400))).encode()
    response = send(world, "orgs.csv", content)
    errors = response.context["errors"]
    assert len(errors) == 101
    assert errors[0].startswith("Ligne 2, colonne « Type » : « Cuisine » n'est pas une valeur")
    assert errors[100] == ("… et 300 autres erreurs (400 en tout). Corrigez les premières puis "
                           "importez de nouveau.")
    assert "400 erreurs\u00a0: rien n'a été importé." in response.content.decode()
    assert names(world) == []


def test_the_command_reports_a_damaged_file_in_french_instead_of_a_traceback(world, tmp_path):
    from django.core.management import CommandError, call_command
    from django_scopes import scopes_disabled

    path = tmp_path / "orgs.csv"
    path.write_bytes(("Nom;Type\r\n" + "B" * 131_073 + ";Opérateur\r\n").encode())
    with scopes_disabled(), pytest.raises(CommandError) as error:
        call_command("import", "organisations", "--cite", world.cite.slug, str(path))
    assert str(error.value).splitlines() == [
        "Rien n'a été importé :",
        "Fichier « orgs.csv », ligne 2 : une cellule dépasse 131\u202f072 caractères."]


def test_a_large_import_writes_in_a_few_statements_so_the_lock_is_brief(
        world, django_assert_max_num_queries):
    """Issue 13, point 8: one statement per row (or three) held the write lock for 20 s."""
    lines = "".join(f"Organisation {n};Opérateur;Jeunes;Allié;05/03/2027\r\n"
                    for n in range(1, 1001))
    content = ("Nom;Type;Publics;Position;Date de la position\r\n" + lines).encode()
    upload = SimpleUploadedFile("orgs.csv", content)
    client = client_for(world)
    with django_assert_max_num_queries(80):  # the page itself included; 3,000+ before
        response = client.post(url(world, "import"), {"file": upload})
    assert response.context["errors"] == []
    with scope(cite=world.cite):
        assert Organisation.objects.count() == 1000
        last = Organisation.objects.get(name="Organisation 1000")
        assert (list(last.publics.values_list("key", flat=True)),
                list(last.positions.values_list("stance", "assessed_on"))) == (
            ["young_people"], [("ally", date(2027, 3, 5))])
        assert last.history.count() == 1
