"""Forms of the kiosks' screen (foreign keys to scoped models: querysets set per request)."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.activity.models import AllowedLink, Kiosk, SurveyLink

with scopes_disabled():
    class KioskForm(forms.ModelForm):
        class Meta:
            model = Kiosk
            fields = ["name", "site", "survey"]

        def __init__(self, *args, **kwargs):
            from capacite.activity.models import Survey
            from capacite.offer.models import Site

            super().__init__(*args, **kwargs)
            self.fields["site"].queryset = Site.objects.all()
            self.fields["survey"].queryset = Survey.objects.filter(active=True)


class AllowedLinkForm(forms.ModelForm):
    url = forms.URLField(label=_("Adresse"), assume_scheme="https")

    class Meta:
        model = AllowedLink
        fields = ["label", "url", "position"]


def _event_label(event) -> str:
    day = date_format(timezone.localtime(event.starts_at), "SHORT_DATE_FORMAT")
    return f"{event.title} — {day}"


with scopes_disabled():
    class SurveyLinkForm(forms.ModelForm):
        """A questionnaire's link for one pôle or one event of the Cité, for its own poster.
        The choices are the Cité's (the scoped managers); another Cité's id is refused."""

        class Meta:
            model = SurveyLink
            fields = ["pole", "event"]

        def __init__(self, *args, survey, **kwargs):
            from capacite.events.models import Event, EventStatus
            from capacite.offer.models import Pole

            super().__init__(*args, **kwargs)
            self.survey = survey
            self.fields["pole"].queryset = Pole.objects.all()
            self.fields["pole"].error_messages["invalid_choice"] = _(
                "Ce pôle n'est pas un pôle de la Cité.")
            self.fields["event"].queryset = Event.objects.exclude(
                status=EventStatus.REFUSED).filter(
                ends_at__gte=timezone.localtime().replace(hour=0, minute=0, second=0,
                                                          microsecond=0))
            self.fields["event"].label_from_instance = _event_label
            self.fields["event"].error_messages["invalid_choice"] = _(
                "Cet événement n'est pas un événement à venir de la Cité.")
            self.fields["event"].help_text = _("Les événements de la Cité en cours ou à venir.")

        def clean(self):
            data = super().clean()
            pole, event = data.get("pole"), data.get("event")
            if self.errors:
                return data
            if not pole and not event:
                raise forms.ValidationError(_("Choisissez un pôle ou un événement."))
            if pole and event:
                raise forms.ValidationError(_("Choisissez un pôle ou un événement, pas les deux : "
                                              "chaque lien a son affiche."))
            if SurveyLink.objects.filter(survey=self.survey, pole=pole, event=event).exists():
                raise forms.ValidationError(
                    _("Ce questionnaire a déjà un lien pour « %(x)s ».") % {"x": pole or event})
            return data
