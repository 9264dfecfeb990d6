"""Issue 13, point 7: the worker outlives a database held locked by another process, and the job
pages say when no worker has been seen for a minute."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

import capacite.jobs.testing  # noqa: F401 — registers the « exemple » job kind
from capacite.core.models import Role
from capacite.jobs.models import WorkerBeat
from capacite.jobs.services import start_job
from capacite.jobs.worker import run_surviving_database_errors
from capacite.testing import client_for


def test_database_errors_are_survived_with_growing_pauses():
    calls, pauses = [], []

    def run():
        calls.append(1)
        if len(calls) <= 7:
            raise OperationalError("database is locked")

    assert run_surviving_database_errors(run, sleep=pauses.append, reset=lambda: None) == 7
    assert pauses == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]


def test_other_errors_still_stop_the_worker():
    def run():
        raise ValueError("bug")

    with pytest.raises(ValueError):
        run_surviving_database_errors(run, sleep=lambda _s: None, reset=lambda: None)


@pytest.mark.django_db
def test_a_job_page_says_when_no_worker_was_seen_for_a_minute(world):
    job = start_job(cite=world.cite, kind="exemple", params={"text": "x"})
    client = client_for(world, Role.PROJECT_LEAD)
    page = reverse("jobs:detail", kwargs={"cite_slug": world.cite.slug, "job_id": job.pk})
    listing = reverse("jobs:list", kwargs={"cite_slug": world.cite.slug})
    warning = ("Le programme qui exécute les travaux n'a pas donné signe de vie depuis plus "
               "d'une minute\u00a0: les travaux en attente n'avanceront pas tant qu'il est arrêté. "
               "Prévenez la personne qui administre capacite (service capacite-worker, voir le "
               "guide d'exploitation).")

    def shown(url):
        return [str(p.text) for p in _alerts(client.get(url))]

    assert shown(page) == [warning] == shown(listing)  # never seen
    beat = WorkerBeat.objects.create(worker_id="w1",
                                     seen_at=timezone.now() - timedelta(seconds=61))
    assert shown(page) == [warning]
    beat.seen_at = timezone.now() - timedelta(seconds=50)
    beat.save()
    assert shown(page) == [] == shown(listing)


def _alerts(response):
    from html.parser import HTMLParser

    found = []

    class Parser(HTMLParser):
        depth = 0

        def handle_starttag(self, tag, attrs):
            if dict(attrs).get("data-testid") == "no-worker":
                found.append(type("P", (), {"text": ""})())
                self.depth = 1

        def handle_endtag(self, tag):
            if self.depth and tag == "p":
                self.depth = 0

        def handle_data(self, data):
            if self.depth:
                found[-1].text += data

    Parser().feed(response.content.decode())
    return found
