"""The access rules as plain functions: no database."""

from datetime import UTC, datetime, timedelta

from capacite.core.homes import Home, home_for, main_role
from capacite.core.models import Phase, Role
from capacite.people.domain.rules import (
    Holding,
    InvitationState,
    expiry,
    invitation_state,
    leaves_no_manager,
    may_manage_members,
)

SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def state(**kwargs) -> InvitationState:
    values = {"accepted_at": None, "cancelled_at": None, "expires_at": expiry(SENT),
              "now": SENT + timedelta(days=1)}
    values.update(kwargs)
    return invitation_state(**values)


def test_an_invitation_is_valid_for_seven_days_to_the_second():
    assert expiry(SENT) == datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    assert state(now=SENT + timedelta(days=7, seconds=-1)) == InvitationState.VALID
    assert state(now=SENT + timedelta(days=7)) == InvitationState.EXPIRED


def test_a_used_link_stays_used_and_a_cancelled_one_cancelled_even_once_expired():
    later = SENT + timedelta(days=30)
    assert state(accepted_at=SENT, now=later) == InvitationState.USED
    assert state(cancelled_at=SENT, now=later) == InvitationState.CANCELLED


def test_taking_away_the_last_project_lead_or_director_leaves_no_manager():
    cite = [Holding(1, Role.PROJECT_LEAD), Holding(2, Role.PARTNER), Holding(3, Role.DIRECTOR)]
    assert leaves_no_manager(cite, removed={1}) is False  # the director remains
    assert leaves_no_manager(cite, removed={1, 3}) is True
    assert leaves_no_manager(cite[:2], removed={1}) is True
    assert leaves_no_manager(cite[:2], removed={1}, added=Role.SPONSOR) is True
    assert leaves_no_manager(cite[:2], removed={1}, added=Role.DIRECTOR) is False
    assert leaves_no_manager(cite[:2], removed={2}) is False


def test_a_cite_without_any_manager_yet_may_still_lose_a_partner():
    assert leaves_no_manager([Holding(2, Role.PARTNER)], removed={2}) is False


def test_the_director_manages_people_once_the_cite_is_open():
    assert may_manage_members({Role.DIRECTOR}, phase=Phase.OPERATION) is True
    assert may_manage_members({Role.DIRECTOR}, phase=Phase.IMPLEMENTATION) is False
    assert may_manage_members({Role.PROJECT_LEAD}, phase=Phase.EMERGENCE) is True
    assert may_manage_members({Role.LABEL_AUTHORITY}, phase=Phase.EMERGENCE) is True
    assert may_manage_members({Role.PARTNER, Role.STAFF, Role.SPONSOR, Role.RECEPTION},
                              phase=Phase.OPERATION) is False


def test_each_role_has_its_home_and_the_widest_role_wins():
    open_cite = Phase.OPERATION
    assert {role: home_for({role}, phase=open_cite) for role in Role} == {
        Role.PROJECT_LEAD: Home.PROJECT, Role.SPONSOR: Home.SPONSOR, Role.PARTNER: Home.PARTNER,
        Role.DIRECTOR: Home.DIRECTOR, Role.STAFF: Home.ADVISER, Role.RECEPTION: Home.RECEPTION,
        Role.LABEL_AUTHORITY: Home.PROJECT}
    assert home_for({Role.DIRECTOR}, phase=Phase.CONSTRUCTION) == Home.PROJECT
    assert home_for({Role.RECEPTION, Role.STAFF}, phase=open_cite) == Home.ADVISER
    assert main_role({Role.PARTNER, Role.LABEL_AUTHORITY}) == Role.PARTNER
    assert main_role(set()) is None
