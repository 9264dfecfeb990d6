"""Hand-overs between partners (`domain/handover.py`): the shares closer to their commitments,
coverage, the total worked and the rules kept."""

import time
from typing import Any

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.handover import closer_shares
from capacite.staffing.domain.instance import Assignment, Solution
from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.objective import goal_values
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import person, span


def _one_desk(*, taker_hours: float = 4, taker_free: str = "10:00",
              locked: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Tuesday 10:00–18:00, one desk needing one person; partners X and Y committed to half
    the hours each. P and Q (X) can hold it all day, R (Y) from `taker_free`."""
    return {"week_start": "2026-11-23", "slot_minutes": 30, "opening": [span(1, "10:00", "18:00")],
            "desks": [{"id": "a", "name": "A"}],
            "demand": [{"desk": "a", "people": 1} | span(1, "10:00", "18:00")],
            "partners": [{"id": "x", "name": "X", "fte_share": 0.5},
                         {"id": "y", "name": "Y", "fte_share": 0.5}],
            "staff": [person("p", "x", 6, ["a"], [span(1, "10:00", "18:00")]),
                      person("q", "x", 2, ["a"], [span(1, "10:00", "18:00")]),
                      person("r", "y", taker_hours, ["a"], [span(1, taker_free, "18:00")])],
            "rules": {"min_shift_minutes": 120, "max_shift_minutes": 360,
                      "max_shifts_per_day": 1},
            "locked": locked or []}


def _all_by_x() -> tuple[Assignment, ...]:
    """P 10:00–16:00, Q 16:00–18:00: X works all 16 slots, Y none."""
    return tuple(sorted(Assignment("p" if k < 12 else "q", 1, 600 + 30 * k, "a")
                        for k in range(16)))


def _hours(roster: tuple[Assignment, ...]) -> dict[str, tuple[str, str]]:
    """Each person's first and last slot start, as "HH:MM"."""
    starts: dict[str, list[int]] = {}
    for a in roster:
        starts.setdefault(a.staff, []).append(a.start)
    return {pid: (f"{min(s) // 60:02d}:{min(s) % 60:02d}", f"{max(s) // 60:02d}:{max(s) % 60:02d}")
            for pid, s in sorted(starts.items())}


def _valid(instance: Any, roster: tuple[Assignment, ...]) -> list[str]:
    return validate(instance, Solution("FEASIBLE", roster, explain_uncovered(instance, roster)))


def test_a_run_of_slots_passes_to_the_partner_below_its_share():
    instance = instance_from_json(_one_desk())
    roster = _all_by_x()
    before = goal_values(instance, roster)
    assert before["share_deviation"] == 16  # X 8 slots above its half, Y 8 below
    handed = closer_shares(instance, roster, until=time.perf_counter() + 5)
    # R (4 h) takes the first four hours of P's shift; P keeps 14:00–16:00, Q 16:00–18:00.
    assert _hours(handed) == {"p": ("14:00", "15:30"), "q": ("16:00", "17:30"),
                              "r": ("10:00", "13:30")}
    after = goal_values(instance, handed)
    assert after == before | {"share_deviation": 0, "stints": before["stints"] + 1}
    assert after["uncovered"] == before["uncovered"] == 0
    assert _valid(instance, handed) == []


def test_locked_slots_stay_with_their_person():
    lock = [{"staff": "p", "desk": "a", "day": 1, "start": "10:00"}]
    instance = instance_from_json(_one_desk(locked=lock))
    handed = closer_shares(instance, _all_by_x(), until=time.perf_counter() + 5)
    # The beginning of P's shift is locked: R takes its end, 12:00–16:00.
    assert _hours(handed) == {"p": ("10:00", "11:30"), "q": ("16:00", "17:30"),
                              "r": ("12:00", "15:30")}
    assert goal_values(instance, handed)["share_deviation"] == 0
    assert _valid(instance, handed) == []


def test_the_taker_keeps_the_shift_rules_and_contract():
    """R can only come from 16:00 and works 3 h at most: Q's two hours are all R can take
    (taking P's end would leave R a shift past the closing time)."""
    instance = instance_from_json(_one_desk(taker_hours=3, taker_free="16:00"))
    handed = closer_shares(instance, _all_by_x(), until=time.perf_counter() + 5)
    assert _hours(handed) == {"p": ("10:00", "15:30"), "r": ("16:00", "17:30")}
    assert goal_values(instance, handed)["share_deviation"] == 8  # X 12 slots, Y 4
    assert _valid(instance, handed) == []


def test_nothing_moves_when_nobody_below_its_share_can_take_a_run():
    data = _one_desk()
    data["staff"][2]["skills"] = ["b"]  # R holds another desk only
    data["desks"].append({"id": "b", "name": "B"})
    instance = instance_from_json(data)
    assert closer_shares(instance, _all_by_x(), until=time.perf_counter() + 5) == _all_by_x()
