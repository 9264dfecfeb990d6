"""Desk trades between two people (`domain/swaps.py`): fewer desk stints, nothing else moved."""

import time
from typing import Any

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.instance import Assignment, Solution
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.objective import goal_values
from capacite.staffing.domain.swaps import fewer_stints
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import person, span


def _two_desks(locked: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Tuesday 10:00–14:00, desks A and B needing one person each; P and Q hold both."""
    return {"week_start": "2026-11-23", "slot_minutes": 30, "opening": [span(1, "10:00", "14:00")],
            "desks": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "demand": [{"desk": d, "people": 1} | span(1, "10:00", "14:00") for d in "ab"],
            "partners": [{"id": "x", "name": "X", "fte_share": 1.0}],
            "staff": [person("p", "x", 4, ["a", "b"], [span(1, "10:00", "14:00")]),
                      person("q", "x", 4, ["a", "b"], [span(1, "10:00", "14:00")])],
            "rules": {"min_shift_minutes": 120, "max_shift_minutes": 360,
                      "max_shifts_per_day": 1},
            "locked": locked or []}


def _crossed() -> tuple[Assignment, ...]:
    """P at A 10:00–11:00 then B to 14:00; Q the other way round: two 1 h fragments."""
    roster = []
    for k in range(8):
        start = 600 + 30 * k
        roster.append(Assignment("p", 1, start, "a" if k < 2 else "b"))
        roster.append(Assignment("q", 1, start, "b" if k < 2 else "a"))
    return tuple(sorted(roster))


def test_a_trade_of_desks_removes_the_fragments_and_keeps_everything_else():
    instance = instance_from_json(_two_desks())
    roster = _crossed()
    before = goal_values(instance, roster)
    assert before["stints"] == 6  # each: a 1 h fragment (counted twice) and a 3 h stint
    traded = fewer_stints(instance, roster, until=time.perf_counter() + 5)
    after = goal_values(instance, traded)
    assert after == before | {"stints": 2}  # one stint each; coverage and hours unchanged
    assert {a.staff: a.desk for a in traded if a.start == 600} == {"p": "b", "q": "a"}
    assert len({(a.desk, a.start) for a in traded}) == len(traded) == 16
    solution = Solution("FEASIBLE", traded, explain_uncovered(instance, traded))
    assert validate(instance, solution) == []


def test_locked_assignments_are_never_traded():
    locks = [{"staff": "p", "desk": "a", "day": 1, "start": "10:00"},
             {"staff": "q", "desk": "a", "day": 1, "start": "11:00"}]
    instance = instance_from_json(_two_desks(locks))
    roster = _crossed()
    # Every trade that would help moves P at 10:00 or Q at 11:00: the roster stays as it is.
    assert fewer_stints(instance, roster, until=time.perf_counter() + 5) == roster


def test_three_people_rotate_desks_where_no_two_can_trade():
    """P holds A and B, Q holds B and C, R holds C and A; each starts an hour at one desk and
    goes on at the next: no two can trade (neither holds the other's desk), a rotation of the
    three over the first hour leaves one stint each."""
    data = _two_desks()
    data["desks"].append({"id": "c", "name": "C"})
    data["demand"].append({"desk": "c", "people": 1} | span(1, "10:00", "14:00"))
    data["staff"] = [person(pid, "x", 4, skills, [span(1, "10:00", "14:00")])
                     for pid, skills in (("p", ["a", "b"]), ("q", ["b", "c"]),
                                         ("r", ["c", "a"]))]
    instance = instance_from_json(data)
    first = {"p": "a", "q": "b", "r": "c"}
    then = {"p": "b", "q": "c", "r": "a"}
    roster = tuple(sorted(Assignment(pid, 1, 600 + 30 * k, (first if k < 2 else then)[pid])
                          for pid in "pqr" for k in range(8)))
    assert goal_values(instance, roster)["stints"] == 9  # each a 1 h fragment and a 3 h stint
    rotated = fewer_stints(instance, roster, until=time.perf_counter() + 5)
    assert goal_values(instance, rotated) == goal_values(instance, roster) | {"stints": 3}
    assert {(a.staff, a.desk) for a in rotated} == {("p", "b"), ("q", "c"), ("r", "a")}
    assert validate(instance, Solution("FEASIBLE", rotated,
                                       explain_uncovered(instance, rotated))) == []
