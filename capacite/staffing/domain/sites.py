"""Solve a network week site by site: a complete roster at once, then CP-SAT site after site.

Why: one CP-SAT model of a 300-person, 5-site week does not converge, and solving the sites one
after the other made the first roster wait for every site's model build and presolve (about
20 s on 2 cores). When every person holds desks of one site only, the sites share nothing but
the partners' shares, so:

1. the first (greedy) roster of every site is the first roster of the whole network (about a
   second);
2. the coverage of each site the greedy roster leaves above its proven floor is searched first
   (`solve(..., coverage_only=True)`), the furthest first, with up to COVERAGE_SHARE of the
   time: a missing person at any site outweighs every lower goal of every site, and solving
   each site's goals in turn left the last sites short at the end of a minute;
3. the partners' shares are balanced over the whole network (`handover.closer_shares` on the
   network roster, where every partner's hours count together: L seed 4, 882 → 18, its
   floor, in 2 s): a site cannot see the other sites' hours, so its own share goal is not the
   network's (solved site by site against the network's commitments, two L weeks ended at
   311–446 slots against a floor of 18–20);
4. each site is then solved in full from its roster so far, with a light presolve; a site on
   its proven minimum shortfall with every partner's slots there held (`solve(...,
   partner_slots=…)`): the network's shares cannot move, and the site's time goes to the goals
   below them. The time left is shared in proportion to each site's work (one share, one more
   per SHORT_STINTS_PER_SHARE short desk stints), the most first; after each site the network
   roster takes that site's roster when the network's penalty is no worse;
5. desk trades over the network (`swaps.fewer_stints`) in its last second — after hand-overs
   again when a site was solved without its slots held (its shortfall not proven yet), in the
   last NETWORK_SECONDS then.

Balancing the network at the end instead, after the sites' own solves, added two or three
short desk stints to each L week (median 6 against the issue's 5); balancing it first and
holding the slots ended with 0–3 (docs/decisions.md, seventh pass).

The solution keeps the format of `solve` (docs/roster-format.md).
"""

import time
from collections.abc import Callable
from dataclasses import replace

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.instance import Assignment, Instance, Solution, Staff
from capacite.staffing.domain.objective import (
    goal_values,
    penalty,
    short_stints,
    slots_by_partner,
)
from capacite.staffing.domain.solve import Progress, solve

COVERAGE_SHARE = 0.6  # of the time limit, at most, for the sites' coverage first
NETWORK_SECONDS = 3.0  # kept at the end while a site may go unheld: hand-overs, desk trades
NETWORK_HAND_OVER_SECONDS = 2.0  # at most, for each round of hand-overs over the network
NETWORK_TRADES_SECONDS = 1.0  # at the end instead, when no hand-over is needed there
SHORT_STINTS_PER_SHARE = 10  # a site's time: one share, and one more per so many short stints


def split_by_site(instance: Instance) -> list[Instance] | None:
    """One instance per site, or None when there is one site or somebody holds desks of two.

    People without any skill work nowhere and are left out; locks go with their desk's site.
    """
    site_of = {desk.id: desk.site for desk in instance.desks}
    sites = sorted(set(site_of.values()))
    if len(sites) < 2:
        return None
    staff: dict[str, list[Staff]] = {site: [] for site in sites}
    for person in instance.staff:
        theirs = {site_of[desk] for desk in person.skills if desk in site_of}
        if len(theirs) > 1:
            return None
        if theirs:
            staff[theirs.pop()].append(person)
    return [replace(instance,
                    desks=tuple(d for d in instance.desks if d.site == site),
                    demand=tuple(d for d in instance.demand if site_of.get(d.desk) == site),
                    staff=tuple(staff[site]),
                    locked=tuple(a for a in instance.locked if site_of.get(a.desk) == site))
            for site in sites]


