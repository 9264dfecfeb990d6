"""The workshops planner: thematic groups, their sessions, and the proposals they produce."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.governance.choices import DossierPart


class WorkshopGroup(Versioned):
    """A working group on one theme (the guide: 3 to 5 groups of 12 to 20 participants).

    Participants are named people (contacts) and, where nobody is named yet, organisations.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="workshop_groups")
    theme = models.CharField(_("thème"), max_length=200)
    purpose = models.TextField(_("rôle du groupe"), blank=True)
    contacts = models.ManyToManyField("partners.Contact", blank=True, related_name="+",
                                      verbose_name=_("participants"))
    organisations = models.ManyToManyField(
        "partners.Organisation", blank=True, related_name="+",
        verbose_name=_("organisations participantes sans personne désignée"),
    )

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("groupe de travail")
        verbose_name_plural = _("groupes de travail")
        ordering = ["theme"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "theme"], name="workshop_unique_theme"),
        ]

    def __str__(self) -> str:
        return self.theme


class WorkshopSession(models.Model):
    """One working session of a group, on a date."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(WorkshopGroup, on_delete=models.CASCADE, related_name="sessions",
                              verbose_name=_("groupe de travail"))
    date = models.DateField(_("date"))
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    agenda = models.TextField(_("ordre du jour"), blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("séance de travail")
        verbose_name_plural = _("séances de travail")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.group} — {self.date:%d/%m/%Y}"


class WorkshopProposal(Versioned):
    """A proposal of a group, tagged with the part of the dossier de label projet it feeds."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(WorkshopGroup, on_delete=models.CASCADE, related_name="proposals",
                              verbose_name=_("groupe de travail"))
    title = models.CharField(_("proposition"), max_length=300)
    details = models.TextField(_("précisions"), blank=True)
    dossier_part = models.CharField(_("partie du dossier alimentée"), max_length=30,
                                    choices=DossierPart.choices, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("proposition")
        verbose_name_plural = _("propositions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title
