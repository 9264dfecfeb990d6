"""A Cité's roadmap: the guide's tasks and vigilance points, copied from the method file."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite, Phase
from capacite.roadmap.domain.method import shown_text


class Volet(models.TextChoices):
    PARTENARIAL = "partenarial", _("Volet partenarial")
    TECHNIQUE = "technique", _("Volet technique")


class TaskKind(models.TextChoices):
    TASK = "task", _("Tâche")
    VALIDATION = "validation", _("Moment de validation")
    DELIVERABLE = "deliverable", _("Livrable")


class TaskStatus(models.TextChoices):
    TODO = "todo", _("À faire")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Fait")


def evidence_path(task: "Task", filename: str) -> str:
    """Store uploads under a generated name: a user's file name never becomes a path."""
    return f"cites/{task.cite_id}/roadmap/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class MethodText:
    """A Cité's copy of method texts (title, description), stored in French as the guide.

    Pages show `get_title_display` and `get_description_display`: the method's English version
    when the interface is in English and the text is still the method's (see `shown_text`).
    """

    method_section = ""
    key: str
    title: str
    description: str

    def get_title_display(self) -> str:
        return shown_text(self.method_section, self.key, "title", self.title, get_language())

    def get_description_display(self) -> str:
        return shown_text(self.method_section, self.key, "description", self.description,
                          get_language())


class Task(MethodText, Versioned):
    """One task, validation moment or deliverable of the method, as this Cité carries it out."""

    method_section = "tasks"

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="tasks")
    key = models.SlugField(_("clé"), max_length=80)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    volet = models.CharField(_("volet"), max_length=20, choices=Volet.choices)
    kind = models.CharField(_("nature"), max_length=20, choices=TaskKind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    guide_section = models.CharField(_("section du guide"), max_length=300, blank=True)
    is_target = models.BooleanField(
        _("jalon pouvant servir de cible au rétro-planning"), default=False
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roadmap_tasks",
        verbose_name=_("responsable"),
    )
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    duration_days = models.PositiveIntegerField(
        _("durée (jours)"), default=7, validators=[MinValueValidator(1)]
    )
    status = models.CharField(
        _("état"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.TODO
    )
    done_on = models.DateField(
        _("faite le"), null=True, blank=True,
        help_text=_("Laissée vide, la date du jour où la tâche passe à « Fait »."),
    )
    evidence_note = models.TextField(_("preuve ou commentaire"), blank=True)
    evidence_file = models.FileField(
        _("pièce justificative"), upload_to=evidence_path, blank=True, max_length=200
    )
    evidence_filename = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    depends_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="required_by",
        blank=True,
        verbose_name=_("dépend de"),
    )

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(
        excluded_fields=["version", "evidence_file"], m2m_fields=["depends_on"]
    )

    class Meta:
        verbose_name = _("tâche")
        verbose_name_plural = _("tâches")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"], name="task_unique_key_per_cite"),
            models.CheckConstraint(
                condition=models.Q(duration_days__gte=1), name="task_duration_at_least_one_day"
            ),
        ]

    def __str__(self) -> str:
        return self.get_title_display()

    def save(self, *args, **kwargs):
        """Keep `done_on` with the status: today when the task becomes done without a date,
        empty when it is no longer done (whoever writes the status: the form, a decision)."""
        if self.is_done and self.done_on is None:
            self.done_on = timezone.localdate()
        elif not self.is_done:
            self.done_on = None
        fields = kwargs.get("update_fields")
        if fields is not None and "status" in fields and "done_on" not in fields:
            kwargs["update_fields"] = [*fields, "done_on"]
        super().save(*args, **kwargs)

    @property
    def is_done(self) -> bool:
        return self.status == TaskStatus.DONE


class BackplanTarget(Versioned):
    """The date the Cité aims at (a label committee session, the opening): the rétro-planning."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="backplan_target")
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="+", verbose_name=_("jalon visé")
    )
    date = models.DateField(_("date visée"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("cible du rétro-planning")
        verbose_name_plural = _("cibles du rétro-planning")

    def __str__(self) -> str:
        return f"{self.task} — {self.date:%d/%m/%Y}"


class VigilanceStatus(models.TextChoices):
    OPEN = "open", _("À surveiller")
    CONTROLLED = "controlled", _("Maîtrisé")


class VigilancePoint(MethodText, Versioned):
    """A risk the guide warns about, followed by the Cité until it is under control."""

    method_section = "vigilance_points"

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="vigilance_points")
    key = models.SlugField(_("clé"), max_length=80)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    guide_section = models.CharField(_("section du guide"), max_length=300, blank=True)
    status = models.CharField(
        _("état"), max_length=20, choices=VigilanceStatus.choices, default=VigilanceStatus.OPEN
    )
    note = models.TextField(_("mesures prises"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("point de vigilance")
        verbose_name_plural = _("points de vigilance")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"], name="vigilance_unique_key_per_cite"),
        ]

    def __str__(self) -> str:
        return self.get_title_display()
