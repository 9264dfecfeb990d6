"""The network's benchmarks: Cités side by side, names hidden unless a Cité opted in, small
counts masked, every figure normalised from its own place."""

import uuid
from datetime import date

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from capacite.activity.models import Visit
from capacite.core.models import Phase, Role
from capacite.dashboards import network
from capacite.dashboards.models import NetworkSharing
from capacite.offer.models import Site
from capacite.testing import client_for


@pytest.fixture
def two_open(world):
    """Alpha (open) counted 120 visits in 2026, Bêta 7."""
    world.cite.phase = Phase.OPERATION
    world.cite.save()
    with scopes_disabled():
        for cite, n in ((world.cite, 120), (world.foreign, 7)):
            site = Site.objects.create(cite=cite, name=f"Site de {cite.slug}", kind="main")
            Visit.objects.bulk_create(
                Visit(cite=cite, site=site, day=date(2026, 5, 5), slot=22, source="import",
                      client_id=uuid.uuid4()) for _ in range(n))
    return world


def test_the_authority_reads_every_open_cite_lettered_with_small_counts_masked(two_open):
    rows = network.network(2026)
    assert [(r.name, r.visits.text) for r in rows] == [("Cité A", "120"), ("Cité B", "< 11")]
    # No opening hours, staff or territory in this world: the ratios say so rather than divide.
    assert (rows[0].per_hour, rows[0].per_fte, rows[0].per_thousand) == (None, None, None)
    assert rows[1].per_hour is None


def test_a_cite_sees_its_own_name_and_may_show_it_to_the_network(two_open):
    world = two_open
    client = client_for(world, Role.DIRECTOR)
    url = reverse("dashboards:network", args=[world.cite.slug]) + "?annee=2026"
    page = client.get(url).content.decode()
    assert "Cité des métiers d&#x27;Alpha <strong>(notre Cité)</strong>" in page
    assert "Cité B" in page and "Bêta" not in page
    client.post(url, {"share_name": "on"})
    with scope(cite=world.cite):
        assert NetworkSharing.objects.get(cite=world.cite).share_name is True
    assert [r.name for r in network.network(2026)] == ["Cité des métiers d'Alpha", "Cité B"]


def test_only_the_authority_opens_the_network_page(two_open):
    url = reverse("network:benchmarks") + "?annee=2026"
    authority = client_for(two_open, Role.LABEL_AUTHORITY).get(url)
    assert "Cité A" in authority.content.decode()
    assert client_for(two_open, Role.DIRECTOR).get(url).status_code == 403
