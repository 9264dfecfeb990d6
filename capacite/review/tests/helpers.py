"""Shared test setup: a finished dossier generation job with a small PDF, as the label app
would leave it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from capacite.jobs.models import Job

PDF = b"%PDF-1.4\n% dossier de test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def done_dossier_job(cite, *, kind: str = "label_projet", content: bytes = PDF,
                     fmt: str = "pdf") -> Job:
    job = Job(cite=cite, kind="dossier", params={"kind": kind, "format": fmt},
              status=Job.Status.DONE, progress=100, result_name=f"dossier-{kind}.{fmt}",
              finished_at=datetime(2027, 3, 1, 10, 30, tzinfo=ZoneInfo("Europe/Paris")))
    job.result_file.save(f"dossier.{fmt}", ContentFile(content), save=False)
    job.save()
    return job
