"""The "dossier" background job: the same generation as `capacite dossier`, off the request."""

from django.utils.translation import gettext_lazy as _

from capacite.core.permissions import GOVERNANCE_READERS
from capacite.jobs.registry import JobOutput, job_kind
from capacite.label.dossier.generate import generate


@job_kind("dossier", label=str(_("Génération d'un dossier du label")),
          readers=frozenset(GOVERNANCE_READERS))
def dossier_job(job, progress) -> JobOutput:
    """job.params: {"kind": "opportunity" | "label_projet" | "label_fonctionnement",
    "format": "pdf" | "docx", "lang": "fr" | "en"} (French for jobs recorded before « lang »)."""
    lang = job.params.get("lang", "fr")
    result = generate(job.cite, kind=job.params.get("kind", ""),
                      fmt=job.params.get("format", ""), lang=lang, progress=progress)
    return JobOutput(content=result.content, filename=result.filename,
                     data={**result.data(), "kind": job.params.get("kind"),
                           "format": job.params.get("format"), "lang": lang})
