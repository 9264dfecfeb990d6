"""Roster instances and solutions to and from JSON (formats in `docs/roster-format.md`).

Reading an instance checks every field and collects every problem as a message naming the
field and the item (« staff[3].availability[0].end : … »), so a hand-written file can be fixed
in one pass. The messages are in the active language (gettext at call time): French on the
command line, the reader's on a page. The JSON written holds data and codes; its only sentences
are the `detail` of each gap (`explain.py`).
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from capacite.staffing.domain.instance import (
    Assignment,
    Demand,
    Desk,
    Instance,
    Partner,
    Preferences,
    Rules,
    Solution,
    Span,
    Staff,
    Uncovered,
    at,
    format_time,
)

DESK_KINDS = ("pole", "reception", "documentation")


class InstanceError(ValueError):
    """A roster file that cannot be used; `messages` lists every problem, in the language
    active when it was read."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


class _Reader:
    """Collects error messages while reading untrusted JSON."""

    def __init__(self, slot_minutes: int = 30) -> None:
        self.errors: list[str] = []
        self.slot_minutes = slot_minutes

    def fail(self, where: str, message: str) -> None:
        self.errors.append(_("%(where)s : %(message)s") % {"where": where, "message": message})

    def get(self, data: Any, key: str, where: str, kind: type | tuple[type, ...],
            default: Any = ...) -> Any:
        if not isinstance(data, dict):
            self.fail(where, _("un objet JSON est attendu"))
            return None
        if key not in data:
            if default is ...:
                self.fail(f"{where}.{key}".lstrip("."), _("champ obligatoire manquant"))
                return None
            return default
        value = data[key]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            self.fail(f"{where}.{key}".lstrip("."), _("type inattendu (%(type)s)") % {
                "type": type(value).__name__})
            return None
        return value

    def items(self, data: Any, key: str, where: str, default: Any = ...) -> list[Any]:
        value = self.get(data, key, where, list, default)
        return value if isinstance(value, list) else []

    def time(self, value: Any, where: str) -> int | None:
        try:
            if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
                raise ValueError(value)
            hours, minutes = int(value[:2]), int(value[3:])
        except ValueError:
            self.fail(where, _("heure au format HH:MM attendue, reçu %(value)s") % {
                "value": repr(value)})
            return None
        total = hours * 60 + minutes
        if not (0 <= hours <= 24 and 0 <= minutes < 60 and total <= 24 * 60):
            self.fail(where, _("heure impossible %(value)s") % {"value": repr(value)})
            return None
        if total % self.slot_minutes:
            self.fail(where, _("%(value)s ne tombe pas sur un créneau de %(n)s min") % {
                "value": value, "n": self.slot_minutes})
            return None
        return total

    def day(self, data: Any, where: str) -> int | None:
        day: int | None = self.get(data, "day", where, int)
        if day is not None and not 0 <= day <= 6:
            self.fail(f"{where}.day", _("jour entre 0 (lundi) et 6 (dimanche) attendu, reçu "
                                        "%(value)s") % {"value": day})
            return None
        return day

    def span(self, data: Any, where: str) -> Span | None:
        day = self.day(data, where)
        start = self.time(self.get(data, "start", where, str), f"{where}.start")
        end = self.time(self.get(data, "end", where, str), f"{where}.end")
        if day is None or start is None or end is None:
            return None
        if end <= start:
            self.fail(f"{where}.end", _("la fin (%(end)s) doit suivre le début (%(start)s)") % {
                "end": format_time(end), "start": format_time(start)})
            return None
        return Span(day, start, end)

    def spans(self, data: Any, key: str, where: str, default: Any = ...) -> tuple[Span, ...]:
        spans = [self.span(item, f"{where}.{key}[{i}]".lstrip("."))
                 for i, item in enumerate(self.items(data, key, where, default))]
        return tuple(span for span in spans if span is not None)


