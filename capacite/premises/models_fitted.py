"""The premises as built (label fonctionnement, « aménagement des espaces et signalétique»):
each fitted-out space with its surface, its signage and its photos.

The programme (`SpaceProgramme`) says what was wanted; these rows say what the visitors find.
"""

import uuid
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.premises.choices import Zone


class FittedSpace(Versioned):
    """One space as fitted out: a zone of the guide, its name, surface and signage."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    zone = models.CharField(_("espace"), max_length=20, choices=Zone.choices)
    name = models.CharField(_("nom"), max_length=150)
    surface_m2 = models.PositiveIntegerField(_("surface (m²)"), null=True, blank=True)
    fitting = models.TextField(_("aménagement"), blank=True,
                               help_text=_("Mobilier, postes, accès libre, accessibilité…"))
    signage = models.TextField(_("signalétique"), blank=True,
                               help_text=_("Comment le visiteur trouve l'espace : panneaux, "
                                           "couleurs des pôles, bornes…"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("espace aménagé")
        verbose_name_plural = _("espaces aménagés")
        ordering = ["zone", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cite", "name"], name="fitted_space_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


def photo_path(photo: "SpacePhoto", filename: str) -> str:
    """A generated name: a user's file name never becomes a path."""
    suffix = Path(filename).suffix.lower()
    return f"cites/{photo.cite_id}/premises/photos/{uuid.uuid4().hex}{suffix}"


class SpacePhoto(models.Model):
    """A photo of a fitted space (PNG or JPEG, checked by its content before it is kept)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey(FittedSpace, on_delete=models.CASCADE, related_name="photos",
                              verbose_name=_("espace"))
    file = models.FileField(_("photo"), upload_to=photo_path, max_length=200)
    filename = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    caption = models.CharField(_("légende"), max_length=200, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("photo d'un espace")
        verbose_name_plural = _("photos des espaces")
        ordering = ["space", "pk"]

    def __str__(self) -> str:
        return self.caption or self.filename
