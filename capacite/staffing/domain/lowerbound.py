"""Cheap, exact lower bounds: on the uncovered demand (a maximum flow) and on the partners'
share deviation once coverage is known (a greedy over convex terms).

Why: the coverage stage of the search is "proven" when its shortfall equals a proven lower
bound. CP-SAT's own bound on that stage is weak (on the Paris-sized week it stays near 0 for a
minute), and on a week the greedy roster already covers as well as possible the solver can
spend its whole budget failing to prove what a flow shows at once.

The flow relaxes the roster problem, keeping only:

- each person works at most their contracted slots, and on one day at most
  `max_shifts_per_day × max_shift` slots;
- one desk per person per slot, only at a desk they hold the skill for and that needs people
  then (the model places nobody elsewhere), and only in a slot where they are available;
- a slot is workable only inside a run of consecutive workable slots at least one minimum
  shift long (a shift is a run of worked slots, so it fits inside such a run);
- a desk takes at most the people it needs in each slot.

Every roster satisfies these, so the maximum flow is at least the demand any roster covers and
`total need − maximum flow` never exceeds the true minimum of uncovered demand (locked
assignments only restrict rosters further, so the bound holds with them too).
"""

from capacite.staffing.domain.instance import Instance
from capacite.staffing.domain.shifts import shifts


def workable_slots(instance: Instance, person_id: str, skills: tuple[str, ...]) -> list[int]:
    """The slots a person could work in some valid shift: available, needed at one of their
    desks, inside a run of such slots at least one minimum shift long."""
    min_len = instance.rules.min_shift_minutes // instance.slot_minutes
    usable = [i for i in instance.available[person_id]
              if any((desk, i) in instance.need for desk in skills)]
    return [i for run in shifts(instance, usable) if len(run) >= min_len for i in run]


def most_slots(instance: Instance, person_id: str) -> int:
    """The most slots a person can work in any valid roster, whatever the others do: within
    their contract, and on each day within their workable slots (`workable_slots`) cut into at
    most `max_shifts_per_day` shifts of the minimum to the maximum length, two shifts of one
    run of slots apart by at least one slot.

    Why: the share floor counted every workable slot up to the contract. A person available
    Friday 10:00–18:00 and Saturday 12:00–18:00 (28 slots) can work 15 on Friday (two shifts
    of at most 6 h with a break) and 12 on Saturday, 27 in all; the floor was one slot too low
    for each such person, and a partner of one or two such people sat above it in every roster.
    """
    rules = instance.rules
    slot = instance.slot_minutes
    min_len, max_len = rules.min_shift_minutes // slot, rules.max_shift_minutes // slot
    most_shifts = rules.max_shifts_per_day
    person = next(p for p in instance.staff if p.id == person_id)
    contract = person.weekly_minutes // slot
    if contract < min_len:
        return 0  # not even one shift
    by_day: dict[int, list[list[int]]] = {}
    for run in shifts(instance, workable_slots(instance, person_id, person.skills)):
        by_day.setdefault(instance.slots[run[0]][0], []).append(run)
    total = 0
    for runs in by_day.values():
        best = [0] + [-1] * most_shifts  # most slots with k shifts so far (-1: impossible)
        for run in runs:
            length = len(run)
            after = list(best)
            for used in range(most_shifts + 1):
                for more in range(1, most_shifts - used + 1):
                    room = length - (more - 1)  # one slot between two shifts of the run
                    if best[used] >= 0 and room >= more * min_len:
                        after[used + more] = max(after[used + more],
                                                 best[used] + min(room, more * max_len))
            best = after
        total += max(best)
    return min(contract, total)


def coverable_demand(instance: Instance) -> int:
    """The most demand (people × slots) any roster of `instance` can cover (an upper bound)."""
    from ortools.graph.python import max_flow

    rules = instance.rules
    slot = instance.slot_minutes
    day_cap = rules.max_shifts_per_day * (rules.max_shift_minutes // slot)
    min_len = rules.min_shift_minutes // slot
    flow = max_flow.SimpleMaxFlow()
    nodes: dict[tuple[object, ...], int] = {}

    def node(*key: object) -> int:
        return nodes.setdefault(key, len(nodes))

    source, sink = node("source"), node("sink")
    for (desk, i), people in instance.need.items():
        flow.add_arc_with_capacity(node("desk", desk, i), sink, people)
    for person in instance.staff:
        cap = person.weekly_minutes // slot
        slots = workable_slots(instance, person.id, person.skills)
        if cap < min_len or not slots:
            continue
        flow.add_arc_with_capacity(source, node("person", person.id), cap)
        days: dict[int, list[int]] = {}
        for i in slots:
            days.setdefault(instance.slots[i][0], []).append(i)
        for day, day_slots in days.items():
            flow.add_arc_with_capacity(node("person", person.id), node("day", person.id, day),
                                       min(day_cap, len(day_slots)))
            for i in day_slots:
                flow.add_arc_with_capacity(node("day", person.id, day),
                                           node("cell", person.id, i), 1)
                for desk in person.skills:
                    if (desk, i) in instance.need:
                        flow.add_arc_with_capacity(node("cell", person.id, i),
                                                   node("desk", desk, i), 1)
    if flow.solve(source, sink) != flow.OPTIMAL:  # pragma: no cover - capacities are small
        return sum(instance.need.values())
    return int(flow.optimal_flow())


def uncovered_lower_bound(instance: Instance) -> int:
    """A proven lower bound on the uncovered demand of any roster of `instance`."""
    return sum(instance.need.values()) - coverable_demand(instance)


def share_deviation_floor(instance: Instance, total: int) -> int:
    """A proven lower bound on the share deviation of any roster working `total` slots.

    Why: once coverage is proven, every roster that keeps it works the same number of slots,
    so each partner's target (its share of that total) is fixed. The deviation is a sum of
    one convex term per partner (`objective.share_term`: V-shaped in its hours, flat at the
    bottom), under one constraint: the partners' hours add up to `total`, each at most what its
    staff can work (contracted slots, within their workable slots; none for a person whose
    contract or workable slots are shorter than one shift). Minimising a sum of convex terms
    under a total is solved exactly by handing out the slots one at a time to the partner
    whose term grows least. The rules that this ignores only raise the true minimum.
    """
    import heapq

    from capacite.staffing.domain.objective import share_permille, share_term

    shares = share_permille(instance)
    capacity = {partner: 0 for partner in shares}
    for person in instance.staff:
        if person.partner in capacity:
            capacity[person.partner] += most_slots(instance, person.id)
    hours = {partner: min(capacity[partner], shares[partner] * total // 1000)
             for partner in shares}
    left = total - sum(hours.values())

    def step(partner: str) -> int:
        return (share_term(hours[partner] + 1, shares[partner], total)
                - share_term(hours[partner], shares[partner], total))

    heap = [(step(partner), partner) for partner in sorted(shares)
            if hours[partner] < capacity[partner]]
    heapq.heapify(heap)
    while left > 0 and heap:
        _cost, partner = heapq.heappop(heap)
        hours[partner] += 1
        left -= 1
        if hours[partner] < capacity[partner]:
            heapq.heappush(heap, (step(partner), partner))
    if left > 0:  # the staff cannot work `total` slots: no roster to bound
        return 0
    return sum(share_term(hours[partner], shares[partner], total) for partner in shares)
