"""Shared set-up for governance tests: a steering committee with members and one meeting."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.governance.choices import BodyKind
from capacite.governance.models import AgendaItem, Body, BodyMember, Meeting
from capacite.partners.models import Contact, Organisation

PARIS = ZoneInfo("Europe/Paris")


@dataclass
class Committee:
    body: Body
    meeting: Meeting
    region: Organisation
    agglo: Organisation
    items: list


def committee(world) -> Committee:
    cite = world.cite
    with scope(cite=cite):
        region = Organisation.objects.create(cite=cite, name="Région Rivemont-Sud",
                                             kind="first_circle", first_circle="region")
        agglo = Organisation.objects.create(cite=cite, name="Agglomération de Rivemont",
                                            kind="first_circle", first_circle="communes")
        alice = Contact.objects.create(cite=cite, organisation=region, name="Alice Martin",
                                       email="alice@region.example")
        bruno = Contact.objects.create(cite=cite, organisation=agglo, name="Bruno Petit",
                                       email="bruno@agglo.example")
        body = Body.objects.create(cite=cite, kind=BodyKind.STEERING, name="Comité de pilotage")
        BodyMember.objects.create(cite=cite, body=body, organisation=region, contact=alice,
                                  role="Vice-présidente")
        BodyMember.objects.create(cite=cite, body=body, organisation=agglo, contact=bruno)
        meeting = Meeting.objects.create(
            cite=cite, body=body, starts_at=datetime(2027, 3, 12, 14, 0, tzinfo=PARIS),
            duration_minutes=90, place="Hôtel de région")
        items = [AgendaItem.objects.create(cite=cite, meeting=meeting, position=i, title=title,
                                           duration_minutes=minutes)
                 for i, (title, minutes) in enumerate(
                     [("Note d'opportunité", 30), ("Budget prévisionnel", 45)], start=1)]
    return Committee(body, meeting, region, agglo, items)


def lead(world) -> Client:
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    return client


def url(world, name, **kwargs) -> str:
    return reverse(f"governance:{name}", kwargs={"cite_slug": world.cite.slug, **kwargs})


def text(response) -> str:
    return " ".join(response.content.decode().split())
