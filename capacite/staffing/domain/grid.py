"""A solved week laid out for people: per desk and slot, per person and day (no database).

Pages, the wall PDF, the XLSX and the .ics files all read these tables, so they never disagree.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from capacite.lib.days import WEEKDAY_NAMES
from capacite.staffing.domain.instance import Instance, Solution, format_time

# Lazy: read when a cell is shown, in the reader's language.
REASON_LABELS = {
    "nobody_available": gettext_lazy("personne de compétent n'est disponible"),
    "hours_exhausted": gettext_lazy("les heures des personnes compétentes sont épuisées"),
    "held_elsewhere": gettext_lazy("les personnes compétentes tiennent un autre poste"),
    "rule_conflict": gettext_lazy("une règle de service l'empêche"),
    "not_proven": gettext_lazy("la recherche s'est arrêtée avant de le couvrir"),
}


@dataclass
class Cell:
    """Who holds a desk in a slot, and what is missing there with its reason."""

    people: list[tuple[str, str, bool]] = field(default_factory=list)  # (id, name, locked)
    need: int = 0
    missing: int = 0
    reason: str = ""
    detail: str = ""

    @property
    def reason_label(self) -> str:
        """The reason in a few words, for a grid cell (the detail names the people)."""
        return str(REASON_LABELS.get(self.reason, self.reason))


@dataclass(frozen=True)
class Stint:
    """A run of consecutive slots one person holds at one desk on one day."""

    staff: str
    desk: str
    day: int
    start: int
    end: int
    locked: bool  # some slot of it is locked (a re-solve may extend a locked stint)

    @property
    def label(self) -> str:
        return f"{format_time(self.start)}–{format_time(self.end)}"

    @property
    def day_name(self) -> str:
        """The day in the reader's language (« mardi », « Tuesday »)."""
        return WEEKDAY_NAMES[self.day]


@dataclass
class Row:
    """Consecutive slots of one day where every desk has the same people and the same gap."""

    start: int
    end: int
    cells: dict[str, Cell]

    @property
    def label(self) -> str:
        return f"{format_time(self.start)}–{format_time(self.end)}"


def desk_grid(instance: Instance, solution: Solution, locks: set[tuple[str, str, int, int]]
              ) -> dict[int, list[Row]]:
    """Per day, rows of the week grid in time order, each with a cell per desk id; slots that
    look the same at every desk merge, so a wall sheet shows shifts, not half-hours."""
    merged: dict[int, list[Row]] = {}
    step = instance.slot_minutes
    for day, slots in _slot_cells(instance, solution, locks).items():
        rows: list[Row] = []
        for start, cells in slots:
            last = rows[-1] if rows else None
            if last and last.end == start and last.cells == cells:
                last.end = start + step
            else:
                rows.append(Row(start, start + step, cells))
        merged[day] = rows
    return merged


def _slot_cells(instance: Instance, solution: Solution, locks: set[tuple[str, str, int, int]]
                ) -> dict[int, list[tuple[int, dict[str, Cell]]]]:
    """Per day, the slots in time order, each with a cell per desk id."""
    names = {person.id: person.name for person in instance.staff}
    grid: dict[int, list[tuple[int, dict[str, Cell]]]] = {}
    cells: dict[tuple[int, int], dict[str, Cell]] = {}
    for index, (day, start) in enumerate(instance.slots):
        row = {desk.id: Cell(need=instance.need.get((desk.id, index), 0))
               for desk in instance.desks}
        cells[(day, start)] = row
        grid.setdefault(day, []).append((start, row))
    for a in solution.assignments:
        cell = cells[(a.day, a.start)][a.desk]
        cell.people.append((a.staff, names.get(a.staff, a.staff),
                            (a.staff, a.desk, a.day, a.start) in locks))
    for gap in solution.uncovered:
        cell = cells[(gap.day, gap.start)][gap.desk]
        cell.missing, cell.reason = gap.missing, gap.reason
        # The detail names the slot ("« Emploi » mardi 10:00 : …"); the row shows the time, so
        # the cell takes the reason alone when the gap was explained here (not read back).
        cell.detail = gap.why or gap.detail.split(" : ", 1)[-1]
    for row in cells.values():
        for cell in row.values():
            cell.people.sort(key=lambda person: person[1])
    return grid


def stints(instance: Instance, solution: Solution, locks: set[tuple[str, str, int, int]]
           ) -> dict[str, list[Stint]]:
    """Per person id, their stints of the week in time order."""
    step = instance.slot_minutes
    result: dict[str, list[Stint]] = {person.id: [] for person in instance.staff}
    for a in sorted(solution.assignments, key=lambda a: (a.staff, a.day, a.start)):
        mine = result.setdefault(a.staff, [])
        locked = (a.staff, a.desk, a.day, a.start) in locks
        last = mine[-1] if mine else None
        if last and last.desk == a.desk and last.day == a.day and last.end == a.start:
            mine[-1] = Stint(a.staff, a.desk, a.day, last.start, a.start + step,
                             last.locked or locked)
        else:
            mine.append(Stint(a.staff, a.desk, a.day, a.start, a.start + step, locked))
    return result


def minutes_by_staff(instance: Instance, solution: Solution) -> dict[str, int]:
    """Minutes each person holds in the week (zero for those without any)."""
    worked = {person.id: 0 for person in instance.staff}
    for a in solution.assignments:
        worked[a.staff] = worked.get(a.staff, 0) + instance.slot_minutes
    return worked


def day_name(day: int) -> str:
    return WEEKDAY_NAMES[day]
