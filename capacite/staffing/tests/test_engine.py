"""The roster engine: solving, explaining gaps, locks, the greedy baseline and the validator."""

from dataclasses import replace

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.greedy import greedy_roster
from capacite.staffing.domain.instance import DAY_NAMES, Assignment, Solution, format_time
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.objective import GOALS, goal_values, weights
from capacite.staffing.domain.solve import solve
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import PROOF_LIMIT, short_week, small_week


def test_a_small_week_is_solved_to_optimum_with_every_desk_covered():
    instance = instance_from_json(small_week())
    solution, _progress = solve(instance, time_limit=PROOF_LIMIT)
    assert solution.status == "OPTIMAL"
    assert len(solution.assignments) == 36
    assert solution.uncovered == ()
    assert {goal: solution.objective[goal] for goal in GOALS} == {
        "uncovered": 0, "share_deviation": 4, "stints": 5, "preference_misses": 0,
        "peak_load": 100}
    assert solution.objective["penalty"] == solution.objective["best_bound"]
    assert validate(instance, solution) == []


def test_the_solved_roster_has_a_first_solution_time_and_goal_values_it_recomputes():
    instance = instance_from_json(small_week())
    solution, progress = solve(instance, time_limit=PROOF_LIMIT)
    assert solution.timings["first_solution_seconds"] == round(progress.improvements[0][0], 3)
    assert goal_values(instance, solution.assignments) == {
        goal: solution.objective[goal] for goal in GOALS}


def test_weights_make_one_uncovered_slot_cost_more_than_all_lower_goals_together():
    instance = instance_from_json(small_week())
    w = weights(instance)
    # 36 units of demand, 48 slots of contracted hours: at most 36 slots worked, so at most
    # 72 stints counted (each could be a fragment, counted twice).
    assert w == {"peak_load": 1, "preference_misses": 101, "stints": 7373,
                 "share_deviation": 538229, "uncovered": 39290717}
    assert w["uncovered"] == 1 + 100 + 101 * 72 + 7373 * 72 + 538229 * 72


def test_every_uncovered_slot_of_a_short_week_has_its_computed_reason():
    instance = instance_from_json(short_week())
    solution, _progress = solve(instance, time_limit=PROOF_LIMIT)
    assert solution.status == "OPTIMAL"
    assert validate(instance, solution) == []
    reasons = {(gap.desk, gap.day): gap.reason for gap in solution.uncovered}
    held_desk = "metiers" if ("metiers", 4) in reasons else "orientation"
    assert reasons == {("droits", 1): "nobody_available", ("emploi", 2): "hours_exhausted",
                       ("formation", 3): "rule_conflict", (held_desk, 4): "held_elsewhere"}
    assert [(gap.desk, gap.start) for gap in solution.uncovered if gap.day in (1, 3)] == [
        ("droits", 600), ("droits", 630), ("droits", 660), ("droits", 690),
        ("formation", 600), ("formation", 630)]
    # Emma's 2 h may sit anywhere on Wednesday; Gilles may hold either Friday desk.
    assert len([gap for gap in solution.uncovered if gap.day == 2]) == 4
    assert len([gap for gap in solution.uncovered if gap.day == 4]) == 4
    assert solution.objective["uncovered"] == 14
    assert solution.objective["uncovered_lower_bound"] == 14


def test_a_reason_names_the_people_and_the_rule():
    instance = instance_from_json(short_week())
    solution, _progress = solve(instance, time_limit=PROOF_LIMIT)
    details: dict[str, str] = {}
    for gap in solution.uncovered:
        details.setdefault(gap.reason, gap.detail.split(" : ", 1)[1])
    assert details == {
        "rule_conflict": "une règle de service l'empêche : Fanny : seul un bloc de 1 h "
                         "resterait, sous le minimum de 2 h",
        "hours_exhausted": "les heures des personnes compétentes sont épuisées : "
                           "Emma : 2 h déjà faites",
        "nobody_available": "personne n'a la compétence et n'est disponible à cette heure",
        "held_elsewhere": "les personnes compétentes tiennent un autre poste : Gilles tient "
                          + ("« Orientation »" if solution.uncovered[-1].desk == "metiers"
                             else "« Metiers »")}


def test_an_idle_person_who_could_fill_a_gap_marks_it_not_proven():
    instance = instance_from_json(small_week())
    gaps = explain_uncovered(instance, ())
    assert {gap.reason for gap in gaps} == {"not_proven"}
    assert len(gaps) == 32  # 36 units, the four 2-person noon slots count once each


def test_locked_assignments_are_kept_after_a_re_solve():
    data = small_week()
    data["locked"] = [{"staff": "david", "desk": "accueil", "day": 2, "start": start}
                      for start in ("10:00", "10:30", "11:00", "11:30")] + [
        {"staff": "bruno", "desk": "emploi", "day": 1, "start": start}
        for start in ("12:00", "12:30", "13:00", "13:30")]
    instance = instance_from_json(data)
    solution, _progress = solve(instance, time_limit=PROOF_LIMIT)
    assert solution.status == "OPTIMAL"
    assert set(instance.locked) <= set(solution.assignments)
    assert validate(instance, solution) == []
    assert solution.objective["uncovered"] == 0


