"""Sample objects for tests/test_permission_matrix.py: a retained event to come (the public
pages serve it too)."""

from datetime import date, timedelta

from django.utils import timezone
from django_scopes import scope

from capacite.events.models import Event, EventStatus


def sample_kwargs(cite) -> dict:
    starts = timezone.now() + timedelta(days=30)
    with scope(cite=cite):
        event = Event.objects.create(cite=cite, title="Événement d'exemple pour les tests",
                                     starts_at=starts, ends_at=starts + timedelta(hours=2),
                                     status=EventStatus.RETAINED, decided_on=date.today())
    return {"event_id": event.pk}
