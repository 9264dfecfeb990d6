"""Roster benchmark: solve generated instances and report every goal of issue 20.

    .venv/bin/python bench/roster/run.py --size M --seeds 5 --time-limit 60
    .venv/bin/python bench/roster/run.py --size P --seeds 5 --repeat 3 --time-limit 60
    .venv/bin/python bench/roster/run.py --size M --short --seeds 3 --time-limit 30
    .venv/bin/python bench/roster/run.py --size L --seeds 3 --time-limit 60   # by site

Sizes S, M, L and issue 20's shapes P and N (`generate.py`). One run per seed at the longest
limit; the figures at 10 / 30 / 60 s are read off the search progress of that run. `--repeat
K` solves seed 0 K times in all, for the spread between runs of one seed. Prints one JSON line
per run, then the medians, then each goal of issue 20 with its figures (`GOALS`). Nothing here
is run by the tests; the figures go in bench/README.md by hand, with the machine and its load.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SHAPES, generate, generate_shape  # noqa: E402


def at(points: list, seconds: float) -> float | None:
    """The last value recorded at or before `seconds`."""
    before = [value for t, value in points if t <= seconds]
    return before[-1] if before else None


def figures(data: dict, time_limit: float, *, by_site: bool = False) -> dict:
    """Solve one instance and measure it; every time is counted from the call to the solver."""
    from capacite.staffing.domain.jsonio import instance_from_json
    from capacite.staffing.domain.objective import goal_values
    from capacite.staffing.domain.sites import solve_by_site
    from capacite.staffing.domain.solve import solve
    from capacite.staffing.domain.validate import validate

    instance = instance_from_json(data)
    called = time.perf_counter()
    solution, progress = (solve_by_site if by_site else solve)(instance, time_limit=time_limit)
    used = time.perf_counter() - called
    values = goal_values(instance, solution.assignments)
    timings = solution.timings
    # When the search started: after the greedy roster (by site: the sites' models are built
    # during the search), or after the greedy roster and the model (one model).
    search = timings["greedy_seconds"] + (0 if by_site else timings["build_seconds"])
    penalties = [(search + t, p) for t, p, _u in progress.improvements]
    bounds = [(search + t, b) for t, b in progress.bounds]
    out = {
        "greedy_s": timings["greedy_seconds"],
        "build_s": timings["greedy_seconds"] + timings["build_seconds"],
        "first_s": search + timings["first_solution_seconds"]
        if timings["first_solution_seconds"] is not None else None,
        "status": solution.status,
        "used_s": round(used, 2),
        "best_bound": solution.objective["best_bound"],
        "need": sum(instance.need.values()),
        "uncovered": values["uncovered"],
        "uncovered_lower_bound": solution.objective["uncovered_lower_bound"],
        "penalty": solution.objective["penalty"],
        "greedy_penalty": solution.objective["greedy_penalty"],
        "violations": len(validate(instance, solution)),
        "covered_s": search + progress.covered if progress.covered is not None else None,
    }
    for mark in (10, 30, 60):
        if mark <= time_limit + 1:
            value, bound = at(penalties, mark), at(bounds, mark)
            out[f"penalty_{mark}s"] = value
            out[f"gap_{mark}s"] = (value - bound) / value if value and bound is not None \
                else None
    # Desk stints shorter than 2 h (shifts are at least 2 h by a hard rule).
    by_person: dict[str, list] = {}
    for a in solution.assignments:
        by_person.setdefault(a.staff, []).append((a.day, a.start, a.desk))
    short_stints = 0
    for slots in by_person.values():
        slots.sort()
        run = 1
        for previous, current in zip(slots, [*slots[1:], None], strict=True):
            if current and current[0] == previous[0] and current[1] == previous[1] + 30 \
                    and current[2] == previous[2]:
                run += 1
                continue
            short_stints += run * 30 < 120
            run = 1
    out["stints_under_2h"] = short_stints
    hours: dict[str, int] = {p.id: 0 for p in instance.partners}
    partner_of = {s.id: s.partner for s in instance.staff}
    for a in solution.assignments:
        hours[partner_of[a.staff]] += 1
    total = max(len(solution.assignments), 1)
    out["partner_slots"] = hours
    out["share_deviation"] = values["share_deviation"]
    # The floor holds for the network too: every roster of it covering as much works as many
    # slots (`sites.network_bound` adds it); its shares are balanced over all its sites.
    from capacite.staffing.domain.lowerbound import share_deviation_floor

    coverable = out["need"] - out["uncovered_lower_bound"]
    out["share_floor"] = share_deviation_floor(instance, coverable)
    out["share_dev_points"] = max(abs(100 * hours[p.id] / total - 100 * p.fte_share)
                                  for p in instance.partners)
    reasons = [gap.reason for gap in solution.uncovered]
    out["reasons_ok"] = (sum(r != "not_proven" for r in reasons) / len(reasons)
                         if reasons else 1.0)
    out["uncovered_reasons"] = {r: reasons.count(r) for r in sorted(set(reasons))}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("S", "M", "L", *SHAPES), required=True)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--short", action="store_true", help="infeasible by construction")
    parser.add_argument("--repeat", type=int, default=1, help="runs of seed 0 in all")
    parser.add_argument("--workers", type=int, default=0,
                        help="CP-SAT workers of the whole-model stages and the shares' steps "
                             "(default: the engine's, one per core)")
    args = parser.parse_args()
    # The explanations of the gaps and the validator's messages are in the active language.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capacite.settings")
    import django

    django.setup()
    if args.workers:  # an experiment: the engine uses one per core (solve.MIN_WORKERS)
        from capacite.staffing.domain import neighbourhood, solve

        solve.MIN_WORKERS = neighbourhood.SHARE_STEP_WORKERS = args.workers
    rows, again = [], []
    for seed in [*range(args.seeds), *[0] * (args.repeat - 1)]:
        started = time.perf_counter()
        data = generate_shape(args.size, seed) if args.size in SHAPES \
            else generate(args.size, seed, short=args.short)
        row = figures(data, args.time_limit, by_site=args.size == "L")
        row["seed"], row["wall_s"] = seed, time.perf_counter() - started
        (again if len(rows) == args.seeds else rows).append(row)
        print(json.dumps(row), flush=True)
    medians = {}
    for key in rows[0]:
        present = [row[key] for row in rows if isinstance(row[key], (int, float))]
        if present:
            medians[key] = statistics.median(present)
    medians["covered_runs"] = sum(row["covered_s"] is not None for row in rows)
    medians["ratio_to_greedy"] = statistics.median(row["penalty"] / row["greedy_penalty"]
                                                   for row in rows)
    print("MEDIANS", json.dumps(medians), flush=True)
    print("GOALS", json.dumps(goals(rows, [row for row in rows if row["seed"] == 0] + again,
                                    args.time_limit)), flush=True)


def goals(rows: list[dict], repeats: list[dict], time_limit: float) -> dict:
    """Issue 20's goals, each with its figures and whether it is reached (None: not measured).

    Coverage: every run covers all coverable demand, median ≤ 10 s and worst ≤ 20 s (a run
    that never covers counts as its time limit). Shares: the deviation within 10 % of its
    proven floor. Spread: (max − min) / min of the penalty over the runs of
    seed 0. Stints under 2 h ≤ 5 (median). Time: every run uses its time unless OPTIMAL.
    """
    covered = [row["covered_s"] if row["covered_s"] is not None else time_limit
               for row in rows]
    out: dict = {"covered_s": [round(c, 1) for c in covered],
                 "covered_median_s": round(statistics.median(covered), 1),
                 "covered_worst_s": round(max(covered), 1)}
    out["covered_ok"] = out["covered_median_s"] <= 10 and out["covered_worst_s"] <= 20 \
        and all(row["covered_s"] is not None for row in rows)
    if all("share_floor" in row for row in rows):
        ratios = [row["share_deviation"] / row["share_floor"] if row["share_floor"]
                  else (1.0 if row["share_deviation"] == 0 else float("inf")) for row in rows]
        out["share_deviation"] = [row["share_deviation"] for row in rows]
        out["share_floor"] = [row["share_floor"] for row in rows]
        out["share_ok"] = all(ratio <= 1.1 for ratio in ratios)
    if len(repeats) > 1:
        penalties = [row["penalty"] for row in repeats]
        out["seed0_penalties"] = penalties
        out["seed0_share_deviation"] = [row["share_deviation"] for row in repeats]
        out["spread"] = (max(penalties) - min(penalties)) / max(min(penalties), 1)
        out["spread_ok"] = out["spread"] <= 0.10
    stints = [row["stints_under_2h"] for row in rows]
    out["stints_under_2h"] = stints
    out["stints_ok"] = statistics.median(stints) <= 5
    out["used_s"] = [row["used_s"] for row in rows + repeats[1:]]
    out["time_used_ok"] = all(row["used_s"] >= time_limit - 1 or row["status"] == "OPTIMAL"
                              for row in rows + repeats[1:])
    return out


if __name__ == "__main__":
    main()
