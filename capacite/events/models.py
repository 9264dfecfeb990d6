"""The events programme: forums, workshops, job dating… and the programming committee's choice."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


class EventStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposé")
    RETAINED = "retained", _("Retenu")
    REFUSED = "refused", _("Refusé")


class Event(Versioned):
    """An event of the programme. Only retained ones reach the public agenda and its feed."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    site = models.ForeignKey("offer.Site", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="events", verbose_name=_("site de la Cité"))
    place = models.CharField(_("autre lieu"), max_length=250, blank=True,
                             help_text=_("Si l'événement a lieu ailleurs que sur un site de la "
                                         "Cité : l'adresse en toutes lettres."))
    pole = models.ForeignKey("offer.Pole", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="events", verbose_name=_("pôle"))
    theme = models.CharField(_("thème"), max_length=150, blank=True)
    partners = models.ManyToManyField("partners.Organisation", blank=True, related_name="events",
                                      verbose_name=_("partenaires"))
    publics = models.ManyToManyField("partners.Public", blank=True, related_name="events",
                                     verbose_name=_("publics visés"))
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True,
                                           help_text=_("Vide : sans limite."))
    accessibility = models.TextField(_("accessibilité"), blank=True,
                                     help_text=_("Accès en fauteuil, boucle magnétique, "
                                                 "interprète LSF…"))
    status = models.CharField(_("choix du comité de programmation"), max_length=10,
                              choices=EventStatus.choices, default=EventStatus.PROPOSED)
    decided_on = models.DateField(_("date de la décision"), null=True, blank=True)
    decision = models.ForeignKey(
        "governance.Decision", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="events", verbose_name=_("décision au registre"),
        help_text=_("Facultatif : la décision du comité de programmation, si elle est "
                    "inscrite au registre des décisions."))
    committee_note = models.TextField(_("note du comité"), blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=["partners", "publics"])

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["starts_at", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="event_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def where(self) -> str:
        if self.site_id:
            site = self.site
            return ", ".join(x for x in (site.name, site.address, site.commune) if x)
        return self.place
