"""Every calendar file capacite writes (invitations, roster calendars, public agendas).

Times are French local times with `TZID=Europe/Paris`, and the file carries that zone as a
VTIMEZONE with one yearly rule per season, the way calendar programs write it. icalendar's
`add_missing_timezones` lists every past and future change as RDATE values on one line, and
ical.js (behind several web calendars) reads only the first: a 14:00 meeting in July showed at
15:00. The rule is the European one in force since 1996 (last Sunday of March at 02:00, last
Sunday of October at 03:00); a test checks it against the system's time-zone data.

Every calendar holds the VTIMEZONE, so none is ever without a component (RFC 5545 forbids
it); pages still say « aucun créneau » rather than offer a file without events.
"""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//capacite//Cités des métiers//FR"
PARIS_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Paris
X-LIC-LOCATION:Europe/Paris
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19960331T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def paris_timezone() -> Any:
    """The Europe/Paris VTIMEZONE with yearly rules."""
    from icalendar import Timezone

    return Timezone.from_ical(PARIS_VTIMEZONE.replace("\n", "\r\n"))


def new_calendar(*, name: str = "", method: str = "") -> Any:
    """A calendar with capacite's PRODID, the Gregorian scale, the Paris zone and, when given,
    its display name and iTIP method (REQUEST for an invitation)."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add_component(paris_timezone())
    return calendar


def local(moment: datetime) -> datetime:
    """`moment` (aware) as a Paris time, written with TZID=Europe/Paris."""
    if moment.tzinfo is None:
        raise ValueError("a calendar time must be aware")
    return moment.astimezone(PARIS)


def utc(moment: datetime) -> datetime:
    """`moment` (aware) in UTC, for DTSTAMP (which RFC 5545 wants in UTC)."""
    return moment.astimezone(ZoneInfo("UTC"))


def to_bytes(calendar: Any) -> bytes:
    data: bytes = calendar.to_ical()
    return data
