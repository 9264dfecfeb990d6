"""The French territory reference (instance-wide) and each Cité's territory (tenant data).

Régions, départements, EPCI and communes are reference data shared by every Cité: they have no
Cité and no scope, and are only written by `capacite load_territories`. Each row belongs to one
year (the "millésime" of the source); codes are unique within a year, and relations always point
to rows of the same year (the loader guarantees it).

A Cité's territory (`CiteTerritory`) is a choice of communes and EPCI of that reference.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.models import Cite


class Region(models.Model):
    """A région, by its INSEE code (two or three characters)."""

    year = models.PositiveSmallIntegerField(_("millésime"))
    code = models.CharField(_("code"), max_length=3)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        verbose_name = _("région")
        verbose_name_plural = _("régions")
        ordering = ["year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="region_unique_year_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Departement(models.Model):
    """A département (or a collectivité d'outre-mer with a département-like code)."""

    year = models.PositiveSmallIntegerField(_("millésime"))
    code = models.CharField(_("code"), max_length=3)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departements", verbose_name=_("région")
    )

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="departement_unique_year_code"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    """An EPCI à fiscalité propre (CC, CA, CU, métropole), by its SIREN number."""

    year = models.PositiveSmallIntegerField(_("millésime"))
    code = models.CharField(_("SIREN"), max_length=9)
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=10)
    population = models.PositiveIntegerField(_("population municipale"), null=True, blank=True)
    search_name = models.CharField(_("nom pour la recherche"), max_length=200, editable=False)

    class Meta:
        verbose_name = _("EPCI")
        verbose_name_plural = _("EPCI")
        ordering = ["year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="epci_unique_year_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """A current commune, by its INSEE code, with its département, région and EPCI."""

    year = models.PositiveSmallIntegerField(_("millésime"))
    code = models.CharField(_("code INSEE"), max_length=5)
    name = models.CharField(_("nom"), max_length=100)
    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="communes",
        verbose_name=_("département"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="communes", verbose_name=_("région")
    )
    epci = models.ForeignKey(
        Epci, on_delete=models.PROTECT, null=True, blank=True, related_name="communes",
        verbose_name=_("EPCI"),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    postal_codes = models.CharField(_("codes postaux"), max_length=200, blank=True)
    search_name = models.CharField(_("nom pour la recherche"), max_length=100, editable=False)

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["year", "name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="commune_unique_year_code"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class CiteTerritory(models.Model):
    """The territory a Cité serves: communes and EPCI chosen from the reference.

    The communes of the territory are the chosen communes plus every member of the chosen EPCI
    (`capacite.territory.services.communes_of`).
    """

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="territory_choice")
    communes = models.ManyToManyField(
        Commune, blank=True, related_name="+", verbose_name=_("communes choisies")
    )
    epcis = models.ManyToManyField(
        Epci, blank=True, related_name="+", verbose_name=_("EPCI choisis")
    )

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(m2m_fields=["communes", "epcis"])

    class Meta:
        verbose_name = _("territoire de la Cité")
        verbose_name_plural = _("territoires des Cités")

    def __str__(self) -> str:
        return str(self.cite)
