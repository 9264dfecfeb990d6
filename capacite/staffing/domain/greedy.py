"""Greedy rosters: the reference baseline, and the better first roster built from its variants.

The baseline of the issue — scarcest desk first, longest feasible block — is kept as it is, as
the reference of the benchmark (penalty versus greedy). Two changes to it leave far fewer gaps
on a Paris-sized week (72 → 4 uncovered units on seed 0 of the benchmark's M week):

- a block may *move on* to another desk of the same person when its desk needs nobody more,
  instead of stopping short of the 2-hour minimum;
- blocks may be *capped* below the maximum shift: everybody taking 6 hours from the opening
  leaves the last two hours of the day to nobody (the second shift needs a break first).

`first_roster` tries the baseline and a few such variants (each well under a second) and keeps
the one with the fewest uncovered units, then the lowest penalty: it is the first roster shown
and the warm start of the CP-SAT search. Pure and deterministic.
"""

from capacite.staffing.domain.instance import Assignment, Instance
from capacite.staffing.domain.shifts import day_fits

# (shorter than the maximum shift by this many slots, move on to another desk): the baseline
# first, then the variants measured best on the benchmark's S, M and L weeks.
VARIANTS = ((0, False), (0, True), (2, True), (3, True), (4, True))


def desk_scarcity(instance: Instance) -> dict[str, float]:
    """Demand units of a desk per available slot of the people who can hold it."""
    supply = {desk.id: 0 for desk in instance.desks}
    for person in instance.staff:
        for desk in person.skills:
            supply[desk] += len(instance.available[person.id])
    demand = {desk.id: 0 for desk in instance.desks}
    for (desk, _index), people in instance.need.items():
        demand[desk] += people
    return {desk: demand[desk] / max(supply[desk], 1) for desk in demand}


def greedy_roster(instance: Instance, *, shorter_by: int = 0,
                  move_on: bool = False) -> tuple[Assignment, ...]:
    """A valid roster built desk by desk, scarcest first, keeping the locked assignments.

    For each slot still short of people, the person who can take the longest block from that
    slot on (within availability, remaining hours and the shift rules) gets it; ties go to the
    person with fewer skills, then to the smaller id. With the defaults this is the reference
    baseline; `shorter_by` caps blocks that many slots below the maximum shift, and `move_on`
    lets a block continue at another desk of the person (scarcest first) when its desk needs
    nobody more — the block is then ranked by its slots at the first desk, then by length.
    """
    slot_count = len(instance.slots)
    following = [index + 1 if index + 1 < slot_count and instance.previous[index + 1] == index
                 else None for index in range(slot_count)]
    remaining = dict(instance.need)
    worked: dict[str, set[int]] = {person.id: set() for person in instance.staff}
    placed: dict[tuple[str, int], str] = {}
    for lock in instance.locked:
        index = instance.slot_index[(lock.day, lock.start)]
        if index in worked[lock.staff]:
            continue
        worked[lock.staff].add(index)
        placed[(lock.staff, index)] = lock.desk
        remaining[(lock.desk, index)] = remaining.get((lock.desk, index), 0) - 1
    hours_left = {person.id: person.weekly_minutes // instance.slot_minutes
                  - len(worked[person.id]) for person in instance.staff}
    scarcity = desk_scarcity(instance)
    order = sorted(scarcity, key=lambda desk: (-scarcity[desk], desk))
    rank = {desk: position for position, desk in enumerate(order)}
    people = sorted(instance.staff, key=lambda person: (len(person.skills), person.id))
    longest = instance.rules.max_shift_minutes // instance.slot_minutes - shorter_by

    def block(person_id: str, skills: tuple[str, ...], desk: str, index: int
              ) -> list[tuple[int, str]]:
        slots: list[tuple[int, str]] = []
        current: int | None = index
        here = desk
        while (current is not None and len(slots) < min(hours_left[person_id], longest)
               and current in instance.available[person_id]
               and current not in worked[person_id]):
            if remaining.get((here, current), 0) <= 0:
                others = [d for d in skills if remaining.get((d, current), 0) > 0]
                if not move_on or not others:
                    break
                here = min(others, key=rank.__getitem__)
            slots.append((current, here))
            current = following[current]
        day = instance.slots[index][0]
        while slots and not day_fits(instance, worked[person_id] | {i for i, _d in slots}, day):
            slots.pop()
        return slots

    for desk in order:
        for index in range(slot_count):
            while remaining.get((desk, index), 0) > 0:
                best: tuple[tuple[int, int], str, list[tuple[int, str]]] | None = None
                for person in people:
                    if desk not in person.skills or index in worked[person.id]:
                        continue
                    slots = block(person.id, person.skills, desk, index)
                    if not slots:
                        continue
                    at_desk = next((n for n, (_i, d) in enumerate(slots) if d != desk),
                                   len(slots))
                    score = (at_desk, len(slots))
                    if best is None or score > best[0]:
                        best = (score, person.id, slots)
                if best is None:
                    break
                _score, person_id, slots = best
                for slot, held in slots:
                    worked[person_id].add(slot)
                    placed[(person_id, slot)] = held
                    remaining[(held, slot)] -= 1
                hours_left[person_id] -= len(slots)
    return tuple(sorted(Assignment(person_id, *instance.slots[index], desk)
                        for (person_id, index), desk in placed.items()))


def greedy_variants(instance: Instance) -> list[tuple[Assignment, ...]]:
    """The rosters of `VARIANTS`, the reference baseline first."""
    return [greedy_roster(instance, shorter_by=shorter_by, move_on=move_on)
            for shorter_by, move_on in VARIANTS]


def best_roster(instance: Instance, rosters: list[tuple[Assignment, ...]]
                ) -> tuple[Assignment, ...]:
    """The roster with the fewest uncovered units, then the lowest penalty (first on ties)."""
    from capacite.staffing.domain.objective import goal_values, penalty

    def cost(roster: tuple[Assignment, ...]) -> tuple[int, int]:
        values = goal_values(instance, roster)
        return values["uncovered"], penalty(instance, values)

    return min(rosters, key=cost)


def first_roster(instance: Instance) -> tuple[Assignment, ...]:
    """The best of the greedy variants: the first roster shown, before any search."""
    return best_roster(instance, greedy_variants(instance))
