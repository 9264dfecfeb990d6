"""Cités (the tenants) and the roles people hold in them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned


class Phase(models.TextChoices):
    """The guide's phases, plus the open Cité ("fonctionnement")."""

    EMERGENCE = "emergence", _("Émergence")
    CONSTRUCTION = "construction", _("Construction")
    IMPLEMENTATION = "implementation", _("Mise en œuvre")
    OPERATION = "operation", _("Fonctionnement")


class Role(models.TextChoices):
    """What a person does in a Cité. The label authority is instance-wide (no Cité)."""

    PROJECT_LEAD = "project_lead", _("Porteur de projet")
    SPONSOR = "sponsor", _("Porteur politique")
    PARTNER = "partner", _("Représentant d'un partenaire")
    DIRECTOR = "director", _("Directeur ou directrice")
    STAFF = "staff", _("Équipe")
    RECEPTION = "reception", _("Accueil")
    LABEL_AUTHORITY = "label_authority", _("Autorité de label")


class Cite(Versioned):
    """One Cité des métiers, from project to open centre: the tenant every other record hangs on."""

    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    territory = models.CharField(_("territoire"), max_length=200, blank=True)
    phase = models.CharField(
        _("phase en cours"), max_length=20, choices=Phase.choices, default=Phase.EMERGENCE
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    # The label fonctionnement is due at the latest one year after this day (review's deadline).
    opened_on = models.DateField(
        _("ouverte au public le"), null=True, blank=True,
        help_text=_("Le jour de l'ouverture : le dossier de confirmation du label fonctionnement "
                    "est attendu au plus tard un an après."))
    invitation_email = models.EmailField(
        _("adresse des invitations"), blank=True,
        help_text=_("L'organisateur des invitations aux réunions (.ics) et l'adresse à laquelle "
                    "on répond à leur courriel. Vide : l'adresse d'envoi de l'instance."))
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("Cité des métiers")
        verbose_name_plural = _("Cités des métiers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role in one Cité, or the instance-wide label authority (then no Cité).

    Its history keeps who gave, changed or took away a role and when (the members page shows
    it): taking a role away deletes the row, the history keeps its last state.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("personne"),
    )
    cite = models.ForeignKey(
        Cite,
        on_delete=models.CASCADE,
        related_name="memberships",
        null=True,
        blank=True,
        verbose_name=_("Cité"),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rôle d'une personne")
        verbose_name_plural = _("rôles des personnes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cite", "role"], name="membership_unique_role_per_cite"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(role="label_authority"),
                name="membership_one_label_authority_per_user",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(role="label_authority", cite__isnull=True)
                    | (~models.Q(role="label_authority") & models.Q(cite__isnull=False))
                ),
                name="membership_label_authority_has_no_cite",
            ),
        ]

    def __str__(self) -> str:
        where = self.cite.name if self.cite_id else _("toutes les Cités")
        return f"{self.user} — {self.get_role_display()} ({where})"
