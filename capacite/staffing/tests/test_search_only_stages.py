"""The stages that search without proving (`solve.SEARCH_ONLY_STAGES`): the partners' shares
alone by CP-SAT's large neighbourhood search, proven only by reaching their floor, and the
watch that hands a stalled stage over."""

import threading
from time import perf_counter

from capacite.staffing.domain.jsonio import instance_from_json
from capacite.staffing.domain.lowerbound import uncovered_lower_bound
from capacite.staffing.domain.model import build_model
from capacite.staffing.domain.objective import goal_values, weights
from capacite.staffing.domain.solve import Progress, _Search, _stalled_stop
from capacite.staffing.tests.test_handover import _all_by_x, _one_desk, _valid


def test_the_shares_stage_stops_on_the_floor_and_so_proves_the_shares():
    """X works all 16 slots of the desk, Y none, against half each: 16 slots off. Y's only
    person works 3 h at most, so a covered day deviates 4 slots at least (X 10, Y 6 against 8
    and 8): the stage reaches that floor, which proves the shares — not CP-SAT's search."""
    instance = instance_from_json(_one_desk(taker_hours=3))
    start = _all_by_x()
    assert goal_values(instance, start)["share_deviation"] == 16
    search = _Search(instance, build_model(instance), weights(instance), Progress(),
                     perf_counter(), start, uncovered_lower_bound(instance))
    search.fix_coverage()
    assert search.share_floor == 4
    search.run("shares", 60.0, workers=2, seed=0, light_presolve=False)
    after = goal_values(instance, search.best)
    assert (after["uncovered"], after["share_deviation"]) == (0, 4)
    assert _valid(instance, search.best) == []
    assert search.proven == {"uncovered": 0, "share_deviation": 4}
    assert search.progress.bounds[-1][1] == 4 * weights(instance)["share_deviation"]
    # The proof is the floor's: the stage itself never counts as proving the goals below.
    assert (search.stages, search.optimal) == (["shares"], [False])
    assert len(search.progress.improvements) == 1  # the kept roster, recorded once


class _Stoppable:
    """Stands in for a CP-SAT solver: what the watch calls, and whether it did."""

    def __init__(self) -> None:
        self.stopped = threading.Event()

    def stop_search(self) -> None:
        self.stopped.set()


def test_a_stage_stalled_past_its_patience_is_stopped():
    solver = _Stoppable()
    with _stalled_stop(solver, [perf_counter() - 5.0], patience=1.0):
        assert solver.stopped.wait(timeout=30)


def test_a_stage_within_its_patience_or_without_one_runs_on():
    solver = _Stoppable()
    with _stalled_stop(solver, [perf_counter()], patience=3600.0):
        assert not solver.stopped.wait(timeout=1.0)
    with _stalled_stop(solver, [perf_counter() - 5.0], patience=None):
        assert not solver.stopped.wait(timeout=1.0)
    assert not solver.stopped.is_set()