def test_the_greedy_baseline_is_valid_and_deterministic():
    for data in (small_week(), short_week()):
        instance = instance_from_json(data)
        roster = greedy_roster(instance)
        solution = Solution("GREEDY", roster, explain_uncovered(instance, roster))
        assert validate(instance, solution) == []
        assert greedy_roster(instance) == roster
    assert len(greedy_roster(instance_from_json(small_week()))) == 36


def _solved_small_week():
    instance = instance_from_json(small_week())
    return instance, solve(instance, time_limit=PROOF_LIMIT)[0]


def test_the_validator_names_a_person_placed_without_the_skill():
    instance, solution = _solved_small_week()
    # Bruno (emploi only) or David (reception only), whichever the optimum employs first.
    moved = min(a for a in solution.assignments if a.staff in ("bruno", "david"))
    other = {"bruno": ("accueil", "Bruno", "Accueil"), "david": ("emploi", "David", "Emploi")}
    desk, name, desk_name = other[moved.staff]
    broken = replace(solution, assignments=tuple(
        replace(a, desk=desk) if a == moved else a for a in solution.assignments))
    errors = validate(instance, broken)
    when = f"{DAY_NAMES[moved.day]} {format_time(moved.start)}"
    assert f"{name} n'a pas la compétence « {desk_name} » ({when})" in errors


def test_the_validator_names_unavailability_two_places_short_shifts_and_hours():
    instance, solution = _solved_small_week()
    extra = (Assignment("bruno", 2, 600, "emploi"),  # Bruno works Tuesdays only
             Assignment("alice", 1, 600, "accueil"), Assignment("alice", 1, 600, "emploi"))
    errors = validate(instance, replace(solution, assignments=extra))
    assert errors[:3] == [
        "Bruno n'est pas disponible mercredi 10:00",
        "Alice est à deux endroits mardi 10:00 : « Accueil » et « Emploi »",
        "Alice : service mardi 10:00–10:30 de 30 min, sous le minimum de 120 min"]
    assert "Bruno : service mercredi 10:00–10:30 de 30 min, sous le minimum de 120 min" in errors
    over = tuple(Assignment("bruno", 1, start, "emploi") for start in range(600, 840, 30))
    over += tuple(Assignment("bruno", 2, start, "emploi") for start in range(600, 720, 30))
    assert "Bruno fait 360 min, au-delà des 240 min de son contrat" in validate(
        instance, replace(solution, assignments=over))


def test_the_validator_names_long_shifts_too_many_shifts_and_lost_locks():
    data = small_week()
    data["rules"] = {"min_shift_minutes": 60, "max_shift_minutes": 120, "max_shifts_per_day": 1}
    data["locked"] = [{"staff": "chloe", "desk": "accueil", "day": 1, "start": "10:00"}]
    data["locked"][0]["day"] = 1
    instance = instance_from_json(data)
    roster = tuple(Assignment("alice", 1, start, "accueil") for start in range(600, 780, 30))
    roster += (Assignment("alice", 2, 600, "emploi"), Assignment("alice", 2, 630, "emploi"),
               Assignment("alice", 2, 720, "emploi"), Assignment("alice", 2, 750, "emploi"))
    errors = validate(instance, Solution("EDITED", roster, explain_uncovered(instance, roster)))
    assert errors == [
        "Alice : service mardi 10:00–13:00 de 180 min, au-delà du maximum de 120 min",
        "Alice : 2 services le mercredi, au-delà du maximum de 1",
        "affectation verrouillée perdue : Chloe à « Accueil » mardi 10:00"]


def test_the_validator_checks_the_coverage_claim_and_overstaffing():
    instance, solution = _solved_small_week()
    dropped = solution.assignments[0]
    errors = validate(instance, replace(solution, assignments=solution.assignments[1:]))
    assert any(error.endswith("1 place non tenue, la solution en déclare 0")
               for error in errors)
    crowded = (Assignment("alice", 2, 600, "accueil"), Assignment("chloe", 2, 600, "accueil"))
    errors = validate(instance, Solution("EDITED", crowded, ()))
    assert "« Accueil » mercredi 10:00 : 2 personnes pour un besoin de 1" in errors
    assert dropped.staff in {"alice", "bruno", "chloe", "david"}


def test_locks_that_break_a_rule_give_the_greedy_roster_and_the_broken_rule_not_infeasible():
    data = small_week()
    data["rules"]["max_shift_minutes"] = 120
    data["locked"] = [{"staff": "alice", "desk": "accueil", "day": 1, "start": start}
                      for start in ("10:00", "10:30", "11:00", "11:30", "12:00")]
    instance = instance_from_json(data)
    solution, _progress = solve(instance, time_limit=2)
    assert solution.status == "GREEDY_INFEASIBLE"
    assert set(instance.locked) <= set(solution.assignments)
    assert validate(instance, solution)[0] == (
        "Alice : service mardi 10:00–12:30 de 150 min, au-delà du maximum de 120 min")
    assert all(gap.reason for gap in solution.uncovered)
