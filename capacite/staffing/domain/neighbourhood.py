"""Large-neighbourhood search on the partners' shares: free some partners' staff, re-solve.

Why: on a Paris-sized week CP-SAT's own search balances the partners' shares slowly. Its
neighbourhoods are drawn among some 30,000 variables, while a share moves only when hours pass
from the staff of one partner to the staff of another. Freeing exactly those people does
better: the share deviation reaches its proven floor in about 20 s on the benchmark's M week,
where CP-SAT alone was still 2 to 8 times above it after a minute (`bench/roster/README.md`).

A neighbourhood is every assignment of the staff of the partner furthest above its committed
share, the one furthest below, and one more drawn at random; the rest of the roster is fixed.
It is solved by CP-SAT for a few seconds on a copy of the full model, with the stage's
objective, and its roster is kept when the full penalty (the goals' lexicographic order) is no
worse. A day-by-day neighbourhood was tried for the desk changes and fragments below the shares
and found nothing a whole-model search did not find faster (`docs/decisions.md`).

Since issue 20 the neighbourhoods are solved as small models of their own: the week left to a
few people once the others hold their places (`residual_instance`: around a gap for coverage,
a quarter of the staff for the shares) or that part of one day (`day_part`: the partners
furthest off their share, or the people around a desk stint under 2 h, whose part minimises
the short stints alone), the held hours counted in the shares; one worker and a fixed amount
of deterministic work where a step is small enough to repeat whatever the load.
"""

import random
import time
from collections.abc import Callable
from typing import Any

from capacite.staffing.domain.instance import Assignment, Instance
from capacite.staffing.domain.model import RosterModel, hint
from capacite.staffing.domain.objective import (
    SHARE_SCALE,
    desks_by_day,
    goal_values,
    penalty,
    share_permille,
    short_stint_runs,
    slots_by_partner,
)

Roster = tuple[Assignment, ...]
STEP_SECONDS = 2.0  # one neighbourhood's search; more mostly goes to proving it optimal
PATIENCE = 8  # neighbourhoods in a row without a better roster before handing over
# With fewer partners a neighbourhood of three frees most of the week: nothing gained over the
# whole-model search, which on the S weeks reached the floor where neighbourhoods stalled.
MIN_PARTNERS = 6
GAP_PEOPLE = 4  # people who could hold the gap freed in one coverage neighbourhood
GAP_PATIENCE = 6  # coverage steps in a row with no fewer gaps before handing over to CP-SAT;
# 12 until issue 20's fourth pass: on P weeks the steps closed all but the last gap in 2 s, then
# twelve growing fruitless steps took 5 s more before CP-SAT closed it in 2–3 s. A network's
# sites kept 12 until the seventh pass (their steps then presolved, and with 6 L seed 4 was
# still short after a minute); with their steps now light, L seed 3's hardest site was covered
# in 7.0 s with 6, 10.1 s with 12, and seeds 1 and 4 reach their floor before either.
# A coverage step's work, in CP-SAT's deterministic time: the same on any machine and load, so
# a run repeats. The steps that close a gap took at most 0.04 on the P weeks; a step that finds
# nothing otherwise runs to its 2 s limit trying to prove its neighbourhood optimal.
GAP_STEP_WORK = 0.05
# On a network's sites (`light`) the steps skip CP-SAT's presolve, which took most of a small
# step's wall time without counting in its work, and may work ten times as long: the hardest
# sites of L seeds 1, 3 and 4 went 23 → 0 gaps in 2.5 s (8.5 s for 23 → 1), 14 → 1 in 2.4 s
# (8.9 s for 14 → 4) and 8 → 0 in 2.9 s (7.9 s). Without presolve at 0.05, seed 4 closed none.
GAP_STEP_WORK_LIGHT = 0.5
SHARE_STEP_WORK = 0.5  # a shares step's work, at most (the 2 s wall limit comes first under load)
FRAGMENT_PEOPLE = 6  # people freed with the one whose short stint is drawn, at first
FRAGMENT_PATIENCE = 30  # fragment steps in a row with nothing better before handing over
FRAGMENT_STEP_WORK = 0.2  # a fragment step's work in deterministic time (one worker)
SHARE_STEP_WORKERS = 0  # 0: one per core, as the whole-model stages (`solve.MIN_WORKERS`)


