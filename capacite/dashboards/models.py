"""What the dashboards app keeps of its own: whether a Cité shows its name to the network, its
quality indicators, and the settings of its opening-hours advice."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


class NetworkSharing(models.Model):
    """A Cité's choice to appear by name in the network's benchmarks (otherwise « Cité C »)."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="network_sharing")
    share_name = models.BooleanField(
        _("montrer le nom de la Cité dans les comparaisons du réseau"), default=False)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("partage avec le réseau")
        verbose_name_plural = _("partages avec le réseau")

    def __str__(self) -> str:
        return str(self.cite)


class Frequency(models.TextChoices):
    MONTH = "month", _("mensuelle")
    YEAR = "year", _("annuelle")


class QualityIndicator(models.Model):
    """One indicator of the evaluation plan: the network's common set (computed from capacite's
    data by `quality.COMPUTED`) or one the Cité enters itself, each with the target the comité
    de pilotage set — recorded as a decision of the register."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="quality_indicators")
    name = models.CharField(_("indicateur"), max_length=200)
    definition = models.TextField(_("définition"))
    computed = models.CharField(
        _("calculé par capacite"), max_length=40, blank=True,
        help_text=_("Vide : la valeur est saisie pour chaque période."))
    owner = models.ForeignKey(
        "partners.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("partenaire responsable"))
    frequency = models.CharField(_("fréquence"), max_length=10, choices=Frequency.choices,
                                 default=Frequency.YEAR)
    target = models.DecimalField(_("cible"), max_digits=12, decimal_places=2, null=True,
                                 blank=True)
    higher_is_better = models.BooleanField(_("plus c'est haut, mieux c'est"), default=True)
    target_decision = models.ForeignKey(
        "governance.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("décision fixant la cible"))
    position = models.PositiveIntegerField(default=0)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("indicateur qualité")
        verbose_name_plural = _("indicateurs qualité")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """The value entered for one period (its first day) of an indicator that is not computed."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(QualityIndicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(_("période"))
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("valeur d'indicateur")
        verbose_name_plural = _("valeurs d'indicateurs")
        constraints = [models.UniqueConstraint(fields=["indicator", "period_start"],
                                               name="indicator_value_one_per_period")]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.period_start:%m/%Y} : {self.value}"


class OpeningAdviceSettings(Versioned):
    """What the opening-hours advice (issue 15, point 7) reads from the Cité: the average length
    of an interview at a pôle, below which share of their time rostered advisers are idle, and
    the people an open pôle always keeps (`dashboards/domain/advice.py`)."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE,
                                related_name="opening_advice_settings")
    interview_minutes = models.PositiveSmallIntegerField(
        _("durée moyenne d'un entretien (minutes)"), default=45,
        validators=[MinValueValidator(5), MaxValueValidator(240)])
    idle_percent = models.PositiveSmallIntegerField(
        _("seuil de sous-occupation (pourcentage du temps des conseillers)"), default=25,
        validators=[MinValueValidator(1), MaxValueValidator(99)])
    minimum_people = models.PositiveSmallIntegerField(
        _("conseillers toujours présents à un pôle ouvert"), default=1,
        validators=[MaxValueValidator(5)])

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("réglages du conseil sur les horaires")
        verbose_name_plural = _("réglages du conseil sur les horaires")

    def __str__(self) -> str:
        return str(self.cite)
