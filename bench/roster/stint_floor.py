"""A floor under the desk stints shorter than 2 h, per generated week: no roster has fewer.

    .venv/bin/python bench/roster/stint_floor.py --size P --seeds 5

Why: the benchmark's goal is at most 5 such stints at 60 s; when a week's demand itself forces
some, the figure reads against this floor. Each desk's day is a profile of people per slot
(its demand, 0 where nobody who holds the desk can work then: a gap no roster fills). A roster
sits people at the desk in runs of slots — desk stints — that add up to that profile exactly
(the model places nobody beyond the need), so every roster is one decomposition of each profile
into intervals. The profile's rises are the intervals' starts and its falls their ends (a stint
ending and another starting at the same slot is never fewer short stints than one longer
stint); pairing each start with a later end, the fewest pairs under the minimum shift is a
min-cost flow, and their sum over desks and days bounds every roster from below.

It ignores who can sit where, so it is a floor, not the optimum; N's unreachable pocket is
left out as a gap. Not used by the engine: a figure for bench/README.md.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SHAPES, generate, generate_shape  # noqa: E402

from capacite.staffing.domain.instance import Instance  # noqa: E402


def fewest_short_stints(profile: list[int], shortest: int) -> int:
    """The fewest intervals shorter than `shortest` slots in any decomposition of `profile`
    (people per consecutive slot) into intervals."""
    from ortools.graph.python import min_cost_flow

    padded = [0, *profile, 0]
    starts = {t: padded[t + 1] - padded[t] for t in range(len(profile))
              if padded[t + 1] > padded[t]}
    ends = {t: padded[t] - padded[t + 1] for t in range(1, len(profile) + 1)
            if padded[t] > padded[t + 1]}
    if not starts:
        return 0
    flow = min_cost_flow.SimpleMinCostFlow()
    start_node = {t: k for k, t in enumerate(starts)}
    end_node = {t: len(starts) + k for k, t in enumerate(ends)}
    for start, node in start_node.items():
        flow.set_node_supply(node, starts[start])
        for end, other in end_node.items():
            if end > start:
                flow.add_arc_with_capacity_and_unit_cost(node, other, sum(starts.values()),
                                                         int(end - start < shortest))
    for end, node in end_node.items():
        flow.set_node_supply(node, -ends[end])
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("the profile's rises and falls do not pair up")
    return int(flow.optimal_cost())


def stint_floor(instance: Instance) -> int:
    """The floor for one instance: desk by desk, opening run by opening run."""
    from capacite.staffing.domain.lowerbound import workable_slots

    shortest = instance.rules.min_shift_minutes // instance.slot_minutes
    # A slot of a desk somebody who holds it could work in some valid shift (the flow floor's
    # own test, `lowerbound.workable_slots`); elsewhere the demand is a gap no roster fills.
    reachable = {(desk, i) for person in instance.staff
                 for i in workable_slots(instance, person.id, person.skills)
                 for desk in person.skills}
    total = 0
    for desk in sorted({desk for desk, _i in instance.need}):
        runs: list[list[int]] = []
        for i in range(len(instance.slots)):
            if instance.previous[i] is None:
                runs.append([])
            runs[-1].append(instance.need.get((desk, i), 0) if (desk, i) in reachable else 0)
        total += sum(fewest_short_stints(run, shortest) for run in runs)
    return total


def main() -> None:
    from capacite.staffing.domain.jsonio import instance_from_json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("S", "M", "L", *SHAPES), required=True)
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    for seed in range(args.seeds):
        data = generate_shape(args.size, seed) if args.size in SHAPES \
            else generate(args.size, seed)
        print(args.size, seed, stint_floor(instance_from_json(data)))


if __name__ == "__main__":
    main()
