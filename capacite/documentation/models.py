"""The documentation catalogue: resources classified by themes the Cité chooses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


class ResourceKind(models.TextChoices):
    PAPER = "paper", _("Papier")
    ELECTRONIC = "electronic", _("Électronique")
    ONLINE = "online", _("En ligne")
    KIOSK = "kiosk", _("Borne")


class Theme(models.Model):
    """A heading of the Cité's own classification (the guide lets each Cité choose it)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="doc_themes")
    name = models.CharField(_("nom"), max_length=120)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("thème documentaire")
        verbose_name_plural = _("thèmes documentaires")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="doctheme_unique_name_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name


class Resource(Versioned):
    """A document, a database, a website or a kiosk the public may consult at the Cité."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="doc_resources")
    title = models.CharField(_("titre"), max_length=250)
    kind = models.CharField(_("support"), max_length=20, choices=ResourceKind.choices,
                            default=ResourceKind.PAPER)
    description = models.TextField(_("description"), blank=True)
    publisher = models.CharField(_("auteur ou éditeur"), max_length=200, blank=True)
    url = models.URLField(_("adresse web"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="resources",
                                    verbose_name=_("thèmes"))
    rome_codes = models.CharField(
        _("codes ROME"), max_length=200, blank=True,
        help_text=_("Facultatif. Une lettre et quatre chiffres, séparés par des virgules : "
                    "« K2111, M1607 »."))
    loanable = models.BooleanField(_("peut être emprunté"), default=False)
    partner = models.ForeignKey(
        "partners.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="doc_resources", verbose_name=_("fourni par le partenaire"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=["themes"])

    class Meta:
        verbose_name = _("ressource documentaire")
        verbose_name_plural = _("ressources documentaires")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def search_texts(self) -> list[str]:
        """What the word search looks in (themes must be prefetched)."""
        return [self.title, self.description, self.publisher, self.rome_codes,
                *(t.name for t in self.themes.all())]
