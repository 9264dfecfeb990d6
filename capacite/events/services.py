"""Events read for the staff screens and the public pages (call inside the Cité's scope)."""

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from capacite.events.domain.calendar import CalendarEvent, calendar_bytes, public_agenda
from capacite.events.models import Event, EventStatus


def as_calendar_event(event: Event, *, url: str = "") -> CalendarEvent:
    return CalendarEvent(
        uid=f"{event.uid}@capacite", title=event.title, starts_at=event.starts_at,
        ends_at=event.ends_at, description=event.description, place=event.where, url=url,
        sequence=event.version, status=event.status)


def retained_events() -> QuerySet[Event]:
    return (Event.objects.filter(status=EventStatus.RETAINED)
            .select_related("site", "pole").prefetch_related("publics", "partners"))


def public_events(now: datetime | None = None) -> list[Event]:
    """Retained events not finished yet, soonest first (the public agenda)."""
    now = now or timezone.now()
    events = {str(e.uid): e for e in retained_events().filter(ends_at__gt=now)}
    order = public_agenda((as_calendar_event(e) for e in events.values()), now)
    return [events[item.uid.removesuffix("@capacite")] for item in order]


def ics_for(events: list[Event], *, name: str, urls: dict[int, str] | None = None) -> bytes:
    urls = urls or {}
    return calendar_bytes([as_calendar_event(e, url=urls.get(e.pk, "")) for e in events],
                          name=name, stamp=timezone.now())


def home_panel(request: object) -> dict:
    """The Cité home's tile: the next three retained events and the proposals awaiting a choice."""
    return {"coming": public_events()[:3],
            "proposed": Event.objects.filter(status=EventStatus.PROPOSED,
                                             ends_at__gt=timezone.now()).count()}


def events_on(day: date) -> list[Event]:
    """The retained events of `day` (local time), earliest first."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    return list(retained_events().filter(starts_at__lt=start + timedelta(days=1),
                                         ends_at__gt=start).order_by("starts_at"))
