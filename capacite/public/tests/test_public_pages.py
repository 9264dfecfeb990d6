"""Public pages: only for a published Cité, no login, no cookie, only public data."""

from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.documentation.models import Resource, Theme
from capacite.events.models import Event, EventStatus
from capacite.offer.models import Pole, Site, WeeklyHours
from capacite.public.models import PublicProfile
from capacite.testing_files import ics_events

pytestmark = pytest.mark.django_db


def url(name: str, slug: str = "alpha", **kwargs) -> str:
    return reverse(f"public:{name}", kwargs={"public_slug": slug, **kwargs})


@pytest.fixture
def published(world):
    """Alpha published with a pôle, a site open 10:00–18:00 on Tuesday and Wednesday, events of
    every status, and a resource; Bêta unpublished with its own event."""
    now = datetime.now(UTC).replace(microsecond=0)
    cite = world.cite
    with scope(cite=cite):
        PublicProfile.objects.create(cite=cite, published=True,
                                     presentation="Un lieu ouvert à tous, sans rendez-vous.")
        pole = Pole.objects.create(cite=cite, name="Trouver un emploi")
        site = Site.objects.create(cite=cite, name="Site de la Halle", commune="Alpha")
        site.poles.add(pole)
        for day in (1, 2):
            WeeklyHours.objects.create(cite=cite, site=site, weekday=day, opens=time(10),
                                       closes=time(18))
        events = {}
        for title, days, status in (("Forum de l'alternance", 5, EventStatus.RETAINED),
                                    ("Job dating", 20, EventStatus.RETAINED),
                                    ("Idée encore proposée", 3, EventStatus.PROPOSED),
                                    ("Atelier refusé", 4, EventStatus.REFUSED),
                                    ("Forum passé", -30, EventStatus.RETAINED)):
            events[title] = Event.objects.create(
                cite=cite, title=title, starts_at=now + timedelta(days=days),
                ends_at=now + timedelta(days=days, hours=3), status=status,
                decided_on=None if status == EventStatus.PROPOSED else date(2026, 1, 5),
                committee_note="Note interne du comité", site=site, pole=pole)
        theme = Theme.objects.create(cite=cite, name="Métiers et secteurs")
        Resource.objects.create(cite=cite, title="Les métiers du bâtiment",
                                loanable=True).themes.add(theme)
        Resource.objects.create(cite=cite, title="Créer son entreprise")
    with scope(cite=world.foreign):
        events["foreign"] = Event.objects.create(
            cite=world.foreign, title="Événement de Bêta", starts_at=now + timedelta(days=2),
            ends_at=now + timedelta(days=2, hours=1), status=EventStatus.RETAINED)
    return events


def test_an_unpublished_or_unknown_cite_has_no_public_page(world, published):
    client = Client()
    assert client.get(url("home", "beta")).status_code == 404
    assert client.get(url("agenda_ics", "beta")).status_code == 404
    assert client.get(url("home", "nowhere")).status_code == 404
    with scope(cite=world.cite):
        PublicProfile.objects.filter(cite=world.cite).update(published=False)
    assert client.get(url("home")).status_code == 404


