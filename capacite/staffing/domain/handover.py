"""Partners' shares closer to their commitments by handing runs of slots from one person to
another.

Why: on part-time weeks with uneven or tiny shares (bench shapes P and N, issue 20) the
partners' neighbourhoods and CP-SAT left the share deviation two to seventeen times above its
proven floor after a minute, and different from run to run. A share moves only when hours pass
from the staff of a partner above its committed share to the staff of one below, and most
such moves are simple: a person of the partner above gives a run of one of their shifts (all
of it, its beginning, its end or its middle) to a person of the partner below who is free then,
available, able to hold each of its desks and within their contract, and both keep the shift
rules. Every desk keeps its people in every slot, so coverage cannot move; the total worked
does not change, so every partner's target stays where it was. A greedy descent over such
hand-overs takes about a second, is deterministic (two runs of a week agree), and leaves the
desk changes it makes to the desk trades (`swaps.py`) and the goals' CP-SAT stage.

A hand-over is kept when it lowers the share deviation (`objective.share_term`, summed); among
those of one person, the one lowering it most, then adding the fewest desk stints, then the
fewest desk preference misses. When none is left, a second descent hands whole desk stints
between any two people where that lowers the desk stints (a stint under the minimum counting
twice) or the preference misses without raising the share deviation: a short stint goes to a
person of the same partner who works next to it at that desk, say. Locked assignments never
move.
"""

import time
from collections.abc import Iterator

from capacite.staffing.domain.instance import Assignment, Instance
from capacite.staffing.domain.objective import SHARE_SCALE, share_permille, share_term
from capacite.staffing.domain.shifts import day_fits, shifts
from capacite.staffing.domain.swaps import add_costs, day_cost

Roster = tuple[Assignment, ...]


def closer_shares(instance: Instance, roster: Roster, *, until: float) -> Roster:
    """`roster` with runs of slots handed from people of partners above their committed share
    to people of partners below until no hand-over lowers the share deviation, then whole desk
    stints handed where that lowers the desk stints or misses; until `until` (a perf_counter
    time) at the latest. Coverage, the total worked and the hard rules are kept."""
    week = _Week(instance, roster)
    for shares_only in (True, False):
        improved = True
        while improved and time.perf_counter() < until:
            improved = False
            for giver in week.givers() if shares_only else sorted(week.worked):
                if time.perf_counter() >= until:
                    break
                move = week.best_hand_over(giver, shares_only=shares_only)
                if move is not None:
                    week.apply(*move)
                    improved = True
    return week.roster()


