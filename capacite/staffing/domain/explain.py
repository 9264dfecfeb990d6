"""Why each unmet demand is unmet, computed from the instance and the roster.

For every (desk, slot) still short of people, each person who has the skill and is available
then is examined against the roster:

- held elsewhere: they work another desk in that slot;
- hours exhausted: they already work their contracted hours, or fewer remain than any shift
  that could cover the slot;
- rule conflict: no block of slots around it (each slot free, available and needed at one of
  their desks) makes valid shifts with the rest of their day (minimum or maximum length,
  shifts per day);
- could cover: a valid block exists, so a better roster exists (the search stopped early).

The slot's reason follows: nobody_available when there is no candidate at all, held_elsewhere
when every candidate holds another desk, not_proven when anybody could cover it,
hours_exhausted when every candidate is elsewhere or out of hours, rule_conflict otherwise.
"""

from capacite.staffing.domain.instance import Assignment, Instance, Uncovered
from capacite.staffing.domain.shifts import day_fits, shifts


def explain_uncovered(instance: Instance, assignments: tuple[Assignment, ...]
                      ) -> tuple[Uncovered, ...]:
    """The unmet demand of a roster, one entry per (desk, slot), each with its reason."""
    desk_names = {desk.id: desk.name for desk in instance.desks}
    held: dict[tuple[str, int], int] = {}
    place: dict[tuple[str, int], str] = {}
    worked: dict[str, set[int]] = {person.id: set() for person in instance.staff}
    for a in assignments:
        index = instance.slot_index[(a.day, a.start)]
        held[(a.desk, index)] = held.get((a.desk, index), 0) + 1
        place[(a.staff, index)] = a.desk
        worked[a.staff].add(index)
    unmet = {key: need - held.get(key, 0) for key, need in instance.need.items()
             if need > held.get(key, 0)}
    result = []
    for (desk, index), missing in sorted(unmet.items(), key=lambda item: (item[0][1],
                                                                          item[0][0])):
        verdicts: dict[str, list[str]] = {"elsewhere": [], "exhausted": [], "rule": [],
                                          "free": []}
        for person in instance.staff:
            if desk not in person.skills or index not in instance.available[person.id]:
                continue
            if place.get((person.id, index)) == desk:
                continue  # already counted as holding it
            other = place.get((person.id, index))
            if other is not None:
                verdicts["elsewhere"].append(f"{person.name} tient « {desk_names[other]} »")
                continue
            kind, why = _free_person(instance, person.id, person.skills,
                                     person.weekly_minutes, worked[person.id], index, unmet)
            verdicts[kind].append(f"{person.name} : {why}")
        day, start = instance.slots[index]
        label = f"« {desk_names[desk]} » {instance.slot_label(index)}"
        candidates = sum(len(v) for v in verdicts.values())
        if not candidates:
            reason, detail = "nobody_available", (
                f"{label} : personne n'a la compétence et n'est disponible à cette heure")
        elif len(verdicts["elsewhere"]) == candidates:
            reason, detail = "held_elsewhere", (
                f"{label} : les personnes compétentes tiennent un autre poste : "
                + " ; ".join(verdicts["elsewhere"]))
        elif verdicts["free"]:
            reason, detail = "not_proven", (
                f"{label} : la recherche s'est arrêtée avant de placer "
                + " ; ".join(verdicts["free"]))
        elif not verdicts["rule"]:
            reason, detail = "hours_exhausted", (
                f"{label} : les heures des personnes compétentes sont épuisées : "
                + " ; ".join(verdicts["exhausted"] + verdicts["elsewhere"]))
        else:
            reason, detail = "rule_conflict", (
                f"{label} : une règle de service l'empêche : "
                + " ; ".join(verdicts["rule"] + verdicts["exhausted"] + verdicts["elsewhere"]))
        result.append(Uncovered(desk, day, start, missing, reason, detail))
    return tuple(result)


def _free_person(instance: Instance, person_id: str, skills: tuple[str, ...],
                 weekly_minutes: int, worked: set[int], index: int,
                 unmet: dict[tuple[str, int], int]) -> tuple[str, str]:
    """Classify a skilled, available, idle person: exhausted, rule or free, with why."""
    slot = instance.slot_minutes
    left = weekly_minutes // slot - len(worked)
    if left <= 0:
        return "exhausted", f"{_hours(weekly_minutes)} déjà faites"
    # The idle slots around `index` this person could fill: available and needed somewhere.
    def usable(i: int | None) -> bool:
        return (i is not None and i in instance.available[person_id] and i not in worked
                and any(unmet.get((desk, i), 0) > 0 for desk in skills))

    run = [index]
    before = instance.previous[index]
    while before is not None and usable(before):
        run.insert(0, before)
        before = instance.previous[before]
    after = index + 1
    while after < len(instance.slots) and instance.previous[after] == run[-1] and usable(after):
        run.append(after)
        after += 1
    day = instance.slots[index][0]
    position = run.index(index)
    too_long_for_hours = False
    for first in range(position + 1):
        for last in range(position, len(run)):
            block = set(run[first:last + 1])
            if day_fits(instance, worked | block, day):
                if len(block) <= left:
                    return "free", f"un bloc de {_hours(len(block) * slot)} était possible"
                too_long_for_hours = True
    if too_long_for_hours:
        return "exhausted", f"il ne reste que {_hours(left * slot)} sur {_hours(weekly_minutes)}"
    rules = instance.rules
    whole = sorted(worked | set(run))
    merged = next(r for r in shifts(instance, whole) if index in r)
    day_shifts = shifts(instance, (i for i in worked if instance.slots[i][0] == day))
    if len(merged) * slot < rules.min_shift_minutes:
        why = (f"seul un bloc de {_hours(len(merged) * slot)} resterait, sous le minimum de "
               f"{_hours(rules.min_shift_minutes)}")
    elif len(day_shifts) >= rules.max_shifts_per_day and not any(
            set(s) & set(merged) for s in day_shifts):
        n = len(day_shifts)  # the domain has no gettext: French plural (singular for 0 and 1)
        why = (f"déjà {n} service{'s' if n > 1 else ''} ce jour-là "
               f"(maximum {rules.max_shifts_per_day})")
    else:
        why = (f"le service dépasserait {_hours(rules.max_shift_minutes)} ou laisserait un "
               f"morceau sous {_hours(rules.min_shift_minutes)}")
    return "rule", why


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}" if minutes % 60 else f"{minutes // 60} h"