def instance_from_json(data: Any) -> Instance:
    """Read and check an instance; raise `InstanceError` with every problem found."""
    read = _Reader()
    slot_minutes = read.get(data, "slot_minutes", "", int, 30)
    if slot_minutes != 30:
        read.fail("slot_minutes", _("seuls les créneaux de 30 min sont pris en charge, reçu "
                                    "%(value)s") % {"value": slot_minutes})
    week_start = None
    raw_week = read.get(data, "week_start", "", str)
    if raw_week is not None:
        try:
            week_start = date.fromisoformat(raw_week)
        except ValueError:
            read.fail("week_start", _("date AAAA-MM-JJ attendue, reçu %(value)s") % {
                "value": repr(raw_week)})
    opening = read.spans(data, "opening", "")
    desks = _desks(read, data)
    desk_ids = {desk.id for desk in desks}
    partners = _partners(read, data)
    staff = _staff(read, data, desk_ids, {partner.id for partner in partners})
    rules = _rules(read, read.get(data, "rules", "", dict, {}) or {})
    instance = Instance(week_start=week_start or date.min, opening=opening, desks=desks,
                        demand=_demand(read, data, desk_ids), staff=staff, partners=partners,
                        rules=rules, locked=())
    locked = _locked(read, data, instance)
    if read.errors:
        raise InstanceError(read.errors)
    return Instance(week_start=instance.week_start, opening=opening, desks=desks,
                    demand=instance.demand, staff=staff, partners=partners, rules=rules,
                    locked=locked)


def _unique_id(read: _Reader, item: Any, where: str, seen: set[str]) -> str | None:
    identifier: str | None = read.get(item, "id", where, str)
    if identifier is not None:
        if not identifier:
            read.fail(f"{where}.id", _("identifiant vide"))
        elif identifier in seen:
            read.fail(f"{where}.id", _("identifiant %(id)s déjà utilisé") % {
                "id": repr(identifier)})
        seen.add(identifier)
    return identifier


def _desks(read: _Reader, data: Any) -> tuple[Desk, ...]:
    desks: list[Desk] = []
    seen: set[str] = set()
    for i, item in enumerate(read.items(data, "desks", "")):
        where = f"desks[{i}]"
        identifier = _unique_id(read, item, where, seen)
        kind = read.get(item, "kind", where, str, "pole")
        if kind not in DESK_KINDS:
            read.fail(f"{where}.kind", _("%(kind)s inconnu (pole, reception ou documentation)")
                      % {"kind": repr(kind)})
        if identifier:
            desks.append(Desk(identifier, read.get(item, "name", where, str, identifier),
                              kind, read.get(item, "site", where, str, "")))
    return tuple(desks)


def _partners(read: _Reader, data: Any) -> tuple[Partner, ...]:
    partners: list[Partner] = []
    seen: set[str] = set()
    for i, item in enumerate(read.items(data, "partners", "")):
        where = f"partners[{i}]"
        identifier = _unique_id(read, item, where, seen)
        share = read.get(item, "fte_share", where, (int, float))
        if share is not None and not 0 <= share <= 1:
            read.fail(f"{where}.fte_share", _("part entre 0 et 1 attendue, reçu %(value)s") % {
                "value": share})
        if identifier and share is not None:
            partners.append(Partner(identifier, read.get(item, "name", where, str, identifier),
                                    float(share)))
    total = sum(partner.fte_share for partner in partners)
    if partners and abs(total - 1) > 0.01:
        read.fail("partners", _("la somme des fte_share doit valoir 1, elle vaut %(total)s") % {
            "total": f"{total:.3f}"})
    return tuple(partners)


