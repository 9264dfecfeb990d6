"""What happens with an organisation over time: interactions, commitments and contributions.

Kept apart from models.py (which the governance app also reads) so each file stays short; the
models are re-exported from `capacite.partners.models`.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite, Membership
from capacite.partners.choices import (
    CommitmentKind,
    CommitmentStatus,
    InteractionKind,
    StaffFunction,
)


class Interaction(Versioned):
    """One exchange with an organisation: who met whom, what was said, and what comes next.

    The next step stays open until somebody marks it done, so the alerts can list those past
    their date.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="interactions")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="interactions",
        verbose_name=_("organisation"),
    )
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("nature"), max_length=20, choices=InteractionKind.choices,
                            default=InteractionKind.MEETING)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+",
        verbose_name=_("pour le projet"),
    )
    contacts = models.ManyToManyField(
        "partners.Contact", blank=True, related_name="interactions",
        verbose_name=_("contacts rencontrés"),
    )
    summary = models.TextField(_("résumé"))
    next_step = models.CharField(_("prochaine étape"), max_length=300, blank=True)
    next_step_on = models.DateField(_("date de la prochaine étape"), null=True, blank=True)
    next_step_done = models.BooleanField(_("prochaine étape faite"), default=False)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("échange")
        verbose_name_plural = _("échanges")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_step_on__isnull=True) | ~models.Q(next_step=""),
                name="interaction_next_step_date_needs_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_kind_display()} ({self.occurred_on:%d/%m/%Y})"


def commitment_path(commitment: "Commitment", filename: str) -> str:
    """Store uploads under a generated name: a user's file name never becomes a path."""
    suffix = Path(filename).suffix.lower()
    return f"cites/{commitment.cite_id}/partners/{uuid.uuid4().hex}{suffix}"


class Commitment(Versioned):
    """A letter of intent, a commitment letter, the charter convention or a financial pledge."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="commitments")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="commitments",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("nature"), max_length=30, choices=CommitmentKind.choices)
    status = models.CharField(_("état"), max_length=20, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.REQUESTED)
    dated = models.DateField(_("date"))
    file = models.FileField(_("fichier"), upload_to=commitment_path, blank=True, max_length=200)
    filename = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["organisation__name", "kind", "-dated"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.organisation} ({self.get_status_display()})"


class Contribution(Versioned):
    """What a partner brings for one year: staff time, valued in-kind resources, money.

    One line carries any of the three; the scenarios and budget read them through
    `partners.services.contributions_for_year()`.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="contributions")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="contributions",
        verbose_name=_("organisation"),
    )
    year = models.PositiveIntegerField(_("année"), validators=[MinValueValidator(2000)])
    function = models.CharField(_("fonction"), max_length=20, choices=StaffFunction.choices,
                                blank=True)
    pole = models.CharField(_("pôle"), max_length=120, blank=True,
                            help_text=_("Le pôle de conseil concerné, s'il y a lieu."))
    fte = models.DecimalField(_("ETP"), max_digits=5, decimal_places=2, default=0,
                              validators=[MinValueValidator(0)])
    in_kind_eur = models.DecimalField(_("apport en nature valorisé (€)"), max_digits=12,
                                      decimal_places=2, default=0,
                                      validators=[MinValueValidator(0)])
    money_eur = models.DecimalField(_("apport financier (€)"), max_digits=12, decimal_places=2,
                                    default=0, validators=[MinValueValidator(0)])
    description = models.CharField(_("description"), max_length=300, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["organisation__name", "-year", "function"]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.year}"


class PartnerLink(models.Model):
    """Which organisation a partner representative speaks for in this Cité.

    A partner representative may update the commitments and contributions of that organisation
    only; without a link the role reads.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="partner_links")
    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="partner_link",
        verbose_name=_("représentant"),
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="partner_links",
        verbose_name=_("organisation"),
    )

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("lien représentant–organisation")
        verbose_name_plural = _("liens représentant–organisation")

    def __str__(self) -> str:
        return f"{self.membership.user} → {self.organisation}"
