"""The label fonctionnement's deadline, one year after opening, with its warnings."""

from datetime import date

from capacite.review.domain.deadline import add_months, deadline


def level_on(today: date, *, confirmed: bool = False) -> str:
    return deadline(opened_on=date(2026, 1, 31), today=today, confirmed=confirmed).level


def test_the_dossier_is_due_one_year_after_the_opening():
    found = deadline(opened_on=date(2026, 1, 31), today=date(2026, 6, 1), confirmed=False)
    assert (found.due, found.days_left, found.level) == (date(2027, 1, 31), 244, "none")


def test_warnings_come_at_nine_and_eleven_months_then_overdue():
    assert [level_on(d) for d in (date(2026, 10, 30), date(2026, 10, 31), date(2026, 12, 30),
                                  date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 1))] \
        == ["none", "nine", "nine", "eleven", "eleven", "overdue"]


def test_a_confirmed_label_is_never_late_and_an_unopened_cite_has_no_deadline():
    assert level_on(date(2027, 3, 1), confirmed=True) == "confirmed"
    assert deadline(opened_on=None, today=date(2027, 3, 1), confirmed=False).due is None


def test_months_are_added_on_the_calendar():
    assert [add_months(date(2026, 1, 31), n) for n in (1, 11, 12)] == [
        date(2026, 2, 28), date(2026, 12, 31), date(2027, 1, 31)]
