"""Opening-hours advice as plain data: each half-hour's load, state and people needed, exactly."""

from datetime import date
from fractions import Fraction

from capacite.dashboards.domain import advice
from capacite.dashboards.domain.advice import (
    BALANCED,
    CLOSED,
    IDLE,
    NO_DATA,
    WAIT,
    Thresholds,
    average_staffing,
    days_open,
    desk_advice,
    roster_demand,
    slot_advice,
)

CITE = Thresholds(interview_minutes=45, idle_percent=25, minimum_people=1)


def one(visits, days, staffed, *, is_open=True, thresholds=CITE):
    return slot_advice(weekday=1, slot=28, is_open=is_open, visits=visits, days_open=days,
                       staffed=Fraction(staffed), thresholds=thresholds)


def test_the_load_is_interviews_times_their_length_over_the_half_hours_open():
    # 26 interviews over 13 Tuesdays at 14:00, 45 minutes each: 2 × 45 / 30 = 3 advisers busy.
    slot = one(26, 13, 2)
    assert slot.load == Fraction(3)
    assert (slot.needed, slot.state) == (3, WAIT)
    assert slot.start_minute == 14 * 60


def test_as_many_advisers_as_the_load_is_balanced_and_one_more_interview_makes_people_wait():
    assert one(26, 13, 3).state == BALANCED
    slot = one(27, 13, 3)
    assert slot.load == Fraction(27 * 45, 13 * 30)  # 3.115…
    assert (slot.needed, slot.state) == (4, WAIT)


def test_an_adviser_used_under_the_idle_share_of_the_time_is_idle():
    # 4 interviews over 13 days of 45 min: 0.46 adviser busy; 2 rostered use 23 % of their time.
    assert one(4, 13, 2).load == Fraction(6, 13)
    assert (one(4, 13, 2).state, one(4, 13, 2).needed) == (IDLE, 1)
    # Exactly a quarter of their time (13 interviews of 30 min over 13 days for 4 advisers).
    quarter = Thresholds(interview_minutes=30, idle_percent=25, minimum_people=1)
    assert one(13, 13, 4, thresholds=quarter).load == 1
    assert one(13, 13, 4, thresholds=quarter).state == BALANCED
    assert one(12, 13, 4, thresholds=quarter).state == IDLE


def test_nobody_comes_and_nobody_is_rostered_the_minimum_is_still_asked():
    slot = one(0, 13, 0)
    assert (slot.load, slot.state, slot.needed) == (0, BALANCED, 1)
    none_kept = Thresholds(interview_minutes=45, idle_percent=25, minimum_people=0)
    assert one(0, 13, 0, thresholds=none_kept).needed == 0
    # One interview in thirteen weeks still asks a whole person: someone did come.
    assert one(1, 13, 0, thresholds=none_kept).needed == 1


def test_a_closed_half_hour_asks_nobody_and_one_never_open_in_the_period_has_no_data():
    closed = one(5, 0, 0, is_open=False)
    assert (closed.state, closed.needed, closed.load) == (CLOSED, 0, 0)
    new_hours = one(0, 0, 1)
    assert (new_hours.state, new_hours.needed) == (NO_DATA, 1)


def test_the_people_asked_stop_at_the_most_a_roster_demand_holds():
    assert one(400, 13, 0).needed == advice.MAX_PEOPLE


def test_days_open_counts_each_half_hour_of_the_week_once_a_day():
    # Tuesday 1 and 8 December 2026 open 10:00-11:00; Wednesday the 2nd only 10:00-10:30.
    counted = days_open({date(2026, 12, 1): [20, 21], date(2026, 12, 8): [20, 21, 21],
                         date(2026, 12, 2): [20], date(2026, 12, 9): []})
    assert counted == {(1, 20): 2, (1, 21): 2, (2, 20): 1}


def test_staffing_is_averaged_over_the_roster_weeks():
    weeks = [[("pole-1", 1, 600), ("pole-1", 1, 600), ("pole-1", 1, 630), ("reception", 1, 600)],
             [("pole-1", 1, 600)]]
    assert average_staffing(weeks) == {
        "pole-1": {(1, 20): Fraction(3, 2), (1, 21): Fraction(1, 2)},
        "reception": {(1, 20): Fraction(1, 2)}}
    assert average_staffing([]) == {}


def test_a_desk_gathers_its_open_observed_and_rostered_half_hours_and_sums_them():
    desk = desk_advice(
        desk="pole-1", open_slots=[(1, 20), (1, 21), (2, 20)],
        visits={(1, 20): 26, (1, 21): 4, (5, 20): 3},  # Saturday: counted while closed
        days_open={(1, 20): 13, (1, 21): 13, (2, 20): 12},
        staffed={(1, 20): Fraction(2), (1, 21): Fraction(2), (4, 30): Fraction(1, 2)},
        thresholds=CITE)
    assert [(s.weekday, s.slot, s.state, s.needed) for s in desk.slots] == [
        (1, 20, WAIT, 3), (1, 21, IDLE, 1), (2, 20, BALANCED, 1), (4, 30, CLOSED, 0),
        (5, 20, CLOSED, 0)]
    assert (desk.visits, desk.wait_slots, desk.idle_slots) == (33, 1, 1)
    assert desk.staffed_hours == 2  # (2 + 2) half-hours; the closed Thursday half-hour is left
    assert desk.needed_hours == Fraction(5, 2)
    assert desk.at(2, 20).state == BALANCED
    assert desk.at(3, 20) is None
    assert roster_demand(desk) == {(1, 600): 3, (1, 630): 1, (2, 600): 1}
