"""The shared writers of lib/: Word set-up, spreadsheets and CSV, calendars."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from capacite.lib import exports, ics, word
from capacite.testing_files import ics_events, xlsx_cells, xlsx_sheet_setup

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")


# --- Word ---------------------------------------------------------------------------------

def test_a_column_is_never_narrower_than_its_longest_word():
    """The budget table cut « Documentatio/n » with equal columns."""
    available = 174 * word.EMU_PER_MM
    columns = [["Compte", "618", "64"], ["Intitulé", "Documentation", "Accueil : 1,18 ETP à "
                                         "recruter, le reste en mise à disposition"],
               ["2027", "5 000,00 €", "189 900,00 €"], ["2028", "5 100,00 €", "193 698,00 €"]]
    widths = word.column_widths(columns, available=available, bold_rows={0},
                                unbreakable={2, 3})
    assert sum(widths) == available
    point = 12700
    for cells, width in zip(columns, widths, strict=True):
        longest = max(word.text_points(w, bold=True) for text in cells for w in text.split())
        assert width >= (longest + word.CELL_PADDING_PT) * point
    assert widths[2] >= (word.text_points("189 900,00 €") + word.CELL_PADDING_PT) * point
    assert widths[0] < widths[1]  # the long text gets the room


def test_a_number_with_no_break_spaces_is_one_word_for_the_column_width():
    """LibreOffice cut « ≥ 20 000 » into « ≥ 20 00 » / « 0 » in the report's targets: the
    width counted « 000 » as the longest word, where Word keeps « 20\u202f000 » whole."""
    point = 12700
    target = "≥\u00a020\u202f000"
    widths = word.column_widths(
        [["Cible", target], ["Période", "2026"],
         ["Indicateur", "Visites par heure d'ouverture du public accueilli"]],
        available=100 * word.EMU_PER_MM, bold_rows={0})
    assert widths[0] >= round((word.text_points(target) + word.CELL_PADDING_PT) * point)


def test_a_word_document_is_a4_french_and_signed_capacite():
    import io

    from capacite.testing_files import docx_facts

    document = word.new_document(title="Titre", subject="Cité X",
                                 created=datetime(2027, 1, 5, 9, 30, tzinfo=UTC))
    word.new_section(document, landscape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    facts = docx_facts(buffer.getvalue())
    assert facts["page_sizes"] == [(11906, 16838), (16838, 11906)]  # A4, then A4 landscape
    assert facts["default_language"] == ["fr-FR"]
    assert facts["style_languages"] == ["fr-FR"]
    assert {k: facts["core"][k] for k in ("title", "subject", "creator", "lastModifiedBy",
                                          "created", "language")} == {
        "title": "Titre", "subject": "Cité X", "creator": "capacite",
        "lastModifiedBy": "capacite", "created": "2027-01-05T09:30:00Z", "language": "fr-FR"}


# --- spreadsheets and CSV ---------------------------------------------------------------------

SHEET = exports.Sheet("Indicateurs", [
    exports.Column("Indicateur"), exports.Column("Valeur", "decimal"),
    exports.Column("Montant", "money"), exports.Column("Date", "date"),
    exports.Column("Durée", "duration"), exports.Column("Nombre", "integer")], [
    ["Solde migratoire", Decimal("-120"), Decimal("1240.5"), date(2025, 12, 31), 35.5, 3],
    ["=HYPERLINK(\"x\")", Decimal("18.4"), None, None, None, None],
    ["Nom\x0bcollé depuis Word", Decimal("0"), Decimal("0"), date(2026, 1, 2), 0, 0],
])


def test_numbers_money_dates_and_durations_are_typed_and_only_text_is_guarded():
    content = exports.xlsx_bytes([SHEET], title="Indicateurs — Cité X")
    rows = xlsx_cells(content)["Indicateurs"]
    assert [cell[:2] for cell in rows[0]] == [(t, "s") for t in (
        "Indicateur", "Valeur", "Montant", "Date", "Durée", "Nombre")]
    assert rows[1] == [
        ("Solde migratoire", "s", "General"), (-120, "n", "#,##0.##########"),
        (1240.5, "n", '#,##0.00\\ "€"'), (datetime(2025, 12, 31), "d", "dd/mm/yyyy"),
        (timedelta(hours=35, minutes=30), "d", "[h]:mm"), (3, "n", "#,##0")]
    assert rows[2][0] == ("'=HYPERLINK(\"x\")", "s", "General")
    # a whole amount shows no « ,00 », as on the screens (capacite/lib/money.py)
    assert rows[3][2] == (0, "n", '#,##0\\ "€"')
    # the vertical tab openpyxl refuses: a line break, as Word meant it (capacite/lib/text.py)
    assert rows[3][0][0] == "Nom\ncollé depuis Word"
    setup = xlsx_sheet_setup(content)["Indicateurs"]
    assert {k: setup[k] for k in ("freeze", "paper", "fit_width", "fit_height", "fit_to_page",
                                  "title_rows")} == {
        "freeze": "A2", "paper": 9, "fit_width": 1, "fit_height": 0, "fit_to_page": True,
        "title_rows": "$1:$1"}
    assert setup["widths"]["A"] == len("collé depuis Word") + 2
    assert setup["widths"]["D"] == 13  # a date: dd/mm/yyyy and some air


def test_a_total_row_is_bold_and_outside_the_headers_filter():
    """LibreOffice sorted the dashboards' « Total » in among the months: it was filtered."""
    import io

    from openpyxl import load_workbook

    sheet = exports.Sheet("Visites", [exports.Column("Mois"), exports.Column("Visites",
                                                                             "integer")],
                          [("janvier", 120), ("février", 95), ("Total", 215)], total_rows=1)
    book = load_workbook(io.BytesIO(exports.xlsx_bytes([sheet], title="Visites")))
    page = book["Visites"]
    assert page.auto_filter.ref == "A1:B3"
    assert [(c.value, c.font.b) for c in page[4]] == [("Total", True), (215, True)]
    assert [c.font.b for c in page[3]] == [False, False]