def _staff(read: _Reader, data: Any, desk_ids: set[str],
           partner_ids: set[str]) -> tuple[Staff, ...]:
    staff: list[Staff] = []
    seen: set[str] = set()
    for i, item in enumerate(read.items(data, "staff", "")):
        where = f"staff[{i}]"
        identifier = _unique_id(read, item, where, seen)
        partner = read.get(item, "partner", where, str)
        if partner is not None and partner not in partner_ids:
            read.fail(f"{where}.partner", _("partenaire %(id)s inconnu") % {"id": repr(partner)})
        minutes = read.get(item, "weekly_minutes", where, int)
        if minutes is not None and (minutes < 0 or minutes % 30):
            read.fail(f"{where}.weekly_minutes",
                      _("un nombre positif de minutes multiple de 30 est attendu, reçu "
                        "%(value)s") % {"value": minutes})
        availability = read.spans(item, "availability", where)
        skills = read.items(item, "skills", where)
        for j, skill in enumerate(skills):
            if skill not in desk_ids:
                read.fail(f"{where}.skills[{j}]", _unknown_desk(skill))
        prefs = read.get(item, "preferences", where, dict, {}) or {}
        preferred = read.items(prefs, "desks", f"{where}.preferences", [])
        for j, desk in enumerate(preferred):
            if desk not in desk_ids:
                read.fail(f"{where}.preferences.desks[{j}]", _unknown_desk(desk))
        times = read.spans(prefs, "times", f"{where}.preferences", [])
        if identifier and partner is not None and minutes is not None:
            staff.append(Staff(identifier, read.get(item, "name", where, str, identifier),
                               partner, minutes, availability,
                               tuple(str(skill) for skill in skills),
                               Preferences(tuple(str(desk) for desk in preferred), times)))
    return tuple(staff)


def _demand(read: _Reader, data: Any, desk_ids: set[str]) -> tuple[Demand, ...]:
    demand: list[Demand] = []
    for i, item in enumerate(read.items(data, "demand", "")):
        where = f"demand[{i}]"
        desk = read.get(item, "desk", where, str)
        if desk is not None and desk not in desk_ids:
            read.fail(f"{where}.desk", _unknown_desk(desk))
        people = read.get(item, "people", where, int)
        if people is not None and people < 0:
            read.fail(f"{where}.people", _("nombre de personnes négatif (%(n)s)") % {
                "n": people})
        span = read.span(item, where)
        if desk is None or people is None or span is None:
            continue
        for j, other in enumerate(demand):
            if (other.desk == desk and other.span.day == span.day
                    and other.span.start < span.end and span.start < other.span.end):
                read.fail(where, _("chevauche demand[%(j)s] pour le poste %(desk)s") % {
                    "j": j, "desk": repr(desk)})
        demand.append(Demand(desk, span, people))
    return tuple(demand)


def _rules(read: _Reader, data: Mapping[str, Any]) -> Rules:
    defaults = Rules()
    values = {name: read.get(data, name, "rules", int, getattr(defaults, name))
              for name in ("min_shift_minutes", "max_shift_minutes", "max_shifts_per_day")}
    if any(value is None for value in values.values()):
        return defaults
    for name in ("min_shift_minutes", "max_shift_minutes"):
        if values[name] <= 0 or values[name] % 30:
            read.fail(f"rules.{name}", _("multiple positif de 30 attendu, reçu %(value)s") % {
                "value": values[name]})
    if values["max_shift_minutes"] < values["min_shift_minutes"]:
        read.fail("rules.max_shift_minutes", _("doit être au moins égal à min_shift_minutes"))
    if values["max_shifts_per_day"] < 1:
        read.fail("rules.max_shifts_per_day", _("au moins 1 attendu"))
    return Rules(**values)


def _locked(read: _Reader, data: Any, instance: Instance) -> tuple[Assignment, ...]:
    staff = {person.id: person for person in instance.staff}
    locked = []
    for i, item in enumerate(read.items(data, "locked", "", [])):
        assignment = _assignment(read, item, f"locked[{i}]", instance)
        if assignment is None:
            continue
        person = staff[assignment.staff]
        index = instance.slot_index[(assignment.day, assignment.start)]
        if assignment.desk not in person.skills:
            read.fail(f"locked[{i}]", _("%(name)s n'a pas la compétence %(desk)s") % {
                "name": person.name, "desk": repr(assignment.desk)})
        if index not in instance.available[person.id]:
            read.fail(f"locked[{i}]", _("%(name)s n'est pas disponible %(slot)s") % {
                "name": person.name, "slot": instance.slot_label(index)})
        locked.append(assignment)
    return tuple(sorted(set(locked)))


