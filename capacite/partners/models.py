"""Organisations of a Cité's territory, their people, and their position toward the project."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.partners.choices import FirstCircle, OrganisationKind, Stance, shown_public_label


class Public(models.Model):
    """A public the Cité serves (the guide's list, extensible per Cité)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="publics")
    key = models.SlugField(_("clé"), max_length=60)
    label = models.CharField(_("intitulé"), max_length=100)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"], name="public_unique_key_per_cite"),
        ]

    def __str__(self) -> str:
        return self.get_label_display()

    def get_label_display(self) -> str:
        return shown_public_label(self.key, self.label)


class Organisation(Versioned):
    """An actor of the territory: institution, operator, economic actor, social partner…

    `fields` and `roles` hold lists of FieldOfAction and ActorRole values; publics are a
    many-to-many because each Cité may add its own.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind.choices)
    first_circle = models.CharField(
        _("premier cercle"), max_length=30, choices=FirstCircle.choices, blank=True,
        help_text=_("La catégorie du premier cercle du guide, pour une institution qui en fait "
                    "partie."),
    )
    fields = models.JSONField(_("champs d'intervention"), default=list, blank=True)
    publics = models.ManyToManyField(Public, blank=True, verbose_name=_("publics"))
    roles = models.JSONField(_("rôles"), default=list, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    website = models.URLField(_("site web"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Contact(Versioned):
    """A person at an organisation, with the minimum the partnership needs.

    Erasure on request blanks the personal fields here and in the history, and keeps the row so
    interactions and meeting records stay readable ("personne effacée").
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="contacts")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("nom"), max_length=150)
    function = models.CharField(_("fonction"), max_length=150, blank=True)
    email = models.EmailField(_("courriel professionnel"), blank=True)
    phone = models.CharField(_("téléphone professionnel"), max_length=40, blank=True)
    erased_at = models.DateTimeField(_("effacé le"), null=True, blank=True, editable=False)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return str(_("personne effacée")) if self.erased_at else self.name


class Position(models.Model):
    """One dated assessment of an organisation's stance toward the project.

    Assessments are never edited: a new one is added, so the list is the history. Several a day
    are allowed; `assessed_at` orders them.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="positions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="positions",
        verbose_name=_("organisation"),
    )
    stance = models.CharField(_("position"), max_length=20, choices=Stance.choices)
    assessed_on = models.DateField(_("date"))
    assessed_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)
    reason = models.TextField(_("raison"), blank=True)
    context = models.CharField(
        _("occasion"), max_length=200, blank=True,
        help_text=_("Par exemple : rencontre individuelle, comité de pilotage du 12/03/2027."),
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("évaluée par"),
    )

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["organisation", "-assessed_on", "-assessed_at"]
        indexes = [models.Index(fields=["organisation", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_stance_display()} ({self.assessed_on:%d/%m/%Y})"


def latest_stance_subquery():
    """The stance of an organisation's latest assessment, for `annotate()` (one query)."""
    return models.Subquery(
        Position.objects.filter(organisation=models.OuterRef("pk"))
        .order_by("-assessed_on", "-assessed_at", "-pk")
        .values("stance")[:1]
    )


from capacite.partners.models_activity import (  # noqa: E402  (re-exported for the app)
    Commitment,
    Contribution,
    Interaction,
    PartnerLink,
)

__all__ = [
    "Commitment", "Contact", "Contribution", "Interaction", "Organisation", "PartnerLink",
    "Position", "Public", "latest_stance_subquery",
]
