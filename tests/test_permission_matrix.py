"""Every URL × every role, in its own Cité and in a foreign one, against the declared matrix.

URLs are discovered from the URL configuration, so a view added tomorrow is checked the day it
is added, and fails here until it has an entry in capacite/core/permissions.py.
"""


import pytest
from django.urls import reverse

from capacite.core.models import Role
from capacite.core.permissions import MATRIX, Audience, Level
from capacite.testing import all_routes, sample_kwargs

ROUTES = all_routes()
CITE_ROUTES = [r for r in ROUTES if "cite_slug" in r.kwargs]
OTHER_ROUTES = [r for r in ROUTES if "cite_slug" not in r.kwargs]


def url_for(route, samples) -> str:
    missing = [k for k in route.kwargs if k not in samples]
    assert not missing, f"{route.name}: add a sample for {missing} in sample_kwargs()"
    return reverse(route.name, kwargs={k: samples[k] for k in route.kwargs})


def test_every_url_is_declared_in_the_matrix_and_nothing_else():
    assert sorted(r.name for r in ROUTES) == sorted(MATRIX)


def test_every_cite_page_gives_every_role_a_level():
    for route in CITE_ROUTES:
        assert isinstance(MATRIX[route.name], dict), route.name
        assert set(MATRIX[route.name]) == set(Role), route.name


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_each_role_gets_exactly_its_level_in_its_own_cite(client, world, role):
    samples = sample_kwargs(world.cite)
    client.force_login(world.users[role])
    for route in CITE_ROUTES:
        url = url_for(route, samples)
        level = MATRIX[route.name][role]
        get = client.get(url)
        if level < Level.READ:
            assert get.status_code == 403, (route.name, "GET")
        elif get.status_code == 405:  # an action (delete…) only answers POST
            assert level == Level.WRITE, (route.name, "GET 405 for a role that cannot write")
        else:
            assert get.status_code == 200, (route.name, "GET")
        post = client.post(url, {})
        if level >= Level.WRITE:
            assert post.status_code in (200, 302), (route.name, "POST", post.status_code)
        else:
            assert post.status_code == 403, (route.name, "POST")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [r for r in Role if r != Role.LABEL_AUTHORITY], ids=lambda r: r.value
)
def test_a_foreign_cite_is_invisible_to_every_role(client, world, role):
    foreign_samples = sample_kwargs(world.foreign)
    client.force_login(world.users[role])
    for route in CITE_ROUTES:
        url = url_for(route, foreign_samples)
        assert client.get(url).status_code == 404, (route.name, "GET")
        assert client.post(url, {}).status_code == 404, (route.name, "POST")


@pytest.mark.django_db
def test_a_foreign_object_through_ones_own_cite_is_not_found(client, world):
    own = sample_kwargs(world.cite)
    foreign = sample_kwargs(world.foreign)
    client.force_login(world.users[Role.PROJECT_LEAD])
    for route in CITE_ROUTES:
        object_params = [k for k in route.kwargs if k != "cite_slug"]
        if not object_params:
            continue
        mixed = {**foreign, "cite_slug": own["cite_slug"]}
        url = url_for(route, mixed)
        level = MATRIX[route.name][Role.PROJECT_LEAD]
        # The matrix answers first (403 below the level); past it, the object is not found.
        get = client.get(url).status_code
        if get == 405:  # an action answering POST only: checked by the POST below
            assert level == Level.WRITE, route.name
        else:
            assert get == (404 if level >= Level.READ else 403), (route.name, "GET", get)
        post = client.post(url, {}).status_code
        assert post == (404 if level >= Level.WRITE else 403), (route.name, "POST", post)


@pytest.mark.django_db
def test_the_label_authority_reads_every_cite(client, world):
    foreign_samples = sample_kwargs(world.foreign)
    client.force_login(world.users[Role.LABEL_AUTHORITY])
    for route in CITE_ROUTES:
        level = MATRIX[route.name][Role.LABEL_AUTHORITY]
        response = client.get(url_for(route, foreign_samples))
        assert response.status_code == (200 if level >= Level.READ else 403), route.name


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login_from_every_cite_page(client, world):
    samples = sample_kwargs(world.cite)
    for route in CITE_ROUTES:
        url = url_for(route, samples)
        response = client.get(url)
        assert response.status_code == 302, route.name
        assert response["Location"] == f"{reverse('login')}?next={url}", route.name


@pytest.mark.django_db
def test_pages_outside_cites_follow_their_audience(client, world):
    samples = {"uidb64": "MQ", "token": "abc-def", **sample_kwargs(world.cite)}
    for route in OTHER_ROUTES:
        url = url_for(route, samples)
        response = client.get(url)
        if MATRIX[route.name] in (Audience.SIGNED_IN, Audience.LABEL_AUTHORITY):
            assert response.status_code == 302, route.name
            assert response["Location"].startswith(reverse("login")), route.name
        else:
            location = response.get("Location", "")
            assert not location.startswith(reverse("login")), route.name
            assert response.status_code in (200, 302, 405), (route.name, response.status_code)
    client.force_login(world.users[Role.STAFF])
    for route in OTHER_ROUTES:
        if MATRIX[route.name] == Audience.SIGNED_IN:
            assert client.get(url_for(route, samples)).status_code == 200, route.name


AUTHORITY_ROUTES = [r for r in OTHER_ROUTES if MATRIX[r.name] == Audience.LABEL_AUTHORITY]


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_the_authority_pages_outside_cites_open_to_the_authority_only(client, world, role):
    assert AUTHORITY_ROUTES, "the label authority's pages are discovered"
    samples = sample_kwargs(world.cite)
    client.force_login(world.users[role])
    for route in AUTHORITY_ROUTES:
        url = url_for(route, samples)
        expected = 200 if role == Role.LABEL_AUTHORITY else 403
        assert client.get(url).status_code == expected, (route.name, role, "GET")
        post = client.post(url, {}).status_code
        assert post == (200 if role == Role.LABEL_AUTHORITY else 403), (route.name, role, "POST")
    if role != Role.LABEL_AUTHORITY:
        client.force_login(world.foreign_lead)
        for route in AUTHORITY_ROUTES:
            assert client.get(url_for(route, samples)).status_code == 403, route.name
