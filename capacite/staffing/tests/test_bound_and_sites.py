"""The max-flow floor on uncovered demand, and the site-by-site solve of a network week."""

import random
from typing import Any

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.greedy import first_roster, greedy_roster
from capacite.staffing.domain.instance import Solution
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.lowerbound import uncovered_lower_bound, workable_slots
from capacite.staffing.domain.model import build_model, minimise
from capacite.staffing.domain.objective import goal_values, weights
from capacite.staffing.domain.sites import solve_by_site, split_by_site
from capacite.staffing.domain.solve import solve
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import PROOF_LIMIT, person, short_week, small_week, span


def test_the_floor_of_the_short_week_counts_each_cause_exactly():
    # droits 4 (nobody) + emploi 4 (Emma's 2 h) + formation 2 (1 h < 2 h minimum) + Friday 4
    # (Gilles holds one of two desks): the minimum the solver proves.
    assert uncovered_lower_bound(instance_from_json(short_week())) == 14
    assert uncovered_lower_bound(instance_from_json(small_week())) == 0


def test_a_slot_outside_any_two_hour_run_of_need_is_not_workable():
    instance = instance_from_json(short_week())
    fanny = next(p for p in instance.staff if p.id == "fanny")
    gilles = next(p for p in instance.staff if p.id == "gilles")
    assert workable_slots(instance, "fanny", fanny.skills) == []
    assert [instance.slot_label(i) for i in workable_slots(instance, "gilles", gilles.skills)
            ] == ["vendredi 10:00", "vendredi 10:30", "vendredi 11:00", "vendredi 11:30"]


def _random_week(seed: int) -> dict[str, Any]:
    """A tiny random week: 3 desks, 5 people, Tuesday and Wednesday 10:00–14:00."""
    rng = random.Random(seed)
    desks = ["a", "b", "c"]
    demand = [{"desk": desk, "people": rng.randint(1, 2)} | span(day, f"{h}:00", f"{h + 1}:00")
              for desk in desks for day in (1, 2) for h in range(10, 14) if rng.random() < 0.8]
    staff = []
    for n in range(5):
        start = rng.choice(("10:00", "10:30", "11:00", "12:00"))
        staff.append(person(f"p{n}", "x", rng.choice((1.5, 2, 3, 4, 6)),
                            rng.sample(desks, rng.randint(1, 2)),
                            [span(day, start, "14:00") for day in (1, 2)
                             if rng.random() < 0.8]))
    return {"week_start": "2026-11-23", "slot_minutes": 30,
            "opening": [span(1, "10:00", "14:00"), span(2, "10:00", "14:00")],
            "desks": [{"id": d, "name": d.upper()} for d in desks], "demand": demand,
            "partners": [{"id": "x", "name": "X", "fte_share": 1.0}], "staff": staff,
            "rules": {"min_shift_minutes": 120, "max_shift_minutes": 180,
                      "max_shifts_per_day": 1}}


def test_the_floor_never_exceeds_the_proven_minimum_shortfall():
    from ortools.sat.python import cp_model

    floors, minima = [], []
    for seed in range(12):
        instance = instance_from_json(_random_week(seed))
        roster = build_model(instance)  # without the floor constraint that solve adds
        minimise(roster, stage="coverage")
        solver = cp_model.CpSolver()
        solver.parameters.parse_text_format("num_workers: 8 max_time_in_seconds: 20")
        assert solver.solve(roster.model) == cp_model.OPTIMAL
        floors.append(uncovered_lower_bound(instance))
        minima.append(round(solver.objective_value))
    assert all(floor <= best for floor, best in zip(floors, minima, strict=True))
    # Equal on 8 of 12 weeks; below where the shift rules bind in ways a flow cannot see.
    assert floors == [40, 32, 25, 50, 36, 18, 30, 28, 32, 26, 42, 46]
    assert minima == [40, 34, 25, 50, 40, 22, 32, 28, 34, 34, 42, 46]


def test_the_search_stops_on_reaching_the_floor_and_proves_a_higher_minimum_itself():
    instance = instance_from_json(_random_week(2))  # first roster 28, floor 25 = minimum
    assert goal_values(instance, first_roster(instance))["uncovered"] == 28
    solution, progress = solve(instance, time_limit=PROOF_LIMIT)
    assert (solution.status, solution.objective["uncovered"]) == ("OPTIMAL", 25)
    assert solution.objective["uncovered_lower_bound"] == 25
    assert progress.covered == next(t for t, _p, u in progress.improvements if u == 25)
    assert validate(instance, solution) == []
    instance = instance_from_json(_random_week(1))  # first roster 34, floor 32, minimum 34
    solution, progress = solve(instance, time_limit=PROOF_LIMIT)
    assert (solution.status, solution.objective["uncovered"]) == ("OPTIMAL", 34)
    assert solution.objective["uncovered_lower_bound"] == 34
    assert progress.covered == 0.0  # the first roster was already best: CP-SAT proved it


