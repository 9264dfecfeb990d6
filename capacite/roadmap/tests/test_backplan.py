"""Rétro-planning and dependency graphs, as plain functions (no database)."""

from datetime import date

import pytest

from capacite.roadmap.domain.backplan import CycleError, PlanItem, backplan
from capacite.roadmap.domain.graph import ancestors, find_cycle

ITEMS = [
    PlanItem("diagnostic", 30, ()),
    PlanItem("cartographie", 20, ()),
    PlanItem("note", 10, ("diagnostic", "cartographie")),
    PlanItem("locaux", 90, ()),  # the target does not depend on it: left out
    PlanItem("comite", 1, ("note",)),
]


def plan(target_date=date(2027, 3, 15), today=date(2027, 1, 1), items=ITEMS):
    return {p.key: p for p in backplan(items, target_key="comite", target_date=target_date,
                                       today=today)}


def test_latest_dates_go_backwards_through_durations_and_dependencies():
    result = plan()
    assert set(result) == {"diagnostic", "cartographie", "note", "comite"}
    assert (result["comite"].latest_start, result["comite"].latest_finish) == (
        date(2027, 3, 14), date(2027, 3, 15))
    assert (result["note"].latest_start, result["note"].latest_finish) == (
        date(2027, 3, 4), date(2027, 3, 14))
    assert (result["diagnostic"].latest_start, result["diagnostic"].latest_finish) == (
        date(2027, 2, 2), date(2027, 3, 4))
    assert result["cartographie"].latest_start == date(2027, 2, 12)


def test_a_task_finishes_before_the_earliest_of_its_successors():
    items = ITEMS + [PlanItem("budget", 40, ("diagnostic",))]
    items[-2] = PlanItem("comite", 1, ("note", "budget"))
    result = plan(items=items)
    # budget must start by 2027-02-02, so the diagnostic must finish by then, not by 03-04.
    assert result["budget"].latest_start == date(2027, 2, 2)
    assert result["diagnostic"].latest_finish == date(2027, 2, 2)
    assert result["diagnostic"].latest_start == date(2027, 1, 3)


def test_tasks_whose_latest_start_has_passed_are_flagged_unless_done():
    result = plan(today=date(2027, 2, 15))
    assert result["diagnostic"].start_is_past is True
    assert result["cartographie"].start_is_past is True
    assert result["note"].start_is_past is False
    done = [PlanItem("diagnostic", 30, (), done=True), *ITEMS[1:]]
    assert plan(today=date(2027, 2, 15), items=done)["diagnostic"].start_is_past is False


def test_moving_the_target_date_moves_every_date_by_the_same_amount():
    before = plan(target_date=date(2027, 3, 15))
    after = plan(target_date=date(2027, 4, 15))
    for key in before:
        assert (after[key].latest_start - before[key].latest_start).days == 31


def test_the_plan_is_ordered_by_latest_start_with_the_target_last():
    keys = [p.key for p in backplan(ITEMS, target_key="comite", target_date=date(2027, 3, 15),
                                    today=date(2027, 1, 1))]
    assert keys == ["diagnostic", "cartographie", "note", "comite"]


def test_a_dependency_loop_is_refused_with_its_path():
    items = [PlanItem("a", 1, ("c",)), PlanItem("b", 1, ("a",)), PlanItem("c", 1, ("b",))]
    with pytest.raises(CycleError) as error:
        backplan(items, target_key="a", target_date=date(2027, 1, 1), today=date(2026, 1, 1))
    assert error.value.cycle == ["a", "c", "b", "a"]


def test_find_cycle_returns_none_for_a_tree_and_ancestors_follows_every_path():
    graph = {"a": [], "b": ["a"], "c": ["a", "b"], "d": ["c"], "e": []}
    assert find_cycle(graph) is None
    assert ancestors(graph, "d") == {"a", "b", "c"}
    assert ancestors(graph, "e") == set()


def test_a_long_chain_is_planned_without_deep_recursion():
    items = [PlanItem("t0", 1, ())] + [PlanItem(f"t{i}", 1, (f"t{i-1}",)) for i in range(1, 5000)]
    result = backplan(items, target_key="t4999", target_date=date(2040, 1, 1),
                      today=date(2026, 1, 1))
    assert len(result) == 5000
    assert result[0].key == "t0"
    assert result[0].latest_start == date(2026, 4, 24)  # 5,000 one-day tasks before 2040-01-01
