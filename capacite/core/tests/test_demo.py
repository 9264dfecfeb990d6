"""`capacite demo`: the two fictional Cités, a user for every role, idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite, Membership
from capacite.roadmap.models import BackplanTarget, Task
from capacite.testing import all_routes, sample_kwargs

pytestmark = pytest.mark.django_db


def snapshot():
    with scopes_disabled():
        return (
            list(Cite.objects.values_list("slug", "name", "phase", "version")),
            list(Membership.objects.values_list("user__username", "cite__slug", "role")
                 .order_by("user__username")),
            list(Task.objects.values_list("cite__slug", "key", "status", "due_date", "version")
                 .order_by("cite__slug", "key")),
            get_user_model().objects.count(),
        )


def test_the_demo_builds_two_cites_with_every_role(capsys):
    call_command("demo")
    cites, memberships, tasks, users = snapshot()
    assert [(slug, phase) for slug, _, phase, _ in cites] == [
        ("rivemont", "construction"), ("valombre", "operation")]
    assert memberships == [
        ("accueil", "valombre", "reception"),
        ("autorite", None, "label_authority"),
        ("conseiller", "valombre", "staff"),
        ("directeur", "valombre", "director"),
        ("elu", "rivemont", "sponsor"),
        ("partenaire", "rivemont", "partner"),
        ("partenaire2", "valombre", "partner"),
        ("porteur", "rivemont", "project_lead"),
        ("porteur2", "valombre", "project_lead"),
    ]
    assert users == 9
    assert len(tasks) == 138
    out = capsys.readouterr().out
    assert "porteur2    porteur de projet, Cité des métiers de Valombre" in out
    assert "(mot de passe : demo)" in out


def test_running_the_demo_twice_changes_nothing(capsys):
    call_command("demo")
    before = snapshot()
    call_command("demo")
    assert snapshot() == before
    assert "déjà présente, inchangée" in capsys.readouterr().out


def test_the_demo_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("CAPACITE_DEMO_PASSWORD", "autre-secret")
    call_command("demo")
    user = get_user_model().objects.get(username="porteur")
    assert user.check_password("autre-secret") is True
    assert user.check_password("demo") is False


def test_the_construction_cite_shows_late_tasks_and_a_slipping_backplan():
    call_command("demo")
    rivemont = Cite.objects.get(slug="rivemont")
    with scope(cite=rivemont):
        target = BackplanTarget.objects.get()
        assert target.task.key == "comite-label-projet"
        late = Task.objects.filter(due_date__lt=timezone.localdate()).exclude(status="done")
        assert sorted(late.values_list("status", flat=True)) == ["in_progress", "in_progress"]
        assert target.date == target.task.due_date
    client = Client()
    client.force_login(get_user_model().objects.get(username="porteur"))
    page = client.get(reverse("roadmap:backplan", kwargs={"cite_slug": "rivemont"}))
    assert "auraient déjà dû commencer." in page.content.decode()


def test_porteur2_reaches_nothing_of_the_construction_cite():
    call_command("demo")
    rivemont = Cite.objects.get(slug="rivemont")
    samples = sample_kwargs(rivemont)
    client = Client()
    client.force_login(get_user_model().objects.get(username="porteur2"))
    cite_routes = [route for route in all_routes() if "cite_slug" in route.kwargs]
    for route in cite_routes:
        url = reverse(route.name, kwargs={k: samples[k] for k in route.kwargs})
        assert client.get(url).status_code == 404, route.name
        assert client.post(url, {}).status_code == 404, route.name
    assert len(cite_routes) > 9  # every page of every app, files and exports included
    landing = client.get(reverse("core:home"), follow=True)
    assert landing.redirect_chain == [(reverse("core:cite_home", args=["valombre"]), 302)]
    assert "Rivemont" not in landing.content.decode()


def test_in_the_demo_no_task_is_done_before_what_it_depends_on():
    call_command("demo")
    with scopes_disabled():
        for task in Task.objects.filter(status="done").prefetch_related("depends_on"):
            undone = [d.key for d in task.depends_on.all() if d.status != "done"]
            assert undone == [], (task.cite.slug, task.key)


def test_the_demo_never_gives_a_role_to_an_account_it_did_not_create():
    existing = get_user_model().objects.create_user(username="autorite", password="secret")
    call_command("demo")
    assert list(Membership.objects.filter(user=existing)) == []
    assert existing.check_password("secret") is True
