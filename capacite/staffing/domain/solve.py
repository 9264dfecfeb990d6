"""Solve a roster instance: greedy warm start, CP-SAT search, explanations of every gap.

Never a bare "infeasible": the result is always a roster (the solver's best, or the greedy one
if the solver found nothing in time) with the uncovered demand and a reason for each gap.
"""

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.greedy import best_roster, greedy_variants
from capacite.staffing.domain.instance import Assignment, Instance, Solution
from capacite.staffing.domain.lowerbound import uncovered_lower_bound
from capacite.staffing.domain.model import (
    STAGE_GOALS,
    RosterModel,
    build_model,
    hint,
    hold_partner_slots,
    minimise,
)
from capacite.staffing.domain.objective import (
    GOALS,
    goal_values,
    penalty,
    short_stints,
    weights,
)


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


def usable_cores() -> int:
    """The cores this process may run on (at least 2: CP-SAT's portfolio needs two)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 2
    return max(2, cores)


# CP-SAT workers of a whole-model stage and of a shares' step: one per core. Eight on 2 cores
# (until issue 20) ran 8 threads on 2 cores beside the other work of the machine; on the P, M
# and N weeks at load 7–9, 2 workers ended with half the share deviation and half the short
# desk stints of 8 (docs/decisions.md, bench/README.md).
MIN_WORKERS = usable_cores()


def solver_parameters(*, time_limit: float, workers: int = 2, seed: int = 0,
                      light_presolve: bool = False, lns_only: bool = False) -> str:
    """CP-SAT parameters in protobuf text format.

    At least one worker per core (`MIN_WORKERS`) — except exactly 1, for a neighbourhood's
    small model: one worker is deterministic, so a step repeats whatever the load
    (`neighbourhood.py`). Until issue 20 it was at least 8 even on 2 cores, for the
    portfolio's bound-proving workers; on a loaded 2-core machine the extra threads cost more
    than they proved (`docs/decisions.md`).
    In OR-Tools 9.15 `CpSolver.parameters` is a C++-backed object with
    `parse_text_format` but no `CopyFrom`, so the text goes straight into it.
    `light_presolve` skips probing and symmetry detection, which take about half of the
    presolve of a 60-person site (2–4 s on 2 cores): for short per-site budgets.
    `lns_only` gives every worker to large neighbourhood search from the hinted roster, none
    to proving a bound: for the stages that prove nothing (`SEARCH_ONLY_STAGES`).
    On the roster an N week had after its shares, 15 s of that stage took its short stints
    92 → 26 with the default portfolio, 92 → 7 with LNS only, 92 → 2 with LNS only and the
    light presolve (docs/decisions.md, sixth pass).
    """
    light = " cp_model_probing_level: 0 symmetry_level: 0" if light_presolve else ""
    light += " use_lns_only: true" if lns_only else ""
    workers = workers if workers == 1 else max(workers, MIN_WORKERS)
    return (f"num_workers: {workers} max_time_in_seconds: {time_limit:.3f} "
            f"random_seed: {seed} log_search_progress: false{light}")


COVERAGE_SHARE = 0.5  # at most this share of the time limit goes to coverage alone
PARTNERS_SHARE = 0.6  # at most this share of the time left then goes to the lower goals
# with the partners' shares first; the rest of the time to the goals below the shares alone
REPAIR_SHARE = 0.8  # of the coverage time, at most, for neighbourhoods around the gaps first
SHORT_ALL_SHARE = 0.5  # of the time left, for every goal weighted when coverage is short
HAND_OVER_SECONDS = 5.0  # at most, for handing runs of slots between partners (`handover.py`)
FRAGMENTS_SHARE = 0.9  # of the time left after the shares, at most, for CP-SAT on the whole
# model with the short desk stints alone as objective (stage "fragments"); the rest to "rest"
# Seconds without its first goal lower before a stage hands over: "shares" to "partners" (N
# seed 3 found its next lower deviation up to 7.6 s apart), "partners" to the goals below the
# shares, "fragments" to "rest" (`_stalled_stop`).
STALL_PATIENCE = {"shares": 8.0, "fragments": 8.0, "partners": 8.0}
POLISH_SECONDS = 2.0  # at most, for trading desks between two people (`swaps.py`); ~0.5 s on P


# The stages that minimise one goal by search alone and prove nothing, with that goal: CP-SAT
# then runs large neighbourhood search only (`solver_parameters`).
SEARCH_ONLY_STAGES = {"shares": "share_deviation", "fragments": "stints"}


@contextmanager
def _stalled_stop(solver: Any, last_found: list[float], patience: float | None) -> Iterator[None]:
    """Stop `solver` once `patience` seconds pass with its stage's first goal no lower
    (`last_found[0]`, set by its solution callback); no watch when `patience` is None. CP-SAT
    has no such limit of its own, and a stage stalled on its goal would keep its whole time:
    the partners' stage spent 16 s of an N week's minute on the stints, the shares unchanged
    (the short stints' stage then had 18 s, and left 22 of them)."""
    if patience is None:
        yield
        return
    over = threading.Event()

    def watch() -> None:
        while not over.wait(0.25):
            if time.perf_counter() - last_found[0] > patience:
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        over.set()
        watcher.join()


def solve(instance: Instance, *, time_limit: float = 30.0, workers: int | None = None,
          seed: int = 0, light_presolve: bool = False, start: tuple[Assignment, ...] = (),
          coverage_only: bool = False,
          partner_slots: dict[str, int] | None = None) -> tuple[Solution, Progress]:
    """The best roster found within `time_limit` seconds, with its gaps explained.

    Changes nothing. The goals are met in their order of priority (see `objective.py`), in
    stages that each hold what the earlier ones reached: coverage alone — first by small
    neighbourhoods around the gaps (`neighbourhood.close_gaps`), then by CP-SAT on the whole
    model if they stop short of the flow floor; then every lower goal weighted, the partners'
    shares first — by hand-overs of runs of slots between partners (`handover.py`), then by
    CP-SAT's large neighbourhood search on the whole model with the share deviation alone
    (stage "shares", `SEARCH_ONLY_STAGES`; the day neighbourhoods of the partners furthest off
    and of partners, `neighbourhood.shares_by_days` and `balance_shares`, only when it finds
    nothing) until the shares reach their proven floor or stall, then by CP-SAT on the whole
    model (stage "partners", which can prove them) if they did not; then, unless that was
    proven optimal, the goals below the shares with the shares held — CP-SAT's large
    neighbourhood search on the whole model with the desk stints under the minimum shift
    alone as objective (stage "fragments", kept only when the full penalty is lower; the day
    neighbourhoods around them, `neighbourhood.fewer_fragments`, only when it finds nothing),
    then CP-SAT on the whole model, with small coefficients. A stage stops after
    `STALL_PATIENCE` seconds without its first goal lower. The lower goals go round again
    (the shares' stages, then the goals below) until the time is up or every goal is
    proven: a stage proven optimal with the shares held above their floor no longer ends the
    solve early. When coverage ends above its proven floor, a stage of every goal weighted
    follows first (half the time left), so that coverage can still improve, then the same
    rounds holding the shortfall reached.
    Desk trades between two people (`swaps.py`) polish the roster before each stage of the
    goals below the shares and at the end. Returns the solution (status, assignments,
    uncovered demand with reasons, goal values, timings) and the search progress for the
    benchmark.

    `start`, a valid roster, is the first roster instead of the greedy one when it is better
    (a network's site solved before); `coverage_only` stops after the coverage stage.
    `partner_slots`, every partner's slots in `start`, holds them (`model.hold_partner_slots`)
    and makes `start` the first roster: for a network's site once the network's shares are
    balanced (`sites.py`). Every worked slot covers a unit of demand, so the shortfall and the
    shares are fixed too: the solve goes straight to the goals below the shares. What it
    proves holds only under those slots: `start`'s shortfall is reported as proven, which is
    true only when `start` is on its proven minimum — the caller's precondition (`sites.py`
    reads that and the status; `greedy_penalty` is then `start`'s).
    """
    workers = MIN_WORKERS if workers is None else workers
    clock = time.perf_counter()
    held = partner_slots is not None
    variants = [start] if held else greedy_variants(instance)
    baseline = variants[0]  # the reference greedy roster of the benchmark
    first = start if held else best_roster(instance, [*variants, start] if start else variants)
    greedy_seconds = time.perf_counter() - clock
    # A proven floor on the shortfall (max flow, see lowerbound.py): when the first roster
    # already reaches it, the coverage stage is solved before the search starts. With the
    # partners' slots held, the shortfall cannot move.
    first_values = goal_values(instance, first)
    floor_uncovered = first_values["uncovered"] if held else uncovered_lower_bound(instance)
    roster = build_model(instance)
    if partner_slots is not None:  # `held`, spelt out for the type checker
        hold_partner_slots(roster, instance, partner_slots)
    build_seconds = time.perf_counter() - clock - greedy_seconds
    goal_weights = weights(instance)
    progress = Progress()
    started = time.perf_counter()
    search = _Search(instance, roster, goal_weights, progress, started, first, floor_uncovered)
    if held:  # the shares cannot move: their stages are skipped
        search.proven["share_deviation"] = first_values["share_deviation"]
    if first_values["uncovered"] == floor_uncovered:
        search.statuses.append("OPTIMAL")
        progress.bounds.append((0.0, goal_weights["uncovered"] * floor_uncovered))
    else:
        coverage_time = time_limit * (1 if coverage_only else COVERAGE_SHARE)
        search.repair_coverage(coverage_time * REPAIR_SHARE, seed, light_presolve)
        if goal_values(instance, search.best)["uncovered"] > floor_uncovered:
            search.run("coverage", coverage_time - search.elapsed(), workers, seed,
                       light_presolve)
        else:
            search.statuses.append("OPTIMAL")  # on the flow floor: proven
        if not coverage_only and goal_values(instance, search.best)["uncovered"] \
                > search.proven["uncovered"]:
            # Still short and not proven: the gaps' neighbourhoods again, from a new draw,
            # before every goal is weighted (CP-SAT rarely closes the last gaps there).
            search.repair_coverage((time_limit - search.elapsed()) * REPAIR_SHARE / 2,
                                   seed + 1, light_presolve)
    covered = goal_values(instance, search.best)["uncovered"] == search.proven["uncovered"]
    if covered:
        search.fix_coverage()
    if not coverage_only and not covered:
        search.run("all", (time_limit - search.elapsed()) * SHORT_ALL_SHARE, workers, seed,
                   light_presolve)
        covered = goal_values(instance, search.best)["uncovered"] == search.proven["uncovered"]
        if covered:
            search.fix_coverage()
    rounds = 0
    # The lower goals in rounds until the time is up or they are proven: a stage proven
    # optimal with the shares held above their floor ends early (a minute's solve returned
    # after 39 s), and the shares can still move after it. Also when coverage stays above its
    # proven minimum (each stage then holds the shortfall reached, and proves nothing): on the
    # N weeks one unit short, the shares were never worked on (836 slots against a floor of 48).
    while not coverage_only and not search.finished() \
            and time_limit - search.elapsed() > 1.0:
        left = time_limit - search.elapsed()
        if search.proven.get("share_deviation") is None:
            search.hand_over(HAND_OVER_SECONDS)
            until = search.elapsed() + left * PARTNERS_SHARE
            search.run("shares", until - search.elapsed(), workers, seed, light_presolve)
            if search.proven.get("share_deviation") is None and not search.found():
                # CP-SAT found nothing in its time (under load): the day neighbourhoods
                search.run_neighbourhoods(until - search.elapsed(), workers, seed,
                                          light_presolve)
            if search.proven.get("share_deviation") is None and rounds == 0:
                search.run("partners", until - search.elapsed(), workers, seed,
                           light_presolve)
                if search.finished():
                    break  # every goal proven
                # An UNKNOWN partners' stage (nothing found in its time, under load) no longer
                # ends the solve: the goals below the shares still have the time left.
        search.polish(POLISH_SECONDS)  # the rest stage starts from fewer desk stints
        if short_stints(instance, search.best):
            search.run("fragments", (time_limit - search.elapsed()) * FRAGMENTS_SHARE,
                       workers, seed, light_presolve)
            if not search.found() and not held:  # nothing in its time: the day
                # neighbourhoods instead (they hold the shares, not each partner's slots)
                search.fewer_fragments((time_limit - search.elapsed()) * FRAGMENTS_SHARE,
                                       seed)
            search.polish(POLISH_SECONDS)
        search.run("rest", time_limit - search.elapsed(), workers, seed, light_presolve)
        rounds += 1
    if not coverage_only:
        search.polish(POLISH_SECONDS)

    solve_seconds = time.perf_counter() - started
    best = search.best
    values = goal_values(instance, best)
    proven_uncovered = search.proven["uncovered"]
    if values["uncovered"] == proven_uncovered:
        progress.covered = 0.0 if goal_values(instance, first)["uncovered"] \
            == proven_uncovered else next((t for t, _p, u in progress.improvements
                                           if u <= proven_uncovered), None)
    objective: dict[str, float | None] = dict(values)
    objective["penalty"] = penalty(instance, values)
    objective["best_bound"] = search.best_bound(values)
    objective["uncovered_lower_bound"] = proven_uncovered
    objective["greedy_penalty"] = penalty(instance, goal_values(instance, baseline))
    timings = {"greedy_seconds": round(greedy_seconds, 3),
               "build_seconds": round(build_seconds, 3),
               "solve_seconds": round(solve_seconds, 3),
               "first_solution_seconds": round(progress.improvements[0][0], 3)
               if progress.improvements else None}
    solution = Solution(status=_status(search, best is first),
                        assignments=best,
                        uncovered=explain_uncovered(instance, best),
                        objective=objective, timings=timings)
    return solution, progress


class _Search:
    """The stages of one solve: the best roster so far, what is proven, the statuses."""

    def __init__(self, instance: Instance, roster: RosterModel, goal_weights: dict[str, int],
                 progress: Progress, started: float, first: tuple[Assignment, ...],
                 floor_uncovered: int) -> None:
        self.instance, self.roster, self.weights = instance, roster, goal_weights
        self.progress, self.started, self.best = progress, started, first
        self.floor_uncovered = floor_uncovered
        self.proven: dict[str, int] = {"uncovered": floor_uncovered}
        # The full penalty every roster reaches at least, from the stages proven so far.
        self.proven_penalty = goal_weights["uncovered"] * floor_uncovered
        self.share_floor: int | None = None  # once coverage is fixed (`fix_coverage`)
        self.statuses: list[str] = []
        self.stages: list[str] = []
        self.optimal: list[bool] = []  # per stage: proven optimal with its held goals proven

    def fix_coverage(self) -> None:
        """Hold the proven shortfall exactly and bound the share deviation from below.

        Every roster that keeps the proven coverage works the same number of slots, so the
        partners' targets are fixed and `share_deviation_floor` bounds their deviation. Both
        constraints are proven facts, not choices: they only give the later stages a bound
        (and the partners' stage a point where the shares are proven optimal).
        """
        from capacite.staffing.domain.lowerbound import share_deviation_floor

        shortfall = self.proven["uncovered"]
        self.roster.model.add(self.roster.goals["uncovered"] == shortfall)
        total = sum(self.instance.need.values()) - shortfall
        self.share_floor = share_deviation_floor(self.instance, total)
        self.roster.model.add(self.roster.goals["share_deviation"] >= self.share_floor)
        self.raise_bound(self.weights["uncovered"] * shortfall
                         + self.weights["share_deviation"] * self.share_floor)

    def raise_bound(self, value: float) -> None:
        """Record a proven lower bound of the full penalty, if it is higher than the last."""
        self.proven_penalty = max(self.proven_penalty, int(value))
        if not self.progress.bounds or value > self.progress.bounds[-1][1]:
            self.progress.bounds.append((self.elapsed(), value))

    def best_bound(self, values: dict[str, int]) -> float | None:
        """The proven lower bound of the penalty for the solution, None when nothing is proven.

        Once the roster's shortfall equals its proven minimum (coverage proven), every roster
        that keeps it works the same number of slots, so the share floor joins the bound
        (`fix_coverage`; computed here when coverage was proven by the last stage rather than
        the first). A bound of 0 with coverage unproven says nothing — every penalty is at
        least 0 — so it is reported as unknown (None, `null` in JSON) rather than as a proof.
        """
        from capacite.staffing.domain.lowerbound import share_deviation_floor

        shortfall = self.proven["uncovered"]
        covered = values["uncovered"] == shortfall
        if covered:
            if self.share_floor is None:
                total = sum(self.instance.need.values()) - shortfall
                self.share_floor = share_deviation_floor(self.instance, total)
            self.raise_bound(self.weights["uncovered"] * shortfall
                             + self.weights["share_deviation"] * self.share_floor)
        # The flow floor is proven before any search, also when no stage ran.
        bound = max(self.progress.bounds[-1][1] if self.progress.bounds else 0,
                    self.proven_penalty)
        return float(bound) if covered or bound > 0 else None

    def found(self) -> bool:
        """Whether the last CP-SAT stage returned a roster (not INFEASIBLE nor UNKNOWN)."""
        return self.statuses[-1:] in (["OPTIMAL"], ["FEASIBLE"])

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def finished(self) -> bool:
        """Locks that break a rule, or every goal proven optimal by the last stage."""
        return self.statuses[-1:] == ["INFEASIBLE"] or self.stages[-1:] != ["coverage"] \
            and self.optimal[-1:] == [True]

    def record(self, found: tuple[Assignment, ...]) -> None:
        """A better roster found by a neighbourhood, in the progress."""
        values = goal_values(self.instance, found)
        self.progress.improvements.append((self.elapsed(),
                                           sum(self.weights[g] * values[g] for g in GOALS),
                                           values["uncovered"]))

    def repair_coverage(self, limit: float, seed: int, light_presolve: bool = False) -> None:
        """Neighbourhoods around the gaps of the first roster (`neighbourhood.close_gaps`),
        until the flow floor, the time, or a run of steps with no fewer gaps (`GAP_PATIENCE`);
        under a light presolve (a network's site) the steps are light too (`close_gaps`).

        Why: the whole-model coverage stage took 10–60 s on part-time weeks under load, for a
        first roster a few dozen units short; a gap is closed by moving a few people, and
        their residual week alone is solved in a fraction of a second.
        """
        from capacite.staffing.domain.neighbourhood import GAP_PATIENCE, close_gaps

        if limit <= 0.5:
            return
        self.best = close_gaps(self.instance, self.best, until=time.perf_counter() + limit,
                               seed=seed, floor=self.proven["uncovered"], on_better=self.record,
                               patience=GAP_PATIENCE, light=light_presolve)

    def hand_over(self, limit: float) -> None:
        """Hand runs of slots from people of partners above their share to people of partners
        below (`handover.closer_shares`): coverage and total hours unchanged, the share
        deviation lower. Kept only when the penalty is lower."""
        from capacite.staffing.domain.handover import closer_shares

        self.keep_if_better(closer_shares(self.instance, self.best,
                                          until=time.perf_counter() + limit))

    def fewer_fragments(self, limit: float, seed: int) -> None:
        """Day neighbourhoods around the desk stints under the minimum shift
        (`neighbourhood.fewer_fragments`), coverage and shares held."""
        from capacite.staffing.domain.neighbourhood import fewer_fragments

        if limit > 0.5:
            self.best = fewer_fragments(self.instance, self.best,
                                        until=time.perf_counter() + limit, seed=seed,
                                        on_better=self.record)

    def polish(self, limit: float) -> None:
        """Trade desks between pairs of people where it lowers the desk stints
        (`swaps.fewer_stints`): coverage, hours and shares unchanged. The best roster is
        replaced only by a strictly better one (`best is first` tells a greedy fallback)."""
        from capacite.staffing.domain.swaps import fewer_stints

        self.keep_if_better(fewer_stints(self.instance, self.best,
                                         until=time.perf_counter() + limit))

    def keep_if_better(self, found: tuple[Assignment, ...]) -> None:
        """`found` becomes the best roster, in the progress, when its penalty is strictly
        lower; an equal one is not kept, so `best is first` still tells a greedy fallback."""
        if penalty(self.instance, goal_values(self.instance, found)) \
                < penalty(self.instance, goal_values(self.instance, self.best)):
            self.best = found
            self.record(found)

    def run_neighbourhoods(self, limit: float, workers: int, seed: int,
                           light_presolve: bool) -> None:
        """The partners' stage by neighbourhoods on residual weeks (`neighbourhood.py`
        `balance_shares`), until the shares reach their proven floor, the time is up, or the
        neighbourhoods stop bringing anything. Proves the shares only once coverage is proven."""
        from capacite.staffing.domain.lowerbound import share_deviation_floor
        from capacite.staffing.domain.neighbourhood import balance_shares, shares_by_days

        instance = self.instance
        if limit <= 0.5:
            return
        before = goal_values(instance, self.best)
        weights_ = self.weights
        share_floor = self.share_floor
        # Coverage short of its proven minimum: the floor of a roster working as many slots
        # as this one is where to stop, not a proof (the shortfall is not proven).
        target = share_floor if share_floor is not None else share_deviation_floor(
            instance, sum(instance.need.values()) - before["uncovered"])
        until = time.perf_counter() + limit
        self.best = shares_by_days(instance, self.best, until=until, seed=seed,
                                   share_floor=target, on_better=self.record)
        self.best = balance_shares(instance, self.best, until=until,
                                   seed=seed, share_floor=target, on_better=self.record)
        after = goal_values(instance, self.best)
        if share_floor is not None and after["share_deviation"] == share_floor \
                and before["uncovered"] == self.proven["uncovered"]:
            self.proven["share_deviation"] = share_floor
            self.proven_penalty = max(self.proven_penalty,
                                      sum(weights_[g] * after[g] for g in GOALS[:2]))
            self.progress.bounds.append((self.elapsed(), self.proven_penalty))

    def run(self, stage: str, limit: float, workers: int, seed: int,
            light_presolve: bool) -> None:
        """One CP-SAT stage from the best roster, recording progress and what it proves."""
        from ortools.sat.python import cp_model

        if limit <= 0.05:
            return
        instance, roster, weights_ = self.instance, self.roster, self.weights
        before = goal_values(instance, self.best)
        # "fragments" (the short desk stints alone, `model.minimise`) is no goal of its own:
        # it holds the goals above the stints and proves nothing; "shares" (the share
        # deviation alone) proves the shares only by reaching their floor.
        first_goal = STAGE_GOALS[stage][0] if stage in STAGE_GOALS \
            else SEARCH_ONLY_STAGES[stage]
        done = list(GOALS[:GOALS.index(first_goal)])
        held = {goal: before[goal] for goal in done}
        if stage == "all":
            held["uncovered"] = before["uncovered"]  # never a roster with more gaps
        minimise(roster, stage=stage, held=held)
        hint(roster, instance, self.best)
        solver = cp_model.CpSolver()
        # A stage that proves nothing: LNS only, light presolve (`solver_parameters`).
        searches_only = stage in SEARCH_ONLY_STAGES
        solver.parameters.parse_text_format(
            solver_parameters(time_limit=limit, workers=workers, seed=seed,
                              light_presolve=light_presolve or searches_only,
                              lns_only=searches_only))
        # A bound of this stage is a bound of the full penalty only when every earlier goal
        # is held at its proven optimum (one unit more of it outweighs all below).
        exact = stage in STAGE_GOALS and all(before[goal] == self.proven.get(goal)
                                             for goal in done)
        base = sum(weights_[goal] * before[goal] for goal in done)
        scale = weights_[first_goal] if len(STAGE_GOALS.get(stage, ())) == 1 else 1
        progress, started, floor = self.progress, self.started, self.floor_uncovered
        share_floor = self.share_floor if stage in ("partners", "shares") else None
        # When this stage last lowered its first goal (the short stints for "fragments"),
        # and that value: a stage stalled on it hands over (`STALL_PATIENCE`).
        last_found, lowest = [time.perf_counter()], [float("inf")]
        patience = STALL_PATIENCE.get(stage)

        def on_bound(bound: float) -> None:
            if stage == "coverage":
                bound = max(bound, floor)
            if exact:  # always for "coverage" and "all", which hold no earlier goal
                value = max(base + scale * bound, self.proven_penalty)
                if not progress.bounds or value > progress.bounds[-1][1]:
                    progress.bounds.append((time.perf_counter() - started, value))

        class Recorder(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                if patience is not None:  # read only where a watch needs it
                    lead = self.objective_value if stage == "fragments" \
                        else self.value(roster.goals[first_goal])
                    if lead < lowest[0]:
                        last_found[0], lowest[0] = time.perf_counter(), lead
                if share_floor is not None and self.value(roster.goals["share_deviation"]) \
                        <= share_floor:
                    self.stop_search()  # shares proven optimal: the next stage holds them
                if stage == "fragments" and self.objective_value <= 0:
                    self.stop_search()  # no short desk stint left
                if searches_only:
                    return  # the goals below are not minimised, so not exact: read at the end
                values = {goal: self.value(roster.goals[goal]) for goal in GOALS}
                progress.improvements.append((
                    time.perf_counter() - started,
                    sum(weights_[g] * values[g] for g in GOALS), values["uncovered"]))
                if stage == "coverage" and values["uncovered"] <= floor:
                    self.stop_search()  # the proven floor is reached: nothing to prove

        solver.best_bound_callback = on_bound
        with _stalled_stop(solver, last_found, patience):
            status = solver.solve(roster.model, Recorder())
        self.stages.append(stage)
        self.statuses.append(solver.status_name(status))
        self.optimal.append(status == cp_model.OPTIMAL and exact)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return  # INFEASIBLE: only locks that break a rule; UNKNOWN: nothing in time
        found = tuple(sorted(Assignment(pid, *instance.slots[i], desk)
                             for (pid, desk, i), var in roster.x.items()
                             if solver.boolean_value(var)))
        # A stage stopped by its time returns the best roster of its own search, which can be
        # worse than the one it was hinted with when CP-SAT did not keep the hint (seen on a
        # P week: a better roster recorded at 40 s, a worse one returned at 60 s). The best
        # roster is only ever replaced by one that is no worse.
        if searches_only:
            self.keep_if_better(found)
        elif penalty(instance, goal_values(instance, found)) \
                <= penalty(instance, goal_values(instance, self.best)):
            self.best = found
        after = goal_values(instance, self.best)
        bound = solver.best_objective_bound
        on_bound(bound)  # the final bound, not always reported
        if stage == "coverage":
            self.proven["uncovered"] = max(floor, int(bound + 1e-6))
            if after["uncovered"] == self.proven["uncovered"]:
                self.statuses[-1] = "OPTIMAL"  # stopped on reaching the floor: proven all the same
        elif status == cp_model.OPTIMAL and exact and len(STAGE_GOALS[stage]) == 1:
            goal = STAGE_GOALS[stage][0]
            self.proven[goal] = after[goal]
        if stage in ("partners", "shares") and after["share_deviation"] == self.share_floor \
                and before["uncovered"] == self.proven["uncovered"]:
            self.proven["share_deviation"] = self.share_floor  # on its proven floor
            self.raise_bound(sum(weights_[g] * after[g] for g in GOALS[:2]))
        if progress.bounds:
            self.proven_penalty = max(self.proven_penalty, int(progress.bounds[-1][1]))


def _status(search: "_Search", fell_back: bool) -> str:
    """OPTIMAL when the last stage proved its optimum with every goal it held proven (so
    every goal down to the last is proven); GREEDY_… when the solver found nothing;
    FEASIBLE otherwise."""
    statuses = search.statuses
    if fell_back:  # an OPTIMAL here is the coverage proven by the floor, not a search
        return "GREEDY_" + (statuses[-1] if statuses and statuses[-1] != "OPTIMAL"
                            else "UNKNOWN")
    if search.stages[-1:] != ["coverage"] and search.optimal[-1:] == [True]:
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
