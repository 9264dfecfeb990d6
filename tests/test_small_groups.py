"""The small-group rule: counts 1–10 hidden, and no hidden count recoverable by subtraction.

The recovery attempts here do not reuse the module's linear programme: they enumerate every whole
table a reader could imagine behind the published one and collect what each hidden small cell
could be. If a cell had one possible value, the attacker would have it.
"""

import random

import pytest

from capacite.lib.small_groups import Mask, protect, protect_count, protect_list


def texts(counts):
    return [c.text for c in counts]


def possible_values(published, values):
    """Every value each small inner cell can take, given all that ``published`` shows.

    The reader's view as an integer programme, solved by CP-SAT (not the linear programme the
    module uses): shown figures are fixed, a « < 11 » figure lies in 1..10, an « s » figure is at
    least 11, every row and column adds up to its total. For each small cell and each value
    1..10, is there a whole table behind the published one with that value there?
    """
    from ortools.sat.python import cp_model

    rows, cols = len(values), len(values[0])
    bound = sum(map(sum, values)) * 2 + 20

    def variable(model, count, name):
        if count is None:
            return model.NewIntVar(0, bound, name)
        if count.mask is Mask.SHOWN:
            return model.NewConstant(count.value)
        if count.mask is Mask.SMALL:
            return model.NewIntVar(1, 10, name)
        return model.NewIntVar(11, bound, name)

    def fits(cell, value):
        model = cp_model.CpModel()
        x = [
            [variable(model, published.cells[i][j], f"x{i}{j}") for j in range(cols)]
            for i in range(rows)
        ]
        for i in range(rows):
            total = published.row_totals[i] if published.row_totals else None
            model.Add(sum(x[i]) == variable(model, total, f"r{i}"))
        column_totals = []
        for j in range(cols):
            total = published.column_totals[j] if published.column_totals else None
            column_totals.append(variable(model, total, f"c{j}"))
            model.Add(sum(x[i][j] for i in range(rows)) == column_totals[j])
        model.Add(sum(column_totals) == variable(model, published.grand_total, "g"))
        model.Add(x[cell[0]][cell[1]] == value)
        return cp_model.CpSolver().Solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)

    small = [
        (i, j) for i in range(rows) for j in range(cols) if published.cells[i][j].mask is Mask.SMALL
    ]
    return {cell: {v for v in range(1, 11) if fits(cell, v)} for cell in small}


def test_a_single_count_hides_one_to_ten_and_keeps_zero():
    assert [protect_count(v).text for v in (0, 1, 7, 10, 11, 250)] == [
        "0",
        "< 11",
        "< 11",
        "< 11",
        "11",
        "250",
    ]
    assert protect_count(7).shown_value is None
    assert protect_count(11).shown_value == 11


def test_one_category_masks_a_second_cell_so_the_total_gives_nothing_away():
    cells, total = protect_list([25, 4, 0, 30])
    # 4 is small; alone, it would be 59 - 25 - 0 - 30. The smallest other count (25) goes too.
    assert texts(cells) == ["s", "< 11", "0", "30"]
    assert total.text == "59"
    assert [c.mask for c in cells] == [Mask.SECONDARY, Mask.SMALL, Mask.SHOWN, Mask.SHOWN]


def test_a_small_total_is_hidden_too():
    cells, total = protect_list([3, 4])
    assert texts(cells) == ["< 11", "< 11"]
    assert total.text == "< 11"


def test_the_subtraction_attack_on_a_two_by_two_table_finds_nothing():
    values = [[20, 3], [15, 30]]
    published = protect(values)
    assert [texts(r) for r in published.cells] == [["s", "< 11"], ["s", "s"]]
    assert texts(published.row_totals) == ["23", "45"]
    assert texts(published.column_totals) == ["35", "33"]
    assert published.grand_total.text == "68"
    # The reader can only narrow the 3 down to 1..10: every one of them fits the totals.
    assert possible_values(published, values) == {(0, 1): set(range(1, 11))}


def test_without_the_secondary_mask_the_attack_would_succeed():
    """The attack itself works: on the primary-only table it recovers the hidden 3."""
    values = [[20, 3], [15, 30]]
    published = protect(values)
    naive = type(published)(
        cells=tuple(
            tuple(c if c.mask is not Mask.SECONDARY else type(c)(c.value) for c in row)
            for row in published.cells
        ),
        row_totals=published.row_totals,
        column_totals=published.column_totals,
        grand_total=published.grand_total,
    )
    assert possible_values(naive, values) == {(0, 1): {3}}


def test_small_cells_that_all_equal_one_are_not_pinned_by_their_known_lower_bound():
    """Two hidden 1s whose row sums to 2 would be read as 1 and 1: something else must go."""
    values = [[1, 1, 40], [12, 13, 14]]
    published = protect(values)
    recovered = possible_values(published, values)
    assert recovered.keys() == {(0, 0), (0, 1)}
    assert all(len(options) >= 2 for options in recovered.values())


def test_zero_cells_stay_zero_and_are_never_used_as_a_mask():
    published = protect([[0, 5, 30], [0, 22, 18]])
    assert published.cells[0][0].text == "0"
    assert published.cells[1][0].text == "0"
    assert published.column_totals[0].text == "0"


@pytest.mark.parametrize("seed", range(12))
def test_random_tables_never_give_a_small_cell_away(seed):
    rng = random.Random(seed)
    values = [[rng.choice([0, 1, 2, 5, 9, 12, 15, 30]) for _ in range(3)] for _ in range(2)]
    published = protect(values)
    for cell, options in possible_values(published, values).items():
        assert len(options) >= 2, (values, cell, options)
    # Everything not masked is printed as it is.
    for row, published_row in zip(values, published.cells, strict=True):
        for value, count in zip(row, published_row, strict=True):
            assert count.text == (str(value) if count.mask is Mask.SHOWN else count.text)
            assert (count.mask is Mask.SMALL) == (1 <= value <= 10)


def test_negative_or_ragged_tables_are_refused():
    with pytest.raises(ValueError):
        protect([[1, -1]])
    with pytest.raises(ValueError):
        protect([[1, 2], [3]])


def test_an_empty_category_has_a_zero_total():
    assert protect_list([]) == ((), protect_count(0))
