"""Small groups never leave the staff: the one rule that hides counts from 1 to 10.

Visitors are anonymous, but a count of 2 « femmes de 60 ans et plus venues de Saint-Aubin » on a
Tuesday points at people. Every count shown to partners, the label authority or the public, every
export and every dossier — and every cross-table of two categories or more, whoever reads it —
goes through :func:`protect` (a table) or :func:`protect_list` (one category).

Two steps, as statistical offices do:

* **primary suppression** — a count from 1 to :data:`SMALL_GROUP_MAX` is shown as « < 11 »; zero
  stays zero (an empty cell reveals nobody, and hiding it would hide that a desk is unused);
* **secondary suppression** — a hidden cell must not be recoverable from the published totals by
  subtraction. The reader knows every shown figure, knows a « < 11 » cell lies between 1 and 10
  and a cell masked for protection (« s ») is at least 11. :func:`protect` then asks a linear
  programme, for each small cell, the smallest and the largest value compatible with everything
  published; while one of them is pinned down (min == max) it masks one more cell of that cell's
  row or column (the smallest non-zero shown one, the cheapest to lose) and asks again.

Because row and column sums form a totally unimodular system, the programme's extreme values are
integers: « min < max » means at least two whole counts fit, so the cell is not recoverable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.utils.translation import gettext_lazy as _

from capacite.lib.money import format_count

SMALL_GROUP_MAX = 10
"""Counts from 1 to this are small groups (the issue that set the rule: « < 11 »)."""


class Mask(Enum):
    SHOWN = "shown"
    SMALL = "small"  # 1..SMALL_GROUP_MAX, shown as « < 11 »
    SECONDARY = "secondary"  # masked so that a small cell cannot be recovered


SMALL_LABEL = _("< 11")
SECONDARY_LABEL = _("s")
LEGEND = _(
    "« < 11 » : entre 1 et 10 personnes, masqué pour préserver l'anonymat. « s » : masqué pour "
    "qu'un petit effectif ne puisse pas être retrouvé par soustraction des totaux."
)


@dataclass(frozen=True)
class Count:
    """One published figure: its value is for the code that decided; only ``text`` is shown."""

    value: int
    mask: Mask = Mask.SHOWN

    @property
    def hidden(self) -> bool:
        return self.mask is not Mask.SHOWN

    @property
    def shown_value(self) -> int | None:
        """The number an export may write in a cell, or None where the cell is masked."""
        return None if self.hidden else self.value

    @property
    def text(self) -> str:
        if self.mask is Mask.SMALL:
            return str(SMALL_LABEL)
        if self.mask is Mask.SECONDARY:
            return str(SECONDARY_LABEL)
        return format_count(self.value)  # « 24 892 », « 24,892 »: the active language

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Protected:
    """A table as it may be published: cells, row totals, column totals and the grand total.

    Totals are None when the caller did not ask to publish them.
    """

    cells: tuple[tuple[Count, ...], ...]
    row_totals: tuple[Count, ...] | None
    column_totals: tuple[Count, ...] | None
    grand_total: Count | None

    @property
    def any_hidden(self) -> bool:
        return any(c.hidden for c in self._all())

    def _all(self) -> list[Count]:
        found = [c for row in self.cells for c in row]
        found += list(self.row_totals or ()) + list(self.column_totals or ())
        if self.grand_total is not None:
            found.append(self.grand_total)
        return found


def is_small(value: int) -> bool:
    return 1 <= value <= SMALL_GROUP_MAX


def protect_count(value: int) -> Count:
    """A single count shown on its own (no total beside it to subtract from)."""
    return Count(value, Mask.SMALL if is_small(value) else Mask.SHOWN)


def protect_list(
    values: Sequence[int], *, total: bool = True
) -> tuple[tuple[Count, ...], Count | None]:
    """One category (visits by pôle, by age band…) with its total: a one-row table."""
    if not values:
        return (), (Count(0) if total else None)
    table = protect([list(values)], row_totals=total, column_totals=False, grand_total=False)
    totals = table.row_totals[0] if table.row_totals else None
    return table.cells[0], totals


def protect(
    values: Sequence[Sequence[int]],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
    grand_total: bool = True,
) -> Protected:
    """Mask small counts and enough others that none can be recovered from what is published."""
    rows = [list(map(int, row)) for row in values]
    if any(v < 0 for row in rows for v in row):
        raise ValueError("counts cannot be negative")
    width = max((len(r) for r in rows), default=0)
    if any(len(r) != width for r in rows):
        raise ValueError("every row needs the same number of cells")
    if not rows or not width:
        return Protected(tuple(tuple() for _ in rows), None, None, None)
    extended = _Extended(rows, row_totals, column_totals, grand_total)
    extended.suppress()
    return extended.result()


class _Extended:
    """The table with its totals as one more row and column, every line summing to its total.

    Cells the caller does not publish (a total not asked for) are « unpublished »: unknown to the
    reader, so they take part in the equations as free unknowns.
    """

    def __init__(
        self, rows: list[list[int]], row_totals: bool, column_totals: bool, grand_total: bool
    ) -> None:
        self.n_rows = len(rows)
        self.n_cols = len(rows[0]) if rows else 0
        R, C = self.n_rows, self.n_cols
        self.value = [row + [sum(row)] for row in rows]
        self.value.append([sum(r[j] for r in rows) for j in range(C)] + [sum(map(sum, rows))])
        self.published = [[True] * C + [row_totals] for _ in range(R)]
        self.published.append([column_totals] * C + [grand_total])
        self.mask = [
            [Mask.SMALL if is_small(v) else Mask.SHOWN for v in line] for line in self.value
        ]

    def _lines_of(self, i: int, j: int) -> list[list[tuple[int, int]]]:
        return [
            [(i, k) for k in range(self.n_cols + 1)],
            [(k, j) for k in range(self.n_rows + 1)],
        ]

    def _known(self, i: int, j: int) -> bool:
        return self.published[i][j] and self.mask[i][j] is Mask.SHOWN

    def suppress(self) -> None:
        # A cheap first pass: a published line with one masked cell gives it away at once.
        changed = True
        while changed:
            changed = False
            for line in self._all_lines():
                masked = [(i, j) for i, j in line if self.published[i][j] and not self._known(i, j)]
                unpublished = [(i, j) for i, j in line if not self.published[i][j]]
                if len(masked) == 1 and not unpublished and self._mask_cheapest(line):
                    changed = True
        # Then the exact check: no small cell may be pinned down by the published figures.
        while True:  # ends: every turn masks one more cell, or masks all and returns
            pinned = self._first_recoverable()
            if pinned is None:
                return
            if not any(self._mask_cheapest(line) for line in self._lines_of(*pinned)):
                # Nothing left to mask around it: mask every remaining figure of the table.
                self._mask_everything()
                return

    def _all_lines(self) -> Iterator[list[tuple[int, int]]]:
        for i in range(self.n_rows + 1):
            yield [(i, k) for k in range(self.n_cols + 1)]
        for j in range(self.n_cols + 1):
            yield [(k, j) for k in range(self.n_rows + 1)]

    def _mask_cheapest(self, line: list[tuple[int, int]]) -> bool:
        candidates = [
            (self.value[i][j], j == self.n_cols or i == self.n_rows, i, j)
            for i, j in line
            if self._known(i, j) and self.value[i][j] > 0
        ]
        if not candidates:
            return False
        # Inner cells before totals (totals are what readers look at first), then the smallest.
        _value, _is_total, i, j = min(candidates, key=lambda c: (c[1], c[0], c[2], c[3]))
        self.mask[i][j] = Mask.SECONDARY
        return True

    def _mask_everything(self) -> None:
        for i, line in enumerate(self.value):
            for j, v in enumerate(line):
                if v > 0 and self.mask[i][j] is Mask.SHOWN:
                    self.mask[i][j] = Mask.SECONDARY

    def _first_recoverable(self) -> tuple[int, int] | None:
        small = [
            (i, j)
            for i, line in enumerate(self.mask)
            for j, mask in enumerate(line)
            if mask is Mask.SMALL and self.published[i][j]
        ]
        if not small:
            return None
        reader = self._reader_view()
        for cell in small:
            low, high = reader.range_of(cell)
            if high - low < 1:
                return cell
        return None

    def _reader_view(self) -> _ReaderView:
        """The linear programme of what a reader knows: one model, one objective per question."""
        from ortools.linear_solver import pywraplp

        solver = pywraplp.Solver.CreateSolver("GLOP")
        big = float(self.value[-1][-1] * 2 + 100)
        unknown = {}
        for a, line in enumerate(self.value):
            for b, _v in enumerate(line):
                if self._known(a, b):
                    continue
                if not self.published[a][b]:
                    low, high = 0.0, big
                elif self.mask[a][b] is Mask.SMALL:
                    low, high = 1.0, float(SMALL_GROUP_MAX)
                else:
                    low, high = float(SMALL_GROUP_MAX + 1), big
                unknown[(a, b)] = solver.NumVar(low, high, f"x{a}_{b}")
        for cells in self._all_lines():
            *parts, total = cells
            terms = [unknown[p] if p in unknown else self.value[p[0]][p[1]] for p in parts]
            target = unknown[total] if total in unknown else self.value[total[0]][total[1]]
            solver.Add(sum(terms) == target)
        return _ReaderView(solver, unknown)

    def result(self) -> Protected:
        R, C = self.n_rows, self.n_cols

        def count(i: int, j: int) -> Count:
            return Count(self.value[i][j], self.mask[i][j])

        cells = tuple(tuple(count(i, j) for j in range(C)) for i in range(R))
        row_totals = tuple(count(i, C) for i in range(R)) if self.published[0][C] else None
        column_totals = tuple(count(R, j) for j in range(C)) if C and self.published[R][0] else None
        grand = count(R, C) if self.published[R][C] else None
        return Protected(cells, row_totals, column_totals, grand)


class _ReaderView:
    def __init__(self, solver: Any, unknown: dict[tuple[int, int], Any]) -> None:
        self.solver, self.unknown = solver, unknown

    def range_of(self, cell: tuple[int, int]) -> tuple[float, float]:
        """Smallest and largest value of ``cell`` compatible with everything published."""
        from ortools.linear_solver import pywraplp

        bounds = []
        for sense in (self.solver.Minimize, self.solver.Maximize):
            sense(self.unknown[cell])
            if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
                raise RuntimeError("the published table has no consistent reading")
            bounds.append(round(self.unknown[cell].solution_value(), 6))
        return bounds[0], bounds[1]
