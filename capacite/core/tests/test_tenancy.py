"""Tenant data is scoped below the views: no query reaches it without a Cité's scope."""

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scope
from django_scopes.exceptions import ScopeError

from capacite.core.models import Membership, Role
from capacite.core.tenancy import cites_for, roles_in
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
