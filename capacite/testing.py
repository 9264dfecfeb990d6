"""Test personas and helpers shared by every app's tests (pytest fixtures live in conftest.py)."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module
from pathlib import Path
from unittest import mock

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.module_loading import module_has_submodule
from django_scopes import scope

from capacite.core.models import Cite, Membership, Phase, Role

User = get_user_model()


@contextmanager
def demo_at(django_db_blocker, media_root: Path, now: datetime) -> Iterator[Path]:
    """The demo Cités built as on `now` (the clock stays there), for a module's tests to read.

    Building the demo is the slowest thing a test does, so a module builds it once
    (`scope="module"` fixture) inside one transaction rolled back at the end; each test still runs
    in its own transaction inside it. Yields the folder of the demo's uploaded files.
    """
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone

    from capacite.core.demo import build_demo

    with (django_db_blocker.unblock(),
          mock.patch.object(timezone, "now", lambda: now),
          override_settings(MEDIA_ROOT=media_root,
                            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
          transaction.atomic()):
        build_demo(password="demo", today=timezone.localtime(now).date())
        yield media_root
        transaction.set_rollback(True)


@dataclass
class World:
    """Two Cités: `cite`, where each persona holds one role, and `foreign`, where none does.

    `users` maps every Role to a person holding it in `cite` (the label authority holds it for
    the whole instance); `foreign_lead` is the project lead of the foreign Cité only.
    """

    cite: Cite
    foreign: Cite
    users: dict[Role, object] = field(default_factory=dict)
    foreign_lead: object = None


# What a confirmation page says, HTML-escaped, when the record changed since it was shown
# (`capacite/core/removal.py`), with the page's French spacing (issue 19, point 4).
STALE_REMOVAL = ("Quelqu&#x27;un a modifié cette fiche depuis que vous avez ouvert cette "
                 "page\u00a0: rien n&#x27;a été supprimé.")


def client_for(world: World, role: Role = Role.PROJECT_LEAD) -> Client:
    """A test client logged in as the persona holding `role` in the world's Cité."""
    client = Client()
    client.force_login(world.users[role])
    return client


def make_world() -> World:
    cite = Cite.objects.create(slug="alpha", name="Cité des métiers d'Alpha",
                               phase=Phase.CONSTRUCTION)
    foreign = Cite.objects.create(slug="beta", name="Cité des métiers de Bêta",
                                  phase=Phase.OPERATION)
    world = World(cite=cite, foreign=foreign)
    for role in Role:
        user = User.objects.create_user(username=f"{role.value}", password="x")
        Membership.objects.create(
            user=user, cite=None if role == Role.LABEL_AUTHORITY else cite, role=role
        )
        world.users[role] = user
    world.foreign_lead = User.objects.create_user(username="beta_lead", password="x")
    Membership.objects.create(user=world.foreign_lead, cite=foreign, role=Role.PROJECT_LEAD)
    return world


@dataclass(frozen=True)
class Route:
    name: str  # namespaced URL name, as in the permission matrix
    kwargs: tuple[str, ...]  # the URL's parameters


def all_routes() -> list[Route]:
    """Every URL pattern of the project, discovered from the URL configuration."""
    routes: list[Route] = []

    def walk(patterns, namespace: str, inherited: tuple[str, ...]):
        for pattern in patterns:
            # path() patterns name their parameters as converters, re_path() ones as groups.
            params = tuple(getattr(pattern.pattern, "converters", None)
                           or pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, ns, inherited + params)
            elif isinstance(pattern, URLPattern):
                # An unnamed pattern shows as "namespace:" and fails the matrix test.
                routes.append(Route(f"{namespace}{pattern.name or ''}", inherited + params))

    walk(get_resolver().url_patterns, "", ())
    return routes


def sample_kwargs(cite) -> dict:
    """One object of each kind a URL may name, in `cite`.

    Each app with URL parameters of its own has a `testing.py` with `sample_kwargs(cite)`
    returning one object id per parameter (and files the URLs serve); they are collected here.
    """
    from capacite.roadmap.models import Task, VigilancePoint

    with scope(cite=cite):
        task = Task.objects.order_by("pk").first()
        task.evidence_file.save("compte-rendu.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
        samples = {
            "cite_slug": cite.slug,
            "task_id": task.pk,
            "point_id": VigilancePoint.objects.order_by("pk").first().pk,
        }
        for app in apps.get_app_configs():
            if app.name.startswith("capacite.") and module_has_submodule(app.module, "testing"):
                own = import_module(f"{app.name}.testing").sample_kwargs(cite)
                # Two apps naming a URL parameter alike would test one app's page with the
                # other's object — and pass by chance where their ids happen to coincide.
                shared = set(own) & set(samples)
                assert not shared, f"{app.name} reuses URL parameter names {sorted(shared)}"
                samples.update(own)
        return samples


def many_visits(cite, site, day, count: int, **fields) -> None:
    """`count` identical visits written at once, as a history import of that size writes them
    (`activity.services.BULK_VISITS`): with the monthly counts' triggers suspended and the
    Cité's counts rebuilt after. Row by row, PostgreSQL updates the same counts `count` times
    in one transaction, which grows with the square of `count` (minutes for 25,000)."""
    from django.db import connection, transaction

    from capacite.activity import rollups
    from capacite.activity.models import Visit

    fields = {"slot": 20, "source": "import", **fields}
    with transaction.atomic(), rollups.suspended(connection, [cite.pk]):
        Visit.objects.bulk_create(Visit(cite=cite, site=site, day=day, client_id=uuid.uuid4(),
                                        **fields) for _ in range(count))