class _Week:
    """One roster as each person's desk per worked slot, with the partners' hours."""

    def __init__(self, instance: Instance, roster: Roster) -> None:
        self.instance = instance
        self.people = {person.id: person for person in instance.staff}
        self.worked: dict[str, dict[int, str]] = {person.id: {} for person in instance.staff}
        for a in roster:
            self.worked[a.staff][instance.slot_index[(a.day, a.start)]] = a.desk
        self.shares = share_permille(instance)
        self.hours = dict.fromkeys(self.shares, 0)
        for pid, desk_at in self.worked.items():
            self.hours[self.people[pid].partner] += len(desk_at)
        self.total = sum(self.hours.values())
        self.locked = {(a.staff, instance.slot_index[(a.day, a.start)])
                       for a in instance.locked}
        self.cap = {person.id: person.weekly_minutes // instance.slot_minutes
                    for person in instance.staff}
        self.skills = {person.id: frozenset(person.skills) for person in instance.staff}
        self.preferred = {person.id: frozenset(person.preferences.desks)
                          for person in instance.staff}

    def excess(self, partner: str) -> int:
        """Per-mille slots above (positive) or below (negative) the partner's target."""
        return SHARE_SCALE * self.hours[partner] - self.shares[partner] * self.total

    def givers(self) -> list[str]:
        """People of partners above their target, the furthest partner first."""
        above = {p for p in self.hours if self.excess(p) > 0}
        return sorted((pid for pid in self.worked
                       if self.people[pid].partner in above and self.worked[pid]),
                      key=lambda pid: (-self.excess(self.people[pid].partner), pid))

    def share_change(self, giver_partner: str, taker_partner: str, slots: int) -> int:
        """Change of the share deviation when `slots` pass from one partner to the other."""
        h_giver, h_taker = self.hours[giver_partner], self.hours[taker_partner]
        s_giver, s_taker = self.shares[giver_partner], self.shares[taker_partner]
        return (share_term(h_giver - slots, s_giver, self.total)
                + share_term(h_taker + slots, s_taker, self.total)
                - share_term(h_giver, s_giver, self.total)
                - share_term(h_taker, s_taker, self.total))

    def day_of(self, pid: str, day: int) -> dict[int, str]:
        slots = self.instance.slots
        return {i: desk for i, desk in self.worked[pid].items() if slots[i][0] == day}

    def cost(self, pid: str, desk_at: dict[int, str]) -> tuple[int, int]:
        return day_cost(self.instance, self.preferred[pid], desk_at)

    def best_hand_over(self, giver: str, *,
                       shares_only: bool) -> tuple[str, str, list[int]] | None:
        """(giver, taker, slot indexes) of the giver's best hand-over, None if none helps.

        A hand-over to a person of a partner below its share may give any run of a shift; one
        that leaves the shares as they are (to a person of the same partner, say) only whole
        desk stints, and is kept only when it lowers the desk stints or preference misses
        (`shares_only` leaves those out: the shares' descent comes first).
        """
        instance = self.instance
        partner = self.people[giver].partner
        above = self.excess(partner) > 0
        takers = [pid for pid in sorted(self.worked)
                  if pid != giver and self.cap[pid] > len(self.worked[pid])
                  and (not shares_only or above
                       and self.excess(self.people[pid].partner) < 0)]
        best_key: tuple[int, int, int] = (0, 0, 0)
        best = None
        for day in sorted({instance.slots[i][0] for i in self.worked[giver]}):
            giver_day = self.day_of(giver, day)
            giver_before = self.cost(giver, giver_day)
            for shift in shifts(instance, giver_day):
                desks = [giver_day[i] for i in shift]
                for taker in takers:
                    other = self.people[taker].partner
                    change = [self.share_change(partner, other, k)
                              for k in range(len(shift) + 1)]
                    if min(change) > best_key[0]:
                        continue
                    room = self.cap[taker] - len(self.worked[taker])
                    free = [self._can_take(taker, i, desk) and (giver, i) not in self.locked
                            for i, desk in zip(shift, desks, strict=True)]
                    whole_stints = not (above and self.excess(other) < 0)
                    taker_day = self.day_of(taker, day)
                    taker_before = self.cost(taker, taker_day)
                    for first, last in _runs(desks, free, whole_stints=whole_stints):
                        length = last - first + 1
                        if change[length] > best_key[0] or length > room:
                            continue
                        given = shift[first:last + 1]
                        left = {i: d for i, d in giver_day.items() if i not in given}
                        taken = taker_day | {i: giver_day[i] for i in given}
                        if not day_fits(instance, set(left), day) \
                                or not day_fits(instance, set(taken), day):
                            continue
                        after = add_costs(self.cost(giver, left), self.cost(taker, taken))
                        before = add_costs(giver_before, taker_before)
                        key = (change[length], after[0] - before[0], after[1] - before[1])
                        if key < best_key and (not shares_only or key[0] < 0):
                            best_key, best = key, (giver, taker, list(given))
        return best

    def _can_take(self, taker: str, index: int, desk: str) -> bool:
        return index not in self.worked[taker] \
            and index in self.instance.available[taker] and desk in self.skills[taker]

    def apply(self, giver: str, taker: str, given: list[int]) -> None:
        for index in given:
            self.worked[taker][index] = self.worked[giver].pop(index)
        self.hours[self.people[giver].partner] -= len(given)
        self.hours[self.people[taker].partner] += len(given)

    def roster(self) -> Roster:
        slots = self.instance.slots
        return tuple(sorted(Assignment(pid, *slots[i], desk)
                            for pid, desk_at in self.worked.items()
                            for i, desk in desk_at.items()))


def _runs(desks: list[str], free: list[bool], *,
          whole_stints: bool) -> Iterator[tuple[int, int]]:
    """(first, last) positions of the runs of a shift (its desk per slot) that a taker free
    at `free` positions could take: every run, or with `whole_stints` only runs that begin
    and end where the giver changes desks (or the shift does)."""
    count = len(desks)
    for first in range(count):
        if whole_stints and first and desks[first] == desks[first - 1]:
            continue
        for last in range(first, count):
            if not free[last]:
                break
            if whole_stints and last < count - 1 and desks[last] == desks[last + 1]:
                continue
            yield first, last