def partners_off_target(instance: Instance, roster: Roster) -> list[str]:
    """Partner ids from the furthest above its committed share to the furthest below."""
    shares = share_permille(instance)
    hours = slots_by_partner(instance, roster)
    total = len(roster)
    return sorted(shares, key=lambda p: (-(SHARE_SCALE * hours[p] - shares[p] * total), p))


def partners_to_free(instance: Instance, roster: Roster, rng: random.Random) -> set[str]:
    """The staff ids of one neighbourhood: furthest above, furthest below, one at random —
    and more at random until a quarter of the staff is free. Why: with 40 partners of one or
    two people each, three partners free a handful of people, and nothing can move."""
    order = partners_off_target(instance, roster)
    chosen = {order[0], order[-1]}
    others = [partner for partner in order if partner not in chosen]
    rng.shuffle(others)
    staff_of: dict[str, int] = {}
    for person in instance.staff:
        staff_of[person.partner] = staff_of.get(person.partner, 0) + 1
    while others and (len(chosen) < 3 or 4 * sum(staff_of.get(p, 0) for p in chosen)
                      < len(instance.staff)):
        chosen.add(others.pop())
    return {person.id for person in instance.staff if person.partner in chosen}


def _first_better() -> Any:
    """A CP-SAT callback that stops the search at the first solution better than the first
    one found (the hint, when it is complete)."""
    from ortools.sat.python import cp_model

    class FirstBetter(cp_model.CpSolverSolutionCallback):
        def __init__(self) -> None:
            super().__init__()
            self.first: float | None = None

        def on_solution_callback(self) -> None:
            if self.first is None:
                self.first = self.objective_value
            elif self.objective_value < self.first:
                self.stop_search()

    return FirstBetter()


def people_around_a_gap(instance: Instance, roster: Roster, rng: random.Random,
                        size: int = 0) -> set[str]:
    """The staff ids of one coverage neighbourhood: around one unmet (desk, slot) drawn at
    random, everybody who could hold it (skilled, available then) up to `size` (GAP_PEOPLE by
    default), and as many people again (two more) drawn among those who share a desk with
    them — who can take over what the first ones leave to cover the gap. Empty when nothing
    is unmet."""
    held: dict[tuple[str, int], int] = {}
    for a in roster:
        key = (a.desk, instance.slot_index[(a.day, a.start)])
        held[key] = held.get(key, 0) + 1
    gaps = sorted(key for key, need in instance.need.items() if held.get(key, 0) < need)
    if not gaps:
        return set()
    desk, index = rng.choice(gaps)
    able = sorted(p.id for p in instance.staff
                  if desk in p.skills and index in instance.available[p.id])
    chosen = set(rng.sample(able, min(size or GAP_PEOPLE, len(able))))
    skills = {desk for p in instance.staff if p.id in chosen for desk in p.skills}
    others = sorted(p.id for p in instance.staff
                    if p.id not in chosen and skills & set(p.skills))
    chosen |= set(rng.sample(others, min(len(chosen) + 2, len(others))))
    return chosen


