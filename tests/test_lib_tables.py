"""Reading import files that are damaged, hostile or huge (issue 13, points 9, 10 and 11): every
reading error is one French line naming the file and, where known, the line; nothing raises."""

import io
import re
import zipfile

from openpyxl import Workbook

from capacite.lib.tables import ImportIssue, bounded, read_table


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite(content: bytes, part: str, change) -> bytes:
    """`content` (a zip) with the member `part` replaced by change(its bytes)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member.filename)
            target.writestr(member.filename, change(data) if member.filename == part else data)
    return buffer.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
ROWS = [["Nom", "Type"]] + [[f"Organisation {n}", "Opérateur"] for n in range(1, 201)]


def errors(data: bytes, filename: str) -> list[str]:
    table, issues = read_table(data, filename)
    assert table == [] or not issues
    return [str(issue) for issue in issues]


def test_a_csv_cell_longer_than_the_csv_limit_names_the_file_and_line():
    data = ("Nom;Type\r\nA;Opérateur\r\n" + "B" * 131_073 + ";Opérateur\r\n").encode()
    assert errors(data, "organisations.csv") == [
        "Fichier « organisations.csv », ligne 3 : une cellule dépasse 131\u202f072 caractères."]


def test_a_truncated_sheet_names_the_file_and_the_last_line_read():
    damaged = rewrite(xlsx(ROWS), SHEET, lambda xml: xml[: len(xml) // 2])
    [message] = errors(damaged, "organisations.xlsx")
    last = int(re.search(r"au-delà de la ligne (\d+)\.", message).group(1))
    assert 90 < last < 110  # about half of the 201 rows
    assert message == (f"Fichier « organisations.xlsx », ligne {last + 1} : la feuille est "
                       f"endommagée et ne se lit pas au-delà de la ligne {last}.")


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


def test_an_xlsx_with_entity_declarations_is_refused_before_parsing():
    def declare(xml):
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return LAUGHS + body.replace(b"<sheetData>", b"<sheetData><!-- &lol3; -->")

    hostile = rewrite(xlsx(ROWS[:3]), SHEET, declare)
    assert errors(hostile, "organisations.xlsx") == [
        "Fichier « organisations.xlsx » : la partie « xl/worksheets/sheet1.xml » du classeur "
        "déclare des entités XML, ce qu'un tableur n'écrit pas ; le fichier est refusé."]


def test_a_file_that_is_no_zip_at_all_says_so():
    assert errors(b"PK\x03\x04 not really", "organisations.xlsx") == [
        "Fichier « organisations.xlsx » : ce n'est pas un classeur XLSX (le fichier n'est pas "
        "une archive lisible)."]


def test_a_wrong_dimension_does_not_hide_rows():
    small = rewrite(xlsx(ROWS[:4]), SHEET,
                    lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:B1"', xml))
    assert b'<dimension ref="A1:B1"' in zipfile.ZipFile(io.BytesIO(small)).read(SHEET)
    table, issues = read_table(small, "organisations.xlsx")
    assert issues == []
    assert table == [(1, ["Nom", "Type"]), (2, ["Organisation 1", "Opérateur"]),
                     (3, ["Organisation 2", "Opérateur"]), (4, ["Organisation 3", "Opérateur"])]


def test_an_xlsx_unpacking_past_the_limit_is_refused_before_parsing(settings):
    settings.CAPACITE_IMPORT_MAX_UNPACKED_BYTES = 1024 * 1024
    bomb = rewrite(xlsx(ROWS[:2]), SHEET, lambda xml: xml.replace(
        b"<sheetData>", b"<sheetData>" + b" " * (2 * 1024 * 1024)))
    assert len(bomb) < 20_000
    assert errors(bomb, "bombe.xlsx") == [
        "Fichier « bombe.xlsx » : le classeur se décompresse en 2,0\xa0Mio, plus que les "
        "1,0\xa0Mio permis ; enregistrez-le sans les feuilles ou images inutiles, ou en CSV."]


def test_rows_past_the_limit_are_refused_with_the_line(settings):
    settings.CAPACITE_IMPORT_MAX_ROWS = 150
    assert errors(xlsx(ROWS), "organisations.xlsx") == [
        "Fichier « organisations.xlsx », ligne 152 : le fichier a plus de 150 lignes ; "
        "découpez-le en plusieurs fichiers."]
    csv = "\r\n".join(";".join(row) for row in ROWS).encode()
    assert errors(csv, "organisations.csv") == [
        "Fichier « organisations.csv », ligne 152 : le fichier a plus de 150 lignes ; "
        "découpez-le en plusieurs fichiers."]


def test_a_file_heavier_than_the_import_limit_is_refused(settings):
    settings.CAPACITE_IMPORT_MAX_BYTES = 1000
    assert errors(b"Nom;Type\r\n" + b"A;B\r\n" * 300, "organisations.csv") == [
        "Fichier « organisations.csv » : le fichier pèse 1,5\xa0Kio, plus que les 1000\xa0octets "
        "permis pour un import."]


def test_only_the_first_hundred_errors_are_listed_then_a_count():
    issues = [ImportIssue(line, "Nom", "le nom est obligatoire.") for line in range(2, 402)]
    shown = bounded(issues)
    assert len(shown) == 101
    assert shown[0] == "Ligne 2, colonne « Nom » : le nom est obligatoire."
    assert shown[99] == "Ligne 101, colonne « Nom » : le nom est obligatoire."
    assert shown[100] == ("… et 300 autres erreurs (400 en tout). Corrigez les premières puis "
                          "importez de nouveau.")
