"""The "dossier" background job: the same generation as `capacite dossier`, off the request."""

from django.utils.translation import gettext_lazy as _

from capacite.core.permissions import GOVERNANCE_READERS
from capacite.jobs.registry import JobOutput, job_kind
from capacite.label.dossier.generate import generate


@job_kind("dossier", label=str(_("Génération d'un dossier du label")),
          readers=frozenset(GOVERNANCE_READERS))
def dossier_job(job, progress) -> JobOutput:
    """job.params: {"kind": "opportunity" | "label_projet", "format": "pdf" | "docx"}."""
    result = generate(job.cite, kind=job.params.get("kind", ""),
                      fmt=job.params.get("format", ""), progress=progress)
    return JobOutput(content=result.content, filename=result.filename,
                     data={**result.data(), "kind": job.params.get("kind"),
                           "format": job.params.get("format")})
