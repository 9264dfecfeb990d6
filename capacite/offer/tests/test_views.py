"""Pôles, sites and opening hours through the pages."""

from datetime import time

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.offer.domain.poles import SUGGESTED_POLE_NAMES
from capacite.offer.models import Pole, Site, WeeklyHours

pytestmark = pytest.mark.django_db


def lead(world) -> Client:
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"offer:{name}", kwargs={"cite_slug": "alpha", **kwargs})


def test_the_label_range_allows_seven_poles_and_refuses_the_eighth(world):
    client = lead(world)
    names = [*SUGGESTED_POLE_NAMES, "S'informer sur les métiers", "Reprendre des études"]
    for name in names:
        response = client.post(url("poles"), {"name": name, "description": "", "version": 0})
        assert response.status_code == 302, name
    refused = client.post(url("poles"), {"name": "Un pôle de trop", "version": 0})
    assert refused.status_code == 200
    assert ("Le label Cité des métiers prévoit de 3 à 7 pôles de conseil\u00a0: cette Cité en a "
            "déjà 7. Regroupez deux pôles avant d&#x27;en créer un autre.") in \
        refused.content.decode()
    with scope(cite=world.cite):
        assert Pole.objects.count() == 7


def test_fewer_than_three_poles_are_flagged_on_the_page_and_the_home(world):
    client = lead(world)
    client.post(url("poles"), {"name": "Trouver un emploi", "version": 0})
    expected = ("Le label demande au moins 3 pôles de conseil ouverts en permanence\u202f; cette "
                "Cité en a 1.")
    assert expected in client.get(url("poles")).content.decode()
    home = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"}))
    assert expected in home.content.decode()


def make_site(world, **fields) -> Site:
    with scope(cite=world.cite):
        return Site.objects.create(cite=world.cite, name="Site principal", **fields)


def week(version=1, **days) -> dict:
    data = {f"day_{d}": "" for d in range(7)}
    data.update({f"day_{k[-1]}": v for k, v in days.items()})
    data["version"] = version
    return data


def test_the_week_typed_day_by_day_gives_the_hours_per_week(world):
    site = make_site(world)
    client = lead(world)
    response = client.post(url("site_week", site_id=site.pk), week(
        day_1="10:00-18:00", day_2="10h-18h", day_3="10:00-13:00, 14:00-20:00",
        day_4="10:00-18:00", day_5="10:00-18:00"))
    assert response["Location"] == url("site_detail", site_id=site.pk)
    with scope(cite=world.cite):
        rows = list(WeeklyHours.objects.values_list("weekday", "opens", "closes"))
    assert rows == [(1, time(10), time(18)), (2, time(10), time(18)), (3, time(10), time(13)),
                    (3, time(14), time(20)), (4, time(10), time(18)), (5, time(10), time(18))]
    page = client.get(response["Location"]).content.decode()
    assert '<strong id="heures-semaine">41 h</strong>' in page


def test_an_unreadable_day_is_explained_and_nothing_changes(world):
    site = make_site(world)
    client = lead(world)
    client.post(url("site_week", site_id=site.pk), week(day_1="10:00-18:00"))
    response = client.post(url("site_week", site_id=site.pk),
                           week(version=2, day_1="midi-deux", day_2="18:00-10:00"))
    page = response.content.decode()
    assert ("«\u00a0midi-deux\u00a0» n&#x27;est pas une plage horaire\u00a0: écrivez par exemple "
            "«\u00a09:30-12:30, 14:00-18:00\u00a0».") in page
    assert ("«\u00a018:00-10:00\u00a0»\u00a0: la fermeture doit venir après "
            "l&#x27;ouverture.") in page
    with scope(cite=world.cite):
        assert list(WeeklyHours.objects.values_list("weekday", flat=True)) == [1]


def test_two_people_saving_the_week_at_once_do_not_overwrite_each_other(world):
    site = make_site(world)
    first, second = lead(world), Client()
    second.force_login(world.users[Role.DIRECTOR])
    assert first.post(url("site_week", site_id=site.pk), week(day_1="9:00-12:00")) \
        .status_code == 302
    response = second.post(url("site_week", site_id=site.pk), week(day_2="9:00-17:00"))
    assert "Quelqu&#x27;un a enregistré cette fiche" in response.content.decode()
    with scope(cite=world.cite):
        assert list(WeeklyHours.objects.values_list("weekday", flat=True)) == [1]


def test_a_site_offering_fewer_than_three_poles_is_warned_but_a_relay_point_is_not(world):
    client = lead(world)
    response = client.post(url("sites"), {"name": "Antenne de Bourg", "kind": "site",
                                          "address": "", "commune": "", "holiday_zone": "",
                                          "version": 0})
    page = client.get(response["Location"]).content.decode()
    assert ("Un site Cité des métiers offre au moins 3 pôles de conseil\u202f; celui-ci en "
            "offre 0.") in page
    relay = client.post(url("sites"), {"name": "Point relais de Morlange", "kind": "relay",
                                       "address": "", "commune": "", "holiday_zone": "",
                                       "version": 0})
    assert "offre au moins 3" not in client.get(relay["Location"]).content.decode()


def test_exceptions_and_closures_are_added_and_removed(world):
    site = make_site(world)
    client = lead(world)
    client.post(url("site_exception_add", site_id=site.pk),
                {"day": "2027-05-08", "hours": "14:00-17:00", "label": "Forum de l'emploi"})
    client.post(url("site_closure_add", site_id=site.pk),
                {"first": "2027-08-02", "last": "2027-08-22", "label": "Été"})
    refused = client.post(url("site_closure_add", site_id=site.pk),
                          {"first": "2027-08-22", "last": "2027-08-02", "label": ""})
    assert "La fin de la fermeture doit venir après son début." in refused.content.decode()
    page = client.get(url("site_detail", site_id=site.pk)).content.decode()
    assert "08/05/2027 — 14:00-17:00 (Forum de l&#x27;emploi)" in page
    assert "du 02/08/2027 au 22/08/2027 (Été)" in page
    with scope(cite=world.cite):
        closure = site.closures.get()
    client.post(url("site_closure_delete", closure_id=closure.pk), {"confirmer": "oui"})
    page = client.get(url("site_detail", site_id=site.pk)).content.decode()
    assert "La fermeture du 02/08/2027 au 22/08/2027 est retirée." in page  # the message
    assert "du 02/08/2027 au 22/08/2027 (Été)" not in page  # the list
    with scope(cite=world.cite):
        assert site.closures.count() == 0