def search_neighbourhoods(instance: Instance, roster: RosterModel, best: Roster, *,
                          until: float, parameters: Callable[[float], str], seed: int,
                          on_better: Callable[[Roster], None],
                          done: Callable[[Roster], bool],
                          choose: Callable[[Instance, Roster, random.Random], set[str]]
                          = partners_to_free,
                          score: Callable[[Roster], int] | None = None,
                          patience: int = 0, first_better: bool = False) -> Roster:
    """Improve `best` neighbourhood by neighbourhood until `until` (a perf_counter time),
    `done(best)`, or `patience` (PATIENCE by default) neighbourhoods in a row that bring
    nothing better; `best` as it is with fewer than MIN_PARTNERS partners when the
    neighbourhoods are the partners' (`choose`, by default `partners_to_free`).

    `roster.model` must already carry the stage's objective, held goals and hints; it is
    copied, never changed. `parameters(seconds)` gives one step's CP-SAT parameters. A step's
    roster is kept when `score` (the full penalty by default) is no higher. `first_better`
    ends a step at its first roster better than the hint (the coverage repair: a gap closed
    is worth more than the time spent trying to prove the neighbourhood optimal).
    """
    from ortools.sat.python import cp_model

    if choose is partners_to_free and len(instance.partners) < MIN_PARTNERS:
        return best
    if score is None:
        def score(found: Roster) -> int:
            return penalty(instance, goal_values(instance, found))
    rng = random.Random(seed)
    current = score(best)
    idle = 0
    hinted = best
    while time.perf_counter() < until - 0.2 and idle < (patience or PATIENCE) \
            and not done(best):
        free = choose(instance, best, rng)
        chosen = {(a.staff, a.desk, instance.slot_index[(a.day, a.start)]) for a in best}
        if best is not hinted:  # a stale hint contradicts the fixed part: CP-SAT drops it
            hint(roster, instance, best)
            hinted = best
        copy = roster.model.clone()  # objective, held goals and hints included
        for key, var in roster.x.items():
            if key[0] not in free:
                copy.add(copy.get_bool_var_from_proto_index(var.index) == int(key in chosen))
        solver = cp_model.CpSolver()
        solver.parameters.parse_text_format(
            parameters(min(STEP_SECONDS, until - time.perf_counter())))
        idle += 1
        stop = _first_better() if first_better else None
        if solver.solve(copy, stop) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        found = tuple(sorted(
            Assignment(pid, *instance.slots[i], desk) for (pid, desk, i), var in roster.x.items()
            if solver.boolean_value(copy.get_bool_var_from_proto_index(var.index))))
        found_penalty = score(found)
        if found_penalty < current:
            on_better(found)
            idle = 0
        if found_penalty <= current:  # an equal roster is kept too: the next step moves on
            best, current = found, found_penalty
    return best


def residual_instance(instance: Instance, kept: Roster, free: set[str]) -> Instance:
    """The week left to the `free` staff once the `kept` roster of everybody else holds its
    places: each (desk, slot) needs what `kept` leaves unmet; the free staff's locks stay."""
    from dataclasses import replace

    from capacite.staffing.domain.instance import Demand, Span

    held: dict[tuple[str, int], int] = {}
    for a in kept:
        key = (a.desk, instance.slot_index[(a.day, a.start)])
        held[key] = held.get(key, 0) + 1
    demand = []
    for (desk, index), need in sorted(instance.need.items()):
        if need > held.get((desk, index), 0):
            day, start = instance.slots[index]
            demand.append(Demand(desk, Span(day, start, start + instance.slot_minutes),
                                 need - held.get((desk, index), 0)))
    return replace(instance, demand=tuple(demand),
                   staff=tuple(p for p in instance.staff if p.id in free),
                   locked=tuple(a for a in instance.locked if a.staff in free))


