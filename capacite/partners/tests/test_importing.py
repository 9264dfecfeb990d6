"""Reading organisation files as French offices write them, without the database."""

import io
from datetime import date, datetime

from openpyxl import Workbook

from capacite.partners.domain.importing import ImportRow, parse_file, vocabulary

PUBLICS = [("young_people", "Jeunes"), ("jobseekers", "Demandeurs d'emploi"),
           ("employees", "Salariés")]
VOCAB = vocabulary(PUBLICS)
HEADER = "Nom;Type;Premier cercle;Champs;Publics;Rôles;Commune;Site web;Position;" \
         "Date de la position\r\n"


def test_a_windows_1252_semicolon_file_gives_every_row_with_labels_matched_loosely():
    text = HEADER + (
        "Mission locale de Rivemont;opérateur;;Orientation | EMPLOI;jeunes;Prestataire,"
        "prescripteur;Rivemont;www.ml-rivemont.fr;Allié;05/03/2027\r\n"
        "Région Val-de-Rive;Institution du premier cercle;Région;formation continue;"
        "Salariés, demandeurs d’emploi;Financeur;Castelnau;;;\r\n"
    )
    result = parse_file(text.replace("’", "'").encode("cp1252"), "orgs.csv", VOCAB)
    assert result.errors == []
    assert result.rows == [
        ImportRow(2, "Mission locale de Rivemont", "operator", "", ("orientation", "employment"),
                  ("young_people",), ("provider", "prescriber"), "Rivemont",
                  "https://www.ml-rivemont.fr", "ally", date(2027, 3, 5)),
        ImportRow(3, "Région Val-de-Rive", "first_circle", "region", ("continuing_training",),
                  ("employees", "jobseekers"), ("funder",), "Castelnau", "", "", None),
    ]


def test_a_utf8_comma_file_with_a_bom_and_quoted_multi_values_reads_the_same():
    text = "\ufeffNom,Type,Champs\r\nCIO,Institution,\"Orientation, Formation initiale\"\r\n"
    result = parse_file(text.encode("utf-8"), "orgs.csv", VOCAB)
    assert result.errors == []
    assert (result.rows[0].name, result.rows[0].kind, result.rows[0].fields) == (
        "CIO", "first_circle", ("orientation", "initial_training"))


def test_every_error_is_listed_with_its_line_and_column_and_no_row_is_kept():
    text = HEADER + (
        "CIO;Opérateur;;Orientation;;;;;Allié;31/02/2027\r\n"
        "CCI;Acteur économique;;Cuisine;;;;;;\r\n"
        ";Opérateur;;;;;;;;\r\n"
        "Greta;Opérateur;;;;;;;;\r\n"
    )
    result = parse_file(text.encode("cp1252"), "orgs.csv", VOCAB)
    assert result.rows == []
    assert [str(e) for e in result.errors] == [
        "Ligne 2, colonne « Date de la position » : « 31/02/2027 » n'est pas une date au "
        "format jj/mm/aaaa.",
        "Ligne 3, colonne « Champs » : « Cuisine » n'est pas une valeur connue (valeurs "
        "possibles : Orientation, Formation initiale, Formation continue, Emploi, Création "
        "d'activité).",
        "Ligne 4, colonne « Nom » : le nom est obligatoire.",
    ]


def test_unknown_and_missing_columns_are_reported_on_line_one():
    result = parse_file(b"Nom;Couleur\r\nCIO;bleu\r\n", "orgs.csv", VOCAB)
    assert [str(e) for e in result.errors] == [
        "Ligne 1, colonne « Couleur » : colonne inconnue (colonnes possibles : Nom, Type, "
        "Premier cercle, Champs, Publics, Rôles, Commune, Site web, Position, Date de la "
        "position).",
        "Ligne 1, colonne « Type » : cette colonne obligatoire manque.",
    ]


def test_the_same_name_twice_in_a_file_is_an_error_on_the_second():
    text = "Nom;Type\r\nCIO;Opérateur\r\ncio ;Opérateur\r\n"
    result = parse_file(text.encode(), "orgs.csv", VOCAB)
    assert [str(e) for e in result.errors] == [
        "Ligne 3, colonne « Nom » : « cio » figure déjà ligne 2."]


def test_a_position_needs_its_date_and_a_date_its_position():
    text = "Nom;Type;Position;Date de la position\r\nA;Autre;Hésitante;\r\nB;Autre;;01/02/2027\r\n"
    result = parse_file(text.encode(), "orgs.csv", VOCAB)
    assert [(e.line, e.column) for e in result.errors] == [
        (2, "Date de la position"), (3, "Position")]


def test_an_xlsx_sheet_with_real_dates_is_read_like_a_csv():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Type", "Position", "Date de la position", "Publics"])
    sheet.append(["Cap emploi", "Opérateur", "allié", datetime(2027, 1, 15), "Jeunes|Salariés"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = parse_file(buffer.getvalue(), "orgs.xlsx", VOCAB)
    assert result.errors == []
    assert (result.rows[0].stance, result.rows[0].stance_on, result.rows[0].publics) == (
        "ally", date(2027, 1, 15), ("young_people", "employees"))


def test_an_empty_file_says_so():
    assert [str(e) for e in parse_file(b"", "orgs.csv", VOCAB).errors] == [
        "Ligne 1 : le fichier est vide."]
