"""Premises: the space programme and the candidate premises, one of them chosen."""

import uuid
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.premises.choices import TRANSPORT_SHORT, Transport, Zone


class SpaceProgramme(Versioned):
    """The useful surface wanted for each zone of the guide, in m² (one per Cité)."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="space_programme")
    reception = models.PositiveIntegerField(Zone.RECEPTION.label, default=0)
    poles = models.PositiveIntegerField(Zone.POLES.label, default=0)
    documentation = models.PositiveIntegerField(Zone.DOCUMENTATION.label, default=0)
    individual = models.PositiveIntegerField(Zone.INDIVIDUAL.label, default=0)
    collective = models.PositiveIntegerField(Zone.COLLECTIVE.label, default=0)
    meeting = models.PositiveIntegerField(Zone.MEETING.label, default=0)
    exhibition = models.PositiveIntegerField(Zone.EXHIBITION.label, default=0)
    notes = models.TextField(_("remarques"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("programme des surfaces")
        verbose_name_plural = _("programmes des surfaces")

    def __str__(self) -> str:
        return str(_("Programme des surfaces"))

    def surfaces(self) -> dict[str, int]:
        """Zone → m², in the guide's order."""
        return {zone: getattr(self, zone) for zone in Zone.values}


def plan_path(candidate: "Candidate", filename: str) -> str:
    """Store uploads under a generated name: a user's file name never becomes a path."""
    return f"cites/{candidate.cite_id}/premises/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Candidate(Versioned):
    """Premises that could house the Cité's main site; at most one is chosen."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="premises")
    name = models.CharField(_("nom"), max_length=150)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    surface_m2 = models.PositiveIntegerField(_("surface (m²)"))
    transport = models.CharField(_("desserte en transports en commun"), max_length=10,
                                 choices=Transport.choices, default=Transport.FAIR)
    transport_notes = models.CharField(_("lignes et arrêts"), max_length=250, blank=True)
    step_free = models.BooleanField(_("accès de plain-pied"), default=False)
    central = models.BooleanField(_("position centrale"), default=False)
    open_plan = models.BooleanField(
        _("plateau ouvert"), default=False,
        help_text=_("Un seul niveau, organisable en espace ouvert : dès l'entrée, on voit tout ce "
                    "que la Cité offre."))
    shared_with = models.ManyToManyField("partners.Organisation", blank=True,
                                         related_name="shared_premises",
                                         verbose_name=_("partagé avec"))
    rent_eur = models.DecimalField(_("loyer et charges par an (€)"), max_digits=12,
                                   decimal_places=2, null=True, blank=True)
    works_eur = models.DecimalField(_("travaux d'aménagement estimés (€)"), max_digits=12,
                                    decimal_places=2, null=True, blank=True)
    notes = models.TextField(_("remarques"), blank=True)
    chosen = models.BooleanField(_("retenu"), default=False, editable=False)
    plan = models.FileField(_("plan d'aménagement"), upload_to=plan_path, blank=True,
                            max_length=200)
    plan_filename = models.CharField(_("nom du fichier du plan"), max_length=200, blank=True)

    objects = ScopedManager(cite="cite")
    # The stored name of the plan means nothing to a reader; its file name is kept.
    history = HistoricalRecords(excluded_fields=["version", "plan"])

    class Meta:
        verbose_name = _("local envisagé")
        verbose_name_plural = _("locaux envisagés")
        ordering = ["-chosen", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="candidate_unique_name"),
            models.UniqueConstraint(fields=["cite"], condition=models.Q(chosen=True),
                                    name="candidate_one_chosen_per_cite"),
        ]

    def __str__(self) -> str:
        return self.name

    def transport_short(self) -> str:
        return str(TRANSPORT_SHORT.get(Transport(self.transport), self.transport))


from capacite.premises.models_fitted import FittedSpace, SpacePhoto  # noqa: E402,F401
