"""Test support: run queued jobs in-process, and a sample job for the permission matrix."""

from django.core.files.base import ContentFile
from django.core.management import call_command

from capacite.core.models import Role
from capacite.jobs.models import Job
from capacite.jobs.registry import JobOutput, job_kind


@job_kind("exemple", label="Exemple de travail", readers=frozenset(Role))
def sample_job(job: Job, progress) -> JobOutput:  # type: ignore[no-untyped-def]
    """A job kind used by the tests: writes the text it is given into a file."""
    progress(50, "À mi-chemin")
    return JobOutput(content=job.params.get("text", "").encode(), filename="exemple.txt",
                     data={"length": len(job.params.get("text", ""))})


def run_pending_jobs() -> None:
    """Run the database worker until the queue is empty, as `capacite db_worker` would.

    The worker calls `close_old_connections()` between tasks, as a long-running process should.
    Inside a test the connection is in the test's transaction, which Django then sees as
    "unusable" and closes on PostgreSQL — losing the test's data. Only that call is skipped here;
    the worker, its queries and the database are the real ones.
    """
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0",
                     verbosity=0)


def sample_kwargs(cite) -> dict:
    job = Job(cite=cite, kind="exemple", status=Job.Status.DONE, progress=100,
              result_name="exemple.txt")
    job.result_file.save("exemple.txt", ContentFile(b"exemple"), save=False)
    job.save()
    return {"job_id": job.pk}
