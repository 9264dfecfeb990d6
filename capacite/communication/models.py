"""The communication plan: actions by tool, with their budget and measured result."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


class Tool(models.TextChoices):
    """The guide's communication tools."""

    WEBSITE = "website", _("Site internet")
    FLYERS = "flyers", _("Flyers")
    BROCHURES = "brochures", _("Plaquettes")
    MAILINGS = "mailings", _("Mailings")
    SOCIAL = "social", _("Réseaux sociaux")
    PRESS = "press", _("Presse")
    OPEN_DAY = "open_day", _("Journée portes ouvertes")


class Action(Versioned):
    """One action of the plan: a tool, a date, a budget, who it targets and how it is measured."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="communication_actions")
    title = models.CharField(_("action"), max_length=200)
    tool = models.CharField(_("outil"), max_length=20, choices=Tool.choices)
    date = models.DateField(_("date"))
    budget = models.DecimalField(_("budget (€)"), max_digits=10, decimal_places=2,
                                 default=Decimal("0.00"),
                                 validators=[MinValueValidator(Decimal("0"))])
    target = models.CharField(_("cible"), max_length=200, blank=True)
    indicator = models.CharField(_("indicateur de résultat"), max_length=200, blank=True,
                                 help_text=_("Par exemple « visiteurs le jour J » ou "
                                             "« abonnés gagnés »."))
    expected = models.CharField(_("objectif"), max_length=100, blank=True)
    result = models.CharField(_("résultat mesuré"), max_length=100, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("action de communication")
        verbose_name_plural = _("actions de communication")
        ordering = ["date", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(budget__gte=0),
                                   name="action_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return self.title
