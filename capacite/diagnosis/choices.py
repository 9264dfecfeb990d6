"""The diagnosis vocabularies: themes of the guide's territorial diagnosis and indicator units."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """The guide's diagnosis: the economy, employment, the publics, the training map."""

    ECONOMY = "economy", _("Économie")
    EMPLOYMENT = "employment", _("Emploi")
    PUBLICS = "publics", _("Publics")
    TRAINING = "training", _("Offre de formation")


class Unit(models.TextChoices):
    NUMBER = "number", _("nombre")
    PERCENT = "percent", _("%")
    EUROS = "euros", _("€")
    PEOPLE = "people", _("personnes")
    INHABITANTS = "inhabitants", _("habitants")
    JOBS = "jobs", _("emplois")
    ESTABLISHMENTS = "establishments", _("établissements")
    TRAINING_PLACES = "training_places", _("places de formation")
    YEARS = "years", _("ans")


# Words people type besides the exact labels (matched with case and accents ignored).
UNIT_ALIASES = {
    "pourcent": "percent", "pourcentage": "percent", "pct": "percent", "euro": "euros",
    "eur": "euros", "personne": "people", "habitant": "inhabitants", "emploi": "jobs",
    "etablissement": "establishments", "entreprises": "establishments", "places": "training_places",
    "an": "years", "nb": "number",
}
THEME_ALIASES = {
    "economie": "economy", "formation": "training", "offre de formation": "training",
    "public": "publics",
}


class Service(models.TextChoices):
    """What an actor offers the public, in the guide's list for the existing offer map."""

    WALK_IN = "walk_in", _("Accueil sans rendez-vous")
    APPOINTMENT = "appointment", _("Accueil sur rendez-vous")
    DOCUMENTATION = "documentation", _("Documentation en libre accès")
    EVENTS = "events", _("Événements")
    WORKSHOPS = "workshops", _("Ateliers collectifs")
    PORTAL = "portal", _("Portail d'information en ligne")


# Column headings of the offer map grid (the full label is in the legend).
SERVICE_SHORT = {
    Service.WALK_IN: _("Sans RDV"), Service.APPOINTMENT: _("Sur RDV"),
    Service.DOCUMENTATION: _("Doc."), Service.EVENTS: _("Évén."),
    Service.WORKSHOPS: _("Ateliers"), Service.PORTAL: _("Portail"),
}
