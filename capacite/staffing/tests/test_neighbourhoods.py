"""Issue 20's neighbourhoods: around a gap for coverage, a quarter of the staff for shares,
a day of a few people around a short desk stint."""

import random
import time

import pytest

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.greedy import first_roster
from capacite.staffing.domain.instance import Assignment, Solution
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.model import build_model, hint, minimise
from capacite.staffing.domain.neighbourhood import (
    day_part,
    fewer_fragments,
    partners_to_free,
    people_around_a_gap,
    search_neighbourhoods,
)
from capacite.staffing.domain.objective import goal_values
from capacite.staffing.domain.solve import solver_parameters
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import person, span
from capacite.staffing.tests.test_bound_and_sites import _greedy_misses_two


def test_a_coverage_neighbourhood_frees_who_could_hold_a_gap_and_who_shares_their_desks():
    instance = instance_from_json(_greedy_misses_two())
    roster = first_roster(instance)
    held = {(a.desk, a.day, a.start) for a in roster}
    gaps = [(desk, i) for (desk, i) in instance.need
            if (desk, *instance.slots[i]) not in held]
    assert [(desk, instance.slot_label(i)) for desk, i in gaps] == [
        ("b", "mardi 10:00"), ("b", "mardi 10:30")]
    # P0 and P1 can hold B at 10:00; P2 and P3 share their desks: four people, all freed.
    assert people_around_a_gap(instance, roster, random.Random(0)) == {"p0", "p1", "p2", "p3"}
    assert people_around_a_gap(instance, (), random.Random(0))  # everything is a gap
    full = tuple(Assignment(pid, 1, 600 + 30 * k, desk)
                 for pid, desk, first in (("p0", "a", 0), ("p1", "b", 0), ("p2", "a", 4),
                                          ("p3", "b", 4)) for k in range(first, first + 4))
    assert goal_values(instance, full)["uncovered"] == 0
    assert people_around_a_gap(instance, full, random.Random(0)) == set()


def test_coverage_neighbourhoods_close_the_first_roster_s_gaps():
    instance = instance_from_json(_greedy_misses_two())
    roster = build_model(instance)
    minimise(roster, stage="coverage")
    first = first_roster(instance)
    hint(roster, instance, first)
    found: list[int] = []

    def uncovered(r: tuple[Assignment, ...]) -> int:
        return goal_values(instance, r)["uncovered"]

    best = search_neighbourhoods(
        instance, roster, first, until=time.perf_counter() + 60,
        parameters=lambda seconds: solver_parameters(time_limit=seconds),
        seed=0, on_better=lambda r: found.append(uncovered(r)),
        done=lambda r: uncovered(r) == 0, choose=people_around_a_gap, score=uncovered)
    assert (uncovered(first), uncovered(best), found) == (2, 0, [0])


def test_with_forty_partners_a_share_neighbourhood_frees_a_quarter_of_the_staff():
    days = [span(1, "10:00", "14:00")]
    data = {"week_start": "2026-11-23", "slot_minutes": 30, "opening": days,
            "desks": [{"id": "a", "name": "A"}],
            "demand": [{"desk": "a", "people": 4} | days[0]],
            "partners": [{"id": f"p{k}", "name": f"P{k}", "fte_share": 0.025}
                         for k in range(40)],
            "staff": [person(f"e{k}", f"p{k}", 4, ["a"], days) for k in range(40)]}
    instance = instance_from_json(data)
    freed = partners_to_free(instance, (), random.Random(0))
    assert len(freed) == 10  # one person per partner: 10 partners, not 3


def test_the_residual_week_of_the_freed_people_needs_what_the_others_leave():
    from capacite.staffing.domain.neighbourhood import residual_instance

    instance = instance_from_json(_greedy_misses_two())
    kept = tuple(Assignment("p3", 1, 660 + 30 * k, "b") for k in range(6))  # B 11:00–14:00
    part = residual_instance(instance, kept, {"p0", "p1"})
    assert [p.id for p in part.staff] == ["p0", "p1"]
    assert sum(part.need.values()) == 16 - 6
    assert part.need[("b", instance.slot_index[(1, 600)])] == 1
    assert ("b", instance.slot_index[(1, 660)]) not in part.need


@pytest.mark.parametrize("light", [False, True])  # light: a network's site, no presolve
def test_closing_gaps_on_residual_weeks_reaches_the_floor_and_keeps_the_rules(light):
    from capacite.staffing.domain.neighbourhood import close_gaps

    instance = instance_from_json(_greedy_misses_two())
    found: list[int] = []
    best = close_gaps(instance, first_roster(instance), until=time.perf_counter() + 60,
                      seed=0, floor=0, light=light, on_better=lambda r: found.append(
                          goal_values(instance, r)["uncovered"]))
    assert found == [0]
    assert validate(instance, Solution("FEASIBLE", best, explain_uncovered(instance, best))) \
        == []


