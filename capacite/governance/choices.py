"""Fixed vocabularies of governance, in the guide's words (table of instances, Phase 2 and 3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyKind(models.TextChoices):
    SPONSOR = "sponsor", _("Porteur de projet politique")
    PROJECT_LEAD = "project_lead", _("Porteur de projet technique")
    STEERING = "steering", _("Comité de pilotage")
    TECHNICAL = "technical", _("Comité de suivi technique")
    WORKSHOPS = "workshops", _("Ateliers thématiques")
    PROGRAMMING = "programming", _("Comité de programmation")


# The guide's "fréquence de mobilisation à adapter selon les situations", per kind of body.
SUGGESTED_FREQUENCY = {
    BodyKind.SPONSOR: _("Par exemple une fois par mois"),
    BodyKind.PROJECT_LEAD: _("Par exemple une à deux fois par semaine"),
    BodyKind.STEERING: _("Rythme à adapter ; a minima au terme de chaque grande phase du projet"),
    BodyKind.TECHNICAL: _("Au regard des besoins"),
    BodyKind.WORKSHOPS: _("2 à 3 séances de travail par groupe de travail mis en place"),
    BodyKind.PROGRAMMING: _("Au regard du programme d'événements"),
}


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Présent")
    EXCUSED = "excused", _("Excusé")
    ABSENT = "absent", _("Absent")


class DossierPart(models.TextChoices):
    """The nine parts of the dossier de demande de label projet (guide, end of Phase 2)."""

    PARTNERSHIP = "partnership", _("La dynamique partenariale du projet")
    TERRITORY = "territory", _("Le périmètre d'intervention et le maillage territorial")
    PREMISES = "premises", _("Les locaux")
    OFFER = "offer", _("Le projet d'offre de service")
    OPERATIONS = "operations", _("Le schéma de fonctionnement")
    HUMAN_RESOURCES = "human_resources", _("Les ressources humaines")
    LEGAL = "legal", _("Le choix de la structure juridique et gouvernance")
    BUDGET = "budget", _("Le budget prévisionnel et la validité économique du projet")
    NEXT_STEPS = "next_steps", _("Les étapes de travail en vue du label fonctionnement")


class LegalForm(models.TextChoices):
    GIP = "gip", _("Groupement d'intérêt public (GIP)")
    ASSOCIATION = "association", _("Association loi 1901")
    EXISTING = "existing", _("Au sein d'une structure porteuse existante")


class DeliberationStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    VOTED = "voted", _("Votée")
    REFUSED = "refused", _("Refusée")
