"""Rétro-planning: schedule tasks backwards from a target date through durations and dependencies.

The guide recommends a rétro-planning so every partner sees when its contribution is due. Each
task must finish before any task that depends on it starts; the target milestone finishes on the
target date. A task's latest start is therefore its latest finish minus its duration; working
backwards from the target gives the latest dates at which nothing is yet lost.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from capacite.roadmap.domain.graph import ancestors, find_cycle


@dataclass(frozen=True)
class PlanItem:
    key: str
    duration_days: int
    depends_on: tuple[str, ...]
    done: bool = False


@dataclass(frozen=True)
class PlannedTask:
    key: str
    latest_start: date
    latest_finish: date
    done: bool
    start_is_past: bool  # not done, and its latest start is before today: the plan already slips


class CycleError(ValueError):
    def __init__(self, cycle: list[str]):
        self.cycle = cycle
        super().__init__(" → ".join(cycle))


def backplan(
    items: list[PlanItem], *, target_key: str, target_date: date, today: date
) -> list[PlannedTask]:
    """Latest start and finish of the target and of every task it depends on, target last.

    Tasks the target does not depend on are left out. Raises CycleError if the dependencies loop
    and KeyError if `target_key` is not among `items`.
    """
    by_key = {item.key: item for item in items}
    graph = {item.key: item.depends_on for item in items}
    if cycle := find_cycle(graph):
        raise CycleError(cycle)
    target = by_key[target_key]
    keys = ancestors(graph, target_key) | {target_key}
    successors: dict[str, list[str]] = {key: [] for key in keys}
    for key in keys:
        for dep in by_key[key].depends_on:
            if dep in keys:
                successors[dep].append(key)

    latest_start: dict[str, date] = {}
    latest_finish: dict[str, date] = {target.key: target_date}

    def start_of(key: str) -> date:
        if key not in latest_start:
            if key not in latest_finish:
                latest_finish[key] = min(start_of(s) for s in successors[key])
            latest_start[key] = latest_finish[key] - timedelta(days=by_key[key].duration_days)
        return latest_start[key]

    for key in _reverse_topological(keys, successors):
        start_of(key)

    planned = [
        PlannedTask(
            key=key,
            latest_start=latest_start[key],
            latest_finish=latest_finish[key],
            done=by_key[key].done,
            start_is_past=not by_key[key].done and latest_start[key] < today,
        )
        for key in keys
    ]
    planned.sort(key=lambda p: (p.latest_start, p.latest_finish, p.key != target_key, p.key))
    return planned


def _reverse_topological(keys: set[str], successors: dict[str, list[str]]) -> list[str]:
    """Keys ordered so that every task comes after all its successors (no deep recursion)."""
    order: list[str] = []
    remaining = {key: len(successors[key]) for key in keys}
    predecessors: dict[str, list[str]] = {key: [] for key in keys}
    for key, succs in successors.items():
        for s in succs:
            predecessors[s].append(key)
    ready = sorted(key for key, n in remaining.items() if n == 0)
    while ready:
        key = ready.pop()
        order.append(key)
        for p in predecessors[key]:
            remaining[p] -= 1
            if remaining[p] == 0:
                ready.append(p)
    return order