def solve_by_site(instance: Instance, *, time_limit: float = 30.0, workers: int | None = None,
                  seed: int = 0) -> tuple[Solution, Progress]:
    """`solve`, site by site when the instance splits (see the module docstring).

    Timings: `greedy_seconds` is the greedy roster of the whole network (the first roster),
    `build_seconds` adds up the sites' models, `first_solution_seconds` is the first CP-SAT
    roster of any site, from the end of the greedy roster. Progress records the network roster
    after each site that improves it (a site's roster is kept only then), and `covered` when
    every site has reached its proven minimum shortfall.
    """
    parts = split_by_site(instance)
    if parts is None:
        return solve(instance, time_limit=time_limit, workers=workers, seed=seed)
    from capacite.staffing.domain.greedy import best_roster, greedy_variants
    from capacite.staffing.domain.handover import closer_shares
    from capacite.staffing.domain.lowerbound import uncovered_lower_bound
    from capacite.staffing.domain.swaps import fewer_stints

    clock = time.perf_counter()
    variants = [greedy_variants(part) for part in parts]
    rosters = [best_roster(part, options) for part, options in zip(parts, variants, strict=True)]
    greedy_seconds = time.perf_counter() - clock
    network = _Network(instance, parts, rosters, [uncovered_lower_bound(part) for part in parts],
                       workers=workers, seed=seed)
    end = network.started + time_limit
    baseline = _merge([part_variants[0] for part_variants in variants])  # the reference
    # First the coverage of every site the greedy roster leaves above its floor, the furthest
    # first, with COVERAGE_SHARE of the time.
    gaps = [network.gap(k) for k in range(len(parts))]
    short = sorted((k for k in range(len(parts)) if gaps[k] > 0), key=lambda k: (-gaps[k], k))
    for done, k in enumerate(short):
        network.solve_site(k, (time_limit * COVERAGE_SHARE - network.elapsed())
                           / (len(short) - done), coverage_only=True)
    # Then the network's shares balanced once, before the sites' lower goals.
    network.improve(closer_shares, until=min(time.perf_counter() + NETWORK_HAND_OVER_SECONDS,
                                             end - NETWORK_SECONDS))
    # Every site on its proven shortfall is solved with its slots held: no hand-over at the end.
    reserve = NETWORK_TRADES_SECONDS if not any(network.gap(k) for k in range(len(parts))) \
        else NETWORK_SECONDS
    # The time left in proportion to each site's work, the most first: the sites a coverage
    # pass left with 20–30 short desk stints ended with 3–5 on an equal share, the others with
    # 0–2.
    work = {k: 1 + short_stints(part, network.rosters[k]) / SHORT_STINTS_PER_SHARE
            for k, part in enumerate(parts)}
    order = sorted(work, key=lambda k: (-work[k], k))
    for done, k in enumerate(order):
        network.solve_site(k, (end - reserve - time.perf_counter()) * work[k]
                           / sum(work[j] for j in order[done:]), coverage_only=False)
    if network.searched_sites or network.handed:
        if network.unheld:  # sites solved without their slots held may have moved the shares
            network.improve(closer_shares,
                            until=min(time.perf_counter() + NETWORK_HAND_OVER_SECONDS, end))
        network.improve(fewer_stints, until=end)
    best = _merge(network.rosters)
    proven = sum(network.proven)
    values = goal_values(instance, best)
    progress = network.progress
    if values["uncovered"] == proven and None not in network.covered_at:
        progress.covered = max(c for c in network.covered_at if c is not None)
    objective: dict[str, float | None] = dict(values)
    objective["penalty"] = penalty(instance, values)
    objective["best_bound"] = network_bound(instance, proven, values["uncovered"] == proven)
    objective["uncovered_lower_bound"] = proven
    objective["greedy_penalty"] = penalty(instance, goal_values(instance, baseline))
    timings = {"greedy_seconds": round(greedy_seconds, 3),
               "build_seconds": round(network.build, 3),
               "solve_seconds": round(network.elapsed(), 3),
               "first_solution_seconds": round(network.first, 3)
               if network.first is not None else None}
    # Never OPTIMAL: the goals below the coverage are not proven over the network.
    status = "FEASIBLE" if network.searched_sites or network.handed else "GREEDY_UNKNOWN"
    return Solution(status=status, assignments=best,
                    uncovered=explain_uncovered(instance, best), objective=objective,
                    timings=timings), progress