def test_the_csv_writes_french_numbers_and_dates_with_the_bom_and_guards_only_text():
    text = exports.csv_text(SHEET)
    assert text.startswith("\ufeffIndicateur;Valeur;Montant;Date;Durée;Nombre\r\n")
    assert text.split("\r\n")[1:] == [
        "Solde migratoire;-120;1240,50;31/12/2025;35:30;3",
        '"\'=HYPERLINK(""x"")";18,4;;;;',
        '"Nom\ncollé depuis Word";0;0,00;02/01/2026;0:00;0', ""]


# --- calendars ---------------------------------------------------------------------------

def test_the_paris_rules_give_the_same_changes_as_the_time_zone_database():
    from dateutil.rrule import rrulestr

    zone = ics.paris_timezone()
    changes = []
    for observance in zone.subcomponents:
        rule = rrulestr(observance["RRULE"].to_ical().decode(),
                        dtstart=observance["DTSTART"].dt.replace(tzinfo=None))
        changes += rule.between(datetime(1996, 1, 1), datetime(2038, 1, 1), inc=True)
    expected = []
    moment = datetime(1996, 1, 1, tzinfo=UTC)
    while moment.year < 2038:  # every hour where Paris's offset changes, in local wall time
        after = moment + timedelta(hours=1)
        if moment.astimezone(PARIS).utcoffset() != after.astimezone(PARIS).utcoffset():
            expected.append((after.astimezone(PARIS) - (after.astimezone(PARIS).utcoffset()
                             - moment.astimezone(PARIS).utcoffset())).replace(tzinfo=None))
        moment = after
    assert sorted(changes) == expected
    assert len(expected) == 84


def test_a_summer_meeting_reads_14_00_the_way_ical_js_reads_it():
    from capacite.governance.domain.ics import Invitation, invitation_ics

    content = invitation_ics(Invitation(
        uid="m5@capacite", sequence=1, summary="Comité de pilotage",
        start=datetime(2026, 7, 9, 14, 0, tzinfo=PARIS),
        end=datetime(2026, 7, 9, 16, 0, tzinfo=PARIS),
        organizer_email="contact@cite.example", organizer_name="Cité X"))
    assert ics_events(content) == [("Comité de pilotage", datetime(2026, 7, 9, 12, 0,
                                                                   tzinfo=UTC))]
    assert b"RDATE" not in content
    assert 'ORGANIZER;CN="Cité X":mailto:contact@cite.example' in content.decode()
