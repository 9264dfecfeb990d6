"""Desk stints under the minimum shift count as fragments, in the goals and in the model."""

from dataclasses import replace

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.instance import Assignment, Solution
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.model import build_model, minimise
from capacite.staffing.domain.objective import GOALS, goal_values
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