class _Network:
    """One site-by-site solve under way: each site's roster, the network's penalty, each
    site's proven shortfall, and what the search has done (for the timings and the status)."""

    def __init__(self, instance: Instance, parts: list[Instance],
                 rosters: list[tuple[Assignment, ...]], floors: list[int], *,
                 workers: int | None, seed: int) -> None:
        self.instance, self.parts, self.rosters = instance, parts, rosters
        self.workers, self.seed = workers, seed
        self.started = time.perf_counter()
        self.proven = list(floors)
        self.current = penalty(instance, goal_values(instance, _merge(rosters)))
        self.progress = Progress()
        self.build = 0.0
        self.first: float | None = None  # the first CP-SAT roster of any site
        self.searched_sites = 0  # sites whose search found a roster
        self.handed = False  # the network's hand-overs improved on the greedy roster
        self.unheld = False  # a site's full search ran without its partners' slots held
        self.covered_at: list[float | None] = [0.0 if self.gap(k) == 0 else None
                                               for k in range(len(parts))]
        self.overhead = 1.0  # the last site's greedy roster and model build, in seconds

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def gap(self, k: int) -> int:
        """Site k's shortfall above its proven minimum."""
        return goal_values(self.parts[k], self.rosters[k])["uncovered"] - self.proven[k]

    def solve_site(self, k: int, share: float, *, coverage_only: bool) -> None:
        """`solve` site k in `share` seconds from its roster so far; its roster is kept when
        the network's penalty is no worse. A site on its proven minimum shortfall keeps every
        partner's slots there (a full search): the network's balanced shares cannot move, and
        its solve has the goals below them only."""
        if share <= 0.05:
            return
        offset = self.elapsed()
        part = self.parts[k]
        held = None if coverage_only or self.gap(k) \
            else slots_by_partner(part, self.rosters[k])
        # A site's time limit counts from the end of its model's build (about 1 s on an L
        # site): the last site's overshoot was the network's.
        solution, part_progress = solve(part, time_limit=max(share - self.overhead, share / 2),
                                        workers=self.workers, seed=self.seed,
                                        light_presolve=True, start=self.rosters[k],
                                        coverage_only=coverage_only, partner_slots=held)
        self.overhead = (solution.timings["greedy_seconds"] or 0) \
            + (solution.timings["build_seconds"] or 0)
        self.unheld = self.unheld or not coverage_only and held is None
        self.build += solution.timings["build_seconds"] or 0
        if part_progress.improvements and self.first is None:
            self.first = offset + self.overhead + part_progress.improvements[0][0]
        self.proven[k] = max(self.proven[k],
                             int(solution.objective["uncovered_lower_bound"] or 0))
        if solution.status.startswith("GREEDY"):
            return
        self.searched_sites += 1
        # Kept only if the network is no worse: an unheld site's best can unbalance the
        # network's partner shares (it balances its own hours against the network's shares).
        candidate = self.rosters[:k] + [solution.assignments] + self.rosters[k + 1:]
        values = goal_values(self.instance, _merge(candidate))
        if penalty(self.instance, values) <= self.current:
            self.rosters = candidate
            self._record(values)
        if self.covered_at[k] is None and self.gap(k) == 0:
            self.covered_at[k] = self.elapsed()

    def improve(self, improve: Callable[..., tuple[Assignment, ...]], *, until: float) -> None:
        """`improve(instance, roster, until=…)` on the whole network roster (the hand-overs of
        `handover.closer_shares`, the desk trades of `swaps.fewer_stints`), kept only when the
        network's penalty is lower."""
        if until - time.perf_counter() <= 0.05:
            return
        found = improve(self.instance, _merge(self.rosters), until=until)
        values = goal_values(self.instance, found)
        if penalty(self.instance, values) < self.current:
            self.rosters = [_at_site(found, part) for part in self.parts]
            self.handed = True
            self._record(values)

    def _record(self, values: dict[str, int]) -> None:
        self.current = penalty(self.instance, values)
        self.progress.improvements.append((self.elapsed(), self.current, values["uncovered"]))


def network_bound(instance: Instance, shortfall: int, covered: bool) -> float | None:
    """The proven lower bound of a network's penalty, None when nothing is proven.

    The sites' shortfalls add up, so the sum of their proven minima bounds the network's; once
    every site is on its minimum (`covered`), every roster keeping it works the same number of
    slots and the network's share floor joins the bound, as in `solve`. The sites' own bounds
    on their lower goals do not add up to a network bound and are left out.
    """
    from capacite.staffing.domain.lowerbound import share_deviation_floor
    from capacite.staffing.domain.objective import weights

    goal_weights = weights(instance)
    bound = goal_weights["uncovered"] * shortfall
    if covered:
        total = sum(instance.need.values()) - shortfall
        bound += goal_weights["share_deviation"] * share_deviation_floor(instance, total)
    return float(bound) if covered or bound > 0 else None


def _at_site(roster: tuple[Assignment, ...], part: Instance) -> tuple[Assignment, ...]:
    """The assignments of `roster` held by the staff of one site."""
    staff = {person.id for person in part.staff}
    return tuple(a for a in roster if a.staff in staff)


def _merge(rosters: list[tuple[Assignment, ...]]) -> tuple[Assignment, ...]:
    return tuple(sorted(a for roster in rosters for a in roster))