def close_gaps(instance: Instance, best: Roster, *, until: float, seed: int, floor: int,
               on_better: Callable[[Roster], None], patience: int = GAP_PATIENCE,
               light: bool = False) -> Roster:
    """Fewer gaps, neighbourhood by neighbourhood (`people_around_a_gap`), until `floor`, the
    time `until` (perf_counter), or `patience` steps in a row with no fewer gaps.

    Why a model of its own per step rather than the full model with everybody else fixed: the
    full model is presolved again at each step (about a second for a Paris-sized week on a
    loaded machine) for a neighbourhood of ten people; the residual week of the freed people
    alone is built and solved in a fraction of that. One worker, stopped at its first better
    roster: each step is deterministic, so a run repeats whatever the machine's load (unless a
    step reaches its 2 s wall limit before its work limit, which on a loaded machine the
    `light` steps — a network's site: no presolve, ten times the work, `GAP_STEP_WORK_LIGHT`
    — are likelier to).
    """
    from ortools.sat.python import cp_model

    from capacite.staffing.domain.model import build_model, minimise

    rng = random.Random(seed)

    def uncovered(roster: Roster) -> int:
        return goal_values(instance, roster)["uncovered"]

    current, idle = uncovered(best), 0
    while time.perf_counter() < until - 0.2 and idle < patience and current > floor:
        # Larger neighbourhoods as the small ones stop closing gaps: 4 people, 5 after 2
        # fruitless steps, … (and as many again who share their desks).
        free = people_around_a_gap(instance, best, rng, GAP_PEOPLE + idle // 2)
        kept = tuple(a for a in best if a.staff not in free)
        part = residual_instance(instance, kept, free)
        model = build_model(part)
        minimise(model, stage="coverage")
        hint(model, part, tuple(a for a in best if a.staff in free))
        idle += 1
        solver = cp_model.CpSolver()
        solver.parameters.parse_text_format(
            f"num_workers: 1 random_seed: {seed} cp_model_probing_level: 0 symmetry_level: 0 "
            f"{'cp_model_presolve: false ' if light else ''}"
            f"max_deterministic_time: {GAP_STEP_WORK_LIGHT if light else GAP_STEP_WORK} "
            f"max_time_in_seconds: {max(0.05, min(STEP_SECONDS, until - time.perf_counter()))}")
        status = solver.solve(model.model, _first_better())
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        found = tuple(sorted(kept + tuple(
            Assignment(pid, *part.slots[i], desk) for (pid, desk, i), var in model.x.items()
            if solver.boolean_value(var))))
        gaps = uncovered(found)
        if gaps < current:
            on_better(found)
            idle = 0
        if gaps <= current:
            best, current = found, gaps
    return best


def balance_shares(instance: Instance, best: Roster, *, until: float, seed: int,
                   share_floor: int, on_better: Callable[[Roster], None]) -> Roster:
    """The partners' shares closer to their committed values, neighbourhood by neighbourhood
    (`partners_to_free`), each solved as the freed people's residual week with the others'
    hours counted in the shares (`build_model(fixed_hours=…)`), coverage held; until the
    floor, the time `until`, or PATIENCE steps in a row with nothing better.

    Why: the earlier steps cloned the full model and fixed everybody else, so each one paid
    the full model's presolve (seconds on a loaded 2-core machine) and ran 8 threads whose
    interleaving made two runs of one week differ by half their share deviation; under load
    most steps found nothing in their 2 s. A residual week is a fraction of the model. One
    worker or CP-SAT's interleaved search (deterministic) were tried for the steps and found
    nothing or took 10 s a step on a 12-person week: the steps keep one worker per core
    (`solve.MIN_WORKERS`; 8 until issue 20's second pass) and 2 s, so they do not repeat
    exactly (`docs/decisions.md`).
    """
    if len(instance.partners) < MIN_PARTNERS:
        return best
    from capacite.staffing.domain.solve import MIN_WORKERS

    workers = SHARE_STEP_WORKERS or MIN_WORKERS
    rng = random.Random(seed)
    values = goal_values(instance, best)
    current, idle = penalty(instance, values), 0
    while time.perf_counter() < until - 0.2 and idle < PATIENCE \
            and values["share_deviation"] > share_floor:
        idle += 1
        free = partners_to_free(instance, best, rng)
        kept = tuple(a for a in best if a.staff not in free)
        found = solve_part(
            instance, best, kept, residual_instance(instance, kept, free), stage="partners",
            parameters=f"num_workers: {workers} random_seed: {seed} cp_model_probing_level: 0 "
            f"symmetry_level: 0 max_deterministic_time: {SHARE_STEP_WORK} "
            f"max_time_in_seconds: {max(0.05, min(STEP_SECONDS, until - time.perf_counter()))}")
        if found is None:
            continue
        found_values = goal_values(instance, found)
        found_penalty = penalty(instance, found_values)
        if found_penalty < current:
            on_better(found)
            idle = 0
        if found_penalty <= current:
            best, current, values = found, found_penalty, found_values
    return best


def day_part(instance: Instance, roster: Roster, day: int,
             free: set[str]) -> tuple[Instance, Roster]:
    """The part of the week left to the `free` people on one `day` once the `roster` holds
    everything else: that day's demand less what the others hold then, each free person's
    availability on that day and the contracted time their other days leave them, their locks
    of that day. Returns it with the part of the roster kept.

    Why a day: a desk stint under 2 h or a partner's share moves when a few people who work
    the same day change their shifts together; a day of ten people is a model of a few
    hundred variables that one CP-SAT worker solves to the end in a fraction of a second.
    """
    from dataclasses import replace

    def moves(a: Assignment) -> bool:
        return a.day == day and a.staff in free

    kept = tuple(a for a in roster if not moves(a))
    elsewhere: dict[str, int] = {}
    for a in kept:
        elsewhere[a.staff] = elsewhere.get(a.staff, 0) + 1
    part = residual_instance(instance, kept, free)
    staff = tuple(replace(person, weekly_minutes=person.weekly_minutes
                          - instance.slot_minutes * elsewhere.get(person.id, 0),
                          availability=tuple(s for s in person.availability if s.day == day))
                  for person in part.staff)
    return replace(part, opening=tuple(s for s in instance.opening if s.day == day),
                   demand=tuple(d for d in part.demand if d.span.day == day), staff=staff,
                   locked=tuple(a for a in part.locked if a.day == day)), kept


def people_around_a_fragment(instance: Instance, roster: Roster, rng: random.Random,
                             size: int) -> tuple[int, set[str]] | None:
    """(day, staff ids) of one neighbourhood for the desk stints: a desk stint under the
    minimum shift drawn at random, its person, and `size` more: first those who work within
    two hours of it at one of its person's desks (who can take it over, or give theirs), then
    others available that day who hold one of those desks. None when there is no such stint.
    """
    shortest = instance.rules.min_shift_minutes // instance.slot_minutes
    by_day = desks_by_day(instance, roster)
    short = short_stint_runs(instance, by_day)
    if not short:
        return None
    day, pid, run = rng.choice(short)
    skills = set(next(p.skills for p in instance.staff if p.id == pid))
    near = set(range(run[0] - 2 * shortest, run[-1] + 2 * shortest + 1))
    close = sorted({other for (d, other), desk_at in by_day.items() if d == day and other != pid
                    and any(i in near and desk in skills for i, desk in desk_at.items())})
    rest = sorted(p.id for p in instance.staff if p.id != pid and p.id not in close
                  and skills & set(p.skills) and any(s.day == day for s in p.availability))
    chosen = rng.sample(close, min(size, len(close)))
    chosen += rng.sample(rest, min(size - len(chosen), len(rest)))
    return day, {pid, *chosen}


def people_of_partners_off_target(instance: Instance, roster: Roster, rng: random.Random,
                                  size: int) -> tuple[int, set[str]] | None:
    """(day, staff ids) of one neighbourhood for the shares: a partner above its committed
    share and one below, drawn among the three furthest each way, and a day one of the first's
    people works; the people of both available that day, then up to `size` in all with those
    who work that day at their desks. None when every partner is on its target."""
    shares = share_permille(instance)
    partner_of = {person.id: person.partner for person in instance.staff}
    hours = slots_by_partner(instance, roster)
    total = len(roster)
    excess = {p: SHARE_SCALE * hours[p] - shares[p] * total for p in shares}
    above = sorted((p for p in shares if excess[p] >= SHARE_SCALE), key=lambda p: -excess[p])
    below = sorted((p for p in shares if excess[p] <= -SHARE_SCALE), key=lambda p: excess[p])
    if not above or not below:
        return None
    giver, taker = rng.choice(above[:3]), rng.choice(below[:3])
    days = sorted({a.day for a in roster if partner_of[a.staff] == giver})
    if not days:
        return None
    day = rng.choice(days)
    chosen = {p.id for p in instance.staff if p.partner in (giver, taker)
              and any(span.day == day for span in p.availability)}
    desks = {desk for p in instance.staff if p.id in chosen for desk in p.skills}
    near = sorted({a.staff for a in roster if a.day == day and a.desk in desks} - chosen)
    return day, chosen | set(rng.sample(near, max(0, min(size - len(chosen), len(near)))))


def fewer_fragments(instance: Instance, best: Roster, *, until: float, seed: int,
                    on_better: Callable[[Roster], None]) -> Roster:
    """Fewer desk stints under the minimum shift, day neighbourhood by day neighbourhood
    around them (`people_around_a_fragment`, `improve_days`) with coverage and the shares
    held; until no such stint is left, the time `until`, or FRAGMENT_PATIENCE steps in a row
    with nothing better (the neighbourhood grows by one person every two of them). Each day
    part minimises the short stints alone (`model.minimise`, stage "fragments"); its roster is
    kept only when the full penalty is no higher.

    Why: the desk trades (`swaps.py`) move desks between people who work the same slots; a
    stint under 2 h often goes only when shifts move too (one person comes in later, another
    stays longer), which the whole-model stage of the goals below the shares rarely reaches in
    a minute on part-time weeks (53–83 such stints on the N weeks after 60 s).
    """
    return improve_days(instance, best, until=until, seed=seed, on_better=on_better,
                        choose=people_around_a_fragment, stage="fragments")


def shares_by_days(instance: Instance, best: Roster, *, until: float, seed: int,
                   share_floor: int, on_better: Callable[[Roster], None]) -> Roster:
    """The partners' shares closer to their commitments, day neighbourhood by day
    neighbourhood (`people_of_partners_off_target`, `improve_days`), coverage held; until the
    floor, the time `until`, or FRAGMENT_PATIENCE steps in a row with nothing better.

    Why: a hand-over (`handover.py`) moves a run of slots to one free person; when the people
    of a partner below its share are busy then, the hours pass only through a chain of
    changes on that day, which the day of the people of the two partners and their desks'
    colleagues holds in a model of a few hundred variables.
    """
    return improve_days(instance, best, until=until, seed=seed, on_better=on_better,
                        choose=people_of_partners_off_target, stage="partners",
                        done=lambda roster: goal_values(instance, roster)["share_deviation"]
                        <= share_floor, goal="share_deviation")


def improve_days(instance: Instance, best: Roster, *, until: float, seed: int,
                 on_better: Callable[[Roster], None],
                 choose: Callable[[Instance, Roster, random.Random, int],
                                  tuple[int, set[str]] | None],
                 stage: str, done: Callable[[Roster], bool] = lambda _roster: False,
                 goal: str | None = None) -> Roster:
    """Improve `best` by day neighbourhoods: `choose` gives a day and people (FRAGMENT_PEOPLE
    at first, one more every two steps with nothing better); their day (`day_part`) is
    re-solved by one CP-SAT worker for a fixed amount of deterministic work, with `stage`'s
    objective, the other people and days held and counted in the shares, coverage held (and
    the shares, for the stage "fragments"); kept when the full penalty is no higher. Until
    `done(best)`, `choose` finds nothing, the time `until`, or FRAGMENT_PATIENCE steps in a
    row with nothing better — with `goal` no lower, when given.

    Why `goal`: the shares' day parts also lower the goals below the shares, and each such
    roster restarted the patience; on N seed 3 they went on 10 s after their last lower share
    deviation (86 → 76 in 8.4 s, then stints only until 26.8 s), time the short desk stints'
    stages then lacked."""
    rng = random.Random(seed)
    values = goal_values(instance, best)
    current, idle = penalty(instance, values), 0
    while time.perf_counter() < until - 0.2 and idle < FRAGMENT_PATIENCE and not done(best):
        pick = choose(instance, best, rng, FRAGMENT_PEOPLE + idle // 2)
        if pick is None:
            break
        day, free = pick
        idle += 1
        part, kept = day_part(instance, best, day, free)
        found = solve_part(
            instance, best, kept, part, stage=stage,
            # The part's deviation counts the held hours: it is the whole week's.
            held={"share_deviation": values["share_deviation"]}
            if stage == "fragments" else {},
            parameters=f"num_workers: 1 random_seed: {seed} "
            f"max_deterministic_time: {FRAGMENT_STEP_WORK} "
            f"max_time_in_seconds: {max(0.05, min(STEP_SECONDS, until - time.perf_counter()))}")
        if found is None:
            continue
        found_values = goal_values(instance, found)
        found_penalty = penalty(instance, found_values)
        if found_penalty < current:
            on_better(found)
            if goal is None or found_values[goal] < values[goal]:
                idle = 0
        if found_penalty <= current:
            best, current, values = found, found_penalty, found_values
    return best


def solve_part(instance: Instance, best: Roster, kept: Roster, part: Instance, *, stage: str,
               parameters: str, held: dict[str, int] | None = None) -> Roster | None:
    """`best` with the `part` of the week left once `kept` holds its places (a residual week
    or day, `residual_instance`, `day_part`) re-solved by CP-SAT from `best`'s own roster of
    it: `stage`'s objective, the kept people's hours counted in the shares, the part's
    shortfall held and the `held` goals at most at their values. None when CP-SAT finds
    nothing within `parameters` (protobuf text)."""
    from ortools.sat.python import cp_model

    from capacite.staffing.domain.model import build_model, minimise

    fixed = slots_by_partner(instance, kept)
    held_places = set(kept)
    mine = tuple(a for a in best if a not in held_places)
    model = build_model(part, fixed_hours=fixed)
    minimise(model, stage=stage,
             held={"uncovered": goal_values(part, mine)["uncovered"], **(held or {})})
    hint(model, part, mine)
    solver = cp_model.CpSolver()
    solver.parameters.parse_text_format(parameters)
    if solver.solve(model.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return tuple(sorted(kept + tuple(
        Assignment(pid, *part.slots[i], desk) for (pid, desk, i), var in model.x.items()
        if solver.boolean_value(var))))
