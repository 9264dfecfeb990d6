"""An independent check of a roster against every hard rule and its coverage claim.

Written from the rules, not from the solver: it shares only the instance data with `model.py`
and `greedy.py` and recomputes shifts and coverage itself, so a solver bug or a hand edit that
breaks a rule shows up here. Used by the tests and after any edit of a roster.
"""

from capacite.staffing.domain.instance import DAY_NAMES, Instance, Solution, format_time


def validate(instance: Instance, solution: Solution) -> list[str]:
    """French messages, one per violation; an empty list means the roster is valid."""
    errors: list[str] = []
    people = {person.id: person for person in instance.staff}
    desks = {desk.id: desk for desk in instance.desks}
    step = instance.slot_minutes
    rules = instance.rules
    where: dict[tuple[str, int, int], str] = {}
    held: dict[tuple[str, int, int], int] = {}

    def at(day: int, start: int) -> str:
        return f"{DAY_NAMES[day]} {format_time(start)}"

    for a in solution.assignments:
        person = people.get(a.staff)
        if person is None:
            errors.append(f"personne inconnue {a.staff!r} ({at(a.day, a.start)})")
            continue
        if a.desk not in desks:
            errors.append(f"{person.name} : poste inconnu {a.desk!r} ({at(a.day, a.start)})")
            continue
        if (a.day, a.start) not in instance.slot_index:
            errors.append(f"{person.name} : {at(a.day, a.start)} n'est pas un créneau ouvert")
            continue
        if a.desk not in person.skills:
            errors.append(f"{person.name} n'a pas la compétence « {desks[a.desk].name} » "
                          f"({at(a.day, a.start)})")
        if not any(s.day == a.day and s.start <= a.start and a.start + step <= s.end
                   for s in person.availability):
            errors.append(f"{person.name} n'est pas disponible {at(a.day, a.start)}")
        key = (a.staff, a.day, a.start)
        if key in where:
            errors.append(f"{person.name} est à deux endroits {at(a.day, a.start)} : "
                          f"« {desks[where[key]].name} » et « {desks[a.desk].name} »")
            continue
        where[key] = a.desk
        held[(a.desk, a.day, a.start)] = held.get((a.desk, a.day, a.start), 0) + 1

    for person in instance.staff:
        mine = sorted((day, start) for (pid, day, start) in where if pid == person.id)
        if len(mine) * step > person.weekly_minutes:
            errors.append(f"{person.name} fait {len(mine) * step} min, au-delà des "
                          f"{person.weekly_minutes} min de son contrat")
        runs: list[list[tuple[int, int]]] = []
        for day, start in mine:
            if runs and runs[-1][-1] == (day, start - step):
                runs[-1].append((day, start))
            else:
                runs.append([(day, start)])
        for run in runs:
            length = len(run) * step
            (day, first), last_start = run[0], run[-1][1]
            span = f"{DAY_NAMES[day]} {format_time(first)}–{format_time(last_start + step)}"
            if length < rules.min_shift_minutes:
                errors.append(f"{person.name} : service {span} de {length} min, sous le "
                              f"minimum de {rules.min_shift_minutes} min")
            if length > rules.max_shift_minutes:
                errors.append(f"{person.name} : service {span} de {length} min, au-delà du "
                              f"maximum de {rules.max_shift_minutes} min")
        for day in range(7):
            count = sum(1 for run in runs if run[0][0] == day)
            if count > rules.max_shifts_per_day:
                errors.append(f"{person.name} : {count} services le {DAY_NAMES[day]}, au-delà "
                              f"du maximum de {rules.max_shifts_per_day}")

    for lock in instance.locked:
        if where.get((lock.staff, lock.day, lock.start)) != lock.desk:
            errors.append(f"affectation verrouillée perdue : {people[lock.staff].name} à "
                          f"« {desks[lock.desk].name} » {at(lock.day, lock.start)}")

    need: dict[tuple[str, int, int], int] = {}
    for item in instance.demand:
        for start in range(item.span.start, item.span.end, step):
            if (item.span.day, start) in instance.slot_index and item.people:
                need[(item.desk, item.span.day, start)] = item.people
    for (desk, day, start), count in sorted(held.items()):
        if count > need.get((desk, day, start), 0):
            errors.append(f"« {desks[desk].name} » {at(day, start)} : {count} personnes pour "
                          f"un besoin de {need.get((desk, day, start), 0)}")
    actual = {key: wanted - held.get(key, 0) for key, wanted in need.items()
              if wanted > held.get(key, 0)}
    claimed: dict[tuple[str, int, int], int] = {}
    for gap in solution.uncovered:
        claimed[(gap.desk, gap.day, gap.start)] = claimed.get((gap.desk, gap.day, gap.start),
                                                              0) + gap.missing
        if not gap.reason:
            errors.append(f"manque sans raison : {gap.desk!r} {at(gap.day, gap.start)}")
    for key in sorted(set(actual) | set(claimed)):
        if actual.get(key, 0) != claimed.get(key, 0):
            desk, day, start = key
            name = desks[desk].name if desk in desks else desk
            errors.append(f"« {name} » {at(day, start)} : {actual.get(key, 0)} place(s) non "
                          f"tenue(s), la solution en déclare {claimed.get(key, 0)}")
    return errors