def _assignment(read: _Reader, item: Any, where: str, instance: Instance) -> Assignment | None:
    person = read.get(item, "staff", where, str)
    desk = read.get(item, "desk", where, str)
    day = read.day(item, where)
    start = read.time(read.get(item, "start", where, str), f"{where}.start")
    if person is None or desk is None or day is None or start is None:
        return None
    problems = len(read.errors)
    if person not in {p.id for p in instance.staff}:
        read.fail(f"{where}.staff", _("personne %(id)s inconnue") % {"id": repr(person)})
    if desk not in {d.id for d in instance.desks}:
        read.fail(f"{where}.desk", _unknown_desk(desk))
    if (day, start) not in instance.slot_index:
        read.fail(f"{where}.start", _("aucun créneau ouvert %(slot)s") % {
            "slot": at(day, start)})
    return Assignment(person, day, start, desk) if len(read.errors) == problems else None


def _unknown_desk(desk: Any) -> str:
    return _("poste %(id)s inconnu") % {"id": repr(desk)}


def solution_from_json(data: Any, instance: Instance) -> Solution:
    """Read a solution file against its instance (unknown people, desks or slots are errors)."""
    read = _Reader()
    assignments = []
    for i, item in enumerate(read.items(data, "assignments", "")):
        assignment = _assignment(read, item, f"assignments[{i}]", instance)
        if assignment is not None:
            assignments.append(assignment)
    uncovered = []
    for i, item in enumerate(read.items(data, "uncovered", "", [])):
        where = f"uncovered[{i}]"
        day = read.day(item, where)
        start = read.time(read.get(item, "start", where, str), f"{where}.start")
        desk = read.get(item, "desk", where, str)
        missing = read.get(item, "missing", where, int)
        if day is not None and start is not None and desk is not None and missing is not None:
            uncovered.append(Uncovered(desk, day, start, missing,
                                       read.get(item, "reason", where, str, ""),
                                       read.get(item, "detail", where, str, "")))
    if read.errors:
        raise InstanceError(read.errors)
    return Solution(status=read.get(data, "status", "", str, "UNKNOWN") or "UNKNOWN",
                    assignments=tuple(assignments), uncovered=tuple(uncovered),
                    objective=read.get(data, "objective", "", dict, {}) or {},
                    timings=read.get(data, "timings", "", dict, {}) or {})


def _span_json(span: Span, with_day: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"day": span.day} if with_day else {}
    return out | {"start": format_time(span.start), "end": format_time(span.end)}


def instance_to_json(instance: Instance) -> dict[str, Any]:
    """The JSON form read back by `instance_from_json`."""
    return {
        "week_start": instance.week_start.isoformat(),
        "slot_minutes": instance.slot_minutes,
        "opening": [_span_json(span) for span in instance.opening],
        "desks": [{"id": d.id, "name": d.name, "kind": d.kind, "site": d.site}
                  for d in instance.desks],
        "demand": [{"desk": d.desk, "people": d.people} | _span_json(d.span)
                   for d in instance.demand],
        "partners": [{"id": p.id, "name": p.name, "fte_share": p.fte_share}
                     for p in instance.partners],
        "staff": [{"id": s.id, "name": s.name, "partner": s.partner,
                   "weekly_minutes": s.weekly_minutes,
                   "availability": [_span_json(span) for span in s.availability],
                   "skills": list(s.skills),
                   "preferences": {"desks": list(s.preferences.desks),
                                   "times": [_span_json(t) for t in s.preferences.times]}}
                  for s in instance.staff],
        "rules": {"min_shift_minutes": instance.rules.min_shift_minutes,
                  "max_shift_minutes": instance.rules.max_shift_minutes,
                  "max_shifts_per_day": instance.rules.max_shifts_per_day},
        "locked": [_assignment_json(a) for a in instance.locked],
    }


def _assignment_json(assignment: Assignment) -> dict[str, Any]:
    return {"staff": assignment.staff, "desk": assignment.desk, "day": assignment.day,
            "start": format_time(assignment.start)}


def solution_to_json(solution: Solution) -> dict[str, Any]:
    """Assignments sorted by person then slot; uncovered demand with reasons; figures."""
    return {
        "status": solution.status,
        "assignments": [_assignment_json(a) for a in sorted(solution.assignments)],
        "uncovered": [{"desk": u.desk, "day": u.day, "start": format_time(u.start),
                       "missing": u.missing, "reason": u.reason, "detail": u.detail}
                      for u in solution.uncovered],
        "objective": dict(solution.objective),
        "timings": dict(solution.timings),
    }
