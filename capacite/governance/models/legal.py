"""The legal structure: chosen form, statute versions, and each institution's vote on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords

from capacite.core.concurrency import Versioned
from capacite.core.models import Cite
from capacite.governance.choices import DeliberationStatus, LegalForm
from capacite.governance.models.files import governance_upload_path


class LegalStructure(Versioned):
    """The form the partners chose (or are weighing) for the future Cité."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="legal_structure")
    chosen_form = models.CharField(_("forme retenue"), max_length=20, choices=LegalForm.choices,
                                   blank=True)
    host_body = models.CharField(
        _("structure porteuse"), max_length=200, blank=True,
        help_text=_("Pour une Cité au sein d'une structure existante (par exemple une Maison "
                    "de l'emploi)."),
    )
    rationale = models.TextField(_("raisons du choix"), blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("structure juridique")
        verbose_name_plural = _("structures juridiques")

    def __str__(self) -> str:
        return self.get_chosen_form_display() or str(_("non choisie"))


class StatuteVersion(models.Model):
    """One version of the draft statutes, as circulated between partners."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    number = models.CharField(_("version"), max_length=20)
    dated = models.DateField(_("date"))
    note = models.CharField(_("changements"), max_length=300, blank=True)
    # Blank only for versions recorded without their file (the demo's): the form requires one.
    file = models.FileField(_("fichier"), upload_to=governance_upload_path, max_length=200,
                            blank=True)
    filename = models.CharField(_("nom du fichier"), max_length=200, blank=True)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("version des statuts")
        verbose_name_plural = _("versions des statuts")
        ordering = ["-dated", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} — {self.dated:%d/%m/%Y}"


class ValidationStep(Versioned):
    """The vote of one member institution's deciding body on the statutes.

    Its expected date feeds the rétro-planning (services.sync_statutes_tasks).
    """

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("partners.Organisation", on_delete=models.CASCADE,
                                     related_name="+", verbose_name=_("institution"))
    deciding_body = models.CharField(_("instance qui délibère"), max_length=200,
                                     help_text=_("Par exemple : Conseil régional, conseil "
                                                 "d'administration."))
    expected_on = models.DateField(_("date de délibération prévue"))
    status = models.CharField(_("état"), max_length=10, choices=DeliberationStatus.choices,
                              default=DeliberationStatus.PLANNED)
    note = models.CharField(_("remarque"), max_length=300, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("étape de validation des statuts")
        verbose_name_plural = _("étapes de validation des statuts")
        ordering = ["expected_on", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.deciding_body}"
