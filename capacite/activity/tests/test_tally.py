"""The tally screen: a visit is stored once per browser-made id, counted today, undone within
five minutes by the screen that made it, and only inside one's own Cité."""

import json
import uuid

import lxml.html
import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from capacite.activity.models import Visit
from capacite.activity.services import UNDO_SALT
from capacite.core.models import Role
from capacite.offer.models import Pole, Site
from capacite.partners.models import Public
from capacite.testing import client_for


@pytest.fixture
def desk(world):
    with scope(cite=world.cite):
        site = Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        poles = [Pole.objects.create(cite=world.cite, name=name, position=i)
                 for i, name in enumerate(["Trouver un emploi", "Créer son activité"])]
        public = Public.objects.create(cite=world.cite, key="jeunes", label="Jeunes")
    return {"site": site, "poles": poles, "public": public,
            "url": reverse("activity:tally", args=[world.cite.slug])}


def tally(client, desk, **extra):
    payload = {"client_id": str(uuid.uuid4()), "site": desk["site"].pk, "kind": "reception",
               "day": timezone.localdate().isoformat(), "slot": 19,
               "poles": [desk["poles"][0].pk], "public": desk["public"].pk, **extra}
    return client.post(desk["url"], json.dumps(payload), content_type="application/json")


def test_a_tally_is_stored_with_its_day_slot_pole_and_public(world, desk):
    answer = tally(client_for(world, Role.RECEPTION), desk, age_band="16_25", sex="female",
                   first_visit="yes", residence="outside")
    assert answer.status_code == 201
    body = answer.json()
    assert body["stored"] is True and body["today"] == 1
    assert [r["poles"] for r in body["recent"]] == ["Trouver un emploi"]
    with scope(cite=world.cite):
        visit = Visit.objects.get()
        assert (visit.day, visit.slot, visit.kind, visit.public, visit.age_band, visit.sex,
                visit.first_visit, visit.outside_territory, visit.source) == (
            timezone.localdate(), 19, "reception", desk["public"], "16_25", "female", True,
            True, "desk")
        assert list(visit.poles.all()) == [desk["poles"][0]]


def test_a_tally_sent_twice_is_counted_once_the_first_kept(world, desk):
    client = client_for(world, Role.RECEPTION)
    client_id = str(uuid.uuid4())
    first = tally(client, desk, client_id=client_id, kind="reception")
    again = tally(client, desk, client_id=client_id, kind="interview")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["stored"] is False and again.json()["undo"] == ""
    with scope(cite=world.cite):
        assert list(Visit.objects.values_list("kind", flat=True)) == ["reception"]


def test_a_tally_the_server_will_never_take_is_answered_422_with_the_reason(world, desk):
    answer = tally(client_for(world, Role.RECEPTION), desk, poles=[999999])
    assert answer.status_code == 422
    assert list(answer.json()["errors"]) == ["poles"]
    with scopes_disabled():
        assert Visit.objects.count() == 0


def test_a_tally_naming_another_cites_site_pole_public_or_partner_is_refused(world, desk):
    """The tally is checked against the entries it names only (not the Cité's whole lists):
    an id of another Cité is still no valid choice, and nothing is written."""
    from capacite.partners.models import Organisation

    with scope(cite=world.foreign):
        site = Site.objects.create(cite=world.foreign, name="Bêta", kind="main")
        pole = Pole.objects.create(cite=world.foreign, name="Ailleurs", position=0)
        public = Public.objects.create(cite=world.foreign, key="jeunes", label="Jeunes")
        partner = Organisation.objects.create(cite=world.foreign, name="Autre mission locale")
    client = client_for(world, Role.RECEPTION)
    asked = [("site", site.pk), ("poles", [desk["poles"][0].pk, pole.pk]),
             ("public", public.pk), ("oriented_to", partner.pk), ("residence", "commune:1"),
             ("residence", "epci:x"), ("poles", "1; DROP TABLE"), ("public", True),
             ("site", "²"), ("poles", ["²"]), ("site", "9223372036854775808"),
             ("residence", "commune:²")]
    answers = [tally(client, desk, **{field: value}) for field, value in asked]
    assert [(a.status_code, list(a.json()["errors"])) for a in answers] == [
        (422, [field]) for field, _value in asked]
    not_an_object = client.post(desk["url"], "[1, 2]", content_type="application/json")
    assert (not_an_object.status_code, not_an_object.json()) == (
        400, {"errors": {"__all__": ["Saisie illisible."]}})
    with scopes_disabled():
        assert Visit.objects.count() == 0


