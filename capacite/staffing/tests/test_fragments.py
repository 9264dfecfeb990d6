"""Desk stints under the minimum shift count as fragments, in the goals and in the model."""

from dataclasses import replace

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.instance import Assignment, Solution
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.lowerbound import uncovered_lower_bound
from capacite.staffing.domain.model import build_model, minimise
from capacite.staffing.domain.objective import GOALS, goal_values, penalty, short_stints, weights
from capacite.staffing.domain.solve import Progress, _Search
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import small_week


def tuesday_with_fragments() -> tuple[Assignment, ...]:
    """A valid Tuesday of the small week where three desk stints last under 2 h.

    Alice: reception 10:00–12:30, then emploi 12:30–14:00 (1 h 30, a fragment).
    Chloé: emploi 12:00–12:30 (a fragment), then reception 12:30–14:00 (a fragment).
    Bruno: emploi 10:00–14:00.
    """
    def run(who: str, desk: str, first: int, last: int) -> list[Assignment]:
        return [Assignment(who, 1, minute, desk) for minute in range(first, last, 30)]

    return tuple(sorted(run("alice", "accueil", 600, 750) + run("alice", "emploi", 750, 840)
                        + run("chloe", "emploi", 720, 750) + run("chloe", "accueil", 750, 840)
                        + run("bruno", "emploi", 600, 840)))


def test_a_stint_under_two_hours_counts_once_more_as_a_fragment():
    instance = instance_from_json(small_week())
    roster = tuesday_with_fragments()
    assert validate(instance, Solution("FEASIBLE", roster,
                                       explain_uncovered(instance, roster))) == []
    # 5 stints (Alice 2, Chloé 2, Bruno 1), 3 of them under 2 h.
    assert goal_values(instance, roster)["stints"] == 5 + 3


def test_the_model_counts_the_fragments_of_a_roster_exactly():
    from ortools.sat.python import cp_model

    instance = replace(instance_from_json(small_week()), locked=tuesday_with_fragments())
    roster = build_model(instance)
    minimise(roster, stage="all")
    solver = cp_model.CpSolver()
    solver.parameters.parse_text_format("num_workers: 8 max_time_in_seconds: 20")
    assert solver.solve(roster.model) == cp_model.OPTIMAL
    chosen = tuple(sorted(Assignment(pid, *instance.slots[i], desk)
                          for (pid, desk, i), var in roster.x.items()
                          if solver.boolean_value(var)))
    assert set(tuesday_with_fragments()) <= set(chosen)
    recomputed = goal_values(instance, chosen)
    assert {goal: solver.value(roster.goals[goal]) for goal in GOALS} == recomputed
    # Wednesday adds no fragment: reception and emploi are held 10:00–14:00 in one stint each.
    assert recomputed["stints"] == 8 + 2


def test_the_short_stints_of_a_roster_are_counted_once_each():
    instance = instance_from_json(small_week())
    assert short_stints(instance, tuesday_with_fragments()) == 3
    assert short_stints(instance, ()) == 0


def test_the_whole_model_stage_of_the_short_stints_takes_them_off_and_proves_nothing():
    """From the Tuesday with three short stints (Wednesday left uncovered), the stage
    "fragments" finds a roster without any — Bruno at emploi, Alice at reception all morning,
    Chloé at emploi from noon is one — holding coverage and the shares, and keeps it because
    the full penalty is lower; a short-stint optimum proves no goal of the roster."""
    from time import perf_counter

    instance = instance_from_json(small_week())
    start = tuesday_with_fragments()
    before = goal_values(instance, start)
    assert (before["uncovered"], before["share_deviation"]) == (16, 12)
    search = _Search(instance, build_model(instance), weights(instance), Progress(),
                     perf_counter(), start, uncovered_lower_bound(instance))
    search.run("fragments", 20.0, workers=2, seed=0, light_presolve=False)
    after = goal_values(instance, search.best)
    assert short_stints(instance, search.best) == 0
    assert after["uncovered"] <= 16 and after["share_deviation"] <= 12
    assert penalty(instance, after) < penalty(instance, before)
    assert len(search.progress.improvements) == 1  # the kept roster, recorded once
    assert search.optimal == [False] and search.proven == {"uncovered": 0}
    assert search.progress.bounds == []
