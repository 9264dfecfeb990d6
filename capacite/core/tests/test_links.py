"""`{% link_to %}`: a page links to another only for readers the matrix lets open it."""

import lxml.html
import pytest
from django.urls import reverse

from capacite.core.models import Role
from capacite.testing import client_for


def links_of(response) -> list[str]:
    return [a.get("href") for a in lxml.html.fromstring(response.content).iter("a")]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "shown"), [
    (Role.PROJECT_LEAD, True), (Role.DIRECTOR, True), (Role.SPONSOR, False),
    (Role.PARTNER, False), (Role.STAFF, False), (Role.LABEL_AUTHORITY, False),
])
def test_the_partners_list_offers_to_add_an_organisation_to_who_may(world, role, shown):
    """The list page itself is read-only for everybody; its creation link follows the form's
    own entry in the matrix, not the list's (issue 13, point 1)."""
    response = client_for(world, role).get(reverse("partners:organisations", args=["alpha"]))
    assert ("/c/alpha/partenaires/nouvelle/" in links_of(response)) is shown


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "shown"), [
    (Role.PROJECT_LEAD, True), (Role.SPONSOR, True), (Role.PARTNER, False), (Role.STAFF, False),
])
def test_the_label_checklist_links_the_dossiers_only_for_their_readers(world, role, shown):
    response = client_for(world, role).get(reverse("label:checklist", args=["alpha"]))
    assert ("/c/alpha/label/dossier/" in links_of(response)) is shown
