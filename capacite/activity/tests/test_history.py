"""Past tallies imported from a spreadsheet: all or nothing, errors named by line and column."""

from datetime import date

import pytest
from django_scopes import scope, scopes_disabled

from capacite.activity.domain.history import Vocabulary, parse_history
from capacite.activity.models import Visit
from capacite.activity.services import import_history
from capacite.lib.importers import ImportRefused
from capacite.offer.models import Pole, Site
from capacite.partners.models import Public

VOCAB = Vocabulary(sites={"site principal": 1}, poles={"trouver un emploi": 7},
                   publics={"jeunes": 3}, kinds={"entretien conseil": "interview",
                                                 "interview": "interview"},
                   age_bands={"16 a 25 ans": "16_25"}, sexes={"femme": "female"})
TODAY = date(2026, 12, 6)


def test_a_row_per_visit_and_a_row_per_day_with_a_count():
    table = [(1, ["Date", "Site", "Nature", "Pôles", "Public", "Demi-heure"]),
             (2, ["03/11/2026", "Site principal", "Entretien conseil", "Trouver un emploi",
                  "Jeunes", "14:40"])]
    rows, issues = parse_history(table, VOCAB, today=TODAY)
    assert issues == []
    assert [(r.day, r.slot, r.site, r.kind, r.poles, r.public, r.count) for r in rows] == [
        (date(2026, 11, 3), 29, 1, "interview", [7], 3, 1)]
    rows, _ = parse_history([(1, ["date", "site", "nature", "nombre"]),
                             (2, ["2026-11-03", "site principal", "interview", "42"])],
                            VOCAB, today=TODAY)
    assert [(r.slot, r.count) for r in rows] == [(None, 42)]


def test_every_error_is_named_by_line_and_column_and_nothing_is_kept():
    table = [(1, ["Date", "Site", "Nature", "Nombre"]),
             (2, ["31/02/2026", "Site principal", "interview", "3"]),
             (3, ["01/11/2026", "Annexe", "interview", "3"]),
             (4, ["01/11/2026", "Site principal", "café", "-1"]),
             (5, ["01/11/2026", "Site principal", "interview", "2"])]
    rows, issues = parse_history(table, VOCAB, today=TODAY)
    assert rows == []
    assert [str(i) for i in issues] == [
        "Ligne 2, colonne « Date » : « 31/02/2026 » n'est pas une date (JJ/MM/AAAA).",
        "Ligne 3, colonne « Site » : « Annexe » n'est pas un site de la Cité.",
        "Ligne 4, colonne « Nature » : « café » n'est pas une nature de passage connue.",
        "Ligne 4, colonne « Nombre » : « -1 » n'est pas un nombre entier de 0 à 5000."]


def test_an_unknown_column_refuses_the_file():
    _rows, issues = parse_history([(1, ["Date", "Site", "Nature", "Nom"])], VOCAB, today=TODAY)
    assert [str(i) for i in issues] == [
        "Ligne 1, colonne « Nom » : colonne inconnue (colonnes possibles : date, demi-heure, "
        "site, nature, pôles, public, tranche d'âge, sexe, première visite, lieu de résidence, "
        "orienté vers, nombre)."]


@pytest.mark.django_db
def test_an_import_writes_every_visit_or_none(world):
    with scope(cite=world.cite):
        Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        Pole.objects.create(cite=world.cite, name="Trouver un emploi")
        Public.objects.create(cite=world.cite, key="jeunes", label="Jeunes")
        good = ("date;site;nature;pôles;public;nombre\n"
                "02/11/2026;Site principal;Accueil et orientation;;Jeunes;12\n"
                "02/11/2026;Site principal;Entretien conseil;Trouver un emploi;;3\n").encode()
        assert import_history(world.cite, good, "passages.csv") == \
            "15 passages importés depuis 2 lignes."
        bad = good + "03/11/2026;Site principal;Entretien conseil;Pôle inconnu;;1\n".encode()
        with pytest.raises(ImportRefused) as refused:
            import_history(world.cite, bad, "passages.csv")
        assert refused.value.errors == [
            "Fichier « passages.csv », ligne 4, colonne « pôles » : « Pôle inconnu » n'est pas "
            "un pôle de la Cité."]
    with scopes_disabled():
        assert Visit.objects.count() == 15
        assert Visit.objects.filter(poles__name="Trouver un emploi").count() == 3
        assert set(Visit.objects.values_list("source", "slot")) == {("import", None)}