def test_a_tally_older_than_a_week_is_refused_in_french(world, desk):
    old = (timezone.localdate() - timezone.timedelta(days=8)).isoformat()
    answer = tally(client_for(world, Role.RECEPTION), desk, day=old)
    assert answer.status_code == 422
    message = answer.json()["errors"]["day"][0]["message"]
    assert "il y a plus de 7 jours" in message and "importez l'historique" in message


def test_the_undo_token_takes_the_visit_back_once(world, desk):
    client = client_for(world, Role.RECEPTION)
    token = tally(client, desk).json()["undo"]
    undo = reverse("activity:tally_undo", args=[world.cite.slug])
    first = client.post(undo, {"token": token}, HTTP_ACCEPT="application/json").json()
    second = client.post(undo, {"token": token}, HTTP_ACCEPT="application/json").json()
    assert (first["undone"], second["undone"]) == (True, False)
    with scopes_disabled():
        assert Visit.objects.count() == 0


def test_an_undo_token_older_than_five_minutes_is_refused(world, desk, monkeypatch):
    client = client_for(world, Role.RECEPTION)
    body = tally(client, desk).json()
    signer = signing.TimestampSigner(salt=UNDO_SALT)
    monkeypatch.setattr(signer.__class__, "timestamp",
                        lambda self: signing.b62_encode(int(__import__("time").time()) - 301))
    stale = signer.sign(body["client_id"])
    undo = reverse("activity:tally_undo", args=[world.cite.slug])
    answer = client.post(undo, {"token": stale}, HTTP_ACCEPT="application/json").json()
    assert answer == {"undone": False, "message": "Ce passage ne peut plus être annulé : il date "
                      "de plus de cinq minutes ou a déjà été annulé."}
    with scopes_disabled():
        assert Visit.objects.count() == 1


def test_an_undo_token_cannot_reach_another_cites_visit(world, desk):
    with scope(cite=world.foreign):
        site = Site.objects.create(cite=world.foreign, name="Bêta", kind="main")
        visit = Visit.objects.create(cite=world.foreign, site=site, day=timezone.localdate(),
                                     client_id=uuid.uuid4())
    token = signing.TimestampSigner(salt=UNDO_SALT).sign(str(visit.client_id))
    client = client_for(world, Role.RECEPTION)
    client.post(reverse("activity:tally_undo", args=[world.cite.slug]), {"token": token})
    with scopes_disabled():
        assert Visit.objects.filter(pk=visit.pk).exists()


def test_the_screen_without_javascript_counts_through_the_form(world, desk):
    client = client_for(world, Role.STAFF)
    page = client.get(desk["url"])
    form = page.context["form"]
    assert form["kind"].value() == "interview"  # advisers record interviews by default
    answer = client.post(desk["url"], {
        "client_id": form["client_id"].value(), "site": desk["site"].pk, "kind": "interview",
        "poles": [desk["poles"][1].pk]})
    assert answer.status_code == 302
    with scope(cite=world.cite):
        visit = Visit.objects.get()
        assert (visit.kind, visit.day, list(visit.poles.all())) == (
            "interview", timezone.localdate(), [desk["poles"][1]])


def test_the_screen_shows_todays_count_and_the_last_ten(world, desk):
    client = client_for(world, Role.RECEPTION)
    for _ in range(12):
        tally(client, desk)
    state = client.get(reverse("activity:tally_state", args=[world.cite.slug])).json()
    assert state["today"] == 12 and len(state["recent"]) == 10
    page = client.get(desk["url"]).content.decode()
    assert '<span data-testid="today-count" id="today-count">12</span>' in page


def test_a_busy_days_count_is_grouped_as_the_language_writes_it(world, desk):
    """« 1 236 aujourd'hui », not « 1236 » (the script writes it the same way after a tap)."""
    from capacite.testing import many_visits

    with scope(cite=world.cite):
        many_visits(world.cite, desk["site"], timezone.localdate(), 1236, kind="reception")
    client = client_for(world, Role.RECEPTION)
    span = '<span data-testid="today-count" id="today-count">{}</span>'
    assert span.format("1\u202f236") in client.get(desk["url"]).content.decode()
    assert tally(client, desk).json()["today_text"] == "1\u202f237"  # the script shows it
    client.cookies["django_language"] = "en"
    assert span.format("1,237") in client.get(desk["url"]).content.decode()


