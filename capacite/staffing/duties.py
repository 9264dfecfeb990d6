"""Who works when, read from the week's computed rosters: one's own shifts, who is on duty at
which desk today, the slots nobody holds, and the hours a partner's staff hold.

The pages (my schedule, a partner's hours) and the homes (reception, adviser, director,
partner) ask these functions, so every screen tells the same story. Call inside the Cité's scope.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from capacite.lib.days import WEEKDAY_NAMES
from capacite.offer.models import Site
from capacite.staffing.domain.grid import format_time, minutes_by_staff, stints
from capacite.staffing.models import RosterRun, StaffMember
from capacite.staffing.services import Loaded, load, monday_of


def week_runs(week: date) -> list[Loaded]:
    """The latest computed roster of each site for the week starting `week` (a Monday)."""
    result = []
    for site in Site.objects.all():
        run = RosterRun.objects.filter(site=site, week_start=week, status="done").first()
        if run and (loaded := load(run)):
            result.append(loaded)
    return result


def my_stints(user, week: date) -> tuple[StaffMember | None, list[dict]]:  # type: ignore[no-untyped-def]
    """The signed-in person's staff record and their stints of the week, nobody else's."""
    member = StaffMember.objects.filter(user=user).first()
    rows: list[dict] = []
    if member:
        for loaded in week_runs(week):
            desks = {d.id: d.name for d in loaded.instance.desks}
            for stint in stints(loaded.instance, loaded.solution, loaded.locks).get(
                    f"s{member.pk}", []):
                rows.append({"site": loaded.run.site.name, "run": loaded.run, "stint": stint,
                             "desk": desks[stint.desk],
                             "date": week + timedelta(days=stint.day)})
    return member, rows


@dataclass
class DeskDuty:
    """One desk of one site on one day: who holds it when, and the times nobody does."""

    site: str
    desk: str
    shifts: list[tuple[str, str]] = field(default_factory=list)  # (« 10:00–13:00 », name)
    gaps: list[str] = field(default_factory=list)  # « 14:00–14:30 » with a person missing


def _ranges(starts: list[int], step: int) -> list[str]:
    """Consecutive slot starts merged into « hh:mm–hh:mm » ranges."""
    ranges: list[list[int]] = []
    for start in sorted(set(starts)):
        if ranges and ranges[-1][1] == start:
            ranges[-1][1] = start + step
        else:
            ranges.append([start, start + step])
    return [f"{format_time(a)}–{format_time(b)}" for a, b in ranges]


@dataclass(frozen=True)
class DayDuties:
    computed: bool  # a roster was computed for the week of that day
    desks: list[DeskDuty]


def on_duty(day: date) -> DayDuties:
    """Who is on duty at each desk of each site on `day`, from the week's computed rosters,
    with the times a desk is left without the people it needs."""
    index = day.weekday()
    duties = []
    runs = week_runs(monday_of(day))
    for loaded in runs:
        instance, solution = loaded.instance, loaded.solution
        names = {person.id: person.name for person in instance.staff}
        by_desk = {desk.id: DeskDuty(loaded.run.site.name, desk.name) for desk in instance.desks}
        held: dict[str, list[tuple[int, str, str]]] = {}
        for person, person_stints in stints(instance, solution, loaded.locks).items():
            for stint in person_stints:
                if stint.day == index:
                    held.setdefault(stint.desk, []).append(
                        (stint.start, stint.label, names.get(person, person)))
        for desk, shifts in held.items():
            by_desk[desk].shifts = [(label, name) for _start, label, name in sorted(shifts)]
        missing: dict[str, list[int]] = {}
        for gap in solution.uncovered:
            if gap.day == index:
                missing.setdefault(gap.desk, []).append(gap.start)
        for desk, starts in missing.items():
            by_desk[desk].gaps = _ranges(starts, instance.slot_minutes)
        duties += [duty for duty in by_desk.values() if duty.shifts or duty.gaps]
    return DayDuties(bool(runs), duties)


@dataclass(frozen=True)
class Gap:
    """Consecutive slots of one desk on one day left without the people it needs."""

    desk: str
    day: date
    span: str  # « 10:00–11:00 »


@dataclass(frozen=True)
class WeekGaps:
    """Demand nobody holds in a week: in hours, and desk by desk, day by day."""

    computed: bool  # a roster was computed for the week
    hours: float
    slots: list[Gap]


def week_gaps(week: date) -> WeekGaps:
    runs = week_runs(week)
    hours = 0.0
    slots = []
    for loaded in runs:
        instance = loaded.instance
        desks = {d.id: d.name for d in instance.desks}
        by_desk_day: dict[tuple[str, int], list[int]] = {}
        for gap in loaded.solution.uncovered:
            hours += gap.missing * instance.slot_minutes / 60
            by_desk_day.setdefault((gap.desk, gap.day), []).append(gap.start)
        for (desk, day), starts in sorted(by_desk_day.items(), key=lambda item: item[0][1]):
            slots += [Gap(desks.get(desk, desk), week + timedelta(days=day), span)
                      for span in _ranges(starts, instance.slot_minutes)]
    return WeekGaps(bool(runs), hours, slots)


def partner_hours(week: date, organisations: set[int] | None) -> list[dict]:
    """Per partner, the hours its seconded staff hold that week against their contracted
    hours; `organisations` limits it to those (a partner representative's own), None is all."""
    members = StaffMember.objects.filter(partner__isnull=False).select_related("partner")
    if organisations is not None:
        members = members.filter(partner_id__in=organisations)
    runs = week_runs(week)
    partners: dict[str, dict] = {}
    for member in members:
        key = f"s{member.pk}"
        held = 0
        detail = []
        for loaded in runs:
            held += minutes_by_staff(loaded.instance, loaded.solution).get(key, 0)
            desks = {d.id: d.name for d in loaded.instance.desks}
            detail += [f"{WEEKDAY_NAMES[stint.day]} {stint.label} {desks[stint.desk]}" for stint in
                       stints(loaded.instance, loaded.solution, loaded.locks).get(key, [])]
        entry = partners.setdefault(member.partner.name, {"name": member.partner.name,
                                                          "rows": [], "held": 0,
                                                          "contract": 0})
        entry["rows"].append({"name": member.name, "function": member.function,
                              "held": held / 60, "contract": float(member.weekly_hours),
                              "detail": detail})
        entry["held"] += held / 60
        entry["contract"] += float(member.weekly_hours)
    return sorted(partners.values(), key=lambda p: p["name"])
