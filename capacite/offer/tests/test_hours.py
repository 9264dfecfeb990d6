"""Opening hours computed from plain data (no database)."""

from datetime import date, datetime, time

import pytest
from django.utils import translation

from capacite.offer.domain.hours import (
    Closure,
    OpeningState,
    Schedule,
    Span,
    WeeklySpan,
    french_public_holidays,
    hours_between,
    hours_in_year,
    hours_per_week,
    opening_state,
    spans_on,
    weekly_errors,
)
from capacite.offer.domain.poles import new_pole_error, poles_warning, site_warning
from capacite.offer.domain.weekly import SpansError, parse_spans


def span(opens: str, closes: str) -> Span:
    return Span(time.fromisoformat(opens), time.fromisoformat(closes))


# Tuesday to Saturday, 10:00–18:00, and a late opening on Thursday until 20:00: 42 hours.
WEEK = tuple(WeeklySpan(d, span("10:00", "18:00")) for d in (1, 2, 4, 5)) + (
    WeeklySpan(3, span("10:00", "13:00")), WeeklySpan(3, span("14:00", "20:00")))


def test_hours_per_week_add_every_span():
    assert hours_per_week(WEEK) == 41.0


def test_spans_that_end_before_they_start_or_overlap_are_reported_in_french():
    bad = (WeeklySpan(0, span("12:00", "09:00")), WeeklySpan(3, span("10:00", "13:00")),
           WeeklySpan(3, span("12:30", "18:00")))
    assert weekly_errors(bad) == [
        "lundi : la fermeture (09:00) doit venir après l'ouverture (12:00).",
        "jeudi : les plages 10:00–13:00 et 12:30–18:00 se chevauchent.",
    ]
    assert weekly_errors(WEEK) == []


def test_spans_that_end_before_they_start_or_overlap_are_reported_in_english_to_english_readers():
    bad = (WeeklySpan(0, span("12:00", "09:00")), WeeklySpan(3, span("10:00", "13:00")),
           WeeklySpan(3, span("12:30", "18:00")))
    with translation.override("en"):
        assert weekly_errors(bad) == [
            "Monday: closing time (09:00) must come after opening time (12:00).",
            "Thursday: the ranges 10:00–13:00 and 12:30–18:00 overlap.",
        ]


SPANS_ERRORS = [
    ("9h-12h30 et midi", "« midi » n'est pas une plage horaire : écrivez par exemple "
                         "« 9:30-12:30, 14:00-18:00 ».",
     "“midi” is not a time range: write for example “9:30-12:30, 14:00-18:00”."),
    ("9:70-12:00", "« 9:70-12:00 » contient une heure qui n'existe pas.",
     "“9:70-12:00” contains a time that does not exist."),
    ("14h-12h", "« 14h-12h » : la fermeture doit venir après l'ouverture.",
     "“14h-12h”: closing time must come after opening time."),
    ("9h-12h, 11h-13h", "Les plages 09:00-12:00 et 11:00-13:00 se chevauchent.",
     "The ranges 09:00-12:00 and 11:00-13:00 overlap."),
]


@pytest.mark.parametrize(("text", "french", "english"), SPANS_ERRORS)
def test_typed_hours_that_cannot_be_read_say_why_in_the_readers_language(text, french, english):
    for language, expected in (("fr", french), ("en", english)):
        with translation.override(language), pytest.raises(SpansError) as refused:
            parse_spans(text)
        assert str(refused.value) == expected


def test_the_pole_rules_speak_the_readers_language():
    assert [new_pole_error(7), poles_warning(2), site_warning("site", 1)] == [
        "Le label Cité des métiers prévoit de 3 à 7 pôles de conseil : cette Cité en a déjà 7. "
        "Regroupez deux pôles avant d'en créer un autre.",
        "Le label demande au moins 3 pôles de conseil ouverts en permanence ; cette Cité en a 2.",
        "Un site Cité des métiers offre au moins 3 pôles de conseil ; celui-ci en offre 1. "
        "Sinon, déclarez-le centre associé ou point relais."]
    with translation.override("en"):
        assert [new_pole_error(7), poles_warning(2), site_warning("site", 1)] == [
            "The Cité des métiers label provides for 3 to 7 advice desks: this Cité already has "
            "7. Merge two desks before creating another.",
            "The label asks for at least 3 advice desks open at all times; this Cité has 2.",
            "A Cité des métiers site offers at least 3 advice desks; this one offers 1. "
            "Otherwise, declare it an associated centre or relay point."]


