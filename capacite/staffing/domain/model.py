"""The CP-SAT model of a weekly roster.

One Boolean x[person, desk, slot] exists only where the person has the skill and is available,
so availability and skills hold by construction. The hard rules are linear constraints over
x, work[person, slot] (x summed over desks, at most 1: one place at a time) and
start[person, slot] (a shift starts there). The soft goals and their weights are in
`objective.py`; the uncovered demand has one variable per (desk, slot), the need minus the x
placed there.
"""

from dataclasses import dataclass, field
from typing import Any

from capacite.staffing.domain.instance import Assignment, Instance
from capacite.staffing.domain.objective import (
    GOALS,
    SHARE_SCALE,
    share_permille,
    share_term,
    weights,
)


@dataclass
class RosterModel:
    """The built model and the variables needed to read a roster back or hint one in."""

    model: Any
    x: dict[tuple[str, str, int], Any]
    work: dict[tuple[str, int], Any]
    start: dict[tuple[str, int], Any]
    stint: dict[tuple[str, str, int], Any]
    fragment: dict[tuple[str, str, int], Any]  # a stint starting there is under min_len
    goals: dict[str, Any]  # goal name -> linear expression
    weights: dict[str, int]
    deviation: dict[str, Any]  # partner id -> slots away from its committed share
    peak: Any
    shortfall: dict[tuple[str, int], Any]  # (desk, slot) -> people missing
    total: Any  # slots worked in all, the held ones included: the base of every share
    fixed_hours: dict[str, int] = field(default_factory=dict)  # partner -> slots held outside


