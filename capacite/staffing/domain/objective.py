"""The soft goals of a roster, as integers, and the weights that keep their priority order.

The goals, most important first: cover demand ≫ keep each partner's share of the hours close to
its committed FTE share ≫ fewer desk changes and fragments ≫ preferences ≫ balanced load. The
third goal counts desk stints (runs of slots at one desk: shifts plus desk changes) and counts a
stint shorter than the minimum shift once more, as a fragment: a person sent to a desk for half
an hour is what the staff feel most, and counting stints alone made a 30-minute stint cost no
more than a 4-hour one.

The goals are combined into one weighted sum. Each weight is one more than the largest value
every lower goal together can reach on this instance, so one unit of a goal always outweighs any
change in all the goals below it: the weighted sum orders rosters lexicographically.

Those weights grow fast (about 10^12 on a Paris-sized week), and CP-SAT searches poorly with
such coefficients, so `solve.py` applies the same order in two stages: coverage alone first
(its lower bound is then proven quickly), then the weighted sum of the other goals with
coverage held at its best value. Because the coverage weight exceeds everything below it,
both ways rank rosters identically; `penalty` reports the single weighted sum.
"""

from dataclasses import dataclass

from capacite.staffing.domain.instance import Assignment, Instance, Span

GOALS = ("uncovered", "share_deviation", "stints", "preference_misses", "peak_load")


@dataclass(frozen=True)
class Bounds:
    """Upper bounds of each goal on an instance, from which the weights follow."""

    work: int  # most slots anybody can work in total

    @property
    def maxima(self) -> dict[str, int]:
        return {"uncovered": 0,  # the top goal needs no bound
                "share_deviation": 2 * self.work,
                "stints": 2 * self.work,  # a fragment counts twice
                "preference_misses": 2 * self.work,
                "peak_load": 100}