def _short_stint_week() -> tuple[dict, tuple[Assignment, ...]]:
    """Tuesday 10:00–14:00, desks A and B needing one person each, minimum shift 1 h. P (A, B)
    works A 10:00–12:00 and B until 12:30 — a half-hour desk stint —, Q A from 12:00, R (B
    only) B until 12:00 and S (B only) B from 12:30; everybody of one partner, P with a
    2 h 30 contract, the others 2 h."""
    day = [span(1, "10:00", "14:00")]
    data = {"week_start": "2026-11-23", "slot_minutes": 30, "opening": day,
            "desks": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "demand": [{"desk": d, "people": 1} | day[0] for d in "ab"],
            "partners": [{"id": "x", "name": "X", "fte_share": 1.0}],
            "staff": [person("p", "x", 2.5, ["a", "b"], day),
                      person("q", "x", 2, ["a", "b"], day),
                      person("r", "x", 2, ["b"], day), person("s", "x", 2, ["b"], day)],
            "rules": {"min_shift_minutes": 60, "max_shift_minutes": 360,
                      "max_shifts_per_day": 1}}
    held = {"p": [("a", k) for k in range(4)] + [("b", 4)], "q": [("a", k) for k in range(4, 8)],
            "r": [("b", k) for k in range(4)], "s": [("b", k) for k in range(5, 8)]}
    roster = tuple(sorted(Assignment(pid, 1, 600 + 30 * k, desk)
                          for pid, slots in held.items() for desk, k in slots))
    return data, roster


def test_a_day_part_needs_what_the_others_leave_and_the_contract_time_left():
    data, roster = _short_stint_week()
    instance = instance_from_json(data)
    part, kept = day_part(instance, roster, 1, {"p", "s"})
    assert [p.id for p in part.staff] == ["p", "s"]
    assert {(d.desk, d.span.start, d.span.end, d.people) for d in part.demand} == {
        ("a", 600, 630, 1), ("a", 630, 660, 1), ("a", 660, 690, 1), ("a", 690, 720, 1),
        ("b", 720, 750, 1), ("b", 750, 780, 1), ("b", 780, 810, 1), ("b", 810, 840, 1)}
    assert {a.staff for a in kept} == {"q", "r"} and len(kept) == 8
    assert [p.weekly_minutes for p in part.staff] == [150, 120]


def test_a_short_desk_stint_goes_when_two_people_change_their_hours():
    """No trade of desks removes P's half hour at B (R holds B only); S coming in at noon and
    P leaving then does, and nothing else changes."""
    data, roster = _short_stint_week()
    instance = instance_from_json(data)
    before = goal_values(instance, roster)
    assert before["stints"] == 6  # P's half hour counted twice
    found = fewer_fragments(instance, roster, until=time.perf_counter() + 10, seed=0,
                            on_better=lambda _roster: None)
    assert goal_values(instance, found) == before | {"stints": 4}  # one stint each
    # B: R until noon, S from noon; A: P from 10:00, Q until 14:00, each at one desk.
    assert sorted((a.staff, a.start) for a in found if a.desk == "b") == [
        ("r", 600), ("r", 630), ("r", 660), ("r", 690),
        ("s", 720), ("s", 750), ("s", 780), ("s", 810)]
    assert {a.desk for a in found if a.staff in "pq"} == {"a"}
    assert validate(instance, Solution("FEASIBLE", found,
                                       explain_uncovered(instance, found))) == []


def test_the_fragments_objective_counts_the_short_desk_stints_alone():
    """The day neighbourhoods around short stints minimise the short stints alone: on P's
    roster, one (the half hour at B), where the stints goal counts six."""
    from ortools.sat.python import cp_model

    data, roster = _short_stint_week()
    instance = instance_from_json(data)
    model = build_model(instance)
    minimise(model, stage="fragments", held={"uncovered": 0})
    chosen = {(a.staff, a.desk, instance.slot_index[(a.day, a.start)]) for a in roster}
    for key, var in model.x.items():
        model.model.add(var == int(key in chosen))  # the roster as it is
    solver = cp_model.CpSolver()
    assert solver.solve(model.model) == cp_model.OPTIMAL
    assert (solver.objective_value, solver.value(model.goals["stints"])) == (1, 6)
