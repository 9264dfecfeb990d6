"""A reserve's life: open → lifting asked (with evidence) → lifted, or sent back to open.

Only the Cité asks for lifting, and only the authority accepts or sends back; the functions
here say which move is allowed from which state, with the French reason when it is not.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class ReserveState(StrEnum):
    OPEN = "open"
    REQUESTED = "requested"
    LIFTED = "lifted"


class Move(StrEnum):
    ASK = "ask"  # the Cité posts its evidence and asks for lifting
    ACCEPT = "accept"  # the authority lifts the reserve
    SEND_BACK = "send_back"  # the authority finds the evidence short


class MoveRefused(ValueError):
    """The move is not possible from the reserve's current state (message in French)."""


_MOVES = {
    (ReserveState.OPEN, Move.ASK): ReserveState.REQUESTED,
    (ReserveState.REQUESTED, Move.ASK): ReserveState.REQUESTED,  # adds to the evidence
    (ReserveState.REQUESTED, Move.ACCEPT): ReserveState.LIFTED,
    (ReserveState.REQUESTED, Move.SEND_BACK): ReserveState.OPEN,
}

_REFUSALS = {
    ReserveState.LIFTED: _("Cette réserve est déjà levée : elle ne change plus."),
    ReserveState.OPEN: _("La Cité n'a pas encore demandé la levée de cette réserve."),
}


def after(state: ReserveState, move: Move) -> ReserveState:
    """The state after `move`; raises MoveRefused (with the reason) when it is not allowed."""
    try:
        return _MOVES[(state, move)]
    except KeyError:
        reason = _REFUSALS.get(state, _("Ce changement n'est pas possible."))
        raise MoveRefused(str(reason)) from None
