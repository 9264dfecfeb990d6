from django.db import models
from django.utils.translation import gettext_lazy as _


class Zone(models.TextChoices):
    """The spaces the guide lists for a Cité des métiers ("aménager les locaux")."""

    RECEPTION = "reception", _("Accueil général")
    POLES = "poles", _("Pôles de conseil")
    DOCUMENTATION = "documentation", _("Documentation")
    INDIVIDUAL = "individual", _("Espaces de travail individuels")
    COLLECTIVE = "collective", _("Espaces de travail collectifs")
    MEETING = "meeting", _("Salles de réunion")
    EXHIBITION = "exhibition", _("Espace d'exposition")


class Transport(models.TextChoices):
    GOOD = "good", _("Bonne : plusieurs lignes régulières à moins de 300 m")
    FAIR = "fair", _("Moyenne : une ligne régulière à proximité")
    POOR = "poor", _("Faible : pas de ligne régulière à proximité")


TRANSPORT_SHORT = {Transport.GOOD: _("Bonne"), Transport.FAIR: _("Moyenne"),
                   Transport.POOR: _("Faible")}
