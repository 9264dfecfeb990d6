"""The programme: what the public agenda shows, the .ics it produces, the committee's choice."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.concurrency import save_versioned
from capacite.core.models import Role
from capacite.events.domain.calendar import (
    CalendarEvent,
    calendar_bytes,
    next_event,
    public_agenda,
)
from capacite.events.models import Event, EventStatus
from capacite.testing_files import ics_events

NOW = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


def item(title, start_hours, status="retained", duration=2):
    start = NOW + timedelta(hours=start_hours)
    return CalendarEvent(uid=f"{title}@capacite", title=title, starts_at=start,
                         ends_at=start + timedelta(hours=duration), status=status)


def test_the_public_agenda_keeps_retained_events_not_finished_soonest_first():
    events = [item("Forum", 48), item("Atelier", 24), item("Passé", -10),
              item("En cours", -1), item("Proposé", 5, "proposed"), item("Refusé", 6, "refused")]
    assert [e.title for e in public_agenda(events, NOW)] == ["En cours", "Atelier", "Forum"]
    assert next_event(events, NOW).title == "Atelier"
    assert next_event([item("Passé", -10)], NOW) is None


def test_the_calendar_has_one_vevent_per_event_with_its_uid_times_and_place():
    forum = CalendarEvent(uid="abc@capacite", title="Forum de l'alternance",
                          starts_at=datetime(2027, 3, 12, 9, 0, tzinfo=UTC),
                          ends_at=datetime(2027, 3, 12, 13, 0, tzinfo=UTC),
                          description="Rencontrez les employeurs.", place="12, place de la Halle",
                          sequence=3)
    data = calendar_bytes([forum, item("Atelier", 24)], name="Cité d'Alpha", stamp=NOW)
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Forum de l'alternance", "Atelier"]
    first = events[0]
    assert str(first["uid"]) == "abc@capacite"
    assert first.decoded("dtstart") == datetime(2027, 3, 12, 9, 0, tzinfo=UTC)
    assert first.decoded("dtend") == datetime(2027, 3, 12, 13, 0, tzinfo=UTC)
    assert "DTSTART;TZID=Europe/Paris:20270312T100000" in data.decode()  # French local time
    assert ics_events(data)[0] == ("Forum de l'alternance", datetime(2027, 3, 12, 9, 0,
                                                                     tzinfo=UTC))
    assert str(first["location"]) == "12, place de la Halle"
    assert first["sequence"] == 3
    assert str(calendar["x-wr-calname"]) == "Cité d'Alpha"
    assert calendar_bytes([forum], name="x", stamp=NOW) == calendar_bytes([forum], name="x",
                                                                          stamp=NOW)


def test_a_calendar_without_events_still_holds_its_time_zone():
    """RFC 5545 wants one component at least; a subscribed feed keeps reading the file."""
    data = calendar_bytes([], name="Cité d'Alpha", stamp=NOW)
    assert ics_events(data) == []
    assert [c.name for c in icalendar.Calendar.from_ical(data).subcomponents] == ["VTIMEZONE"]


@pytest.mark.django_db
def test_a_retained_event_needs_the_decision_date_and_the_end_after_the_start(world):
    client = Client()
    client.force_login(world.users[Role.STAFF])
    url = reverse("events:event_add", kwargs={"cite_slug": "alpha"})
    data = {"title": "Job dating", "starts_at": "2027-04-02T14:00", "ends_at": "2027-04-02T13:00",
            "status": "retained", "version": 0}
    page = client.post(url, data).content.decode()
    assert "La fin doit venir après le début." in page
    assert "Indiquez la date à laquelle le comité de programmation a fait ce choix." in page
    data.update(ends_at="2027-04-02T17:00", decided_on="2027-01-15")
    assert client.post(url, data).status_code == 302
    with scope(cite=world.cite):
        event = Event.objects.get(title="Job dating")
        assert event.status == EventStatus.RETAINED
        assert event.decided_on == date(2027, 1, 15)
        assert event.starts_at == datetime(2027, 4, 2, 12, 0, tzinfo=UTC)  # 14:00 in Paris


@pytest.mark.django_db
def test_the_staff_list_shows_coming_events_and_past_ones_on_demand(world):
    now = datetime.now(UTC)
    with scope(cite=world.cite):
        for title, days in (("Forum à venir", 10), ("Atelier passé", -10)):
            Event.objects.create(cite=world.cite, title=title,
                                 starts_at=now + timedelta(days=days),
                                 ends_at=now + timedelta(days=days, hours=2))
    client = Client()
    client.force_login(world.users[Role.RECEPTION])
    url = reverse("events:events", kwargs={"cite_slug": "alpha"})
    coming = client.get(url).content.decode()
    assert "Forum à venir" in coming and "Atelier passé" not in coming
    assert "0 retenus par le comité de programmation, 1 proposés" in coming
    past = client.get(url, {"period": "past"}).content.decode()
    assert "Atelier passé" in past and "Forum à venir" not in past


@pytest.mark.django_db
def test_two_people_editing_the_same_event_never_overwrite_each_other(world):
    with scope(cite=world.cite):
        event = Event.objects.create(cite=world.cite, title="Forum",
                                     starts_at=datetime(2027, 4, 2, 8, tzinfo=UTC),
                                     ends_at=datetime(2027, 4, 2, 12, tzinfo=UTC))
    client = Client()
    client.force_login(world.users[Role.STAFF])
    url = reverse("events:event_edit", kwargs={"cite_slug": "alpha", "event_id": event.pk})
    data = {"starts_at": "2027-04-02T10:00", "ends_at": "2027-04-02T14:00",
            "status": "proposed", "version": event.version}
    assert client.post(url, {**data, "title": "Forum de l'alternance"}).status_code == 302
    stale = client.post(url, {**data, "title": "Forum des métiers"}).content.decode()
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez." in stale
    with scope(cite=world.cite):
        assert Event.objects.get(pk=event.pk).title == "Forum de l'alternance"


@pytest.mark.django_db
def test_the_cite_home_shows_the_next_retained_events_and_the_waiting_proposals(world):
    now = datetime.now(UTC)
    with scope(cite=world.cite):
        for title, days, status in (("Forum retenu", 3, EventStatus.RETAINED),
                                    ("Idée proposée", 5, EventStatus.PROPOSED),
                                    ("Atelier refusé", 6, EventStatus.REFUSED)):
            Event.objects.create(cite=world.cite, title=title, status=status,
                                 starts_at=now + timedelta(days=days),
                                 ends_at=now + timedelta(days=days, hours=1))
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])  # the events tile of the project home
    html = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "Forum retenu" in html and "Idée proposée" not in html
    assert "1 proposition attend le choix du comité de programmation." in html


@pytest.mark.django_db
def test_an_event_is_deleted_after_confirmation_unless_it_changed_meanwhile(world):
    with scope(cite=world.cite):
        for title in ("Forum", "Atelier CV"):
            Event.objects.create(cite=world.cite, title=title,
                                 starts_at=datetime(2027, 4, 2, 8, tzinfo=UTC),
                                 ends_at=datetime(2027, 4, 2, 12, tzinfo=UTC))
        forum = Event.objects.get(title="Forum")
        shown_version = forum.version
        forum.title = "Forum de l'alternance"
        save_versioned(forum, expected_version=shown_version)
    client = Client()
    client.force_login(world.users[Role.STAFF])
    url = reverse("events:event_delete", kwargs={"cite_slug": "alpha", "event_id": forum.pk})

    stale = client.post(url, {"confirmer": "oui", "version": shown_version})
    assert stale.status_code == 409
    assert ("Quelqu&#x27;un a modifié cette fiche depuis que vous avez ouvert cette page\u00a0: "
            "rien n&#x27;a été supprimé.") in stale.content.decode()
    with scope(cite=world.cite):
        assert Event.objects.count() == 2

    done = client.post(url, {"confirmer": "oui", "version": forum.version})
    assert done["Location"] == reverse("events:events", args=["alpha"])
    assert [str(m) for m in get_messages(done.wsgi_request)] == [
        "L'événement « Forum de l'alternance » est supprimé."]
    with scope(cite=world.cite):
        assert list(Event.objects.values_list("title", flat=True)) == ["Atelier CV"]
