"""Fewer desk stints by swapping two people's desks over the same slots.

Why: on part-time weeks (bench shapes P and N, issue 20) a minute's search left 100–190 desk
stints under 2 h, the third goal, which CP-SAT only works on once coverage and the shares had
their time. Two people who both work the same run of slots at different desks, each able to
hold the other's desk, can trade desks there: every desk keeps its people (coverage), every
person keeps their hours (the shares, the peak load, shifts and contracts), only the desk
stints and the desk preferences change. A greedy descent over such trades, bounded by stint
boundaries, takes a fraction of a second and is deterministic, so it also makes two runs of a
week closer.

When no two people can trade any more, three can rotate around a short stint: A takes the
desk of the stint next to it from B, B takes C's, C takes A's (each holding the desk given).

A trade is kept when it lowers the stints (a stint under the minimum shift counting twice, as
in `objective.goal_values`), or keeps them and lowers the desk preference misses. Locked
assignments never move.
"""

import time
from collections.abc import Callable

from capacite.staffing.domain.instance import Assignment, Instance
from capacite.staffing.domain.objective import desk_stints, stints_goal

Roster = tuple[Assignment, ...]


def day_cost(instance: Instance, preferred: frozenset[str],
             desk_at: dict[int, str]) -> tuple[int, int]:
    """(stints, desk preference misses) of one person's day, as `goal_values` counts them."""
    misses = sum(desk not in preferred for desk in desk_at.values()) if preferred else 0
    return stints_goal(instance, desk_at), misses


def fewer_stints(instance: Instance, roster: Roster, *, until: float) -> Roster:
    """`roster` with desks traded between pairs of people until no trade lowers the stints
    (then the desk preference misses), or until `until` (a perf_counter time)."""
    shortest = instance.rules.min_shift_minutes // instance.slot_minutes
    skills = {person.id: set(person.skills) for person in instance.staff}
    preferred = {person.id: frozenset(person.preferences.desks) for person in instance.staff}
    locked = {(a.staff, instance.slot_index[(a.day, a.start)]) for a in instance.locked}
    # day -> person -> slot index -> desk
    days: dict[int, dict[str, dict[int, str]]] = {}
    for assignment in roster:
        index = instance.slot_index[(assignment.day, assignment.start)]
        days.setdefault(assignment.day, {}).setdefault(assignment.staff, {})[index] = \
            assignment.desk

    def cost(pid: str, desk_at: dict[int, str]) -> tuple[int, int]:
        return day_cost(instance, preferred[pid], desk_at)

    def boundaries(desk_at: dict[int, str]) -> tuple[set[int], set[int]]:
        """Slots where one of the person's desk stints starts, and where one ends."""
        starts, ends = set(), set()
        for index, desk in desk_at.items():
            previous = instance.previous[index]
            if previous is None or desk_at.get(previous) != desk:
                starts.add(index)
            following = index + 1
            if following >= len(instance.slots) or instance.previous[following] != index \
                    or desk_at.get(following) != desk:
                ends.add(index)
        return starts, ends

    improved = True
    while improved and time.perf_counter() < until:
        improved = False
        for day in sorted(days):
            people = days[day]
            for a in sorted(people):
                if time.perf_counter() >= until:
                    break
                if cost(a, people[a])[0] < 2:
                    continue  # one stint that day: a trade cannot lower a's count
                for b in sorted(people):
                    if b == a:
                        continue
                    if _try_pair(instance, people, a, b, skills, locked, cost, boundaries):
                        improved = True
        if not improved:  # no trade of two left: rotations of three around short stints
            for day in sorted(days):
                for a in sorted(days[day]):
                    if time.perf_counter() < until and _try_cycle(
                            instance, days[day], a, skills, locked, cost, shortest):
                        improved = True
    return tuple(sorted(Assignment(pid, *instance.slots[index], desk)
                        for people in days.values() for pid, desk_at in people.items()
                        for index, desk in desk_at.items()))


def _try_pair(instance: Instance, people: dict[str, dict[int, str]], a: str, b: str,
              skills: dict[str, set[str]], locked: set[tuple[str, int]],
              cost: Callable[[str, dict[int, str]], tuple[int, int]],
              boundaries: Callable[[dict[int, str]], tuple[set[int], set[int]]]) -> bool:
    """The best trade of desks between a and b over one run of slots both work, applied in
    `people` when it lowers their (stints, misses); whether one was applied."""
    mine, theirs = people[a], people[b]
    common = sorted(set(mine) & set(theirs))
    if not common:
        return False
    a_starts, a_ends = boundaries(mine)
    b_starts, b_ends = boundaries(theirs)
    starts = sorted((a_starts | b_starts) & set(common))
    ends = (a_ends | b_ends) & set(common)
    before = add_costs(cost(a, mine), cost(b, theirs))
    best, best_span = before, None
    for first in starts:
        index: int | None = first
        span: list[int] = []
        while index is not None and index in mine and index in theirs:
            da, db = mine[index], theirs[index]
            if (a, index) in locked or (b, index) in locked or db not in skills[a] \
                    or da not in skills[b]:
                break
            span.append(index)
            if index in ends:
                new_a = dict(mine)
                new_b = dict(theirs)
                for k in span:
                    new_a[k], new_b[k] = theirs[k], mine[k]
                after = add_costs(cost(a, new_a), cost(b, new_b))
                if after < best:
                    best, best_span = after, list(span)
            following = index + 1
            index = following if following < len(instance.slots) \
                and instance.previous[following] == index else None
    if best_span is None:
        return False
    for k in best_span:
        mine[k], theirs[k] = theirs[k], mine[k]
    return True


def add_costs(one: tuple[int, int], other: tuple[int, int]) -> tuple[int, int]:
    return one[0] + other[0], one[1] + other[1]


def _try_cycle(instance: Instance, people: dict[str, dict[int, str]], a: str,
               skills: dict[str, set[str]], locked: set[tuple[str, int]],
               cost: Callable[[str, dict[int, str]], tuple[int, int]], shortest: int) -> bool:
    """A rotation of desks between three people over one of a's short stints: a takes the
    desk of the stint next to it (from b, who holds it there), b takes c's, c takes a's;
    applied when it lowers the three people's (stints, misses). Whether one was applied."""
    mine = people[a]
    runs = desk_stints(instance, mine)
    for k, span in enumerate(runs):
        if len(span) >= shortest or any((a, index) in locked for index in span):
            continue
        here = mine[span[0]]
        wanted = {mine[run[0]] for run in (runs[k - 1:k] + runs[k + 1:k + 2])
                  if instance.previous[run[0]] == span[-1]
                  or instance.previous[span[0]] == run[-1]} & skills[a]
        holders = {pid: desk_at[span[0]] for pid, desk_at in people.items()
                   if pid != a and all(index in desk_at and (pid, index) not in locked
                                       and desk_at[index] == desk_at[span[0]]
                                       for index in span)}
        before_a = cost(a, mine)
        for b, desk_b in sorted(holders.items()):
            if desk_b not in wanted:
                continue
            for c, desk_c in sorted(holders.items()):
                if c == b or desk_c not in skills[b] or here not in skills[c] \
                        or desk_c in (here, desk_b):
                    continue
                new = {a: dict(mine), b: dict(people[b]), c: dict(people[c])}
                for index in span:
                    new[a][index], new[b][index], new[c][index] = desk_b, desk_c, here
                before = add_costs(add_costs(before_a, cost(b, people[b])), cost(c, people[c]))
                after = add_costs(add_costs(cost(a, new[a]), cost(b, new[b])), cost(c, new[c]))
                if after < before:
                    people.update(new)
                    return True
    return False
