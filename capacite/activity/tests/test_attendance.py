"""Events' headcounts and the documentation's monthly use, typed in one page, read by counts."""

from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from capacite.activity import counts
from capacite.core.models import Role
from capacite.events.models import Event, EventStatus
from capacite.partners.models import Public
from capacite.testing import client_for


def test_headcounts_by_public_and_documentation_use_are_saved_and_counted(world):
    today = timezone.localdate()
    with scope(cite=world.cite):
        public = Public.objects.create(cite=world.cite, key="jeunes", label="Jeunes")
        start = timezone.make_aware(datetime.combine(today - timedelta(days=3), time(14)))
        event = Event.objects.create(cite=world.cite, title="Forum", starts_at=start,
                                     ends_at=start + timedelta(hours=2),
                                     status=EventStatus.RETAINED)
        event.publics.set([public])
    url = reverse("activity:attendance", args=[world.cite.slug])
    month = today.replace(day=1).strftime("%Y-%m")
    client = client_for(world, Role.STAFF)
    refused = client.post(url, {f"ev-{event.pk}-{public.pk}": "douze"})
    assert "«\u00a0Forum\u00a0»" in refused.content.decode()
    assert "«\u00a0douze\u00a0» n&#x27;est pas un nombre" in refused.content.decode()
    client.post(url, {f"ev-{event.pk}-{public.pk}": "12", f"ev-{event.pk}-x": "5",
                      f"doc-{month}-c": "310", f"doc-{month}-l": "41"})
    with scope(cite=world.cite):
        span = {"cite": world.cite, "start": today - timedelta(days=30),
                "end": today + timedelta(days=1)}
        assert counts.event_headcounts(**span) == {event.pk: 17}
        assert counts.event_headcount_by_public(**span) == {public.pk: 12, None: 5}
        uses = counts.documentation_use(cite=world.cite, start=date(2000, 1, 1),
                                        end=today + timedelta(days=1))
        assert [(u.consultations, u.loans) for u in uses] == [(310, 41)]
