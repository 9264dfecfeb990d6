"""The label authority's records: frozen submissions, committee sessions, decisions, reserves.

A submission is a copy of a generated dossier, frozen the moment it is sent: its file, number and
hash never change and it is never deleted, so the authority and the Cité always speak of the same
document. Sessions belong to the authority (no Cité); everything else belongs to one Cité.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.review.domain.label import Stage as StageValue
from capacite.review.domain.reserves import ReserveState


class FrozenError(Exception):
    """A submitted dossier was about to be changed or deleted."""


def submission_path(instance, filename: str) -> str:
    return f"cites/{instance.cite_id}/review/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def evidence_path(instance, filename: str) -> str:
    return (f"cites/{instance.cite_id}/review/evidence/"
            f"{uuid.uuid4().hex}{Path(filename).suffix.lower()}")


class DossierKind(models.TextChoices):
    OPPORTUNITY = "opportunity", _("Note d'opportunité")
    LABEL_PROJET = "label_projet", _("Dossier de demande de label projet")
    LABEL_FONCTIONNEMENT = "label_fonctionnement", _(
        "Dossier de confirmation du label fonctionnement")


class Stage(models.TextChoices):
    LABEL_PROJET = StageValue.LABEL_PROJET.value, _("Label projet")
    PREFIGURATION = StageValue.PREFIGURATION.value, _("Label projet avec préfiguration")
    REFUSAL = StageValue.REFUSAL.value, _("Refus")
    LABEL_FONCTIONNEMENT = StageValue.LABEL_FONCTIONNEMENT.value, _("Label fonctionnement")


class ReserveStatus(models.TextChoices):
    OPEN = ReserveState.OPEN.value, _("Ouverte")
    REQUESTED = ReserveState.REQUESTED.value, _("Levée demandée")
    LIFTED = ReserveState.LIFTED.value, _("Levée")


class FrozenQuerySet(models.QuerySet):
    """Bulk updates and deletes would bypass the model's freeze: they are refused too."""

    def update(self, **kwargs):
        raise FrozenError(_("Un dossier déposé ne se modifie pas."))

    def delete(self):
        raise FrozenError(_("Un dossier déposé ne se supprime pas."))


class CommitteeSession(Versioned):
    """A session of the label committee (2 to 3 a year): its date, place and agenda.

    It belongs to the authority, not to a Cité: its agenda lists dossiers of several Cités.
    """

    held_on = models.DateField(_("date de la séance"))
    place = models.CharField(_("lieu"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("séance du comité de label")
        verbose_name_plural = _("séances du comité de label")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return _("Comité de label du %(day)s") % {"day": self.held_on.strftime("%d/%m/%Y")}


class Submission(models.Model):
    """A dossier sent to the authority: a frozen copy of a generation, numbered per Cité."""

    cite = models.ForeignKey(Cite, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("version déposée"))
    kind = models.CharField(_("dossier"), max_length=30, choices=DossierKind.choices)
    file = models.FileField(_("fichier"), upload_to=submission_path, max_length=200)
    filename = models.CharField(_("nom du fichier"), max_length=200)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("taille (octets)"))
    generated_at = models.DateTimeField(_("généré le"), null=True, blank=True)
    # The generation it was copied from; the copy stands alone if that job is ever purged.
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="+", verbose_name=_("génération d'origine"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("déposé par"))
    submitted_at = models.DateTimeField(_("déposé le"), default=timezone.now, editable=False)
    message = models.TextField(_("message à l'autorité de label"), blank=True)

    objects = ScopedManager(models.Manager.from_queryset(FrozenQuerySet), cite="cite")

    class Meta:
        verbose_name = _("dossier déposé")
        verbose_name_plural = _("dossiers déposés")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "number"],
                                    name="review_submission_number_per_cite"),
        ]

    def __str__(self) -> str:
        return _("%(kind)s, version %(number)s") % {"kind": self.get_kind_display(),
                                                      "number": self.number}

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise FrozenError(_("Un dossier déposé ne se modifie pas."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise FrozenError(_("Un dossier déposé ne se supprime pas."))


class AgendaEntry(models.Model):
    """A submitted dossier on the agenda of a committee session (once)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(CommitteeSession, on_delete=models.CASCADE,
                                related_name="entries", verbose_name=_("séance"))
    submission = models.OneToOneField(Submission, on_delete=models.PROTECT,
                                      related_name="agenda_entry", verbose_name=_("dossier"))

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("dossier à l'ordre du jour")
        verbose_name_plural = _("dossiers à l'ordre du jour")
        ordering = ["session", "pk"]

    def __str__(self) -> str:
        return f"{self.session} — {self.submission}"


class LabelDecision(Versioned):
    """The committee's decision on one submitted dossier, with its recommendations."""

    cite = models.ForeignKey(Cite, on_delete=models.PROTECT, related_name="+")
    submission = models.OneToOneField(Submission, on_delete=models.PROTECT,
                                      related_name="decision", verbose_name=_("dossier"))
    session = models.ForeignKey(CommitteeSession, on_delete=models.PROTECT, null=True,
                                blank=True, related_name="decisions", verbose_name=_("séance"))
    stage = models.CharField(_("décision"), max_length=30, choices=Stage.choices)
    decided_on = models.DateField(_("date de la décision"))
    motivation = models.TextField(_("motivation"), blank=True)
    recommendations = models.TextField(
        _("recommandations"), blank=True,
        help_text=_("Une recommandation par ligne ; elles figurent dans la lettre."))
    addressee = models.CharField(
        _("destinataire de la lettre"), max_length=200, blank=True,
        help_text=_("Le titulaire du label, en général le porteur politique."))
    signatory = models.CharField(_("signataire"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("enregistrée par"))
    history = HistoricalRecords(excluded_fields=["version"])

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("décision de label")
        verbose_name_plural = _("décisions de label")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return _("%(stage)s — %(day)s") % {"stage": self.get_stage_display(),
                                             "day": self.decided_on.strftime("%d/%m/%Y")}

    def recommendation_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.recommendations.splitlines()
                if line.strip(" -•\t")]


class Reserve(Versioned):
    """A condition of a decision, tracked until the authority accepts the Cité's evidence."""

    cite = models.ForeignKey(Cite, on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(LabelDecision, on_delete=models.PROTECT,
                                 related_name="reserves", verbose_name=_("décision"))
    text = models.TextField(_("réserve"))
    due_on = models.DateField(_("à lever avant le"), null=True, blank=True)
    status = models.CharField(_("état"), max_length=20, choices=ReserveStatus.choices,
                              default=ReserveStatus.OPEN)
    evidence_text = models.TextField(_("éléments apportés par la Cité"), blank=True)
    evidence_file = models.FileField(_("pièce justificative"), upload_to=evidence_path,
                                     max_length=200, blank=True)
    evidence_filename = models.CharField(_("nom de la pièce"), max_length=200, blank=True)
    requested_at = models.DateTimeField(_("levée demandée le"), null=True, blank=True)
    authority_comment = models.TextField(_("réponse de l'autorité de label"), blank=True)
    lifted_on = models.DateField(_("levée le"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["version"])

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("réserve")
        verbose_name_plural = _("réserves")
        ordering = ["decision", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="lifted") | models.Q(lifted_on__isnull=False),
                name="review_reserve_lifted_has_date"),
        ]

    def __str__(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return Truncator(first).chars(90)


from capacite.review.models_followup import (  # noqa: E402,F401 - the network's follow-up
    LinkKind,
    NetworkLink,
    OpinionRequest,
    OpinionSubject,
)
