"""Removing a disbursement from a funding line's calendar: asked first, then removed."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django_scopes import scope

from capacite.planning.models import Disbursement, Funder, FundingLine
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def line(world) -> FundingLine:
    with scope(cite=world.cite):
        region = Funder.objects.create(cite=world.cite, key="REGION", name="Région")
        line = FundingLine.objects.create(cite=world.cite, funder=region, label="Amorçage",
                                          purpose="investment",
                                          amount_year1=Decimal(60000))
        for day in (date(2027, 3, 1), date(2027, 9, 1)):
            Disbursement.objects.create(cite=world.cite, line=line, on=day,
                                        amount=Decimal(30000))
    return line


def days(world) -> list[date]:
    with scope(cite=world.cite):
        return list(Disbursement.objects.values_list("on", flat=True))


def test_a_disbursement_is_removed_after_confirmation_only(world, line):
    client = client_for(world)
    with scope(cite=world.cite):
        march = Disbursement.objects.get(on=date(2027, 3, 1))
    url = reverse("planning:disbursement_delete",
                  kwargs={"cite_slug": "alpha", "disbursement_id": march.pk})
    line_url = reverse("planning:funding_line_edit", kwargs={"cite_slug": "alpha",
                                                             "line_id": line.pk})
    assert f'<a href="{url}">Retirer' in client.get(line_url).content.decode()
    question = client.get(url)
    assert question.context["title"] == "Retirer le versement du 01/03/2027"
    assert question.context["consequence"] == (
        "Le versement de 30\u202f000\u00a0€ prévu le 01/03/2027 ne comptera plus dans la "
        "trésorerie.")
    # A disbursement is not versioned: the confirmation is all there is to send.
    assert 'name="version"' not in question.content.decode()
    client.post(url, {})  # no confirmation: kept
    assert days(world) == [date(2027, 3, 1), date(2027, 9, 1)]
    response = client.post(url, {"confirmer": "oui"})
    assert response["Location"] == line_url
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Le versement est retiré du calendrier."]
    assert days(world) == [date(2027, 9, 1)]
