"""The territorial diagnosis: indicators, a narrative per theme, and the existing offer map."""

from decimal import Decimal

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.diagnosis.choices import Service, Theme, Unit


class Indicator(Versioned):
    """A figure of the diagnosis with its territory, date and source.

    `territory` is text: a commune or EPCI of the Cité's territory (offered in the form) or any
    wider area the source uses ("Département", "Zone d'emploi de Rivemont").
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="indicators")
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    label = models.CharField(_("indicateur"), max_length=200)
    value = models.DecimalField(_("valeur"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unité"), max_length=20, choices=Unit.choices)
    territory = models.CharField(_("territoire"), max_length=150, blank=True)
    observed_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=250, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["theme", "label", "-observed_on"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "theme", "label", "territory", "observed_on"],
                                    name="indicator_unique_per_cite"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def shown_value(self) -> str:
        """The value as French readers write it, without useless zeros: 8.70 → "8,7",
        6180.00 → "6 180"."""
        value = (self.value.quantize(Decimal("1")) if self.value == self.value.to_integral_value()
                 else self.value.normalize())
        return number_format(value, force_grouping=True)


class Narrative(Versioned):
    """What the figures of one theme say, written by the project team."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="diagnosis_narratives")
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    text = models.TextField(_("analyse"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("analyse d'un thème")
        verbose_name_plural = _("analyses des thèmes")
        constraints = [
            models.UniqueConstraint(fields=["cite", "theme"], name="narrative_one_per_theme"),
        ]

    def __str__(self) -> str:
        return self.get_theme_display()


class OfferMapEntry(Versioned):
    """What one actor of the territory already offers the public, with its strengths and
    weaknesses (the guide's "cartographie de l'offre de service existante")."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="offer_map")
    organisation = models.ForeignKey("partners.Organisation", on_delete=models.CASCADE,
                                     related_name="existing_offer",
                                     verbose_name=_("acteur"))
    walk_in = models.BooleanField(Service.WALK_IN.label, default=False)
    appointment = models.BooleanField(Service.APPOINTMENT.label, default=False)
    documentation = models.BooleanField(Service.DOCUMENTATION.label, default=False)
    events = models.BooleanField(Service.EVENTS.label, default=False)
    workshops = models.BooleanField(Service.WORKSHOPS.label, default=False)
    portal = models.BooleanField(Service.PORTAL.label, default=False)
    strengths = models.TextField(_("forces"), blank=True)
    weaknesses = models.TextField(_("faiblesses"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("offre existante d'un acteur")
        verbose_name_plural = _("offre existante")
        constraints = [
            models.UniqueConstraint(fields=["cite", "organisation"],
                                    name="offermapentry_one_per_actor"),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    def services(self) -> frozenset[str]:
        return frozenset(s for s in Service.values if getattr(self, s))