def test_holidays_and_closures_close_the_day_but_an_exception_wins():
    holidays = french_public_holidays([2027])
    schedule = Schedule(
        weekly=WEEK,
        closures=(Closure(date(2027, 8, 2), date(2027, 8, 22), "Fermeture d'été"),),
        holidays=holidays,
        exceptions={date(2027, 5, 8): (span("14:00", "17:00"),)},  # open on a bank holiday
    )
    assert holidays[date(2027, 7, 14)] == "Fête nationale"
    assert spans_on(schedule, date(2027, 7, 14)) == ()  # a Wednesday, holiday
    assert spans_on(schedule, date(2027, 8, 10)) == ()  # in the summer closure
    assert spans_on(schedule, date(2027, 5, 8)) == (span("14:00", "17:00"),)
    assert spans_on(schedule, date(2027, 7, 15)) == (span("10:00", "13:00"),
                                                    span("14:00", "20:00"))


def test_hours_over_a_week_and_a_year_count_holidays_and_closures():
    plain = Schedule(weekly=WEEK)
    assert hours_between(plain, date(2027, 3, 1), date(2027, 3, 7)) == 41.0
    # 2027 has 52 weeks and one extra Friday: 52 × 41 + 8.
    assert hours_in_year(plain, 2027) == 2140.0
    with_holidays = Schedule(weekly=WEEK, holidays=french_public_holidays([2027]))
    # Holidays on opening days in 2027: Fri 1 Jan, Sat 1 May, Thu 6 May, Sat 8 May, Wed 14 July,
    # Thu 11 Nov, Sat 25 Dec (Mon 29 Mar, Mon 17 May, Sun 15 Aug, Mon 1 Nov fall on closed days).
    assert hours_in_year(with_holidays, 2027) == 2140.0 - (8 + 8 + 9 + 8 + 8 + 9 + 8)


def test_open_now_answers_until_when_and_otherwise_the_next_opening():
    schedule = Schedule(weekly=WEEK, holidays=french_public_holidays([2027]))
    thursday = datetime(2027, 3, 4, 11, 30)
    assert opening_state(schedule, thursday) == OpeningState(True, until=datetime(2027, 3, 4,
                                                                                 13, 0))
    lunch = datetime(2027, 3, 4, 13, 15)
    assert opening_state(schedule, lunch) == OpeningState(
        False, next_opening=datetime(2027, 3, 4, 14, 0))
    sunday = datetime(2027, 3, 7, 9, 0)
    assert opening_state(schedule, sunday) == OpeningState(
        False, next_opening=datetime(2027, 3, 9, 10, 0))
    before_bastille_day = datetime(2027, 7, 13, 19, 0)  # Tuesday evening; Wednesday is a holiday
    assert opening_state(schedule, before_bastille_day) == OpeningState(
        False, next_opening=datetime(2027, 7, 15, 10, 0))


def test_a_site_that_never_opens_has_no_next_opening():
    assert opening_state(Schedule(weekly=()), datetime(2027, 1, 1, 12, 0)) == OpeningState(False)


def test_alsace_moselle_adds_good_friday_and_st_stephen():
    alsace = french_public_holidays([2027], subdivision="6AE")
    metropole = french_public_holidays([2027])
    assert sorted(set(alsace) - set(metropole)) == [date(2027, 3, 26), date(2027, 12, 26)]


def test_hours_between_counts_weekdays_and_equals_the_day_by_day_walk():
    """`hours_between` counts the ordinary weekdays and puts the exceptions, holidays and
    closures right one by one: on 300 drawn schedules it equals the sum of `spans_on` day by
    day (the rule that says when a site is open)."""
    import random
    from datetime import date, time, timedelta

    from capacite.offer.domain.hours import (
        Closure,
        Schedule,
        Span,
        WeeklySpan,
        french_public_holidays,
        hours_between,
        spans_on,
    )

    rng = random.Random(15)
    for _ in range(300):
        weekly = tuple(WeeklySpan(rng.randrange(7), Span(time(h), time(h + rng.randint(1, 4), 30)))
                       for h in rng.sample(range(6, 18), rng.randint(0, 5)))
        start = date(2026, 1, 1)
        exceptions = {start + timedelta(days=rng.randrange(400)):
                      (Span(time(9), time(12)),) if rng.random() < 0.5 else ()
                      for _ in range(rng.randint(0, 6))}
        closures = tuple(Closure(start + timedelta(days=x),
                                 start + timedelta(days=x + rng.randint(0, 20)), "fermeture")
                         for x in rng.sample(range(380), rng.randint(0, 3)))
        schedule = Schedule(weekly=weekly, exceptions=exceptions, closures=closures,
                            holidays=french_public_holidays([2026, 2027]))
        first = start + timedelta(days=rng.randrange(200))
        last = first + timedelta(days=rng.randrange(-3, 400))
        walked, day = 0, first
        while day <= last:
            walked += sum(span.minutes for span in spans_on(schedule, day))
            day += timedelta(days=1)
        assert hours_between(schedule, first, last) == walked / 60, (first, last)
