"""Issue 20's neighbourhoods: around a gap for coverage, a quarter of the staff for shares."""

import random
import time

from capacite.staffing.domain.greedy import first_roster
from capacite.staffing.domain.instance import Assignment
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.model import build_model, hint, minimise
from capacite.staffing.domain.neighbourhood import (
    partners_to_free,
    people_around_a_gap,
    search_neighbourhoods,
)
from capacite.staffing.domain.objective import goal_values
from capacite.staffing.domain.solve import solver_parameters
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


def test_closing_gaps_on_residual_weeks_reaches_the_floor_and_keeps_the_rules():
    from capacite.staffing.domain.explain import explain_uncovered
    from capacite.staffing.domain.instance import Solution
    from capacite.staffing.domain.neighbourhood import close_gaps
    from capacite.staffing.domain.validate import validate

    instance = instance_from_json(_greedy_misses_two())
    found: list[int] = []
    best = close_gaps(instance, first_roster(instance), until=time.perf_counter() + 60,
                      seed=0, floor=0, on_better=lambda r: found.append(
                          goal_values(instance, r)["uncovered"]))
    assert found == [0]
    assert validate(instance, Solution("FEASIBLE", best, explain_uncovered(instance, best))) \
        == []
