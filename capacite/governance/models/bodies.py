"""Bodies (instances), their members, meetings with agenda, attendance, minutes and decisions."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.governance.choices import SUGGESTED_FREQUENCY, AttendanceStatus, BodyKind
from capacite.governance.models.files import governance_upload_path


class Body(Versioned):
    """One of the guide's instances (steering committee, technical committee…) in this Cité."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("nature"), max_length=20, choices=BodyKind.choices)
    name = models.CharField(_("nom"), max_length=150)
    frequency = models.CharField(
        _("fréquence de réunion"), max_length=200, blank=True,
        help_text=_("Laissez vide pour reprendre la fréquence suggérée par le guide."),
    )
    missions = models.TextField(_("missions"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("instance")
        verbose_name_plural = _("instances")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="body_unique_name_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def suggested_frequency(self) -> str:
        return str(SUGGESTED_FREQUENCY.get(self.kind, ""))

    @property
    def effective_frequency(self) -> str:
        return self.frequency or self.suggested_frequency


class BodyMember(Versioned):
    """An organisation sitting on a body, optionally through a named contact, with its role.

    Removing a member sets `left_on` instead of deleting the row, so the attendance recorded at
    past meetings stays in their minutes; the body's current members are those without it.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members",
                             verbose_name=_("instance"))
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="body_seats",
        verbose_name=_("organisation"),
    )
    contact = models.ForeignKey(
        "partners.Contact", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("personne"),
    )
    role = models.CharField(_("rôle dans l'instance"), max_length=150, blank=True)
    left_on = models.DateField(_("ne siège plus depuis le"), null=True, blank=True,
                               editable=False)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        ordering = ["organisation__name", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.contact}" if self.contact else str(self.organisation)


class Meeting(Versioned):
    """A meeting of a body. `uid` keeps the calendar invitation the same event when re-sent."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="meetings")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings",
                             verbose_name=_("instance"))
    starts_at = models.DateTimeField(_("date et heure"))
    duration_minutes = models.PositiveIntegerField(
        _("durée prévue (minutes)"), default=120, validators=[MinValueValidator(1)]
    )
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    agenda_sent_at = models.DateTimeField(_("ordre du jour envoyé le"), null=True, blank=True,
                                          editable=False)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(duration_minutes__gte=1),
                                   name="meeting_duration_at_least_one_minute"),
        ]

    def __str__(self) -> str:
        from django.utils import timezone

        return _("%(body)s du %(date)s") % {
            "body": self.body.name,
            "date": timezone.localtime(self.starts_at).strftime("%d/%m/%Y"),
        }

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class AgendaItem(Versioned):
    """A point of the agenda; its minutes are written during or after the meeting.

    Versioned because two people often take notes at once: neither overwrites the other.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items",
                                verbose_name=_("réunion"))
    position = models.PositiveIntegerField(_("ordre"), default=0)
    title = models.CharField(_("intitulé"), max_length=200)
    duration_minutes = models.PositiveIntegerField(_("durée (minutes)"), default=15)
    presenter = models.CharField(_("présenté par"), max_length=150, blank=True)
    minutes = models.TextField(_("compte rendu"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("point de l'ordre du jour")
        verbose_name_plural = _("points de l'ordre du jour")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class AgendaDocument(models.Model):
    """A document attached to an agenda item, stored under a generated name."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents",
                             verbose_name=_("point de l'ordre du jour"))
    file = models.FileField(_("document"), upload_to=governance_upload_path, max_length=200)
    filename = models.CharField(_("nom du fichier"), max_length=200)
    uploaded_at = models.DateTimeField(_("déposé le"), auto_now_add=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class Attendance(models.Model):
    """Whether a member attended a meeting (present, excused, absent)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(BodyMember, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(_("présence"), max_length=10, choices=AttendanceStatus.choices)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"],
                                    name="attendance_one_per_member_and_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_status_display()}"


class Decision(Versioned):
    """A decision or validation of a body, the entries of the decisions register."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="decisions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions",
                             verbose_name=_("instance"))
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="decisions", verbose_name=_("réunion"))
    decided_on = models.DateField(_("date"))
    title = models.CharField(_("décision"), max_length=300)
    details = models.TextField(_("précisions"), blank=True)
    validates = models.CharField(
        _("ce qu'elle valide"), max_length=300, blank=True,
        help_text=_("Un livrable, un scénario, un budget… en toutes lettres."),
    )
    task = models.ForeignKey(
        "roadmap.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("tâche de la feuille de route validée"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("enregistrée par"), editable=False,
    )

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return self.title


def current_members(body: Body) -> models.QuerySet:
    """The organisations that sit on `body` today (removed members excluded)."""
    return body.members.filter(left_on__isnull=True)


def members_at(meeting: Meeting) -> models.QuerySet:
    """The members convened to `meeting`: those seated on its day, and anyone whose attendance
    was recorded there (so a member removed later still shows in the minutes)."""
    from django.utils import timezone

    day = timezone.localtime(meeting.starts_at).date()
    return meeting.body.members.filter(
        models.Q(left_on__isnull=True) | models.Q(left_on__gt=day)
        | models.Q(attendances__meeting=meeting)).distinct()
