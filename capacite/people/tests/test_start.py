"""Opening a Cité space from the screens: by the label authority, or in self-service."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Cite, Membership, Role
from capacite.roadmap.domain.method import load_method
from capacite.territory.tests.sample import load_sample
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def start(client, **fields):
    data = {"name": "Cité des métiers du Pays de Bresse", "slug": "", "phase": "emergence",
            "epcis": "", "communes": "", "target_date": "", "lead_email": "lead@example.org"}
    data.update(fields)
    return client.post(reverse("people:start"), data)


def test_the_authority_opens_a_cite_with_the_method_its_territory_and_its_target(world):
    load_sample()
    client = client_for(world, Role.LABEL_AUTHORITY)
    form = client.get(reverse("people:start")).content.decode()
    assert '<option value="CA du Bassin de Bourg-en-Bresse (200071751)">' in form
    response = start(client, epcis="CA du Bassin de Bourg-en-Bresse (200071751)",
                     communes="Ambérieu-en-Bugey, 74042", phase="construction",
                     target_date="2027-10-14")
    cite = Cite.objects.get(slug="cite-des-metiers-du-pays-de-bresse")
    assert response["Location"] == reverse("people:members", args=[cite.slug])
    assert (cite.name, cite.phase) == ("Cité des métiers du Pays de Bresse", "construction")
    assert cite.territory == "CA du Bassin de Bourg-en-Bresse, Ambérieu-en-Bugey, Bonneville"
    method = load_method()
    with scope(cite=cite):
        from capacite.roadmap.models import BackplanTarget, Task, VigilancePoint
        from capacite.territory.services import communes_of

        assert Task.objects.count() == len(method.tasks)
        assert VigilancePoint.objects.count() == len(method.vigilance_points)
        target = BackplanTarget.objects.get()
        assert (target.task.key, target.date) == ("comite-label-projet", date(2027, 10, 14))
        assert [c.name for c in communes_of(cite)] == [
            "Ambérieu-en-Bugey", "Bonneville", "Bourg-en-Bresse", "Péronnas",
            "Saint-Denis-lès-Bourg"]
    [message] = mail.outbox
    assert message.to == ["lead@example.org"]
    assert message.subject == "Invitation : Porteur de projet, Cité des métiers du Pays de Bresse"
    assert not Membership.objects.filter(cite=cite).exists()  # until the lead accepts


def test_a_territory_that_is_not_in_the_reference_is_refused_by_name(world):
    load_sample()
    client = client_for(world, Role.LABEL_AUTHORITY)
    page = start(client, epcis="CC de Nulle Part", communes="Saint-Nulle").content.decode()
    assert ("«\u00a0CC de Nulle Part\u00a0» n&#x27;est pas un EPCI du référentiel\u00a0: "
            "choisissez-le dans la liste proposée.") in page
    assert ("«\u00a0Saint-Nulle\u00a0» n&#x27;est pas une commune du référentiel\u00a0: vérifiez "
            "l&#x27;orthographe ou donnez son code INSEE.") in page
    assert not Cite.objects.filter(name="Cité des métiers du Pays de Bresse").exists()
    assert mail.outbox == []


def test_an_identifier_already_taken_is_refused(world):
    client = client_for(world, Role.LABEL_AUTHORITY)
    page = start(client, slug="alpha").content.decode()
    assert ("L&#x27;identifiant «\u00a0alpha\u00a0» est déjà celui d&#x27;une autre Cité\u00a0: "
            "choisissez-en un autre.") in page
    assert Cite.objects.count() == 2


def test_without_the_reference_the_territory_waits_for_the_territory_page(world):
    client = client_for(world, Role.LABEL_AUTHORITY)
    form = client.get(reverse("people:start")).content.decode()
    assert "Le référentiel des communes n&#x27;est pas encore chargé sur cette instance" in form
    start(client, slug="gamma")
    assert Cite.objects.get(slug="gamma").territory == ""


def test_only_the_label_authority_opens_cites(world):
    for role in (Role.PROJECT_LEAD, Role.DIRECTOR, Role.SPONSOR):
        assert client_for(world, role).get(reverse("people:start")).status_code == 403


def test_self_service_is_closed_unless_the_operator_opens_it(client, world, settings):
    page = client.get(reverse("people:self_start")).content.decode()
    assert "c'est l'autorité de label qui ouvre l'espace d'une nouvelle Cité" in page
    client.post(reverse("people:self_start"), {"name": "Cité X", "slug": "x",
                                               "phase": "emergence", "lead_email": "a@b.org"})
    assert not Cite.objects.filter(slug="x").exists() and mail.outbox == []


def test_self_service_creates_the_cite_when_the_future_lead_opens_the_link(client, settings):
    settings.CAPACITE_SELF_SERVICE_START = True
    sent = client.post(reverse("people:self_start"), {
        "name": "Cité des métiers de Gamma", "slug": "gamma", "phase": "emergence",
        "lead_email": "porteur@gamma.example"}).content.decode()
    assert "Un lien vient de partir à porteur@gamma.example." in sent
    assert not Cite.objects.filter(slug="gamma").exists()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitation/" in line)
    done = Client().post(link.split("testserver", 1)[1], {
        "first_name": "Léa", "last_name": "Gamma", "password1": "Une-phrase-longue-42",
        "password2": "Une-phrase-longue-42"})
    assert done["Location"] == reverse("core:cite_home", args=["gamma"])
    assert list(Membership.objects.filter(cite__slug="gamma").values_list(
        "user__username", "role")) == [("porteur@gamma.example", "project_lead")]


def test_self_service_for_somebody_signed_in_makes_them_the_project_lead(world, settings):
    settings.CAPACITE_SELF_SERVICE_START = True
    client = client_for(world, Role.STAFF)
    done = client.post(reverse("people:self_start"), {
        "name": "Cité des métiers de Delta", "slug": "delta", "phase": "emergence"})
    assert done["Location"] == reverse("core:cite_home", args=["delta"])
    assert Membership.objects.filter(cite__slug="delta", user=world.users[Role.STAFF],
                                     role=Role.PROJECT_LEAD).exists()


def test_createsuperuser_makes_the_label_authority(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Une-phrase-longue-42")
    call_command("createsuperuser", interactive=False, username="autorite",
                 email="autorite@example.org", verbosity=0)
    assert list(Membership.objects.values_list("user__username", "cite", "role")) == [
        ("autorite", None, "label_authority")]


def test_the_front_door_offers_self_service_only_when_it_is_open(client, settings):
    assert "/commencer/" not in client.get("/").content.decode()
    settings.CAPACITE_SELF_SERVICE_START = True
    assert ("<a href=\"/commencer/\">Ouvrir l'espace de votre Cité</a>"
            in client.get("/").content.decode())
