"""The diagnosis through its pages and the import command, against the database."""

import html
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.diagnosis.models import Indicator, Narrative, OfferMapEntry
from capacite.partners.models import Organisation
from capacite.testing_files import xlsx_cells

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page as a reader sees it (entities such as &#x27; turned back into characters)."""
    return html.unescape(response.content.decode())

HEADER = "Thème;Indicateur;Valeur;Unité;Territoire;Date;Source\r\n"
BAD = HEADER + (
    "Emploi;Taux de chômage;8,7;%;Zone d'emploi de Rivemont;30/06/2026;INSEE\r\n"
    "Économie;Établissements employeurs;6 180;établissements;;31/13/2025;Sirene\r\n"
    "Publics;Jeunes suivis;2 310;jeunes;;31/12/2025;Mission locale\r\n"
)
GOOD = BAD.replace("31/13/2025", "31/12/2025").replace(";jeunes;", ";personnes;")
EXPECTED_ERRORS = [
    "Ligne 3, colonne « Date » : « 31/13/2025 » n'est pas une date au format jj/mm/aaaa.",
    "Ligne 4, colonne « Unité » : « jeunes » n'est pas une valeur connue (valeurs possibles : "
    "nombre, %, €, personnes, habitants, emplois, établissements, places de formation, ans).",
]
# The same errors on the page, where French spacing holds « : » and « » » to their words and
# « « » to the next one (issue 19, point 4).
SHOWN_ERRORS = [
    "Ligne 3, colonne «\u00a0Date\u00a0»\u00a0: «\u00a031/13/2025\u00a0» n'est pas une date au "
    "format jj/mm/aaaa.",
    "Ligne 4, colonne «\u00a0Unité\u00a0»\u00a0: «\u00a0jeunes\u00a0» n'est pas une valeur connue "
    "(valeurs possibles\u00a0: nombre, %, €, personnes, habitants, emplois, établissements, places "
    "de formation, ans).",
]


def client_for(world, role=Role.PROJECT_LEAD) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"diagnosis:{name}", kwargs={"cite_slug": "alpha", **kwargs})


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("indicateurs.csv", text.encode("cp1252"), "text/csv")


def count(world) -> int:
    with scope(cite=world.cite):
        return Indicator.objects.count()


def test_a_windows_1252_file_with_errors_is_refused_then_the_corrected_one_imports_once(world):
    client = client_for(world)
    refused = text(client.post(url("import"), {"file": upload(BAD)}))
    assert "2 erreurs\u00a0: rien n'a été importé." in refused
    for message in SHOWN_ERRORS:
        assert message in refused
    assert count(world) == 0

    done = text(client.post(url("import"), {"file": upload(GOOD)}))
    assert "3 indicateurs ajoutés." in done
    with scope(cite=world.cite):
        assert list(Indicator.objects.order_by("theme").values_list(
            "theme", "label", "value", "unit", "territory", "observed_on", "source")) == [
            ("economy", "Établissements employeurs", Decimal("6180.00"), "establishments", "",
             date(2025, 12, 31), "Sirene"),
            ("employment", "Taux de chômage", Decimal("8.70"), "percent",
             "Zone d'emploi de Rivemont", date(2026, 6, 30), "INSEE"),
            ("publics", "Jeunes suivis", Decimal("2310.00"), "people", "", date(2025, 12, 31),
             "Mission locale"),
        ]
    again = text(client.post(url("import"), {"file": upload(GOOD)}))
    assert "3 déjà présents, laissés tels quels." in again
    assert count(world) == 3


def test_the_command_refuses_the_same_errors_then_imports_and_adds_nothing_twice(world, tmp_path):
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_bytes(BAD.encode("cp1252"))
    good.write_bytes(GOOD.encode("cp1252"))
    with pytest.raises(CommandError) as refused:
        call_command("import", "indicators", "--cite", "alpha", str(bad))
    assert str(refused.value) == "Rien n'a été importé :\n" + "\n".join(EXPECTED_ERRORS)
    assert count(world) == 0
    out = []
    for _attempt in range(2):
        from io import StringIO

        stream = StringIO()
        call_command("import", "indicators", "--cite", "alpha", str(good), stdout=stream)
        out.append(stream.getvalue().strip())
    assert out == [
        "Cité des métiers d'Alpha : 3 indicateurs ajoutés, 0 déjà présent.",
        "Cité des métiers d'Alpha : 0 indicateur ajouté, 3 déjà présents.",
    ]
    assert count(world) == 3


