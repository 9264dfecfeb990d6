"""An independent check of a roster against every hard rule and its coverage claim.

Written from the rules, not from the solver: it shares only the instance data with `model.py`
and `greedy.py` and recomputes shifts and coverage itself, so a solver bug or a hand edit that
breaks a rule shows up here. Used by the tests and after any edit of a roster.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.lib.days import WEEKDAY_NAMES
from capacite.staffing.domain.instance import Instance, Solution, at, format_time


def validate(instance: Instance, solution: Solution) -> list[str]:
    """Messages in the active language, one per violation; an empty list means the roster is
    valid. A page shows them again in its reader's language (`services.violations_of`)."""
    errors: list[str] = []
    people = {person.id: person for person in instance.staff}
    desks = {desk.id: desk for desk in instance.desks}
    step = instance.slot_minutes
    rules = instance.rules
    where: dict[tuple[str, int, int], str] = {}
    held: dict[tuple[str, int, int], int] = {}

    for a in solution.assignments:
        person = people.get(a.staff)
        slot = at(a.day, a.start)
        if person is None:
            errors.append(_("personne inconnue %(id)s (%(slot)s)") % {"id": repr(a.staff),
                                                                      "slot": slot})
            continue
        if a.desk not in desks:
            errors.append(_("%(name)s : poste inconnu %(desk)s (%(slot)s)") % {
                "name": person.name, "desk": repr(a.desk), "slot": slot})
            continue
        if (a.day, a.start) not in instance.slot_index:
            errors.append(_("%(name)s : %(slot)s n'est pas un créneau ouvert") % {
                "name": person.name, "slot": slot})
            continue
        if a.desk not in person.skills:
            errors.append(_("%(name)s n'a pas la compétence « %(desk)s » (%(slot)s)") % {
                "name": person.name, "desk": desks[a.desk].name, "slot": slot})
        if not any(s.day == a.day and s.start <= a.start and a.start + step <= s.end
                   for s in person.availability):
            errors.append(_("%(name)s n'est pas disponible %(slot)s") % {
                "name": person.name, "slot": slot})
        key = (a.staff, a.day, a.start)
        if key in where:
            errors.append(_("%(name)s est à deux endroits %(slot)s : « %(desk)s » et "
                            "« %(other)s »") % {"name": person.name, "slot": slot,
                                                "desk": desks[where[key]].name,
                                                "other": desks[a.desk].name})
            continue
        where[key] = a.desk
        held[(a.desk, a.day, a.start)] = held.get((a.desk, a.day, a.start), 0) + 1

    for person in instance.staff:
        mine = sorted((day, start) for (pid, day, start) in where if pid == person.id)
        if len(mine) * step > person.weekly_minutes:
            errors.append(_("%(name)s fait %(minutes)s min, au-delà des %(contract)s min de son "
                            "contrat") % {"name": person.name, "minutes": len(mine) * step,
                                          "contract": person.weekly_minutes})
        runs: list[list[tuple[int, int]]] = []
        for day, start in mine:
            if runs and runs[-1][-1] == (day, start - step):
                runs[-1].append((day, start))
            else:
                runs.append([(day, start)])
        for run in runs:
            length = len(run) * step
            (day, first), last_start = run[0], run[-1][1]
            span = f"{WEEKDAY_NAMES[day]} {format_time(first)}–{format_time(last_start + step)}"
            if length < rules.min_shift_minutes:
                errors.append(_("%(name)s : service %(span)s de %(length)s min, sous le minimum "
                                "de %(min)s min") % {"name": person.name, "span": span,
                                                     "length": length,
                                                     "min": rules.min_shift_minutes})
            if length > rules.max_shift_minutes:
                errors.append(_("%(name)s : service %(span)s de %(length)s min, au-delà du "
                                "maximum de %(max)s min") % {"name": person.name, "span": span,
                                                             "length": length,
                                                             "max": rules.max_shift_minutes})
        for day in range(7):
            count = sum(1 for run in runs if run[0][0] == day)
            if count > rules.max_shifts_per_day:
                errors.append(ngettext(
                    "%(name)s : %(n)s service le %(day)s, au-delà du maximum de %(max)s",
                    "%(name)s : %(n)s services le %(day)s, au-delà du maximum de %(max)s",
                    count) % {"name": person.name, "n": count, "day": WEEKDAY_NAMES[day],
                              "max": rules.max_shifts_per_day})

    for lock in instance.locked:
        if where.get((lock.staff, lock.day, lock.start)) != lock.desk:
            errors.append(_("affectation verrouillée perdue : %(name)s à « %(desk)s » "
                            "%(slot)s") % {"name": people[lock.staff].name,
                                           "desk": desks[lock.desk].name,
                                           "slot": at(lock.day, lock.start)})

    need: dict[tuple[str, int, int], int] = {}
    for item in instance.demand:
        for start in range(item.span.start, item.span.end, step):
            if (item.span.day, start) in instance.slot_index and item.people:
                need[(item.desk, item.span.day, start)] = item.people
    for (desk, day, start), count in sorted(held.items()):
        if count > need.get((desk, day, start), 0):
            errors.append(ngettext(
                "« %(desk)s » %(slot)s : %(n)s personne pour un besoin de %(need)s",
                "« %(desk)s » %(slot)s : %(n)s personnes pour un besoin de %(need)s",
                count) % {"desk": desks[desk].name, "slot": at(day, start), "n": count,
                          "need": need.get((desk, day, start), 0)})
    actual = {key: wanted - held.get(key, 0) for key, wanted in need.items()
              if wanted > held.get(key, 0)}
    claimed: dict[tuple[str, int, int], int] = {}
    for gap in solution.uncovered:
        claimed[(gap.desk, gap.day, gap.start)] = claimed.get((gap.desk, gap.day, gap.start),
                                                              0) + gap.missing
        if not gap.reason:
            errors.append(_("manque sans raison : %(desk)s %(slot)s") % {
                "desk": repr(gap.desk), "slot": at(gap.day, gap.start)})
    for key in sorted(set(actual) | set(claimed)):
        if actual.get(key, 0) != claimed.get(key, 0):
            desk, day, start = key
            name = desks[desk].name if desk in desks else desk
            errors.append(ngettext(
                "« %(desk)s » %(slot)s : %(n)s place non tenue, la solution en déclare "
                "%(claimed)s",
                "« %(desk)s » %(slot)s : %(n)s places non tenues, la solution en déclare "
                "%(claimed)s",
                actual.get(key, 0)) % {"desk": name, "slot": at(day, start),
                                       "n": actual.get(key, 0),
                                       "claimed": claimed.get(key, 0)})
    return errors
