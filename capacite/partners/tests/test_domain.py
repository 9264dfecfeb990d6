"""Pure rules of the partnership map, tested without the database."""

from datetime import date

from capacite.partners.domain.alerts import (
    ContactRecord,
    NextStep,
    overdue_next_steps,
    silent_organisations,
)
from capacite.partners.domain.coverage import Actor, coverage_matrix, gaps
from capacite.partners.domain.exporting import neutralise, neutralise_rows
from capacite.partners.domain.stances import Assessment, month_ends, stance_counts
from capacite.partners.domain.text import normalise

TODAY = date(2027, 3, 31)


def test_an_organisation_silent_for_more_than_n_days_or_never_contacted_is_listed():
    records = [
        ContactRecord(1, "CIO", date(2027, 1, 1)),       # 89 days: fine
        ContactRecord(2, "CCI", date(2026, 12, 30)),     # 91 days: silent
        ContactRecord(3, "Région", None),                # never contacted
        ContactRecord(4, "Greta", date(2026, 6, 1)),     # 303 days
    ]
    silent = silent_organisations(records, today=TODAY, days=90)
    assert [(s.name, s.days) for s in silent] == [("Région", None), ("Greta", 303), ("CCI", 91)]


def test_exactly_n_days_of_silence_is_not_yet_an_alert():
    records = [ContactRecord(1, "CIO", date(2027, 1, 1))]
    assert silent_organisations(records, today=date(2027, 4, 1), days=90) == []


def test_only_next_steps_before_today_are_overdue_the_most_late_first():
    steps = [
        NextStep(1, 1, "CIO", "Envoyer la note", date(2027, 3, 30)),
        NextStep(2, 2, "CCI", "Rappeler", date(2027, 3, 31)),
        NextStep(3, 3, "Région", "Relancer", date(2027, 3, 1)),
    ]
    overdue = overdue_next_steps(steps, today=TODAY)
    assert [(o.step.organisation, o.days_late) for o in overdue] == [("Région", 30), ("CIO", 1)]


def test_the_coverage_matrix_lists_allies_then_hesitants_and_leaves_gaps_empty():
    actors = [
        Actor(1, "Mission locale", "hesitant", ("orientation",), ("young",), ("provider",)),
        Actor(2, "CIO", "ally", ("orientation",), ("young", "pupils"), ("provider",)),
        Actor(3, "CGT", "refusal", ("employment",), ("young",), ("prescriber",)),
        Actor(4, "Région", "ally", ("employment",), ("jobseekers",), ("funder",)),
    ]
    matrix = coverage_matrix(actors, fields=["orientation", "employment"],
                             publics=["young", "pupils", "jobseekers"])
    young = matrix[0].cells[0]
    assert [(e.name, e.stance, e.roles) for e in young.entries] == [
        ("CIO", "ally", ("provider",)), ("Mission locale", "hesitant", ("provider",))]
    assert [e.name for e in matrix[0].cells[1].entries] == ["CIO"]
    assert matrix[1].cells[0].empty  # only a refusal there: a gap
    assert gaps(matrix) == [("orientation", "jobseekers"), ("employment", "young"),
                            ("employment", "pupils")]


def test_stance_counts_take_each_organisations_latest_assessment_on_each_date():
    assessments = [
        Assessment(1, date(2027, 1, 10), 1, "hesitant"),
        Assessment(1, date(2027, 2, 5), 2, "ally"),
        Assessment(2, date(2027, 1, 20), 3, "refusal"),
        Assessment(2, date(2027, 1, 20), 4, "hesitant"),  # same day, recorded later: wins
        Assessment(3, date(2027, 3, 1), 5, "unknown"),
    ]
    counts = stance_counts(assessments, [date(2026, 12, 31), date(2027, 1, 31),
                                         date(2027, 2, 28), date(2027, 3, 31)])
    assert [(c.ally, c.hesitant, c.refusal) for c in counts] == [
        (0, 0, 0), (0, 2, 0), (1, 1, 0), (1, 1, 0)]


def test_month_ends_go_back_from_today_one_month_at_a_time():
    assert month_ends(last=date(2027, 3, 15), count=4) == [
        date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 15)]


def test_labels_match_whatever_the_case_accents_and_apostrophes():
    assert normalise("  Création  d’Activité ") == normalise("creation d'activite")


def test_cells_a_spreadsheet_would_run_as_formulas_get_an_apostrophe():
    assert [neutralise(v) for v in ["=SUM(A1)", "+33 1 02", "-2", "@cmd", "\tx", "\rx",
                                    "Mission locale", None, 12]] == [
        # a carriage return is a line break under the one cleaning rule (capacite/lib/text.py)
        "'=SUM(A1)", "'+33 1 02", "'-2", "'@cmd", "'\tx", "'\nx", "Mission locale", "", "12"]
    assert neutralise_rows([["=1", "a"]]) == [["'=1", "a"]]