def test_the_overview_shows_indicators_by_theme_and_the_export_reimports(world):
    client = client_for(world)
    client.post(url("import"), {"file": upload(GOOD)})
    page = text(client_for(world, Role.SPONSOR).get(url("overview")))
    assert "Taux de chômage" in page and "8,7 %" in page and "Zone d'emploi" in page
    assert "2\u202f310 personnes" in page
    assert "Ajouter un indicateur" not in page  # a sponsor reads
    export = client.get(url("export_csv")).content.decode("utf-8-sig")
    assert export.splitlines()[0] == "Thème;Indicateur;Valeur;Unité;Territoire;Date;Source"
    assert "Emploi;Taux de chômage;8,7;%;Zone d'emploi de Rivemont;30/06/2026;INSEE" in export
    again = text(client.post(url("import"), {"file": SimpleUploadedFile(
        "export.csv", export.encode("utf-8"), "text/csv")}))
    assert "3 déjà présents" in again


def test_a_narrative_is_written_and_a_stale_form_is_refused(world):
    client = client_for(world)
    response = client.post(url("narrative_edit") + "?theme=employment",
                           {"text": "Le chômage recule.", "version": 0})
    assert response.status_code == 302
    stale = text(client.post(url("narrative_edit") + "?theme=employment",
                        {"text": "Autre texte.", "version": 0}))
    assert "Quelqu'un a enregistré cette fiche" in stale
    with scope(cite=world.cite):
        assert Narrative.objects.get(theme="employment").text == "Le chômage recule."
    assert "Le chômage recule." in text(client.get(url("overview")))


def test_the_offer_map_lists_every_actor_and_counts_each_service(world):
    with scope(cite=world.cite):
        cio = Organisation.objects.create(cite=world.cite, name="CIO", kind="operator")
        Organisation.objects.create(cite=world.cite, name="Greta", kind="operator")
    client = client_for(world)
    response = client.post(url("offer_map_edit", organisation_id=cio.pk), {
        "walk_in": "on", "documentation": "on", "strengths": "Conseil reconnu.",
        "weaknesses": "Fermé l'été.", "version": 0})
    assert response.status_code == 302
    with scope(cite=world.cite):
        entry = OfferMapEntry.objects.get()
        assert entry.services() == {"walk_in", "documentation"}
    page = text(client.get(url("offer_map")))
    assert "Acteurs renseignés\u00a0: 1 sur 2." in page
    assert "Conseil reconnu." in page and "Fermé l'été." in page
    assert "renseigner l'offre de Greta" in page
    assert ("Aucun acteur renseigné n'offre ce service\u00a0: Portail d'information en "
            "ligne.") in page
    assert "Un seul acteur offre ce service (Accueil sans rendez-vous)\u00a0: CIO." in page


def test_an_indicator_is_added_by_hand_with_the_territory_offered(world):
    client = client_for(world)
    response = client.post(url("indicator_add"), {
        "theme": "training", "label": "Organismes de formation", "value": "84",
        "unit": "establishments", "territory": "Rivemont", "observed_on": "2026-01-01",
        "source": "Carif-Oref", "version": 0})
    assert response.status_code == 302
    with scope(cite=world.cite):
        indicator = Indicator.objects.get()
    assert (indicator.label, indicator.value) == ("Organismes de formation", Decimal("84"))
    page = text(client.get(url("indicator_edit", indicator_id=indicator.pk)))
    assert 'list="territoires"' in page and "Supprimer l'indicateur" in page


def test_a_negative_value_is_exported_as_a_number_and_both_exports_reimport(world):
    """The XLSX wrote -120 as the text '-120 (the formula guard) and its import refused it."""
    client = client_for(world)
    client.post(url("import"), {"file": upload(
        GOOD + "Publics;Solde migratoire;-120;habitants;;31/12/2025;INSEE\r\n")})
    content = client.get(url("export_xlsx")).content
    rows = {row[1][0]: row for row in xlsx_cells(content)["Indicateurs"][1:]}
    assert rows["Solde migratoire"][2] == (-120, "n", "#,##0.##########")
    assert rows["Taux de chômage"][2] == (8.7, "n", "#,##0.##########")
    assert rows["Taux de chômage"][5] == (datetime(2026, 6, 30), "d", "dd/mm/yyyy")
    csv_text = client.get(url("export_csv")).content.decode("utf-8-sig")
    assert "Publics;Solde migratoire;-120;habitants;;31/12/2025;INSEE" in csv_text
    with scope(cite=world.cite):
        Indicator.objects.all().delete()
    for name, data in (("export.xlsx", content), ("export.csv", csv_text.encode())):
        again = text(client.post(url("import"), {"file": SimpleUploadedFile(name, data)}))
        assert ("4 indicateurs ajoutés" if name.endswith("xlsx") else "4 déjà présents") in again
    with scope(cite=world.cite):
        assert Indicator.objects.get(label="Solde migratoire").value == Decimal("-120")
