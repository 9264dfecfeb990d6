"""Starting a job from a request, and running it in the worker.

Enqueuing is a plain insert in the same database (django-tasks' database backend), done in the
same transaction as the Job row: a request that fails leaves neither behind.
"""

import hashlib
import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite
from capacite.jobs.models import Job
from capacite.jobs.registry import JobOutput, kind_named
from capacite.jobs.worker import run_surviving_database_errors
from capacite.lib.database import is_busy_database

logger = logging.getLogger(__name__)


def start_job(*, cite: Cite, kind: str, params: dict[str, Any] | None = None, user: Any = None
              ) -> Job:
    """Record a job for `cite` and queue it; the worker (`capacite db_worker`) runs it."""
    from capacite.jobs.tasks import run_job

    if kind_named(kind) is None:
        raise ValueError(f"unknown job kind {kind!r}")
    with transaction.atomic():
        job = Job.objects.create(
            cite=cite, kind=kind, params=params or {},
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        run_job.enqueue(job.pk)
    return job


MAX_ATTEMPTS = 3  # runs of one job cut short by a busy database before it is marked failed


def _update(job_id: int, **fields: Any) -> None:
    """Write the job's progress or end, waiting for a busy database rather than losing it."""
    def write() -> None:
        with scopes_disabled():
            Job.objects.filter(pk=job_id).update(**fields)

    run_surviving_database_errors(write, max_errors=8)


def execute_job(job_id: int) -> None:
    """Run one job to its end; a failure is recorded on the job in French, never re-raised."""
    with scopes_disabled():
        job = Job.objects.select_related("cite").get(pk=job_id)
    kind = kind_named(job.kind)
    if kind is None:
        _update(job_id, status=Job.Status.FAILED, finished_at=timezone.now(),
                error=_("Cette nature de travail n'existe plus : %(kind)s.") % {"kind": job.kind})
        return
    _update(job_id, status=Job.Status.RUNNING, started_at=timezone.now(), progress=0)

    def progress(percent: int, message: str = "") -> None:
        _update(job_id, progress=max(0, min(100, int(percent))), message=message[:200])

    try:
        with scope(cite=job.cite):
            output = kind.run(job, progress)
    except OperationalError as error:
        attempts = int(job.params.get("attempts", 1))
        if not is_busy_database(error) or attempts >= MAX_ATTEMPTS:
            _mark_failed(job_id, error)
            return
        logger.warning("job %s (%s): database busy, queued again", job_id, job.kind)
        _requeue(job_id, {**job.params, "attempts": attempts + 1})
        return
    except Exception as error:  # noqa: BLE001 — any failure must reach the person who asked
        logger.exception("job %s (%s) failed", job_id, job.kind)
        _mark_failed(job_id, error)
        return
    run_surviving_database_errors(lambda: _keep_output(job, output or JobOutput()),
                                  max_errors=8)


def _mark_failed(job_id: int, error: BaseException) -> None:
    _update(job_id, status=Job.Status.FAILED, finished_at=timezone.now(),
            error=_("Le travail a échoué : %(error)s") % {"error": error})


def _requeue(job_id: int, params: dict[str, Any]) -> None:
    """The job's work met a busy database: queue it again (another run, from the start)."""
    from capacite.jobs.tasks import run_job

    def requeue() -> None:
        with transaction.atomic(), scopes_disabled():
            Job.objects.filter(pk=job_id).update(
                status=Job.Status.QUEUED, progress=0, params=params,
                message=_("Base de données occupée : le travail reprendra dans un instant."))
            run_job.enqueue(job_id)

    run_surviving_database_errors(requeue, max_errors=8)


def _keep_output(job: Job, output: JobOutput) -> None:
    with scopes_disabled():
        job.refresh_from_db()
        if output.content is not None:
            job.result_file.save(output.filename or "resultat", ContentFile(output.content),
                                 save=False)
            job.result_name = output.filename
            job.result_sha256 = hashlib.sha256(output.content).hexdigest()
        job.result_data = output.data
        job.status = Job.Status.DONE
        job.progress = 100
        job.finished_at = timezone.now()
        job.save()
