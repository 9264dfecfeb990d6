"""The greedy baseline: scarcest desk first, longest feasible block.

Kept as a reference for the benchmark (penalty versus greedy) and as the warm start of the
CP-SAT model. Pure and deterministic: the same instance gives the same roster.
"""

from capacite.staffing.domain.instance import Assignment, Instance
from capacite.staffing.domain.shifts import day_fits


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


def greedy_roster(instance: Instance) -> tuple[Assignment, ...]:
    """A valid roster built desk by desk, scarcest first, keeping the locked assignments.

    For each slot still short of people, the person who can take the longest block from that
    slot on (within availability, remaining hours and the shift rules) gets it; ties go to the
    person with fewer skills, then to the smaller id.
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
    people = sorted(instance.staff, key=lambda person: (len(person.skills), person.id))

    def longest_block(person_id: str, desk: str, index: int) -> list[int]:
        block: list[int] = []
        current: int | None = index
        while (current is not None and len(block) < hours_left[person_id]
               and current in instance.available[person_id]
               and current not in worked[person_id] and remaining.get((desk, current), 0) > 0):
            block.append(current)
            current = following[current]
        day = instance.slots[index][0]
        while block and not day_fits(instance, worked[person_id] | set(block), day):
            block.pop()
        return block

    for desk in sorted(scarcity, key=lambda desk: (-scarcity[desk], desk)):
        for index in range(slot_count):
            while remaining.get((desk, index), 0) > 0:
                best: tuple[str, list[int]] | None = None
                for person in people:
                    if desk not in person.skills or index in worked[person.id]:
                        continue
                    block = longest_block(person.id, desk, index)
                    if block and (best is None or len(block) > len(best[1])):
                        best = (person.id, block)
                if best is None:
                    break
                person_id, block = best
                for slot in block:
                    worked[person_id].add(slot)
                    placed[(person_id, slot)] = desk
                    remaining[(desk, slot)] -= 1
                hours_left[person_id] -= len(block)
    return tuple(sorted(Assignment(person_id, *instance.slots[index], desk)
                        for (person_id, index), desk in placed.items()))