def bounds(instance: Instance) -> Bounds:
    hours = sum(min(p.weekly_minutes // instance.slot_minutes, len(instance.available[p.id]))
                for p in instance.staff)
    return Bounds(work=min(hours, sum(instance.need.values())))


def weights(instance: Instance) -> dict[str, int]:
    """Weight per goal: one more than the largest weighted sum of all the goals below it."""
    maxima = bounds(instance).maxima
    result: dict[str, int] = {}
    below = 0
    for goal in reversed(GOALS):
        result[goal] = below + 1
        below += result[goal] * maxima[goal]
    return result


SHARE_SCALE = 1000  # committed shares are whole per-mille


def share_permille(instance: Instance) -> dict[str, int]:
    """Committed shares in whole per-mille that add up to exactly 1000 (largest remainder).

    The model works in integers. Why exactly 1000: shares rounded one by one can add up to
    99 % or 101 %, and then no roster can meet them — every roster missed its shares by 1 % of
    the hours (14 slots on a Paris-sized week), a penalty nobody could remove. Shares that do
    not add up to 1 (the reader allows ± 0.01) are scaled to do so first.
    """
    total = sum(partner.fte_share for partner in instance.partners)
    if not instance.partners or total <= 0:
        return {partner.id: 0 for partner in instance.partners}
    exact = {partner.id: SHARE_SCALE * partner.fte_share / total
             for partner in instance.partners}
    result = {pid: int(value) for pid, value in exact.items()}
    short = SHARE_SCALE - sum(result.values())
    for pid in sorted(exact, key=lambda pid: (result[pid] - exact[pid], pid))[:short]:
        result[pid] += 1
    return result


def share_term(hours: int, share: int, total: int) -> int:
    """One partner's deviation from its committed share, in slots rounded up:
    ⌈|hours − share × total / 1000|⌉ (the model's `dev` variable takes the same value)."""
    return -(-abs(SHARE_SCALE * hours - share * total) // SHARE_SCALE)


def slots_by_partner(instance: Instance, assignments: tuple[Assignment, ...]) -> dict[str, int]:
    """The slots each partner's staff work in `assignments`, every partner listed (0 if none):
    the hours the share goal weighs, counted here for every caller."""
    partner_of = {person.id: person.partner for person in instance.staff}
    slots = {partner.id: 0 for partner in instance.partners}
    for a in assignments:
        slots[partner_of[a.staff]] += 1
    return slots


def goal_values(instance: Instance, assignments: tuple[Assignment, ...]) -> dict[str, int]:
    """Each goal's value for a roster, computed from the assignments alone.

    share_deviation is Σ_partners |hours_p − share_p·hours| in slots, each term rounded up
    (shares in whole per-mille adding up to 1000, `share_permille`); peak_load is the highest
    worked/contracted ratio of anybody, in whole percent rounded up.
    """
    held: dict[tuple[str, int], int] = {}
    worked: dict[str, list[tuple[int, str]]] = {person.id: [] for person in instance.staff}
    for a in assignments:
        index = instance.slot_index[(a.day, a.start)]
        held[(a.desk, index)] = held.get((a.desk, index), 0) + 1
        worked[a.staff].append((index, a.desk))
    uncovered = sum(max(0, need - held.get(key, 0)) for key, need in instance.need.items())
    hours = slots_by_partner(instance, assignments)
    total = len(assignments)
    shares = share_permille(instance)
    deviation = sum(share_term(hours[p], shares[p], total) for p in hours)
    stints = misses = peak = 0
    for person in instance.staff:
        stints += stints_goal(instance, dict(worked[person.id]))
        for index, desk in worked[person.id]:
            if person.preferences.desks and desk not in person.preferences.desks:
                misses += 1
            if person.preferences.times and not _in_times(instance, person.preferences.times,
                                                          index):
                misses += 1
        if person.weekly_minutes:
            cap = person.weekly_minutes // instance.slot_minutes
            peak = max(peak, -(-100 * len(worked[person.id]) // cap))
    return {"uncovered": uncovered, "share_deviation": deviation, "stints": stints,
            "preference_misses": misses, "peak_load": peak}


def stints_goal(instance: Instance, desk_at: dict[int, str]) -> int:
    """One person's part of the stints goal, from their desk per worked slot: each desk
    stint, and a stint under the minimum shift once more. The one count of it: `goal_values`
    and the desk trades' and hand-overs' costs (`swaps.day_cost`) ask here."""
    shortest = instance.rules.min_shift_minutes // instance.slot_minutes
    return sum(1 + (len(run) < shortest) for run in desk_stints(instance, desk_at))


def desks_by_day(instance: Instance,
                 assignments: tuple[Assignment, ...]) -> dict[tuple[int, str], dict[int, str]]:
    """Each person's desk per worked slot, day by day: (day, staff id) → {slot index: desk}."""
    by_day: dict[tuple[int, str], dict[int, str]] = {}
    for a in assignments:
        by_day.setdefault((a.day, a.staff), {})[instance.slot_index[(a.day, a.start)]] = a.desk
    return by_day


def short_stint_runs(instance: Instance, by_day: dict[tuple[int, str], dict[int, str]]
                     ) -> list[tuple[int, str, list[int]]]:
    """(day, staff id, slot indexes) of each desk stint under the minimum shift, in (day,
    person) order, from `desks_by_day`: the one definition the solver's stages and the day
    neighbourhoods around short stints ask."""
    shortest = instance.rules.min_shift_minutes // instance.slot_minutes
    return [(day, pid, run) for (day, pid), desk_at in sorted(by_day.items())
            for run in desk_stints(instance, desk_at) if len(run) < shortest]


def short_stints(instance: Instance, assignments: tuple[Assignment, ...]) -> int:
    """The desk stints under the minimum shift in a roster (the solver skips its stage of
    them when there is none)."""
    return len(short_stint_runs(instance, desks_by_day(instance, assignments)))


def desk_stints(instance: Instance, desk_at: dict[int, str]) -> list[list[int]]:
    """One person's desk stints: runs of consecutive slots at one desk, in time order.

    Slots are visited in time order, so a slot that continues a stint continues the last one.
    """
    runs: list[list[int]] = []
    for index in sorted(desk_at):
        previous = instance.previous[index]
        if runs and previous == runs[-1][-1] and desk_at[previous] == desk_at[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _in_times(instance: Instance, times: tuple[Span, ...], index: int) -> bool:
    day, start = instance.slots[index]
    return any(span.day == day and span.start <= start < span.end for span in times)


def penalty(instance: Instance, values: dict[str, int]) -> int:
    """The weighted sum the solver minimises."""
    return sum(weights(instance)[goal] * values[goal] for goal in GOALS)
