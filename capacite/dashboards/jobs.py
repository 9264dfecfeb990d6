"""The "activity_report" background job: the same report as `capacite report`, off the request."""

from django.utils.translation import gettext_lazy as _

from capacite.core.models import Role
from capacite.jobs.registry import JobOutput, job_kind

REPORT_READERS = frozenset({Role.PROJECT_LEAD, Role.DIRECTOR, Role.STAFF, Role.SPONSOR})


@job_kind("activity_report", label=str(_("Rapport d'activité annuel")), readers=REPORT_READERS)
def report_job(job, progress) -> JobOutput:
    """job.params: {"year": 2026, "format": "pdf" | "docx", "lang": "fr" | "en"} (French for
    jobs recorded before « lang »)."""
    from capacite.dashboards.report import generate_report

    lang = job.params.get("lang", "fr")
    progress(10, "Chiffres de l'année")
    result = generate_report(job.cite, year=int(job.params["year"]), fmt=job.params["format"],
                             lang=lang)
    progress(100, "Terminé")
    return JobOutput(content=result.content, filename=result.filename,
                     data={"pages": result.pages, "seconds": round(result.seconds, 2),
                           "year": job.params["year"], "format": job.params["format"],
                           "lang": lang})
