"""Pure pieces of the application around the engine: slots, demand spans, shares, org chart."""

from decimal import Decimal

from capacite.staffing.domain.instance import Demand, Span
from capacite.staffing.domain.weekbuild import demand_spans, fte_shares, inner_span


def test_openings_off_the_grid_lose_their_edges():
    assert inner_span(1, 9 * 60 + 45, 12 * 60 + 10) == Span(1, 600, 720)
    assert inner_span(1, 600, 620) is None


def test_equal_consecutive_demand_merges_and_zero_makes_no_span():
    slots = [(1, 600), (1, 630), (1, 660), (1, 690), (2, 600)]
    need = {(1, 660): 2, (1, 690): 0}
    assert demand_spans("emploi", slots, lambda d, s: need.get((d, s), 1)) == [
        Demand("emploi", Span(1, 600, 660), 1), Demand("emploi", Span(1, 660, 690), 2),
        Demand("emploi", Span(2, 600, 630), 1)]


def test_shares_add_up_to_one_exactly():
    shares = fte_shares({"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)})
    assert shares == {"a": 0.3333, "b": 0.3333, "c": 0.3334}
    assert sum(shares.values()) == 1
    assert fte_shares({"a": Decimal(0), "b": Decimal(0)}) == {"a": 0.5, "b": 0.5}


def test_the_desk_grid_merges_identical_slots_and_stints_carry_locks():
    from datetime import date

    from capacite.staffing.domain.explain import explain_uncovered
    from capacite.staffing.domain.grid import desk_grid, stints
    from capacite.staffing.domain.instance import (
        Assignment,
        Desk,
        Instance,
        Partner,
        Solution,
        Staff,
    )

    instance = Instance(
        week_start=date(2026, 11, 23), opening=(Span(1, 600, 780),),
        desks=(Desk("emploi", "Emploi"),), demand=(Demand("emploi", Span(1, 600, 780), 1),),
        staff=(Staff("ana", "Ana", "p", 120, (Span(1, 600, 720),), ("emploi",)),),
        partners=(Partner("p", "P", 1.0),))
    held = tuple(Assignment("ana", 1, start, "emploi") for start in (600, 630, 660, 690))
    solution = Solution("OPTIMAL", held, explain_uncovered(instance, held))
    rows = desk_grid(instance, solution, {("ana", "emploi", 1, 630)})[1]
    assert [(row.label, [p[1] for p in row.cells["emploi"].people], row.cells["emploi"].missing)
            for row in rows] == [("10:00–10:30", ["Ana"], 0), ("10:30–11:00", ["Ana"], 0),
                                 ("11:00–12:00", ["Ana"], 0), ("12:00–13:00", [], 1)]
    assert rows[-1].cells["emploi"].reason_label == "personne de compétent n'est disponible"
    (stint,) = stints(instance, solution, {("ana", "emploi", 1, 630)})["ana"]
    assert (stint.label, stint.day_name, stint.locked) == ("10:00–12:00", "mardi", True)
