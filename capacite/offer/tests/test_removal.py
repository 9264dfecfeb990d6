"""Removing a pôle, a day exception or a closure: asked first, never over somebody's change."""

from datetime import UTC, date, datetime, time

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django_scopes import scope

from capacite.core.concurrency import save_versioned
from capacite.events.models import Event
from capacite.offer.models import Closure, DayException, Pole, Site
from capacite.staffing.models import DeskDemand, StaffMember
from capacite.testing import STALE_REMOVAL, client_for

pytestmark = pytest.mark.django_db

@pytest.fixture
def site(world) -> Site:
    """A site offering two pôles, with two exceptions and two closures."""
    with scope(cite=world.cite):
        site = Site.objects.create(cite=world.cite, name="Site principal")
        site.poles.set([Pole.objects.create(cite=world.cite, name=name)
                        for name in ("S'orienter", "Trouver un emploi")])
        for day in (date(2027, 5, 8), date(2027, 11, 11)):
            DayException.objects.create(cite=world.cite, site=site, day=day, hours="14:00-17:00")
        for first, last in ((date(2027, 8, 2), date(2027, 8, 22)),
                            (date(2027, 12, 24), date(2027, 12, 31))):
            Closure.objects.create(cite=world.cite, site=site, first=first, last=last)
    return site


def url(name: str, **kwargs) -> str:
    return reverse(f"offer:{name}", kwargs={"cite_slug": "alpha", **kwargs})


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_pole_is_removed_after_confirmation_and_its_site_and_events_stay(world, site):
    with scope(cite=world.cite):
        pole = Pole.objects.get(name="S'orienter")
        Event.objects.create(cite=world.cite, title="Forum", pole=pole,
                             starts_at=datetime(2027, 4, 2, 8, tzinfo=UTC),
                             ends_at=datetime(2027, 4, 2, 12, tzinfo=UTC))
    client = client_for(world)
    delete_url = url("pole_delete", pole_id=pole.pk)
    edit = client.get(url("pole_edit", pole_id=pole.pk)).content.decode()
    assert f'<a href="{delete_url}">Supprimer le pôle «\u00a0S&#x27;orienter\u00a0»</a>' in edit
    question = client.get(delete_url)
    assert question.context["consequence"] == (
        "Les sites qui offrent le pôle « S'orienter » ne l'offriront plus ; ses événements "
        "restent au programme, sans pôle.")
    assert f'<input type="hidden" name="version" value="{pole.version}">' in (
        question.content.decode())
    client.post(delete_url, {"version": pole.version})  # not confirmed: kept
    with scope(cite=world.cite):
        assert Pole.objects.count() == 2
    response = client.post(delete_url, {"confirmer": "oui", "version": pole.version})
    assert response["Location"] == url("poles")
    assert messages_of(response) == ["Le pôle « S'orienter » est supprimé."]
    with scope(cite=world.cite):
        assert list(Pole.objects.values_list("name", flat=True)) == ["Trouver un emploi"]
        assert list(site.poles.values_list("name", flat=True)) == ["Trouver un emploi"]
        assert list(Event.objects.values_list("title", "pole")) == [("Forum", None)]


def test_a_pole_edited_meanwhile_is_not_removed(world, site):
    with scope(cite=world.cite):
        pole = Pole.objects.get(name="S'orienter")
        shown_version = pole.version
        pole.name = "S'orienter et se former"
        save_versioned(pole, expected_version=shown_version)
    response = client_for(world).post(url("pole_delete", pole_id=pole.pk),
                                {"confirmer": "oui", "version": shown_version})
    page = response.content.decode()
    assert response.status_code == 409
    assert STALE_REMOVAL in page
    assert "Supprimer le pôle «\u00a0S&#x27;orienter et se former\u00a0»" in page
    assert f'<input type="hidden" name="version" value="{shown_version + 1}">' in page
    with scope(cite=world.cite):
        assert sorted(Pole.objects.values_list("name", flat=True)) == [
            "S'orienter et se former", "Trouver un emploi"]
        assert site.poles.count() == 2


