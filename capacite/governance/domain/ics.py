"""The calendar invitation (.ics) of a meeting, built from plain data.

UID is stable per meeting and SEQUENCE grows with each change, so a calendar updates the event
it already holds instead of adding a second one when the agenda is sent again (RFC 5546).
"""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Invitation:
    uid: str
    sequence: int
    summary: str
    start: datetime  # aware
    end: datetime  # aware
    location: str = ""
    description: str = ""
    organizer_email: str = ""
    attendee_emails: list[str] = field(default_factory=list)
    stamp: datetime | None = None  # aware; the time the invitation is issued


def invitation_ics(invitation: Invitation) -> bytes:
    """A METHOD:REQUEST calendar with one event in Europe/Paris time (VTIMEZONE included)."""
    from icalendar import Calendar, Event, vCalAddress

    calendar = Calendar()
    calendar.add("prodid", "-//capacite//Cités des métiers//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", invitation.uid)
    event.add("sequence", invitation.sequence)
    event.add("summary", invitation.summary)
    event.add("dtstart", invitation.start.astimezone(PARIS))
    event.add("dtend", invitation.end.astimezone(PARIS))
    event.add("dtstamp", (invitation.stamp or invitation.start).astimezone(ZoneInfo("UTC")))
    if invitation.location:
        event.add("location", invitation.location)
    if invitation.description:
        event.add("description", invitation.description)
    if invitation.organizer_email:
        event.add("organizer", vCalAddress(f"mailto:{invitation.organizer_email}"))
    for email in invitation.attendee_emails:
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "TRUE"
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical
