"""Events as iCalendar data, and which events the public agenda shows (no database).

Visitors add an event to their own calendar from the public pages; the UID of each event is
stable (it comes from the event, never from the request), so downloading the feed again updates
the events already in a calendar instead of duplicating them, and SEQUENCE grows with each edit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from capacite.lib import ics


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    starts_at: datetime  # aware
    ends_at: datetime  # aware
    description: str = ""
    place: str = ""
    url: str = ""
    sequence: int = 0
    status: str = "retained"


def public_agenda(events: Iterable[CalendarEvent], now: datetime) -> list[CalendarEvent]:
    """Retained events not finished at `now`, soonest first: what the public may see."""
    return sorted((e for e in events if e.status == "retained" and e.ends_at > now),
                  key=lambda e: (e.starts_at, e.title))


def next_event(events: Iterable[CalendarEvent], now: datetime) -> CalendarEvent | None:
    """The next retained event that has not started yet."""
    upcoming = [e for e in public_agenda(events, now) if e.starts_at >= now]
    return upcoming[0] if upcoming else None


def calendar_bytes(events: Iterable[CalendarEvent], *, name: str, stamp: datetime) -> bytes:
    """An iCalendar (RFC 5545) file with one VEVENT per event, in Paris time (`lib/ics.py`).

    `stamp` is DTSTAMP (when the file was produced), passed in so tests get the same bytes.
    """
    from icalendar import Event

    calendar = ics.new_calendar(name=name)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", ics.utc(stamp))
        event.add("dtstart", ics.local(item.starts_at))
        event.add("dtend", ics.local(item.ends_at))
        event.add("summary", item.title)
        event.add("sequence", item.sequence)
        if item.description:
            event.add("description", item.description)
        if item.place:
            event.add("location", item.place)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return ics.to_bytes(calendar)
