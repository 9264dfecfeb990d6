"""The follow-up with the network: opinions asked of the authority before a formal deposit, and
the dated links with the network that the guide asks for along the way.

An opinion (« avis ») is not a decision: the guide has the label fonctionnement dossier
« présenté pour avis à Universcience » before the committee, and the préfiguration, the opening
and the inauguration examined the same way. A link with the network (the declaration of intent,
the parrain Cité, visits, the logo and tools, the yearly membership) is a dated record that
completes the roadmap task it stands for.
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


def opinion_path(instance, filename: str) -> str:
    return (f"cites/{instance.cite_id}/review/opinions/"
            f"{uuid.uuid4().hex}{Path(filename).suffix.lower()}")


class OpinionSubject(models.TextChoices):
    LABEL_FONCTIONNEMENT = "label_fonctionnement", _(
        "Projet de dossier de confirmation du label fonctionnement")
    PREFIGURATION = "prefiguration", _("Demande de préfiguration (ouverture partielle)")
    OPENING = "opening", _("Modalités d'ouverture")
    INAUGURATION = "inauguration", _("Inauguration")


class OpinionRequest(Versioned):
    """A draft or a request shown to the authority for its opinion, then answered by the team."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("objet"), max_length=30, choices=OpinionSubject.choices)
    summary = models.TextField(_("ce qui est soumis"),
                               help_text=_("Ce que la Cité demande ou présente, en quelques "
                                           "lignes."))
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="+", verbose_name=_("projet de dossier généré"))
    file = models.FileField(_("document joint"), upload_to=opinion_path, blank=True,
                            max_length=200)
    filename = models.CharField(_("nom du document"), max_length=200, blank=True)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("demandé par"))
    asked_on = models.DateField(_("demandé le"))
    opinion = models.TextField(_("avis de l'autorité de label"), blank=True)
    opinion_on = models.DateField(_("avis donné le"), null=True, blank=True)
    answer = models.TextField(_("réponse de la Cité"), blank=True)
    answered_on = models.DateField(_("réponse donnée le"), null=True, blank=True)

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version", "file"])

    class Meta:
        verbose_name = _("demande d'avis")
        verbose_name_plural = _("demandes d'avis")
        ordering = ["-asked_on", "-pk"]

    def __str__(self) -> str:
        return str(_("%(subject)s — %(day)s") % {"subject": self.get_subject_display(),
                                                  "day": self.asked_on.strftime("%d/%m/%Y")})

    @property
    def state(self) -> str:
        """« asked » (awaiting the authority), « given » (awaiting the team), « answered »."""
        if not self.opinion.strip():
            return "asked"
        return "answered" if self.answer.strip() else "given"


class LinkKind(models.TextChoices):
    INTENT = "intent", _("Déclaration d'intention adressée à l'autorité de label")
    SPONSOR = "sponsor", _("Désignation d'une Cité marraine")
    VISIT = "visit", _("Visite d'une autre Cité des métiers")
    LOGO = "logo", _("Logo « Cité des métiers en projet » reçu")
    TOOLS = "tools", _("Outils du réseau reçus")
    MEMBERSHIP = "membership", _("Adhésion annuelle au réseau")


class NetworkLink(Versioned):
    """One dated link with the network; it completes its roadmap task (`domain.network`)."""

    cite = models.ForeignKey(Cite, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("nature"), max_length=20, choices=LinkKind.choices)
    on = models.DateField(_("date"))
    counterpart = models.CharField(
        _("avec qui"), max_length=200, blank=True,
        help_text=_("La Cité marraine ou visitée, l'interlocuteur du réseau…"))
    notes = models.TextField(_("remarques"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("enregistré par"))

    objects = ScopedManager(cite="cite")
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("lien avec le réseau")
        verbose_name_plural = _("liens avec le réseau")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.on:%d/%m/%Y}"
