"""Jobs run off the request: queued by a page, run by the worker, read by the right people."""

import hashlib

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.jobs.models import Job
from capacite.jobs.registry import JobOutput, job_kind
from capacite.jobs.services import start_job
from capacite.jobs.testing import run_pending_jobs

pytestmark = pytest.mark.django_db


@job_kind("test_directeur", label="Travail réservé à la direction",
          readers=frozenset({Role.DIRECTOR}))
def director_only(job, progress) -> JobOutput:
    progress(30, "Un tiers")
    progress(90, "Presque fini")
    return JobOutput(content=b"%PDF-1.7 rapport", filename="rapport.pdf", data={"pages": 1})


@job_kind("test_panne", label="Travail qui échoue", readers=frozenset(Role))
def failing(job, progress) -> JobOutput:
    raise ValueError("la semaine 2027-02-30 n'existe pas")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_job_waits_for_the_worker_then_keeps_its_file_hash_and_data(world):
    job = start_job(cite=world.cite, kind="exemple", params={"text": "bonjour"},
                    user=world.users[Role.PROJECT_LEAD])
    with scope(cite=world.cite):
        assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
    run_pending_jobs()
    with scope(cite=world.cite):
        job = Job.objects.get(pk=job.pk)
    assert job.status == Job.Status.DONE
    assert (job.progress, job.message) == (100, "À mi-chemin")
    assert job.result_name == "exemple.txt"
    assert job.result_file.read() == b"bonjour"
    assert job.result_sha256 == hashlib.sha256(b"bonjour").hexdigest()
    assert job.result_data == {"length": 7}
    assert job.created_by == world.users[Role.PROJECT_LEAD]
    assert job.started_at <= job.finished_at


def test_a_failing_job_is_recorded_failed_with_its_reason_and_the_queue_goes_on(world):
    failed = start_job(cite=world.cite, kind="test_panne")
    after = start_job(cite=world.cite, kind="exemple", params={"text": "suite"})
    run_pending_jobs()
    with scope(cite=world.cite):
        failed.refresh_from_db()
        after.refresh_from_db()
    assert failed.status == Job.Status.FAILED
    assert failed.error == "Le travail a échoué : la semaine 2027-02-30 n'existe pas"
    assert after.status == Job.Status.DONE


def test_an_unknown_kind_is_refused_before_anything_is_queued(world):
    with pytest.raises(ValueError, match="unknown job kind 'inconnu'"):
        start_job(cite=world.cite, kind="inconnu")
    with scope(cite=world.cite):
        assert Job.objects.count() == 0


def test_the_job_page_shows_progress_then_the_download_with_its_hash(world):
    job = start_job(cite=world.cite, kind="test_directeur", params={"return_url": "/c/alpha/"})
    director = client_for(world.users[Role.DIRECTOR])
    page = director.get(job.get_absolute_url()).content.decode()
    assert 'data-auto-refresh="2"' in page and "capacite/refresh.js" in page
    assert 'value="0"' in page and "en attente" in page
    run_pending_jobs()
    page = director.get(job.get_absolute_url()).content.decode()
    assert "data-auto-refresh" not in page and "refresh.js" not in page
    assert "Télécharger rapport.pdf" in page
    assert hashlib.sha256(b"%PDF-1.7 rapport").hexdigest() in page
    assert 'href="/c/alpha/"' in page
    download = director.get(reverse("jobs:download", args=["alpha", job.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 rapport"
    assert 'filename="rapport.pdf"' in download["Content-Disposition"]


def test_a_foreign_return_url_is_not_offered(world):
    job = start_job(cite=world.cite, kind="exemple",
                    params={"return_url": "https://exemple.invalid/piege"})
    page = client_for(world.users[Role.DIRECTOR]).get(job.get_absolute_url()).content.decode()
    assert "exemple.invalid" not in page


def test_a_job_kind_decides_who_may_read_it(world):
    job = start_job(cite=world.cite, kind="test_directeur")
    run_pending_jobs()
    partner = client_for(world.users[Role.PARTNER])
    assert partner.get(job.get_absolute_url()).status_code == 403
    assert partner.get(reverse("jobs:download", args=["alpha", job.pk])).status_code == 403
    listing = partner.get(reverse("jobs:list", args=["alpha"])).content.decode()
    assert "Travail réservé à la direction" not in listing
    listing = client_for(world.users[Role.DIRECTOR]).get(
        reverse("jobs:list", args=["alpha"])).content.decode()
    assert "Travail réservé à la direction" in listing and "rapport.pdf" in listing


def test_another_cites_job_is_not_found(world):
    job = start_job(cite=world.foreign, kind="exemple")
    run_pending_jobs()
    response = client_for(world.users[Role.DIRECTOR]).get(
        reverse("jobs:detail", args=["alpha", job.pk]))
    assert response.status_code == 404