def build_model(instance: Instance, fixed_hours: dict[str, int] | None = None) -> RosterModel:
    """Build the CP-SAT model of `instance` (imports ortools here: it is slow to import).

    `fixed_hours`, per partner, are slots its staff work outside this model (the rest of the
    week in a neighbourhood, `neighbourhood.residual_instance`): the shares are then measured
    on the whole week's hours, as `goal_values` does on the whole roster.
    """
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    rules = instance.rules
    slot = instance.slot_minutes
    min_len = rules.min_shift_minutes // slot
    max_len = rules.max_shift_minutes // slot
    slot_count = len(instance.slots)
    following = [i + 1 if i + 1 < slot_count and instance.previous[i + 1] == i else None
                 for i in range(slot_count)]
    x: dict[tuple[str, str, int], Any] = {}
    work: dict[tuple[str, int], Any] = {}
    start: dict[tuple[str, int], Any] = {}
    stint: dict[tuple[str, str, int], Any] = {}
    fragments: dict[tuple[str, str, int], Any] = {}
    placed_at: dict[tuple[str, int], list[Any]] = {}
    misses: list[Any] = []
    loads: dict[str, list[Any]] = {}

    for person in instance.staff:
        mine: list[tuple[tuple[str, str, int], Any]] = []
        available = instance.available[person.id]
        desks = [desk for desk in person.skills
                 if any((desk, i) in instance.need for i in available)]
        for i in sorted(available):
            cells = []
            for desk in desks:
                if (desk, i) not in instance.need:
                    continue  # nobody sits at a desk that needs nobody
                var = model.new_bool_var(f"x_{person.id}_{desk}_{i}")
                x[(person.id, desk, i)] = var
                mine.append(((person.id, desk, i), var))
                cells.append(var)
                placed_at.setdefault((desk, i), []).append(var)
                day, minute = instance.slots[i]
                if person.preferences.desks and desk not in person.preferences.desks:
                    misses.append(var)
                if person.preferences.times and not any(
                        t.day == day and t.start <= minute < t.end
                        for t in person.preferences.times):
                    misses.append(var)
            if not cells:
                continue
            work[(person.id, i)] = model.new_bool_var(f"w_{person.id}_{i}")
            model.add(sum(cells) == work[(person.id, i)])
        worked = [work[(person.id, i)] for i in sorted(available) if (person.id, i) in work]
        loads[person.id] = worked
        model.add(sum(worked) <= person.weekly_minutes // slot)
        _shift_rules(model, instance, person.id, work, start, following, min_len, max_len)
        for (pid, desk, i), var in mine:
            earlier = instance.previous[i]
            before = x.get((pid, desk, earlier)) if earlier is not None else None
            seg = model.new_bool_var(f"s_{pid}_{desk}_{i}")
            model.add(seg >= var - before) if before is not None else model.add(seg >= var)
            stint[(pid, desk, i)] = seg
            fragments[(pid, desk, i)] = _fragment(model, x, seg, pid, desk, i, following,
                                                  min_len)

    # Explicit shortfall per (desk, slot): it gives the LP a bound of zero from the start.
    short: dict[tuple[str, int], Any] = {}
    for (desk, i), people in instance.need.items():
        gap = model.new_int_var(0, people, f"u_{desk}_{i}")
        model.add(sum(placed_at.get((desk, i), [])) + gap == people)
        short[(desk, i)] = gap
    for lock in instance.locked:
        kept = x.get((lock.staff, lock.desk, instance.slot_index[(lock.day, lock.start)]))
        if kept is None:  # a locked slot where the desk needs nobody: the model cannot keep it
            model.add_bool_or([])
        else:
            model.add(kept == 1)

    fixed = dict(fixed_hours or {})
    # The total as one variable, summed once: each partner's two deviation constraints then
    # hold its own staff's slots and this variable, not every slot of the week again. On an N
    # week (41 partners) they held 433,508 terms, and CP-SAT's presolve spent 4 s of its 12
    # comparing them.
    total = model.new_int_var(0, len(work) + sum(fixed.values()), "total")
    model.add(total == sum(work.values()) + sum(fixed.values()))
    shares = share_permille(instance)
    deviations: dict[str, Any] = {}
    partner_of = {person.id: person.partner for person in instance.staff}
    for partner in instance.partners:
        hours = sum(var for (pid, _i), var in work.items() if partner_of[pid] == partner.id) \
            + fixed.get(partner.id, 0)
        dev = model.new_int_var(0, 2 * max(len(work) + sum(fixed.values()), 1),
                                f"dev_{partner.id}")
        model.add(SHARE_SCALE * dev >= SHARE_SCALE * hours - shares[partner.id] * total)
        model.add(SHARE_SCALE * dev >= shares[partner.id] * total - SHARE_SCALE * hours)
        deviations[partner.id] = dev
    peak = model.new_int_var(0, 100, "peak_load")
    for person in instance.staff:
        cap = person.weekly_minutes // slot
        if cap and loads[person.id]:
            model.add(100 * sum(loads[person.id]) <= peak * cap)

    goals = {"uncovered": sum(short.values()), "share_deviation": sum(deviations.values()),
             "stints": sum(stint.values()) + sum(fragments.values()),
             "preference_misses": sum(misses), "peak_load": peak}
    return RosterModel(model, x, work, start, stint, fragments, goals, weights(instance),
                       deviations, peak, short, total, fixed)


def hold_partner_slots(roster: RosterModel, instance: Instance, slots: dict[str, int]) -> None:
    """Hold the slots worked by each partner's staff at `slots[partner]` (0 when absent).

    Why: a site of a network cannot see the other sites' hours, so its own share deviation is
    not the network's; once the network's shares are balanced (`sites.solve_by_site`), a site
    solved with every partner's slots held cannot move them, whatever else it changes.
    """
    partner_of = {person.id: person.partner for person in instance.staff}
    worked: dict[str, list[Any]] = {partner.id: [] for partner in instance.partners}
    for (pid, _i), var in roster.work.items():
        worked[partner_of[pid]].append(var)
    for partner, variables in worked.items():
        roster.model.add(sum(variables) == slots.get(partner, 0))


# Each stage minimises its goals (one alone, several weighted) with the goals above it held.
STAGE_GOALS = {"coverage": GOALS[:1], "partners": GOALS[1:], "rest": GOALS[2:], "all": GOALS}


def minimise(roster: RosterModel, *, stage: str, held: dict[str, int] | None = None) -> None:
    """Set the objective of one stage (`STAGE_GOALS`): one goal alone, or several weighted;
    or, for the stage "fragments", the desk stints under the minimum shift alone; for the
    stage "shares", the partners' share deviation alone (`solve._Search.run`).

    `held` keeps the goals of the earlier stages at most at the values already reached (the
    constraints stay in the model, each stage only tightens them).

    Why "fragments", which is no goal of its own (a short stint is one more stint in the
    stints goal): on the day neighbourhoods around short desk stints
    (`neighbourhood.fewer_fragments`), minimising the stints goal — every stint, the short
    ones twice, and the goals below — left 46 of a P week's 57 short stints after 30 s, and
    1000 × short stints + stints left 37; the short stints alone left 9, and a lower full
    penalty, as a roster with fewer short stints mostly has fewer stints too. The caller
    keeps a part's roster only when the full penalty is no higher.
    """
    roster.model.clear_objective()
    for goal, value in (held or {}).items():
        roster.model.add(roster.goals[goal] <= value)
    if stage == "fragments":
        roster.model.minimize(sum(roster.fragment.values()))
        return
    if stage == "shares":  # the share deviation alone, for a search that proves nothing
        roster.model.minimize(roster.goals["share_deviation"])
        return
    goals = STAGE_GOALS[stage]
    if len(goals) == 1:
        roster.model.minimize(roster.goals[goals[0]])
    else:
        roster.model.minimize(sum(roster.weights[goal] * roster.goals[goal] for goal in goals))


def _fragment(model: Any, x: dict[tuple[str, str, int], Any], seg: Any, pid: str, desk: str,
              i: int, following: list[int | None], min_len: int) -> Any:
    """A Boolean forced to 1 when a desk stint starts at slot i and lasts under `min_len`.

    The stint is a fragment unless the next min_len − 1 slots are at the same desk; where
    such a slot cannot be held (no variable), any stint starting at i is a fragment.
    """
    frag = model.new_bool_var(f"f_{pid}_{desk}_{i}")
    current: int | None = i
    for _ in range(min_len - 1):
        current = following[current] if current is not None else None
        nxt = x.get((pid, desk, current)) if current is not None else None
        if nxt is None:
            model.add(frag >= seg)
            return frag
        model.add(frag >= seg - nxt)
    return frag


def _shift_rules(model: Any, instance: Instance, person_id: str,
                 work: dict[tuple[str, int], Any], start: dict[tuple[str, int], Any],
                 following: list[int | None], min_len: int, max_len: int) -> None:
    """Shift starts, minimum and maximum length, and shifts per day for one person."""
    mine = sorted(i for (pid, i) in work if pid == person_id)
    by_day: dict[int, list[Any]] = {}
    for i in mine:
        here = work[(person_id, i)]
        earlier = instance.previous[i]
        before = work.get((person_id, earlier)) if earlier is not None else None
        if before is None:
            start[(person_id, i)] = here
        else:
            begins = model.new_bool_var(f"st_{person_id}_{i}")
            model.add(begins >= here - before)
            model.add(begins <= here)
            model.add(begins <= 1 - before)
            start[(person_id, i)] = begins
        by_day.setdefault(instance.slots[i][0], []).append(start[(person_id, i)])
        # A shift starting here must last min_len slots, all workable.
        chain: list[Any] = []
        current: int | None = i
        while current is not None and len(chain) < min_len:
            chain.append(work.get((person_id, current)))
            current = following[current]
        if len(chain) < min_len or any(var is None for var in chain):
            model.add(start[(person_id, i)] == 0)
        else:
            for var in chain[1:]:
                model.add(var >= start[(person_id, i)])
        # No window of max_len + 1 consecutive slots all worked.
        window: list[Any] = []
        current = i
        while current is not None and len(window) <= max_len:
            window.append(work.get((person_id, current)))
            current = following[current]
        if len(window) == max_len + 1 and all(var is not None for var in window):
            model.add(sum(window) <= max_len)
    for starts in by_day.values():
        model.add(sum(starts) <= instance.rules.max_shifts_per_day)


def hint(roster: RosterModel, instance: Instance, assignments: tuple[Assignment, ...]) -> None:
    """Warm-start the model from a roster: every x, work, start, stint, deviation, peak."""
    from capacite.staffing.domain.objective import goal_values

    roster.model.clear_hints()
    chosen = {(a.staff, a.desk, instance.slot_index[(a.day, a.start)]) for a in assignments}
    busy = {(pid, i) for pid, _desk, i in chosen}
    held: dict[tuple[str, int], int] = {}
    for key, var in roster.x.items():
        roster.model.add_hint(var, key in chosen)
        if key in chosen:
            held[(key[1], key[2])] = held.get((key[1], key[2]), 0) + 1
    for (desk, i), var in roster.shortfall.items():
        roster.model.add_hint(var, max(0, instance.need[(desk, i)] - held.get((desk, i), 0)))
    for cell, var in roster.work.items():
        roster.model.add_hint(var, cell in busy)
    for (pid, i), var in roster.start.items():
        if (pid, i) in roster.work and var is not roster.work[(pid, i)]:
            previous = instance.previous[i]
            roster.model.add_hint(var, (pid, i) in busy and (pid, previous) not in busy)
    min_len = instance.rules.min_shift_minutes // instance.slot_minutes
    for (pid, desk, i), var in roster.stint.items():
        previous = instance.previous[i]
        begins = (pid, desk, i) in chosen and (pid, desk, previous) not in chosen
        roster.model.add_hint(var, begins)
        run, current = 1, i
        while begins and run < min_len:
            if current + 1 >= len(instance.slots) or instance.previous[current + 1] != current \
                    or (pid, desk, current + 1) not in chosen:
                break
            run, current = run + 1, current + 1
        roster.model.add_hint(roster.fragment[(pid, desk, i)], begins and run < min_len)
    partner_of = {person.id: person.partner for person in instance.staff}
    shares = share_permille(instance)
    hours = {partner: roster.fixed_hours.get(partner, 0) for partner in roster.deviation}
    for pid, _i in busy:
        hours[partner_of[pid]] += 1
    total = len(busy) + sum(roster.fixed_hours.values())
    roster.model.add_hint(roster.total, total)
    for partner, var in roster.deviation.items():
        roster.model.add_hint(var, share_term(hours[partner], shares[partner], total))
    roster.model.add_hint(roster.peak, goal_values(instance, assignments)["peak_load"])
