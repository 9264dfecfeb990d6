"""Which home a person lands on: one kind of home per role, each made for that role's day.

A home is a list of panels (`core.navigation.register_home_panel`) registered for one or more
kinds of home; the apps that own the data register them, so a new app (the activity tallies, the
dashboards) adds its panel to the reception's or the director's home without editing any other.
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from capacite.core.models import Phase, Role


class Home(TextChoices):
    """The kinds of home page, inside a Cité and outside any."""

    FRONT_DOOR = "front_door", _("Porte d'entrée publique")  # `/` for anonymous visitors
    NETWORK = "network", _("Réseau")  # the label authority's landing: its queue, the network
    PROJECT = "project", _("Projet")  # the project lead's roadmap home (and the project view)
    DIRECTOR = "director", _("Direction")  # the open Cité's operating view
    SPONSOR = "sponsor", _("Porteur politique")
    PARTNER = "partner", _("Partenaire")
    ADVISER = "adviser", _("Conseiller")
    RECEPTION = "reception", _("Accueil")


# When a person holds several roles in one Cité, the first of this order chooses their home:
# the role with the widest view of the Cité wins.
ROLE_ORDER = (Role.PROJECT_LEAD, Role.DIRECTOR, Role.SPONSOR, Role.PARTNER, Role.STAFF,
              Role.RECEPTION, Role.LABEL_AUTHORITY)


def main_role(roles: set[Role]) -> Role | None:
    """The role that decides the home among `roles` (None for no role)."""
    return next((role for role in ROLE_ORDER if role in roles), None)


def home_for(roles: set[Role], *, phase: str) -> Home:
    """The home of a person holding `roles` in a Cité at `phase`.

    The director's operating view only makes sense once the Cité is open; before that the
    director works on the project like the project lead. The label authority looking at one
    Cité sees its project view.
    """
    role = main_role(roles)
    if role == Role.DIRECTOR:
        return Home.DIRECTOR if phase == Phase.OPERATION else Home.PROJECT
    return {
        Role.SPONSOR: Home.SPONSOR,
        Role.PARTNER: Home.PARTNER,
        Role.STAFF: Home.ADVISER,
        Role.RECEPTION: Home.RECEPTION,
    }.get(role, Home.PROJECT)  # type: ignore[arg-type]