def test_a_day_exception_is_removed_after_confirmation_only(world, site):
    with scope(cite=world.cite):
        may = DayException.objects.get(day=date(2027, 5, 8))
    client = client_for(world)
    delete_url = url("site_exception_delete", exception_id=may.pk)
    detail = client.get(url("site_detail", site_id=site.pk)).content.decode()
    assert f'<a href="{delete_url}">retirer<span class="visually-hidden"> 08/05/2027</span>' \
        in detail
    question = client.get(delete_url)
    assert question.context["title"] == "Retirer l'exception du 08/05/2027"
    assert question.context["consequence"] == (
        "Le 08/05/2027, « Site principal » suivra de nouveau sa semaine type, sauf jour férié "
        "ou fermeture annuelle.")
    # An exception is not versioned: the confirmation is all there is to send.
    assert 'name="version"' not in question.content.decode()
    client.post(delete_url, {})  # not confirmed: kept
    with scope(cite=world.cite):
        assert DayException.objects.count() == 2
    response = client.post(delete_url, {"confirmer": "oui"})
    assert response["Location"] == url("site_detail", site_id=site.pk)
    assert messages_of(response) == ["L'exception du 08/05/2027 est retirée."]
    with scope(cite=world.cite):
        assert list(DayException.objects.values_list("day", flat=True)) == [date(2027, 11, 11)]


def test_a_closure_is_removed_after_confirmation_only(world, site):
    with scope(cite=world.cite):
        summer = Closure.objects.get(first=date(2027, 8, 2))
    client = client_for(world)
    delete_url = url("site_closure_delete", closure_id=summer.pk)
    question = client.get(delete_url)
    assert question.context["title"] == "Retirer la fermeture du 02/08/2027 au 22/08/2027"
    assert question.context["consequence"] == (
        "Du 02/08/2027 au 22/08/2027, « Site principal » suivra de nouveau sa semaine type, "
        "sauf jours fériés et exceptions.")
    assert 'name="version"' not in question.content.decode()
    client.post(delete_url, {})  # not confirmed: kept
    with scope(cite=world.cite):
        assert Closure.objects.count() == 2
    response = client.post(delete_url, {"confirmer": "oui"})
    assert response["Location"] == url("site_detail", site_id=site.pk)
    assert messages_of(response) == ["La fermeture du 02/08/2027 au 22/08/2027 est retirée."]
    with scope(cite=world.cite):
        assert list(Closure.objects.values_list("first", flat=True)) == [date(2027, 12, 24)]


def test_a_removed_pole_leaves_the_desks_and_the_demand_of_the_team(world, site):
    with scope(cite=world.cite):
        gone, kept = Pole.objects.get(name="S'orienter"), Pole.objects.get(name="Trouver un emploi")
        x, y = f"pole-{gone.pk}", f"pole-{kept.pk}"
        ana = StaffMember.objects.create(cite=world.cite, name="Ana Martin", weekly_hours=20,
                                         desks=["reception", x, y], preferred_desks=[x, y])
        StaffMember.objects.create(cite=world.cite, name="Bruno Lefort", weekly_hours=10,
                                   desks=[x], active=False)
        StaffMember.objects.create(cite=world.cite, name="Chloé Roux", weekly_hours=10,
                                   desks=[y, "documentation"])
        for desk in (x, y, "reception"):
            DeskDemand.objects.create(cite=world.cite, site=site, desk=desk, people=2)
        DeskDemand.objects.create(cite=world.cite, site=site, desk=x, weekday=1,
                                  start=time(10), people=3)
    client = client_for(world)
    delete_url = url("pole_delete", pole_id=gone.pk)
    assert client.get(delete_url).context["consequence"] == (
        "Les sites qui offrent le pôle « S'orienter » ne l'offriront plus ; ses événements "
        "restent au programme, sans pôle. 2 membres de l'équipe ne tiendront plus ce poste "
        "(Ana Martin, Bruno Lefort). Les besoins en personnes saisis pour ce poste seront "
        "effacés.")
    response = client.post(delete_url, {"confirmer": "oui", "version": gone.version})
    assert response["Location"] == url("poles")
    with scope(cite=world.cite):
        assert list(StaffMember.objects.order_by("name").values_list(
            "name", "desks", "preferred_desks", "version")) == [
            ("Ana Martin", ["reception", y], [y], ana.version + 1),
            ("Bruno Lefort", [], [], 2),
            ("Chloé Roux", [y, "documentation"], [], 1)]
        assert sorted(DeskDemand.objects.values_list("desk", "people")) == [
            (y, 2), ("reception", 2)]
        assert StaffMember.history.filter(name="Ana Martin").count() == 2


def test_a_pole_nobody_holds_says_nothing_of_the_team(world, site):
    with scope(cite=world.cite):
        pole = Pole.objects.get(name="Trouver un emploi")
        StaffMember.objects.create(cite=world.cite, name="Ana Martin", weekly_hours=20,
                                   desks=["reception"])
    question = client_for(world).get(url("pole_delete", pole_id=pole.pk))
    assert question.context["consequence"] == (
        "Les sites qui offrent le pôle « Trouver un emploi » ne l'offriront plus ; ses "
        "événements restent au programme, sans pôle.")
