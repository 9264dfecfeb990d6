"""The review's pure rules: phase after a decision, label status, numbering, reserve moves."""

import pytest

from capacite.review.domain.label import (
    DecisionFact,
    LabelStatus,
    Stage,
    label_status,
    next_number,
    phase_after,
)
from capacite.review.domain.reserves import Move, MoveRefused, ReserveState, after


@pytest.mark.parametrize(("stage", "current", "expected"), [
    (Stage.LABEL_PROJET, "construction", "implementation"),
    (Stage.PREFIGURATION, "construction", "implementation"),
    (Stage.LABEL_FONCTIONNEMENT, "implementation", "operation"),
    (Stage.REFUSAL, "construction", "construction"),
    (Stage.LABEL_PROJET, "operation", "operation"),  # never backwards
    (Stage.LABEL_PROJET, "emergence", "implementation"),
])
def test_the_phase_follows_the_decision_and_never_goes_back(stage, current, expected):
    assert phase_after(stage, current) == expected


def test_numbers_start_at_one_and_follow_the_highest():
    assert next_number([]) == 1
    assert next_number([1, 2]) == 3
    assert next_number([3, 1]) == 4


def test_the_label_is_effective_once_the_last_granted_decisions_reserves_are_lifted():
    assert label_status([]) == LabelStatus(stage=None, effective=False, refused_last=False)
    projet = DecisionFact(Stage.LABEL_PROJET, "2025-06-10", open_reserves=1)
    assert label_status([projet]) == LabelStatus(Stage.LABEL_PROJET, False, False)
    lifted = DecisionFact(Stage.LABEL_PROJET, "2025-06-10", open_reserves=0)
    assert label_status([lifted]) == LabelStatus(Stage.LABEL_PROJET, True, False)
    later = DecisionFact(Stage.LABEL_FONCTIONNEMENT, "2027-02-01", open_reserves=0)
    assert label_status([later, projet]) == LabelStatus(Stage.LABEL_FONCTIONNEMENT, True, False)


def test_a_refusal_after_a_label_keeps_the_label_and_says_so():
    refusal = DecisionFact(Stage.REFUSAL, "2027-02-01", open_reserves=0)
    projet = DecisionFact(Stage.LABEL_PROJET, "2025-06-10", open_reserves=0)
    assert label_status([refusal]) == LabelStatus(None, False, True)
    assert label_status([projet, refusal]) == LabelStatus(Stage.LABEL_PROJET, True, True)


def test_a_reserve_moves_open_asked_lifted_or_back():
    assert after(ReserveState.OPEN, Move.ASK) == ReserveState.REQUESTED
    assert after(ReserveState.REQUESTED, Move.ASK) == ReserveState.REQUESTED
    assert after(ReserveState.REQUESTED, Move.ACCEPT) == ReserveState.LIFTED
    assert after(ReserveState.REQUESTED, Move.SEND_BACK) == ReserveState.OPEN


def test_refused_moves_say_why_in_french():
    with pytest.raises(MoveRefused, match="^Cette réserve est déjà levée : elle ne change plus.$"):
        after(ReserveState.LIFTED, Move.ASK)
    with pytest.raises(MoveRefused,
                       match="^La Cité n'a pas encore demandé la levée de cette réserve.$"):
        after(ReserveState.OPEN, Move.ACCEPT)
