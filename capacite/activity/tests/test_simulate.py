"""The demo's year of visits: its totals and shape, without the database."""

import random
from datetime import date, time, timedelta

from capacite.activity.domain.simulate import day_weight, draw_day, open_slots, spread


def test_open_slots_cover_the_spans_half_hour_by_half_hour():
    assert open_slots([(time(9), time(12, 30)), (time(14), time(15))]) == [
        18, 19, 20, 21, 22, 23, 24, 28, 29]


def test_a_closed_day_weighs_nothing_and_saturday_more_than_friday():
    slots = open_slots([(time(10), time(13)), (time(14), time(18))])
    friday, saturday, sunday = date(2026, 3, 13), date(2026, 3, 14), date(2026, 3, 15)
    assert day_weight(sunday, []) == 0.0
    assert day_weight(saturday, slots) > day_weight(friday, slots)
    assert day_weight(date(2026, 8, 14), slots) < day_weight(date(2026, 3, 13), slots) / 2


def test_spread_shares_the_total_exactly():
    rng = random.Random(1)
    weights = [0, 1.0, 2.0, 0, 1.5] * 73
    counts = spread(25000, weights, rng)
    assert sum(counts) == 25000
    assert all(c == 0 for c, w in zip(counts, weights, strict=True) if w == 0)


def test_a_seed_draws_the_same_day_again():
    slots = open_slots([(time(10), time(18))])
    day = date(2026, 3, 11)
    first = draw_day(random.Random(7), day=day, slots=slots, count=50, poles=5, partners=10)
    again = draw_day(random.Random(7), day=day, slots=slots, count=50, poles=5, partners=10)
    assert first == again and len(first) == 50
    assert all(v.slot in slots and v.day == day for v in first)
    assert all(v.pole_indexes == () for v in first if v.kind in ("documentation", "kiosk"))


def test_a_year_has_more_visits_in_march_than_in_august():
    rng = random.Random(3)
    days = [date(2025, 9, 1) + timedelta(days=i) for i in range(365)]
    slots = open_slots([(time(10), time(18))])
    counts = spread(25000, [day_weight(d, slots if d.weekday() < 6 else []) for d in days], rng)
    by_month = {}
    for d, c in zip(days, counts, strict=True):
        by_month[d.month] = by_month.get(d.month, 0) + c
    assert by_month[3] > 2 * by_month[8]
