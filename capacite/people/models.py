"""Invitations: how a person gets a role in a Cité without anybody opening a shell."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from capacite.core.models import Cite, Role


class Invitation(models.Model):
    """An e-mailed, single-use link that gives `role` in `cite` to whoever opens it in time.

    Only a hash of the link's secret is stored: a copy of the database does not let anybody
    accept a pending invitation. A self-service start (`CAPACITE_SELF_SERVICE_START`) has no
    Cité yet: `cite_request` holds the Cité to create when the future project lead accepts.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="invitations", verbose_name=_("Cité"))
    email = models.EmailField(_("adresse électronique"))
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("organisation représentée"),
        help_text=_("Pour un représentant de partenaire : l'organisation dont il met à jour "
                    "les engagements et les contributions."))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("invité par"))
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    expires_at = models.DateTimeField(_("valable jusqu'au"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("acceptée par"))
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    cite_request = models.JSONField(_("Cité à créer"), null=True, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cite__isnull=False) | models.Q(cite_request__isnull=False),
                name="invitation_has_a_cite_or_a_cite_to_create",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="label_authority"),
                name="invitation_never_gives_the_label_authority",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} — {self.get_role_display()}"