def _xlsx(rows) -> bytes:
    """A real XLSX file, as a Cité's spreadsheet would hold its counts."""
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Passages 2026"
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def territory_desk(world):
    """A site, a pôle, a territory of one EPCI and two communes, two partners."""
    from capacite.partners.models import Organisation
    from capacite.territory.models import CiteTerritory, Commune, Departement, Epci, Region

    region = Region.objects.create(year=2026, code="93", name="Provence-Alpes-Côte d'Azur")
    departement = Departement.objects.create(year=2026, code="06", name="Alpes-Maritimes",
                                             region=region)
    epci = Epci.objects.create(year=2026, code="240600585", name="CA de Sophia Antipolis",
                               kind="CA", population=180000)
    communes = {name: Commune.objects.create(year=2026, code=code, name=name,
                                             departement=departement, region=region, epci=epci)
                for code, name in (("06004", "Antibes"), ("06152", "Valbonne"))}
    with scope(cite=world.cite):
        Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        Pole.objects.create(cite=world.cite, name="Trouver un emploi")
        territory = CiteTerritory.objects.create(cite=world.cite)
        territory.epcis.add(epci)
        territory.communes.add(*communes.values())
        partners = {name: Organisation.objects.create(cite=world.cite, name=name,
                                                      kind="operator")
                    for name in ("Mission locale d'Alpha", "Cap emploi d'Alpha")}
    return {"epci": epci, "communes": communes, "partners": partners}


HEADER = ["Date", "Site", "Nature", "Lieu de résidence", "Orienté vers", "Nombre"]


@pytest.mark.django_db
def test_an_xlsx_history_carries_the_residence_and_the_partner_oriented_to(world,
                                                                           territory_desk):
    """Issue 14: the two columns the tally screen records are imported too, by name or code,
    from a real XLSX file (dates as the spreadsheet's own dates)."""
    data = _xlsx([HEADER,
                  [date(2026, 11, 2), "Site principal", "Accueil et orientation", "Antibes",
                   "Mission locale d'Alpha", 12],
                  [date(2026, 11, 2), "Site principal", "Accueil et orientation", "06152",
                   "cap emploi d'alpha", 4],
                  [date(2026, 11, 3), "Site principal", "Entretien conseil",
                   "CA de Sophia Antipolis", None, 5],
                  [date(2026, 11, 3), "Site principal", "Entretien conseil", "Hors territoire",
                   "Mission locale d'Alpha", 2],
                  [date(2026, 11, 4), "Site principal", "Accueil et orientation", None, None,
                   7]])
    with scope(cite=world.cite):
        assert import_history(world.cite, data, "historique-2026.xlsx") == \
            "30 passages importés depuis 5 lignes."
    communes, partners = territory_desk["communes"], territory_desk["partners"]
    with scopes_disabled():
        rows = Visit.objects.values_list("residence_epci", "residence_commune",
                                         "outside_territory", "oriented_to")
        counts: dict = {}
        for row in rows:
            counts[row] = counts.get(row, 0) + 1
    assert counts == {
        (None, communes["Antibes"].pk, False, partners["Mission locale d'Alpha"].pk): 12,
        (None, communes["Valbonne"].pk, False, partners["Cap emploi d'Alpha"].pk): 4,
        (territory_desk["epci"].pk, None, False, None): 5,
        (None, None, True, partners["Mission locale d'Alpha"].pk): 2,
        (None, None, False, None): 7}


@pytest.mark.django_db
def test_an_unknown_residence_or_partner_refuses_the_whole_file_naming_file_line_column(
        world, territory_desk):
    data = _xlsx([HEADER,
                  [date(2026, 11, 2), "Site principal", "Accueil et orientation", "Antibes",
                   "Mission locale d'Alpha", 12],
                  [date(2026, 11, 3), "Site principal", "Accueil et orientation", "Nice",
                   "Mission locale d'Alpha", 3],
                  [date(2026, 11, 4), "Site principal", "Entretien conseil", "Valbonne",
                   "Pôle emploi", 1]])
    with scope(cite=world.cite), pytest.raises(ImportRefused) as refused:
        import_history(world.cite, data, "historique-2026.xlsx")
    assert refused.value.errors == [
        "Fichier « historique-2026.xlsx », ligne 3, colonne « Lieu de résidence » : « Nice » "
        "n'est ni une commune ni un EPCI du territoire de la Cité (écrivez son nom, son code "
        "INSEE ou SIREN, ou « hors territoire »).",
        "Fichier « historique-2026.xlsx », ligne 4, colonne « Orienté vers » : « Pôle emploi » "
        "n'est pas un partenaire de la Cité."]
    with scopes_disabled():
        assert Visit.objects.count() == 0
