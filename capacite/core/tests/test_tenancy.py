"""Tenant data is scoped below the views: no query reaches it without a Cité's scope."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope
from django_scopes.exceptions import ScopeError

from capacite.core.models import Membership, Role
from capacite.core.tenancy import cites_for, is_label_authority, roles_in
from capacite.roadmap.models import Task

pytestmark = pytest.mark.django_db


def test_a_query_on_tenant_data_without_a_scope_raises(world):
    with pytest.raises(ScopeError):
        list(Task.objects.all())


def test_inside_a_scope_only_that_cites_rows_are_visible(world):
    with scope(cite=world.cite):
        cites = set(Task.objects.values_list("cite__slug", flat=True))
        other = Task.objects.filter(cite=world.foreign).count()
    assert (cites, other) == ({"alpha"}, 0)


def test_one_person_may_hold_different_roles_in_different_cites(world):
    person = world.users[Role.PARTNER]
    Membership.objects.create(user=person, cite=world.foreign, role=Role.DIRECTOR)
    assert roles_in(person, world.cite) == {Role.PARTNER}
    assert roles_in(person, world.foreign) == {Role.DIRECTOR}
    assert list(cites_for(person).values_list("slug", flat=True)) == ["alpha", "beta"]


def test_the_label_authority_holds_its_role_in_every_cite(world):
    authority = world.users[Role.LABEL_AUTHORITY]
    assert roles_in(authority, world.foreign) == {Role.LABEL_AUTHORITY}
    assert list(cites_for(authority).values_list("slug", flat=True)) == ["alpha", "beta"]
    assert list(cites_for(world.foreign_lead).values_list("slug", flat=True)) == ["beta"]


def test_the_label_authority_role_cannot_be_tied_to_one_cite_nor_a_role_left_without(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=world.foreign_lead, cite=world.cite,
                                  role=Role.LABEL_AUTHORITY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=world.foreign_lead, cite=None, role=Role.STAFF)


def test_a_page_asks_only_once_whether_the_person_is_the_label_authority(client, world):
    lead = world.users[Role.PROJECT_LEAD]
    with CaptureQueriesContext(connection) as alone:
        is_label_authority(lead)
    question = alone.captured_queries[0]["sql"]
    client.force_login(lead)
    for url, status in ((reverse("core:home"), 302), (reverse("core:cite_home", args=["alpha"]),
                                                        200)):
        with CaptureQueriesContext(connection) as page:
            assert client.get(url).status_code == status
        assert [q["sql"] for q in page.captured_queries].count(question) == 1, url


def test_a_label_authority_role_given_or_taken_shows_on_the_next_page(client, world):
    lead = world.users[Role.PROJECT_LEAD]
    client.force_login(lead)
    home = reverse("core:cite_home", args=["alpha"])

    def menu():
        context = client.get(home).context
        return context["is_label_authority"], [c.slug for c in context["my_cites"]]

    assert menu() == (False, ["alpha"])
    role = Membership.objects.create(user=lead, cite=None, role=Role.LABEL_AUTHORITY)
    assert menu() == (True, ["alpha", "beta"])
    role.delete()
    assert menu() == (False, ["alpha"])
