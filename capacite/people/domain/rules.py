"""The rules of access, as plain functions: who manages members, what an invitation's link is
worth, and which changes would leave a Cité with nobody to manage it."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

# Roles and phases by their values (`core.models.Role` and `Phase` are str enums of these), so
# this module stays free of Django.
PROJECT_LEAD, DIRECTOR, LABEL_AUTHORITY = "project_lead", "director", "label_authority"
OPERATION = "operation"

INVITATION_DAYS = 7

# Those who can invite and manage people: a Cité must always keep one of them.
MANAGERS = frozenset({PROJECT_LEAD, DIRECTOR})


def may_manage_members(roles: set[str], *, phase: str) -> bool:
    """The project lead always; the director once the Cité is open; the label authority, who
    opens Cités and may have to give one a new project lead."""
    return (PROJECT_LEAD in roles or LABEL_AUTHORITY in roles
            or (DIRECTOR in roles and phase == OPERATION))


class InvitationState(Enum):
    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


def invitation_state(*, accepted_at: datetime | None, cancelled_at: datetime | None,
                     expires_at: datetime, now: datetime) -> InvitationState:
    """What an invitation's link is worth at `now`: a link serves once, and only in time."""
    if accepted_at is not None:
        return InvitationState.USED
    if cancelled_at is not None:
        return InvitationState.CANCELLED
    if now >= expires_at:
        return InvitationState.EXPIRED
    return InvitationState.VALID


def expiry(sent_at: datetime) -> datetime:
    return sent_at + timedelta(days=INVITATION_DAYS)


@dataclass(frozen=True)
class Holding:
    """One role held in the Cité: the membership's id and its role."""

    id: int
    role: str


def leaves_no_manager(holdings: list[Holding], *, removed: set[int],
                      added: str | None = None) -> bool:
    """True if taking away the memberships `removed` (and giving `added` instead, for a role
    change) would leave a Cité that had a project lead or a director with neither — nobody
    left to invite people or manage their access."""
    after = [h.role for h in holdings if h.id not in removed]
    if added is not None:
        after.append(added)
    had_one = any(h.role in MANAGERS for h in holdings)
    return had_one and not any(role in MANAGERS for role in after)
