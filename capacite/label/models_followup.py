"""The label fonctionnement's own records: the label projet's figures kept at deposit, the team's
answer to each gap found since, and the experimental actions conducted under the label.

The snapshot is plain JSON (`label.domain.conformity.Figures.to_json`): it must say what the
committee read even after pôles, sites or partners are renamed or deleted.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


class SnapshotSource(models.TextChoices):
    DEPOSIT = "deposit", _("Relevé au dépôt du dossier de label projet")
    MANUAL = "manual", _("Saisi d'après la lettre de décision")


class ProjectSnapshot(models.Model):
    """The key figures of the label projet dossier, as deposited: the reference the label
    fonctionnement dossier compares today's data with. One per Cité (the latest deposit wins)."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="project_snapshot")
    source = models.CharField(_("origine"), max_length=10, choices=SnapshotSource.choices)
    taken_on = models.DateField(_("date de référence"))
    submission_number = models.PositiveIntegerField(_("version déposée"), null=True, blank=True)
    figures = models.JSONField(_("chiffres"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("relevé par"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chiffres du label projet")
        verbose_name_plural = _("chiffres du label projet")

    def __str__(self) -> str:
        return str(_("Chiffres du label projet au %(day)s")
                   % {"day": self.taken_on.strftime("%d/%m/%Y")})


class GapAnswer(Versioned):
    """What the team says of one gap between the label projet and today: why, and what it does.

    `key` is the gap's stable key (`Gap.key`, e.g. « hours:Site central »): the answer follows the
    gap while its size changes, and stays when the gap closes (the history keeps it)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("écart"), max_length=200)
    explanation = models.TextField(_("explication"), blank=True)
    measure = models.TextField(_("mesure corrective"), blank=True,
                               help_text=_("Ce que la Cité fait, ou pourquoi l'écart est "
                                           "assumé."))
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("modifié par"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("réponse à un écart")
        verbose_name_plural = _("réponses aux écarts")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"], name="gap_answer_unique_key"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def answered(self) -> bool:
        return bool(self.explanation.strip() and self.measure.strip())


class ExperimentalAction(Versioned):
    """Something the Cité tried under the label (the guide's « actions expérimentales »)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("intitulé"), max_length=200)
    started_on = models.DateField(_("début"))
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    partners = models.CharField(_("partenaires associés"), max_length=300, blank=True)
    publics = models.CharField(_("publics visés"), max_length=300, blank=True)
    description = models.TextField(_("ce qui a été fait"), blank=True)
    result = models.TextField(_("résultat"), blank=True)
    kept = models.TextField(_("ce que la Cité en garde"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("action expérimentale")
        verbose_name_plural = _("actions expérimentales")
        ordering = ["-started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="experimental_action_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title