def test_the_home_page_shows_poles_hours_and_next_events_without_login_or_cookie(published):
    response = Client().get(url("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.cookies == {}
    assert "Un lieu ouvert à tous, sans rendez-vous." in html
    assert "<li>Trouver un emploi</li>" in html
    assert "Horaires d'une semaine ordinaire (16 h)" in html
    assert "<th scope=\"row\">Mardi</th><td>10:00-18:00</td>" in html
    assert html.index("Forum de l&#x27;alternance") < html.index("Job dating")
    for hidden in ("Idée encore proposée", "Atelier refusé", "Forum passé",
                   "Note interne du comité", "Événement de Bêta", "csrfmiddlewaretoken"):
        assert hidden not in html


def test_the_agenda_lists_only_retained_events_to_come(published):
    html = Client().get(url("agenda")).content.decode()
    assert "Forum de l&#x27;alternance" in html and "Job dating" in html
    assert "Tout l'agenda dans mon calendrier (.ics)" in html
    for hidden in ("Idée encore proposée", "Atelier refusé", "Forum passé", "Événement de Bêta"):
        assert hidden not in html


def test_the_feed_has_one_vevent_per_retained_event_to_come(published):
    response = Client().get(url("agenda_ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    forum = published["Forum de l'alternance"]
    assert [str(e["summary"]) for e in events] == ["Forum de l'alternance", "Job dating"]
    assert str(events[0]["uid"]) == f"{forum.uid}@capacite"
    assert events[0].decoded("dtstart") == forum.starts_at
    assert str(events[0]["location"]) == "Site de la Halle, Alpha"
    again = icalendar.Calendar.from_ical(Client().get(url("agenda_ics")).content)
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]
    # Read as ical.js reads it: Paris time with yearly rules, the same instants.
    assert [start for _summary, start in ics_events(response.content)] == [
        forum.starts_at.astimezone(UTC), published["Job dating"].starts_at.astimezone(UTC)]


def test_with_no_event_announced_the_page_offers_no_file_and_the_feed_stays_valid(published):
    with scope(cite=published["Forum de l'alternance"].cite):
        Event.objects.all().delete()
    html = Client().get(url("agenda")).content.decode()
    assert "Aucun événement annoncé pour l'instant." in html
    assert "Tout l'agenda dans mon calendrier" not in html
    feed = Client().get(url("agenda_ics")).content
    assert ics_events(feed) == []  # no event, and still one component: the time zone


def test_one_event_ics_exists_only_for_a_retained_event_of_that_cite(published):
    client = Client()
    job = published["Job dating"]
    response = client.get(url("event_ics", event_id=job.pk))
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Job dating"
    assert event.decoded("dtend") == job.ends_at
    for other in ("Idée encore proposée", "Atelier refusé", "foreign"):
        assert client.get(url("event_ics", event_id=published[other].pk)).status_code == 404


def test_the_catalogue_search_finds_by_words_without_accents(published):
    html = Client().get(url("documentation"), {"q": "metiers batiment"}).content.decode()
    assert "1 ressource trouvée" in html
    assert "Les métiers du bâtiment" in html and "Créer son entreprise" not in html


def test_a_signed_in_person_opens_no_cite_scope_beyond_the_published_cite(world, published):
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    assert client.get(url("home", "beta")).status_code == 404
    assert client.post(url("home")).status_code == 405


def test_the_team_publishes_the_pages_from_its_screen(world):
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    settings_url = reverse("publishing:settings", kwargs={"cite_slug": "alpha"})
    assert Client().get(url("home")).status_code == 404
    client.post(settings_url, {"published": "on", "presentation": "Bienvenue.", "version": 0})
    assert "Bienvenue." in Client().get(url("home")).content.decode()
    assert "Publiées à l'adresse" in client.get(settings_url).content.decode()


def test_every_public_page_states_whether_the_main_site_is_open_today(world, published):
    from capacite.offer.services import site_summary

    with scope(cite=world.cite):
        state = site_summary(Site.objects.get(name="Site de la Halle")).state
    expected = (f"Ouvert jusqu'à {state.until:%H:%M}" if state.is_open else "Fermé — ouvre ")
    for name in ("home", "agenda", "documentation"):
        html = Client().get(url(name)).content.decode()
        status = html.split('<p class="today-status">', 1)[1].split("</p>", 1)[0]
        assert status.startswith("Aujourd'hui, Site de la Halle\u00a0:"), name
        assert expected in status, name


def test_the_catalogue_is_listed_by_theme_before_any_search(published):
    html = Client().get(url("documentation")).content.decode()
    assert "<h2>Le catalogue par thème</h2>" in html
    themed = html.index('<h3 id="theme-1">Métiers et secteurs <span class="muted">(1)</span></h3>')
    others = html.index('<h3 id="theme-2">Autres ressources <span class="muted">(1)</span></h3>')
    assert themed < html.index("<h4>Les métiers du bâtiment</h4>") < others
    assert others < html.index("<h4>Créer son entreprise</h4>")
    assert 'role="status"' not in html  # no « 0 ressource trouvée » before a search


def test_the_agenda_headings_follow_each_other_in_order(published):
    import re

    html = Client().get(url("agenda")).content.decode()
    main = html.split('<main id="contenu"', 1)[1]
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", main)]
    assert levels[:3] == [1, 2, 2]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
