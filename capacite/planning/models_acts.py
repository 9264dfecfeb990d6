"""Actes d'engagement financier: the signed commitment behind a funding line (the convention or
the funder's vote), as a dated file. The label fonctionnement dossier lists which are signed."""

import uuid
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite


def act_path(act: "FundingAct", filename: str) -> str:
    return f"cites/{act.cite_id}/planning/acts/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ActKind(models.TextChoices):
    CONVENTION = "convention", _("Convention signée")
    VOTE = "vote", _("Délibération ou vote du financeur")
    NOTIFICATION = "notification", _("Notification d'attribution")


class FundingAct(Versioned):
    """The signed act of one funding line; a line has at most one (a new act replaces it)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    line = models.OneToOneField("planning.FundingLine", on_delete=models.CASCADE,
                                related_name="act", verbose_name=_("ligne de financement"))
    kind = models.CharField(_("nature de l'acte"), max_length=20, choices=ActKind.choices,
                            default=ActKind.CONVENTION)
    signed_on = models.DateField(_("signé ou voté le"))
    reference = models.CharField(_("référence"), max_length=150, blank=True,
                                 help_text=_("Numéro de convention, de délibération…"))
    file = models.FileField(_("acte"), upload_to=act_path, blank=True, max_length=200)
    filename = models.CharField(_("nom du fichier"), max_length=200, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version", "file"])

    class Meta:
        verbose_name = _("acte d'engagement financier")
        verbose_name_plural = _("actes d'engagement financier")
        ordering = ["signed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.signed_on:%d/%m/%Y}"
