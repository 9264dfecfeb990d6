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
        "site, nature, pôles, public, tranche d'âge, sexe, première visite, nombre)."]


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
            "Ligne 4, colonne « pôles » : « Pôle inconnu » n'est pas un pôle de la Cité."]
    with scopes_disabled():
        assert Visit.objects.count() == 15
        assert Visit.objects.filter(poles__name="Trouver un emploi").count() == 3
        assert set(Visit.objects.values_list("source", "slot")) == {("import", None)}
