"""What the project lead writes for the label: the dossier's prose and the charter declarations.

Everything else in the dossiers and the checklist is read live from the other apps.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.label.domain.criteria import DECLARATION_KEYS
from capacite.label.domain.parts import NARRATIVES


class NarrativeText(Versioned):
    """One prose part of the dossiers (context, motivations…), written by the project lead.

    Versioned: two people editing the same part never overwrite each other; the history keeps
    every wording, since partners argue about them.
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="label_narratives")
    key = models.CharField(_("partie"), max_length=30,
                           choices=[(n.key, n.title) for n in NARRATIVES])
    text = models.TextField(_("texte"), blank=True,
                            help_text=_("Paragraphes séparés par une ligne vide."))
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("modifié par"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("partie rédigée du dossier")
        verbose_name_plural = _("parties rédigées du dossier")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"], name="narrative_unique_key_per_cite"),
        ]

    def __str__(self) -> str:
        return self.get_key_display()


class DeclarationStatus(models.TextChoices):
    PENDING = "pending", _("À déclarer")
    MET = "met", _("Respecté")
    NOT_MET = "not_met", _("Pas encore respecté")


def declaration_path(declaration: "Declaration", filename: str) -> str:
    """Store uploads under a generated name: a user's file name never becomes a path."""
    return f"cites/{declaration.cite_id}/label/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Declaration(Versioned):
    """The project lead's statement that a charter principle is respected, with its evidence."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="label_declarations")
    key = models.CharField(_("critère"), max_length=30,
                           choices=[(k, k) for k in DECLARATION_KEYS])
    status = models.CharField(_("état"), max_length=10, choices=DeclarationStatus.choices,
                              default=DeclarationStatus.PENDING)
    evidence = models.TextField(_("preuve"), blank=True,
                                help_text=_("Ce qui le montre : disposition prévue, décision, "
                                            "aménagement…"))
    link = models.URLField(_("lien"), blank=True)
    file = models.FileField(_("document"), upload_to=declaration_path, blank=True,
                            max_length=200)
    filename = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("modifié par"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("déclaration sur un critère du label")
        verbose_name_plural = _("déclarations sur les critères du label")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "key"],
                                    name="declaration_unique_key_per_cite"),
        ]

    def __str__(self) -> str:
        return self.key


from capacite.label.models_followup import (  # noqa: E402,F401 - the label fonctionnement's models
    ExperimentalAction,
    GapAnswer,
    ProjectSnapshot,
)