def test_the_first_roster_leaves_fewer_gaps_than_the_reference_greedy_and_stays_valid():
    # Reference greedy / first roster / floor: 42 / 40 / 40 and 26 / 22 / 18.
    for seed, reference, first in ((0, 42, 40), (5, 26, 22)):
        instance = instance_from_json(_random_week(seed))
        assert goal_values(instance, greedy_roster(instance))["uncovered"] == reference
        roster = first_roster(instance)
        assert goal_values(instance, roster)["uncovered"] == first
        solution = Solution("GREEDY", roster, explain_uncovered(instance, roster))
        assert validate(instance, solution) == []


def test_a_greedy_roster_on_the_floor_is_proven_before_the_search():
    instance = instance_from_json(short_week())
    solution, progress = solve(instance, time_limit=PROOF_LIMIT)
    assert goal_values(instance, greedy_roster(instance))["uncovered"] == 14
    assert progress.covered == 0.0
    assert progress.bounds[0] == (0.0, weights(instance)["uncovered"] * 14)
    assert solution.status == "OPTIMAL"
    assert solution.objective["uncovered_lower_bound"] == 14


def _two_sites() -> dict[str, Any]:
    """small_week at two sites, "nord" and "sud", each with its own people and desks."""
    north, south = small_week(), small_week()
    data = dict(north)
    data["desks"] = ([d | {"site": "nord"} for d in north["desks"]]
                     + [d | {"id": "s-" + d["id"], "site": "sud"} for d in south["desks"]])
    data["demand"] = north["demand"] + [d | {"desk": "s-" + d["desk"]} for d in south["demand"]]
    data["staff"] = north["staff"] + [
        s | {"id": "s-" + s["id"], "name": "Sud " + s["name"],
             "skills": ["s-" + k for k in s["skills"]]} for s in south["staff"]]
    return data


def test_a_network_week_splits_by_site_unless_somebody_works_at_two():
    instance = instance_from_json(_two_sites())
    parts = split_by_site(instance)
    assert parts is not None
    assert [[p.id for p in part.staff] for part in parts] == [
        ["alice", "bruno", "chloe", "david"], ["s-alice", "s-bruno", "s-chloe", "s-david"]]
    assert [[d.id for d in part.desks] for part in parts] == [["accueil", "emploi"],
                                                              ["s-accueil", "s-emploi"]]
    assert [sum(part.need.values()) for part in parts] == [36, 36]
    both = _two_sites()
    both["staff"][0]["skills"] = ["accueil", "s-emploi"]
    assert split_by_site(instance_from_json(both)) is None
    assert split_by_site(instance_from_json(small_week())) is None


def test_the_site_by_site_solve_returns_a_valid_complete_network_roster():
    instance = instance_from_json(_two_sites())
    solution, progress = solve_by_site(instance, time_limit=2 * PROOF_LIMIT)
    assert validate(instance, solution) == []
    assert solution.status == "FEASIBLE"  # nothing below coverage proven over the network
    assert solution.objective["uncovered"] == 0
    assert solution.objective["uncovered_lower_bound"] == 0
    assert len(solution.assignments) == 72
    assert progress.covered == 0.0
    assert set(solution.timings) == {"greedy_seconds", "build_seconds", "solve_seconds",
                                     "first_solution_seconds"}
    # Each site alone ends on its optimum: its shares 4 slots off (its floor), 5 stints.
    alone, _progress = solve(instance_from_json(small_week()), time_limit=PROOF_LIMIT)
    assert (alone.objective["share_deviation"], alone.objective["stints"]) == (4, 5)
    # On the network the two sites' deviations cancel out: the network's hand-overs first,
    # 8 → 0 (the network's floor) for 11 desk stints; then the sites, each with every
    # partner's slots there held (the shares cannot move), bring the stints back to 10.
    # Solving the sites first and balancing the network after ended with 11.
    w = weights(instance)
    assert [p for _t, p, _u in progress.improvements] == [
        11 * w["stints"] + 100 * w["peak_load"]] + [
        10 * w["stints"] + 100 * w["peak_load"]] * 2 == [161_195, 146_550, 146_550]
    values = goal_values(instance, solution.assignments)
    assert (values["share_deviation"], values["stints"]) == (0, 10)


def _greedy_misses_two() -> dict[str, Any]:
    """Tuesday 10:00–14:00, desks A and B (1 each): 16 units, all coverable (P0 at A and P1 at
    B until noon, P2 and P3 after), but the first roster leaves 2. Partners X and Y at 50 %
    each; Y's only person works 4 slots at most, so a covered week deviates 8 slots at least
    (X 12, Y 4 against 8 and 8)."""
    rules = {"min_shift_minutes": 120, "max_shift_minutes": 240, "max_shifts_per_day": 1}
    return {"week_start": "2026-11-23", "slot_minutes": 30, "opening": [span(1, "10:00", "14:00")],
            "desks": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "demand": [{"desk": d, "people": 1} | span(1, "10:00", "14:00") for d in "ab"],
            "partners": [{"id": "x", "name": "X", "fte_share": 0.5},
                         {"id": "y", "name": "Y", "fte_share": 0.5}],
            "staff": [person("p0", "x", 2, ["b", "a"], [span(1, "10:00", "14:00")]),
                      person("p1", "y", 2, ["b", "a"], [span(1, "10:00", "14:00")]),
                      person("p2", "x", 2, ["a", "b"], [span(1, "12:00", "14:00")]),
                      person("p3", "x", 3, ["b"], [span(1, "11:00", "14:00")])],
            "rules": rules}


