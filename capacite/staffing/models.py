"""The team of an open Cité (job descriptions, staff members) and its weekly rosters.

Staff members are employees or seconded counsellors, not visitors: only a name, a function and
what the roster needs (seconding partner, hours on site, availability, desks they can hold).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.partners.choices import StaffFunction

RECEPTION = "reception"
DOCUMENTATION = "documentation"


class JobDescription(Versioned):
    """A fiche de poste: what a position is for, its FTE and who employs or seconds it."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="job_descriptions")
    title = models.CharField(_("intitulé"), max_length=150)
    function = models.CharField(_("fonction"), max_length=20, choices=StaffFunction.choices)
    missions = models.TextField(_("missions"), blank=True)
    skills = models.TextField(_("compétences"), blank=True)
    fte = models.DecimalField(_("ETP"), max_digits=4, decimal_places=2, default=1,
                              validators=[MinValueValidator(0)])
    employer = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="job_descriptions", verbose_name=_("employeur ou partenaire qui met à "
                                                        "disposition"),
        help_text=_("Vide : la structure de la Cité elle-même."),
    )
    reports_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports",
        verbose_name=_("rattaché à"),
    )

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("fiche de poste")
        verbose_name_plural = _("fiches de poste")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "title"], name="jobdescription_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title


class StaffMember(Versioned):
    """A person who holds desks at the Cité.

    `availability` maps a weekday ("0" = Monday … "6") to spans typed as for opening hours
    ("9:30-12:30, 14:00-18:00"); `desks` and `preferred_desks` hold desk keys ("pole-<id>",
    "reception", "documentation"). `user` links the person's account, so they can read their
    own schedule.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="staff_members")
    name = models.CharField(_("nom"), max_length=150)
    function = models.CharField(_("fonction"), max_length=150, blank=True)
    job = models.ForeignKey(JobDescription, on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="holders", verbose_name=_("fiche de poste"))
    partner = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="staff_members", verbose_name=_("partenaire qui le met à disposition"),
        help_text=_("Vide : salarié de la structure de la Cité."),
    )
    site = models.ForeignKey("offer.Site", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="staff_members", verbose_name=_("site"),
                             help_text=_("Vide : peut travailler sur tous les sites."))
    weekly_hours = models.DecimalField(
        _("heures par semaine sur site"), max_digits=4, decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(48)])
    availability = models.JSONField(_("disponibilités"), default=dict, blank=True)
    desks = models.JSONField(_("postes tenus"), default=list, blank=True)
    preferred_desks = models.JSONField(_("postes préférés"), default=list, blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="staff_member",
                                verbose_name=_("compte"))
    active = models.BooleanField(_("en poste"), default=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("membre de l'équipe")
        verbose_name_plural = _("membres de l'équipe")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DeskDemand(models.Model):
    """People needed at a desk of a site: a default for every open slot, or one weekday slot.

    With `weekday` and `start` empty the row is the desk's default; otherwise it overrides that
    30-minute slot of the ordinary week (the demand grid).
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("offer.Site", on_delete=models.CASCADE, related_name="desk_demand")
    desk = models.CharField(_("poste"), max_length=30)
    weekday = models.PositiveSmallIntegerField(_("jour"), null=True, blank=True)
    start = models.TimeField(_("début du créneau"), null=True, blank=True)
    people = models.PositiveSmallIntegerField(_("personnes"), validators=[MaxValueValidator(20)])

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("besoin d'un poste")
        verbose_name_plural = _("besoins des postes")
        constraints = [
            models.UniqueConstraint(fields=["site", "desk", "weekday", "start"],
                                    name="deskdemand_one_per_slot"),
            models.UniqueConstraint(fields=["site", "desk"],
                                    condition=models.Q(weekday__isnull=True),
                                    name="deskdemand_one_default"),
        ]

    def __str__(self) -> str:
        when = f" {self.weekday} {self.start:%H:%M}" if self.start else ""
        return f"{self.desk}{when} : {self.people}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours de calcul")
    DONE = "done", _("Calculé")
    FAILED = "failed", _("Échec")


class RosterRun(Versioned):
    """One roster of a site for a week: the instance solved, its solution, locks and checks.

    `instance` and `solution` are the JSON of `docs/roster-format.md`; `locks` lists the
    assignments kept by hand (`staff`, `desk`, `day`, `start`) for the next solve; `violations`
    holds the validator's French messages after a hand edit (empty: valid). The latest run of a
    site and week is the roster shown.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="roster_runs")
    site = models.ForeignKey("offer.Site", on_delete=models.CASCADE, related_name="roster_runs",
                             verbose_name=_("site"))
    week_start = models.DateField(_("semaine du"))
    status = models.CharField(_("état"), max_length=10, choices=RunStatus.choices,
                              default=RunStatus.QUEUED)
    time_limit = models.PositiveIntegerField(_("temps de calcul maximal (s)"), default=10)
    instance = models.JSONField(_("instance"), default=dict)
    solution = models.JSONField(_("solution"), null=True, blank=True)
    locks = models.JSONField(_("affectations verrouillées"), default=list, blank=True)
    violations = models.JSONField(_("règles enfreintes"), default=list, blank=True)
    edited = models.BooleanField(_("retouché à la main"), default=False)
    error = models.TextField(_("erreur"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("démarré le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("planning calculé")
        verbose_name_plural = _("plannings calculés")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["site", "week_start"])]

    def __str__(self) -> str:
        return f"{self.site} — {self.week_start:%d/%m/%Y}"
