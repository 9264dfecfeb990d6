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

The sentences are written in the active language when this runs (gettext at call time): a page
recomputes them in its reader's language rather than showing the stored ones; the command line
writes French. `reason` is the code a program reads.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

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
                verdicts["elsewhere"].append(_("%(name)s tient « %(desk)s »") % {
                    "name": person.name, "desk": desk_names[other]})
                continue
            kind, why = _free_person(instance, person.id, person.skills,
                                     person.weekly_minutes, worked[person.id], index, unmet)
            verdicts[kind].append(_("%(name)s : %(why)s") % {"name": person.name, "why": why})
        day, start = instance.slots[index]
        candidates = sum(len(v) for v in verdicts.values())
        if not candidates:
            reason, why = "nobody_available", _(
                "personne n'a la compétence et n'est disponible à cette heure")
        elif len(verdicts["elsewhere"]) == candidates:
            reason, why = "held_elsewhere", _(
                "les personnes compétentes tiennent un autre poste : %(people)s") % {
                "people": _listed(verdicts["elsewhere"])}
        elif verdicts["free"]:
            reason, why = "not_proven", _(
                "la recherche s'est arrêtée avant de placer %(people)s") % {
                "people": _listed(verdicts["free"])}
        elif not verdicts["rule"]:
            reason, why = "hours_exhausted", _(
                "les heures des personnes compétentes sont épuisées : %(people)s") % {
                "people": _listed(verdicts["exhausted"] + verdicts["elsewhere"])}
        else:
            reason, why = "rule_conflict", _("une règle de service l'empêche : %(people)s") % {
                "people": _listed(verdicts["rule"] + verdicts["exhausted"]
                                  + verdicts["elsewhere"])}
        # The detail names the slot (« « Emploi » mardi 10:00 : … »); a grid row shows the time
        # already, so its cell shows `why` alone.
        detail = _("« %(desk)s » %(slot)s : %(why)s") % {
            "desk": desk_names[desk], "slot": instance.slot_label(index), "why": why}
        result.append(Uncovered(desk, day, start, missing, reason, detail, why))
    return tuple(result)


def _free_person(instance: Instance, person_id: str, skills: tuple[str, ...],
                 weekly_minutes: int, worked: set[int], index: int,
                 unmet: dict[tuple[str, int], int]) -> tuple[str, str]:
    """Classify a skilled, available, idle person: exhausted, rule or free, with why."""
    slot = instance.slot_minutes
    left = weekly_minutes // slot - len(worked)
    if left <= 0:
        return "exhausted", _("%(hours)s déjà faites") % {"hours": _hours(weekly_minutes)}
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
                    return "free", _("un bloc de %(hours)s était possible") % {
                        "hours": _hours(len(block) * slot)}
                too_long_for_hours = True
    if too_long_for_hours:
        return "exhausted", _("il ne reste que %(left)s sur %(hours)s") % {
            "left": _hours(left * slot), "hours": _hours(weekly_minutes)}
    rules = instance.rules
    whole = sorted(worked | set(run))
    merged = next(r for r in shifts(instance, whole) if index in r)
    day_shifts = shifts(instance, (i for i in worked if instance.slots[i][0] == day))
    if len(merged) * slot < rules.min_shift_minutes:
        why = _("seul un bloc de %(hours)s resterait, sous le minimum de %(min)s") % {
            "hours": _hours(len(merged) * slot), "min": _hours(rules.min_shift_minutes)}
    elif len(day_shifts) >= rules.max_shifts_per_day and not any(
            set(s) & set(merged) for s in day_shifts):
        why = ngettext("déjà %(n)s service ce jour-là (maximum %(max)s)",
                       "déjà %(n)s services ce jour-là (maximum %(max)s)", len(day_shifts)) % {
            "n": len(day_shifts), "max": rules.max_shifts_per_day}
    else:
        why = _("le service dépasserait %(max)s ou laisserait un morceau sous %(min)s") % {
            "max": _hours(rules.max_shift_minutes), "min": _hours(rules.min_shift_minutes)}
    return "rule", why


def _listed(items: list[str]) -> str:
    return pgettext("séparateur de liste", " ; ").join(items)


def _hours(minutes: int) -> str:
    """« 2 h », « 1 h 30 » in French; « 2 h », « 1 h 30 » in English too (a duration, not a
    time of day)."""
    if minutes % 60:
        return _("%(h)s h %(m)02d") % {"h": minutes // 60, "m": minutes % 60}
    return _("%(h)s h") % {"h": minutes // 60}
