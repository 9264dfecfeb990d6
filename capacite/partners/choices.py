"""Fixed vocabularies of the partnership map, in the guide's words."""

from functools import lru_cache

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    FIRST_CIRCLE = "first_circle", _("Institution du premier cercle")
    OPERATOR = "operator", _("Opérateur")
    ECONOMIC = "economic", _("Acteur économique")
    SOCIAL_PARTNER = "social_partner", _("Partenaire social")
    OTHER = "other", _("Autre")


class FirstCircle(models.TextChoices):
    """The institutions the guide says must sit on the steering committee."""

    EDUCATION = "education", _("Éducation nationale")
    STATE = "state", _("Services de l'État")
    EMPLOYMENT_SERVICE = "employment_service", _("Pôle emploi / France Travail")
    REGION = "region", _("Région")
    DEPARTEMENT = "departement", _("Département")
    COMMUNES = "communes", _("Communes et EPCI")
    CHAMBERS = "chambers", _("Chambres consulaires ou branches professionnelles")
    SOCIAL_PARTNERS = "social_partners", _("Partenaires sociaux")


class FieldOfAction(models.TextChoices):
    ORIENTATION = "orientation", _("Orientation")
    INITIAL_TRAINING = "initial_training", _("Formation initiale")
    CONTINUING_TRAINING = "continuing_training", _("Formation continue")
    EMPLOYMENT = "employment", _("Emploi")
    BUSINESS_CREATION = "business_creation", _("Création d'activité")


class ActorRole(models.TextChoices):
    FUNDER = "funder", _("Financeur")
    PRESCRIBER = "prescriber", _("Prescripteur")
    PROVIDER = "provider", _("Prestataire")


class Stance(models.TextChoices):
    ALLY = "ally", _("Allié")
    HESITANT = "hesitant", _("Hésitant")
    REFUSAL = "refusal", _("Refus")
    UNKNOWN = "unknown", _("Inconnu")


# The guide's publics; each Cité starts with these and may add its own.
DEFAULT_PUBLICS = [
    ("pupils", _("Scolaires")),
    ("students", _("Étudiants")),
    ("young_people", _("Jeunes")),
    ("jobseekers", _("Demandeurs d'emploi")),
    ("employees", _("Salariés")),
    ("disabled", _("Personnes handicapées")),
    ("seniors", _("Seniors")),
    ("women", _("Femmes")),
    ("creators", _("Créateurs d'entreprise")),
]


@lru_cache(maxsize=1)
def _default_publics_in_french() -> dict[str, str]:
    with translation.override("fr"):
        return {key: str(label) for key, label in DEFAULT_PUBLICS}


def shown_public_label(key: str, label: str) -> str:
    """A Cité's public as pages show it. Labels are stored in French, as typed; one of the
    guide's publics still under its French label reads in the interface's language, and a
    public the Cité added or renamed stays as typed."""
    if _default_publics_in_french().get(key) == label:
        return str(dict(DEFAULT_PUBLICS)[key])
    return label


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Rencontre")
    PHONE = "phone", _("Appel téléphonique")
    EMAIL = "email", _("Courriel")
    EVENT = "event", _("Réunion collective ou événement")
    OTHER = "other", _("Autre")


class CommitmentKind(models.TextChoices):
    LETTER_OF_INTENT = "letter_of_intent", _("Lettre d'intention")
    COMMITMENT_LETTER = "commitment_letter", _("Lettre d'engagement")
    CHARTER_CONVENTION = "charter_convention", _("Convention d'adhésion à la charte")
    FINANCIAL = "financial", _("Engagement financier")


class CommitmentStatus(models.TextChoices):
    REQUESTED = "requested", _("Demandée")
    RECEIVED = "received", _("Reçue")
    SIGNED = "signed", _("Signée")


class StaffFunction(models.TextChoices):
    """The functions of the future team the guide's budget counts FTE for."""

    RECEPTION = "reception", _("Accueil")
    COUNSELLING = "counselling", _("Conseil")
    DOCUMENTATION = "documentation", _("Documentation")
    EVENTS = "events", _("Événements")
    DIRECTION = "direction", _("Direction")
    SECRETARIAT = "secretariat", _("Secrétariat")
    ACCOUNTING = "accounting", _("Comptabilité")
    COMMUNICATION = "communication", _("Communication")
    WEBMASTER = "webmaster", _("Webmestre")
    SUPPORT = "support", _("Fonctions support")
    PARTNERSHIP = "partnership", _("Partenariat")
