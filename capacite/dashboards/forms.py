"""Forms of the dashboards: the opening-hours advice's period and the Cité's settings for it."""

from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.dashboards.models import OpeningAdviceSettings

SHORTEST_DAYS = 28  # fewer days and a few interviews decide a roster (and give counts away)
LONGEST_DAYS = 366


def default_period(today: date) -> tuple[date, date]:
    """The 52 whole weeks before the current one, first and last day: every season, and counts
    per half-hour large enough to show through the small-group rule."""
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=52), monday - timedelta(days=1)


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what a date picker reads


class AdvicePeriodForm(forms.Form):
    """Which site and which days the advice reads (the query string of the page)."""

    site = forms.TypedChoiceField(label=_("Site"), coerce=int, required=False, empty_value=None)
    first = forms.DateField(label=_("Du"), widget=DATE,
                            error_messages={"invalid": _("Saisissez la date de début au format "
                                                         "jj/mm/aaaa.")})
    last = forms.DateField(label=_("Au (inclus)"), widget=DATE,
                           error_messages={"invalid": _("Saisissez la date de fin au format "
                                                        "jj/mm/aaaa.")})

    def __init__(self, *args, sites: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].choices = [(site.pk, site.name) for site in sites]

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first and last:
            days = (last - first).days + 1
            if days < 1:
                raise forms.ValidationError(_("La date de fin précède la date de début."))
            if days < SHORTEST_DAYS:
                raise forms.ValidationError(
                    _("Choisissez au moins quatre semaines (%(days)s jours) : sur moins, "
                      "quelques entretiens décideraient du planning.") % {"days": SHORTEST_DAYS})
            if days > LONGEST_DAYS:
                raise forms.ValidationError(_("Choisissez au plus un an (%(days)s jours).")
                                            % {"days": LONGEST_DAYS})
        return data


with scopes_disabled():

    class OpeningAdviceSettingsForm(VersionedModelForm):
        """The three figures the advice reads; refused if someone saved them meanwhile."""

        class Meta:
            model = OpeningAdviceSettings
            fields = ["interview_minutes", "idle_percent", "minimum_people"]
            help_texts = {
                "interview_minutes": _("Le temps moyen qu'un conseiller passe avec une personne "
                                       "venue sans rendez-vous, de 5 à 240 minutes."),
                "idle_percent": _("En dessous de cette part de leur temps occupée par des "
                                  "entretiens, les conseillers prévus sont signalés comme "
                                  "sous-occupés (de 1 à 99 %)."),
                "minimum_people": _("Même sans demande observée, un pôle ouvert garde ce nombre "
                                    "de conseillers (de 0 à 5)."),
            }
            error_messages = {
                "interview_minutes": {
                    "min_value": _("Un entretien dure au moins 5 minutes."),
                    "max_value": _("Un entretien dure au plus 240 minutes (4 heures)."),
                    "invalid": _("Saisissez un nombre entier de minutes."),
                    "required": _("Saisissez la durée moyenne d'un entretien."),
                },
                "idle_percent": {
                    "min_value": _("Le seuil de sous-occupation va de 1 à 99 %%."),
                    "max_value": _("Le seuil de sous-occupation va de 1 à 99 %%."),
                    "invalid": _("Saisissez un pourcentage entier, de 1 à 99."),
                    "required": _("Saisissez le seuil de sous-occupation."),
                },
                "minimum_people": {
                    "max_value": _("Au plus 5 conseillers toujours présents par pôle."),
                    "min_value": _("Le nombre de conseillers ne peut pas être négatif."),
                    "invalid": _("Saisissez un nombre entier de conseillers, de 0 à 5."),
                    "required": _("Saisissez le nombre de conseillers toujours présents."),
                },
            }
