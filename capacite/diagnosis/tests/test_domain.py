"""Reading indicator files and counting the existing offer, without the database."""

import io
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook

from capacite.diagnosis.domain.indicators import IndicatorRow, parse_file, vocabulary
from capacite.diagnosis.domain.offer_map import ActorOffer, service_counts

VOCAB = vocabulary(
    [("economy", "Économie"), ("employment", "Emploi"), ("publics", "Publics"),
     ("training", "Offre de formation")],
    [("percent", "%"), ("people", "personnes"), ("establishments", "établissements")],
    {"formation": "training"}, {"pourcent": "percent"})
HEADER = "Thème;Indicateur;Valeur;Unité;Territoire;Date;Source\r\n"


def test_a_windows_1252_semicolon_file_reads_french_numbers_dates_and_loose_labels():
    text = HEADER + (
        "emploi;Taux de chômage;8,7;pourcent;Zone d'emploi de Rivemont;30/06/2026;INSEE\r\n"
        "ECONOMIE;Établissements employeurs;6 180;Établissements;;31/12/2025;\r\n"
        "Formation;Places en apprentissage;1150.5;personnes;Rivemont;2026-09-01;Région\r\n"
    )
    result = parse_file(text.encode("cp1252"), "indicateurs.csv", VOCAB)
    assert result.errors == []
    assert result.rows == [
        IndicatorRow(2, "employment", "Taux de chômage", Decimal("8.7"), "percent",
                     "Zone d'emploi de Rivemont", date(2026, 6, 30), "INSEE"),
        IndicatorRow(3, "economy", "Établissements employeurs", Decimal("6180"),
                     "establishments", "", date(2025, 12, 31), ""),
        IndicatorRow(4, "training", "Places en apprentissage", Decimal("1150.5"), "people",
                     "Rivemont", date(2026, 9, 1), "Région"),
    ]


def test_every_error_has_its_line_and_column_and_no_row_is_kept():
    text = "\ufeff" + HEADER.replace(";", ",") + (
        "Emploi,Taux de chômage,\"8,7\",%,,31/02/2026,\r\n"
        "Santé,Médecins,12,médecins,,01/01/2026,\r\n"
        "Publics,,douze,personnes,,,\r\n"
        "Emploi,Taux de chômage,9,%,,30/06/2026,\r\n"
        "Emploi,taux de CHÔMAGE,9,%,,30/06/2026,\r\n"
    )
    result = parse_file(text.encode("utf-8"), "indicateurs.csv", VOCAB)
    assert result.rows == []
    assert [str(e) for e in result.errors] == [
        "Ligne 2, colonne « Date » : « 31/02/2026 » n'est pas une date au format jj/mm/aaaa.",
        "Ligne 3, colonne « Thème » : « Santé » n'est pas une valeur connue (valeurs possibles "
        ": Économie, Emploi, Publics, Offre de formation).",
        "Ligne 3, colonne « Unité » : « médecins » n'est pas une valeur connue (valeurs "
        "possibles : %, personnes, établissements).",
        "Ligne 4, colonne « Indicateur » : l'intitulé de l'indicateur est obligatoire.",
        "Ligne 4, colonne « Valeur » : « douze » n'est pas un nombre (par exemple 12 345,5).",
        "Ligne 4, colonne « Date » : la date est obligatoire.",
        "Ligne 6 : cet indicateur (même thème, intitulé, territoire et date) figure déjà "
        "ligne 5.",
    ]


def test_unknown_and_missing_columns_are_reported_on_the_header_line():
    result = parse_file("Thème;Intitulé;Valeur\nEmploi;x;1\n".encode(), "a.csv", VOCAB)
    assert [str(e) for e in result.errors] == [
        "Ligne 1, colonne « Intitulé » : colonne inconnue (colonnes possibles : Thème, "
        "Indicateur, Valeur, Unité, Territoire, Date, Source).",
        "Ligne 1, colonne « Indicateur » : cette colonne obligatoire manque.",
        "Ligne 1, colonne « Unité » : cette colonne obligatoire manque.",
        "Ligne 1, colonne « Date » : cette colonne obligatoire manque.",
    ]


def test_an_xlsx_file_with_numbers_and_dates_as_cells():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Thème", "Indicateur", "Valeur", "Unité", "Date"])
    sheet.append(["Emploi", "Taux de chômage", 8.7, "%", datetime(2026, 6, 30)])
    sheet.append([None, None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = parse_file(buffer.getvalue(), "indicateurs.xlsx", VOCAB)
    assert result.errors == []
    assert [(r.line, r.value, r.observed_on) for r in result.rows] == [
        (2, Decimal("8.7"), date(2026, 6, 30))]


def test_service_counts_name_the_gaps_and_the_single_providers():
    offers = [ActorOffer("Mission locale", frozenset({"walk_in", "workshops"})),
              ActorOffer("cio", frozenset({"walk_in", "documentation"}))]
    counts = service_counts(offers, ["walk_in", "documentation", "portal"])
    assert [(c.service, c.count, c.actors, c.gap, c.thin) for c in counts] == [
        ("walk_in", 2, ("cio", "Mission locale"), False, False),
        ("documentation", 1, ("cio",), False, True),
        ("portal", 0, (), True, False),
    ]
