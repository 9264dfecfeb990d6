"""Pôles de conseil, sites and their opening hours."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.offer.domain.hours import WEEKDAYS


class Pole(Versioned):
    """An advice desk, named the way the public words its concern (3 to 7 per Cité)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="poles")
    name = models.CharField(_("nom"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    partners = models.ManyToManyField(
        "partners.Organisation", blank=True, related_name="poles",
        verbose_name=_("partenaires qui l'animent"),
    )

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=["partners"])

    class Meta:
        verbose_name = _("pôle de conseil")
        verbose_name_plural = _("pôles de conseil")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="pole_unique_name_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name


class SiteKind(models.TextChoices):
    MAIN = "main", _("Site principal")
    SITE = "site", _("Autre site")
    ASSOCIATED = "associated", _("Centre associé")
    RELAY = "relay", _("Point relais")


class HolidayZone(models.TextChoices):
    """Which French public holidays apply (codes of the `holidays` package)."""

    METROPOLE = "", _("France métropolitaine")
    ALSACE = "6AE", _("Alsace")
    MOSELLE = "57", _("Moselle")
    GUADELOUPE = "971", _("Guadeloupe")
    MARTINIQUE = "972", _("Martinique")
    GUYANE = "973", _("Guyane")
    REUNION = "974", _("La Réunion")
    MAYOTTE = "976", _("Mayotte")


class Site(Versioned):
    """A place where the Cité receives the public: main site, other site, associated centre or
    relay point (the guide: an associated centre respects the charter without three pôles)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("nom"), max_length=150)
    kind = models.CharField(_("type"), max_length=20, choices=SiteKind.choices,
                            default=SiteKind.MAIN)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    holiday_zone = models.CharField(_("jours fériés"), max_length=5, choices=HolidayZone.choices,
                                    default=HolidayZone.METROPOLE, blank=True)
    poles = models.ManyToManyField(Pole, blank=True, related_name="sites",
                                   verbose_name=_("pôles offerts"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="site_unique_name_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name


class WeeklyHours(models.Model):
    """One opening span of a site's ordinary week."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="weekly_hours")
    weekday = models.PositiveSmallIntegerField(
        _("jour"), choices=[(i, name) for i, name in enumerate(WEEKDAYS)])
    opens = models.TimeField(_("ouverture"))
    closes = models.TimeField(_("fermeture"))

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("plage d'ouverture")
        verbose_name_plural = _("plages d'ouverture")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")),
                                   name="weeklyhours_closes_after_opens"),
        ]

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.opens:%H:%M}-{self.closes:%H:%M}"


class DayException(models.Model):
    """A day whose hours differ from the week's pattern; no hours means closed that day."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="exceptions")
    day = models.DateField(_("jour"))
    hours = models.CharField(_("horaires"), max_length=100, blank=True,
                             help_text=_("Vide : fermé ce jour-là. Sinon par exemple "
                                         "« 14:00-17:00 »."))
    label = models.CharField(_("motif"), max_length=150, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["site", "day"], name="dayexception_one_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.hours or '—'}"


class Closure(models.Model):
    """An annual closure of a site, both days included."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="closures")
    first = models.DateField(_("du"))
    last = models.DateField(_("au"))
    label = models.CharField(_("motif"), max_length=150, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("fermeture")
        verbose_name_plural = _("fermetures")
        ordering = ["first"]
        constraints = [
            models.CheckConstraint(condition=models.Q(last__gte=models.F("first")),
                                   name="closure_last_not_before_first"),
        ]

    def __str__(self) -> str:
        return f"{self.first:%d/%m/%Y}–{self.last:%d/%m/%Y}"
