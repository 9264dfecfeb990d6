from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    """The open Cité's capture side: visit tallies, kiosks, questionnaires, headcounts."""

    name = "capacite.activity"
    label = "activity"
    verbose_name = _("Activité de la Cité ouverte")
