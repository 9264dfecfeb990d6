"""The calendar invitation (.ics) of a meeting, built from plain data.

UID is stable per meeting and SEQUENCE grows with each change, so a calendar updates the event
it already holds instead of adding a second one when the agenda is sent again (RFC 5546).
"""

from dataclasses import dataclass, field
from datetime import datetime

from capacite.lib import ics


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
    organizer_name: str = ""  # the Cité, shown by calendars beside the address
    attendee_emails: list[str] = field(default_factory=list)
    stamp: datetime | None = None  # aware; the time the invitation is issued


def invitation_ics(invitation: Invitation) -> bytes:
    """A METHOD:REQUEST calendar with one event in Paris time (the zone's yearly rules
    included, `lib/ics.py`); replies go to the organiser."""
    from icalendar import Event, vCalAddress

    calendar = ics.new_calendar(method="REQUEST")
    event = Event()
    event.add("uid", invitation.uid)
    event.add("sequence", invitation.sequence)
    event.add("summary", invitation.summary)
    event.add("dtstart", ics.local(invitation.start))
    event.add("dtend", ics.local(invitation.end))
    event.add("dtstamp", ics.utc(invitation.stamp or invitation.start))
    if invitation.location:
        event.add("location", invitation.location)
    if invitation.description:
        event.add("description", invitation.description)
    if invitation.organizer_email:
        organizer = vCalAddress(f"mailto:{invitation.organizer_email}")
        if invitation.organizer_name:
            organizer.params["CN"] = invitation.organizer_name
        event.add("organizer", organizer, encode=False)
    for email in invitation.attendee_emails:
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "TRUE"
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return ics.to_bytes(calendar)
