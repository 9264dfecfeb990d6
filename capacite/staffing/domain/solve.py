"""Solve a roster instance: greedy warm start, CP-SAT search, explanations of every gap.

Never a bare "infeasible": the result is always a roster (the solver's best, or the greedy one
if the solver found nothing in time) with the uncovered demand and a reason for each gap.
"""

import time
from dataclasses import dataclass, field
from typing import Any

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.greedy import best_roster, greedy_variants
from capacite.staffing.domain.instance import Assignment, Instance, Solution
from capacite.staffing.domain.lowerbound import uncovered_lower_bound
from capacite.staffing.domain.model import build_model, hint, minimise
from capacite.staffing.domain.objective import GOALS, goal_values, penalty, weights


@dataclass
class Progress:
    """The search over time, in seconds since it started.

    improvements: each better roster found, (seconds, full weighted penalty, uncovered);
    bounds: each better lower bound on the full penalty, (seconds, bound);
    covered: when the returned roster's shortfall was first reached by a roster and it equals
    the proven lower bound (all coverable demand covered), None when not proven; 0.0 when the
    greedy roster already reaches the bound.
    """

    improvements: list[tuple[float, int, int]] = field(default_factory=list)
    bounds: list[tuple[float, float]] = field(default_factory=list)
    covered: float | None = None


def solver_parameters(*, time_limit: float, workers: int = 8, seed: int = 0,
                      light_presolve: bool = False) -> str:
    """CP-SAT parameters in protobuf text format.

    At least 8 workers even on 2 cores: the portfolio's bound-proving workers (core, LNS, LP)
    are what closes the gap. In OR-Tools 9.15 `CpSolver.parameters` is a C++-backed object with
    `parse_text_format` but no `CopyFrom`, so the text goes straight into it.
    `light_presolve` skips probing and symmetry detection, which take about half of the
    presolve of a 60-person site (2–4 s on 2 cores): for short per-site budgets.
    """
    light = " cp_model_probing_level: 0 symmetry_level: 0" if light_presolve else ""
    return (f"num_workers: {max(workers, 8)} max_time_in_seconds: {time_limit:.3f} "
            f"random_seed: {seed} log_search_progress: false{light}")


COVERAGE_SHARE = 0.5  # at most this share of the time limit goes to coverage alone


def solve(instance: Instance, *, time_limit: float = 30.0, workers: int = 8,
          seed: int = 0, light_presolve: bool = False) -> tuple[Solution, Progress]:
    """The best roster found within `time_limit` seconds, with its gaps explained.

    Changes nothing. Two stages (see `objective.py`): coverage alone, then the lower goals
    with coverage held — or, when the first stage ended above the proven floor of the
    shortfall, every goal weighted, so that coverage can still improve. Returns the solution
    (status, assignments, uncovered demand with reasons, goal values, timings) and the search
    progress for the benchmark.
    """
    from ortools.sat.python import cp_model

    clock = time.perf_counter()
    variants = greedy_variants(instance)
    baseline = variants[0]  # the reference greedy roster of the benchmark
    first = best_roster(instance, variants)  # the first roster and the warm start
    greedy_seconds = time.perf_counter() - clock
    # A proven floor on the shortfall (max flow, see lowerbound.py): when the first roster
    # already reaches it, the coverage stage is solved before the search starts.
    floor_uncovered = uncovered_lower_bound(instance)
    roster = build_model(instance)
    build_seconds = time.perf_counter() - clock - greedy_seconds
    goal_weights = weights(instance)
    progress = Progress()
    started = time.perf_counter()
    best = first
    proven_uncovered = floor_uncovered
    statuses = []
    if goal_values(instance, first)["uncovered"] == floor_uncovered:
        statuses.append("OPTIMAL")
        progress.bounds.append((0.0, goal_weights["uncovered"] * floor_uncovered))

    for stage in ("coverage", "rest")[len(statuses):]:
        remaining = time_limit - (time.perf_counter() - started)
        if remaining <= 0.05:
            break
        limit = remaining * COVERAGE_SHARE if stage == "coverage" else remaining
        best_values = goal_values(instance, best)
        goal_set = stage
        if stage == "rest" and best_values["uncovered"] > proven_uncovered:
            # Coverage is not proven yet: go on improving it, with the lower goals weighted
            # below it (the weights keep the priority), instead of freezing the shortfall.
            goal_set = "all"
        minimise(roster, stage=goal_set,
                 uncovered_at_most=best_values["uncovered"] if stage == "rest" else None)
        hint(roster, instance, best)
        solver = cp_model.CpSolver()
        solver.parameters.parse_text_format(
            solver_parameters(time_limit=limit, workers=workers, seed=seed,
                              light_presolve=light_presolve))
        floor = goal_weights["uncovered"] * proven_uncovered if stage == "rest" else 0

        class Recorder(cp_model.CpSolverSolutionCallback):
            covering = stage == "coverage"

            def on_solution_callback(self) -> None:
                values = {goal: self.value(roster.goals[goal]) for goal in GOALS}
                progress.improvements.append((
                    time.perf_counter() - started,
                    sum(goal_weights[g] * values[g] for g in GOALS), values["uncovered"]))
                if self.covering and values["uncovered"] <= floor_uncovered:
                    self.stop_search()  # the proven floor is reached: nothing to prove

        def on_bound(bound: float, stage: str = goal_set, floor: int = floor,
                     held: int = best_values["uncovered"]) -> None:
            if stage == "coverage":
                progress.bounds.append((time.perf_counter() - started, goal_weights["uncovered"]
                                        * max(bound, floor_uncovered)))
            elif stage == "all":
                progress.bounds.append((time.perf_counter() - started, max(bound, floor)))
            elif floor == goal_weights["uncovered"] * held:
                progress.bounds.append((time.perf_counter() - started, floor + bound))

        solver.best_bound_callback = on_bound
        status = solver.solve(roster.model, Recorder())
        statuses.append(solver.status_name(status))
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best = tuple(sorted(Assignment(pid, *instance.slots[i], desk)
                                for (pid, desk, i), var in roster.x.items()
                                if solver.boolean_value(var)))
        if stage == "coverage" and status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            proven_uncovered = max(floor_uncovered, int(solver.best_objective_bound + 1e-6))
            if goal_values(instance, best)["uncovered"] == proven_uncovered:
                statuses[-1] = "OPTIMAL"  # stopped on reaching the floor: proven all the same
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            on_bound(solver.best_objective_bound)  # the final bound, not always reported
        if status == cp_model.INFEASIBLE:
            break  # only locked assignments that break a rule can make the model infeasible

    solve_seconds = time.perf_counter() - started
    values = goal_values(instance, best)
    if values["uncovered"] == proven_uncovered:
        progress.covered = 0.0 if goal_values(instance, first)["uncovered"] \
            == proven_uncovered else next((t for t, _p, u in progress.improvements
                                           if u <= proven_uncovered), None)
    objective: dict[str, float] = dict(values)
    objective["penalty"] = penalty(instance, values)
    objective["best_bound"] = progress.bounds[-1][1] if progress.bounds else 0
    objective["uncovered_lower_bound"] = proven_uncovered
    objective["greedy_penalty"] = penalty(instance, goal_values(instance, baseline))
    timings = {"greedy_seconds": round(greedy_seconds, 3),
               "build_seconds": round(build_seconds, 3),
               "solve_seconds": round(solve_seconds, 3),
               "first_solution_seconds": round(progress.improvements[0][0], 3)
               if progress.improvements else None}
    solution = Solution(status=_status(statuses, best is first), assignments=best,
                        uncovered=explain_uncovered(instance, best),
                        objective=objective, timings=timings)
    return solution, progress


def _status(statuses: list[str], fell_back: bool) -> str:
    """OPTIMAL when both stages proved optimality; GREEDY_… when the solver found nothing."""
    if fell_back:  # an OPTIMAL here is the coverage proven by the floor, not a search
        return "GREEDY_" + (statuses[-1] if statuses and statuses[-1] != "OPTIMAL"
                            else "UNKNOWN")
    if statuses == ["OPTIMAL", "OPTIMAL"]:
        return "OPTIMAL"
    return "FEASIBLE"


def solve_roster(instance: Instance, *, time_limit: float = 30.0) -> Solution:
    """`solve` without the progress record, for callers that only want the roster."""
    return solve(instance, time_limit=time_limit)[0]


def describe(solution: Solution) -> dict[str, Any]:
    """A one-line summary for logs and the terminal."""
    return {"status": solution.status, "assignments": len(solution.assignments),
            "uncovered": sum(u.missing for u in solution.uncovered),
            "penalty": solution.objective.get("penalty")}