def test_an_unproven_bound_is_null_not_zero():
    from capacite.staffing.domain.jsonio import solution_to_json

    instance = instance_from_json(_greedy_misses_two())
    assert uncovered_lower_bound(instance) == 0
    assert goal_values(instance, first_roster(instance))["uncovered"] == 2
    # No time to search: the first roster, 2 units short, and nothing proven about it.
    solution, progress = solve(instance, time_limit=0.01)
    assert solution.status == "GREEDY_UNKNOWN"
    assert (solution.objective["uncovered"], solution.objective["uncovered_lower_bound"]) \
        == (2, 0)
    assert solution.objective["best_bound"] is None
    assert solution_to_json(solution)["objective"]["best_bound"] is None
    assert progress.bounds == []


def test_a_shortfall_floor_is_a_bound_even_before_any_search():
    """A desk nobody can hold (C, 10:00–12:00: 4 units) is a proven shortfall from the flow
    floor; with no time to search, the bound is that floor, not null and not 0."""
    data = _greedy_misses_two()
    data["desks"].append({"id": "c", "name": "C"})
    data["demand"].append({"desk": "c", "people": 1} | span(1, "10:00", "12:00"))
    instance = instance_from_json(data)
    assert uncovered_lower_bound(instance) == 4
    solution, _progress = solve(instance, time_limit=0.01)
    assert solution.status == "GREEDY_UNKNOWN"
    assert (solution.objective["uncovered"], solution.objective["uncovered_lower_bound"]) \
        == (6, 4)
    assert solution.objective["best_bound"] == 4 * weights(instance)["uncovered"] \
        == 20_463_812.0


def test_once_coverage_is_proven_the_bound_includes_the_share_floor():
    from capacite.staffing.domain.lowerbound import share_deviation_floor

    instance = instance_from_json(_greedy_misses_two())
    assert share_deviation_floor(instance, 16) == 8
    solution, progress = solve(instance, time_limit=PROOF_LIMIT, coverage_only=True)
    assert validate(instance, solution) == []
    assert (solution.objective["uncovered"], solution.objective["uncovered_lower_bound"]) \
        == (0, 0)
    assert solution.objective["best_bound"] == 8 * weights(instance)["share_deviation"]
    assert progress.bounds[-1][1] == solution.objective["best_bound"]
    assert solution.objective["best_bound"] == 879_912.0  # 8 slots × 109,989
    # Searched in full, every goal is proven: the bound is the penalty, floor included —
    # 8 slots of shares (its floor), 4 desk stints (one per person), peak load 100 %.
    solution, _progress = solve(instance, time_limit=PROOF_LIMIT)
    assert solution.status == "OPTIMAL"
    w = weights(instance)
    assert (solution.objective["share_deviation"], solution.objective["stints"],
            solution.objective["peak_load"]) == (8, 4, 100)
    assert solution.objective["best_bound"] == solution.objective["penalty"] \
        == 8 * w["share_deviation"] + 4 * w["stints"] + 100 * w["peak_load"] == 893_344


def test_a_network_bound_adds_the_sites_and_is_null_when_nothing_is_proven():
    from capacite.staffing.domain.sites import network_bound

    instance = instance_from_json(_two_sites())
    solution, _progress = solve_by_site(instance, time_limit=2 * PROOF_LIMIT)
    assert solution.objective["best_bound"] == 0.0  # both sites covered, the floor of shares 0
    assert network_bound(instance, 0, covered=False) is None
    assert network_bound(instance, 3, covered=False) == 3 * weights(instance)["uncovered"]


def test_a_solve_with_the_partners_slots_held_keeps_them_and_their_shares():
    """X works all 16 slots of the desk, Y none, against half each. Solved freely, Y's person
    takes 4 h (shares 16 → 0); with each partner's slots held, as a network's site is once the
    network's shares are balanced, X keeps its 16 slots and the shares stay where they were."""
    from capacite.staffing.tests.test_handover import _all_by_x, _one_desk, _valid

    instance = instance_from_json(_one_desk())
    start = _all_by_x()
    free, _progress = solve(instance, time_limit=PROOF_LIMIT, start=start)
    assert (free.objective["uncovered"], free.objective["share_deviation"]) == (0, 0)
    held, _progress = solve(instance, time_limit=PROOF_LIMIT, start=start,
                            partner_slots={"x": 16, "y": 0})
    assert _valid(instance, held.assignments) == []
    assert sorted({a.staff for a in held.assignments}) == ["p", "q"]
    assert len(held.assignments) == 16
    assert (held.objective["uncovered"], held.objective["share_deviation"]) == (0, 16)
    assert held.objective["uncovered_lower_bound"] == 0
