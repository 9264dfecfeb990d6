"""A Cité's choice to publish its public pages, and what they say about it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


class PublicProfile(Versioned):
    """The public pages of one Cité: unpublished (404 for everybody) until the team opts in."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="public_profile")
    published = models.BooleanField(
        _("publier les pages publiques"), default=False,
        help_text=_("Tant que la case n'est pas cochée, les pages publiques n'existent pas "
                    "pour les visiteurs."))
    presentation = models.TextField(
        _("présentation"), blank=True,
        help_text=_("Ce que la Cité offre, en quelques phrases, pour le grand public."))
    access = models.TextField(
        _("accès"), blank=True,
        help_text=_("Transports en commun, stationnement, accès de plain-pied…"))
    contact = models.CharField(_("contact public"), max_length=200, blank=True,
                               help_text=_("Le téléphone ou l'adresse électronique de "
                                           "l'accueil de la Cité."))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("pages publiques")
        verbose_name_plural = _("pages publiques")

    def __str__(self) -> str:
        return str(self.cite)
