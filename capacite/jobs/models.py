"""A long piece of work (a dossier, a roster) done off the request, with its progress and result."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from capacite.core.models import Cite


def result_path(job: "Job", filename: str) -> str:
    """Results are stored under a generated name; the readable name is kept in `result_name`."""
    return f"cites/{job.cite_id}/jobs/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Job(models.Model):
    """One run of a registered job kind for one Cité.

    The task queue (django-tasks, database backend) only carries the job's id; everything a person
    follows — progress, message, result, error — lives here, in the Cité's scope.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("en attente")
        RUNNING = "running", _("en cours")
        DONE = "done", _("terminé")
        FAILED = "failed", _("échoué")

    FINISHED = (Status.DONE, Status.FAILED)  # nothing more will happen to the job

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(_("nature"), max_length=60)
    params = models.JSONField(_("paramètres"), default=dict, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    message = models.CharField(_("étape"), max_length=200, blank=True)
    result_file = models.FileField(_("fichier produit"), upload_to=result_path, blank=True,
                                   max_length=200)
    result_name = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    result_sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True)
    result_data = models.JSONField(_("résultat"), default=dict, blank=True)
    error = models.TextField(_("erreur"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("demandé par"),
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("travail en arrière-plan")
        verbose_name_plural = _("travaux en arrière-plan")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", kwargs={"cite_slug": self.cite.slug, "job_id": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED


class WorkerBeat(models.Model):
    """When each `capacite db_worker` process was last seen alive (issue 13).

    Not a Cité's data: the job pages read the latest beat to say when no worker has been seen
    for a minute, so a job « en attente » is never left without an explanation.
    """

    worker_id = models.CharField(_("travailleur"), max_length=64, unique=True)
    seen_at = models.DateTimeField(_("vu le"))

    class Meta:
        verbose_name = _("signe de vie d'un travailleur")
        verbose_name_plural = _("signes de vie des travailleurs")

    def __str__(self) -> str:
        return f"{self.worker_id} {self.seen_at:%Y-%m-%d %H:%M:%S}"
