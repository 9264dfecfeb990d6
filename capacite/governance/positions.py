"""Positions assessed at a meeting become dated `partners.Position` rows."""

from django.utils import timezone

from capacite.governance.models import Meeting
from capacite.partners.models import Position


def meeting_context(meeting: Meeting) -> str:
    return str(meeting)[:200]


def positions_at(meeting: Meeting) -> dict[int, Position]:
    """The latest position recorded at this meeting, per organisation."""
    latest: dict[int, Position] = {}
    for position in Position.objects.filter(context=meeting_context(meeting)).order_by(
            "assessed_at", "pk"):
        latest[position.organisation_id] = position
    return latest


def record_position(meeting: Meeting, organisation, *, stance: str, reason: str, user) -> bool:
    """Add a position dated the meeting day unless the same one is already recorded there."""
    current = positions_at(meeting).get(organisation.pk)
    if current and (current.stance, current.reason) == (stance, reason):
        return False
    Position.objects.create(
        cite=meeting.cite, organisation=organisation, stance=stance, reason=reason,
        assessed_on=timezone.localtime(meeting.starts_at).date(),
        context=meeting_context(meeting), assessed_by=user,
    )
    return True