@pytest.mark.parametrize(("language", "waiting", "not_undone"), [
    ("fr", "%(n)s passages en attente d’envoi (réseau coupé)\u00a0: ils partiront dès le retour "
           "du réseau.",
     "Ce passage ne peut plus être annulé\u00a0: il date de plus de cinq minutes ou a déjà été "
     "annulé."),
    ("en", "%(n)s visits waiting to be sent (network down): they will leave as soon as the "
           "network is back.",
     "This visit can no longer be cancelled: it is more than five minutes old or was already "
     "cancelled."),
])
def test_the_screens_messages_are_spaced_as_the_page_is(world, desk, language, waiting,
                                                         not_undone):
    """tally.js writes its messages from the page's text, where the page's spacing reached."""
    client = client_for(world, Role.RECEPTION)
    client.cookies["django_language"] = language
    page = lxml.html.fromstring(client.get(desk["url"]).content.decode())
    texts = {p.get("data-text"): p.text_content()
             for p in page.get_element_by_id("tally-texts").iter("p")}
    assert (texts["waitingMany"], texts["notUndone"]) == (waiting, not_undone)


def test_the_reception_home_opens_on_the_tally(world, desk):
    world.cite.phase = "operation"
    world.cite.save()
    client = client_for(world, Role.RECEPTION)
    tally(client, desk)
    page = client.get(reverse("core:cite_home", args=[world.cite.slug])).content.decode()
    assert page.index('data-testid="tally-panel"') < page.index('data-testid="today-opening"')
    assert "1 passage aujourd’hui" in page.replace("&#x27;", "’").replace("'", "’")


def _checked_poles(client, desk) -> list[str]:
    """The pôles the tally screen opens with, by name."""
    import lxml.html

    html = lxml.html.fromstring(client.get(desk["url"]).content)
    return [box.getparent().text_content().strip()[1:].strip()  # past the shortcut key
            for box in html.xpath('//input[@name="poles"][@checked]')]


def _staff(world, role, **fields):
    from capacite.staffing.models import StaffMember

    with scope(cite=world.cite):
        return StaffMember.objects.create(cite=world.cite, name=f"Personne {role.value}",
                                          weekly_hours=35, user=world.users[role], **fields)


def test_an_adviser_finds_their_own_pole_chosen_reception_none(world, desk):
    """Issue 14: the adviser counts at their pôle (the desk they prefer in the team); the
    reception agent, who holds a pôle desk too, starts with none."""
    employment, creation = desk["poles"]
    _staff(world, Role.STAFF, desks=[f"pole-{employment.pk}", f"pole-{creation.pk}"],
           preferred_desks=[f"pole-{creation.pk}"])
    _staff(world, Role.RECEPTION, desks=["reception", f"pole-{employment.pk}"],
           preferred_desks=[f"pole-{employment.pk}"])
    assert _checked_poles(client_for(world, Role.STAFF), desk) == ["Créer son activité"]
    assert _checked_poles(client_for(world, Role.RECEPTION), desk) == []
    assert _checked_poles(client_for(world, Role.DIRECTOR), desk) == []


def test_an_advisers_poles_come_from_the_desks_then_the_seconding_partner(world, desk):
    from capacite.activity.services import own_poles, tally_choices
    from capacite.partners.models import Organisation

    employment, creation = desk["poles"]
    user = world.users[Role.STAFF]
    with scope(cite=world.cite):
        choices = tally_choices(world.cite)
        assert own_poles(user, choices) == []  # not in the team: nothing chosen
        partner = Organisation.objects.create(cite=world.cite, name="CCI d'Alpha",
                                              kind="first_circle")
        creation.partners.add(partner)
        member = _staff(world, Role.STAFF, desks=["reception", f"pole-{employment.pk}"],
                        partner=partner)
        assert own_poles(user, choices) == [employment.pk]  # no preference: the desks held
        member.desks = ["reception"]
        member.save()
        assert own_poles(user, choices) == [creation.pk]  # no pôle desk: the partner's pôle
        member.active = False
        member.save()
        assert own_poles(user, choices) == []  # no longer in post
    page = client_for(world, Role.STAFF).get(desk["url"])
    assert page.context["form"]["poles"].value() == []
