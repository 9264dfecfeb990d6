"""Forms of the activity app: the tally (one visit), and the staff's settings screens."""

import uuid
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.activity.domain.slots import slot_of
from capacite.activity.models import (
    SLOTS_PER_DAY,
    AgeBand,
    Sex,
    VisitKind,
)

FIRST_VISIT = [("", _("Non renseigné")), ("yes", _("Première visite")),
               ("no", _("Déjà venu"))]
OUTSIDE = "outside"
OUTSIDE_LABEL = _("Hors territoire")
# A tally made offline may arrive days later; older ones are refused (they would be typos).
LATE_DAYS = 7

with scopes_disabled():
    class TallyForm(forms.Form):
        """One visit, as the tally screen sends it (a form post without JavaScript, JSON with
        it). `day` and `slot` are those of the tap, set by the browser: a tally kept offline
        keeps its half-hour. Without them (no JavaScript) the server's clock gives them."""

        client_id = forms.UUIDField(widget=forms.HiddenInput)
        site = forms.TypedChoiceField(label=_("Site"), coerce=int)
        day = forms.DateField(required=False, widget=forms.HiddenInput)
        slot = forms.IntegerField(required=False, min_value=0, max_value=SLOTS_PER_DAY - 1,
                                  widget=forms.HiddenInput)
        kind = forms.ChoiceField(label=_("Nature du passage"), choices=VisitKind.choices,
                                 widget=forms.RadioSelect)
        poles = forms.TypedMultipleChoiceField(label=_("Pôles demandés"), coerce=int,
                                               required=False,
                                               widget=forms.CheckboxSelectMultiple)
        public = forms.TypedChoiceField(label=_("Public"), coerce=int, empty_value=None,
                                        required=False, widget=forms.RadioSelect)
        age_band = forms.ChoiceField(label=_("Âge"), choices=AgeBand.choices, required=False,
                                     widget=forms.RadioSelect)
        sex = forms.ChoiceField(label=_("Sexe"), choices=Sex.choices, required=False,
                                widget=forms.RadioSelect)
        first_visit = forms.ChoiceField(label=_("Première visite ?"), choices=FIRST_VISIT,
                                        required=False, widget=forms.RadioSelect)
        residence = forms.ChoiceField(label=_("Lieu de résidence"), required=False)
        oriented_to = forms.TypedChoiceField(label=_("Orienté vers"), coerce=int,
                                             empty_value=None, required=False)

        def __init__(self, *args, choices: dict, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["site"].choices = choices["sites"]
            self.fields["poles"].choices = choices["poles"]
            self.fields["public"].choices = [("", _("Non renseigné")), *choices["publics"]]
            self.fields["residence"].choices = [("", _("Non renseigné")), *choices["residence"],
                                                (OUTSIDE, OUTSIDE_LABEL)]
            self.fields["oriented_to"].choices = [("", _("Personne")), *choices["partners"]]
            self.fields["age_band"].initial = self.fields["sex"].initial = ""
            self.fields["first_visit"].initial = self.fields["public"].initial = ""
            if not self.is_bound:
                self.fields["client_id"].initial = uuid.uuid4()

        def clean_day(self):
            day = self.cleaned_data["day"]
            today = timezone.localdate()
            if day is None:
                return today
            if day > today + timedelta(days=1):
                raise forms.ValidationError(_("Ce passage est daté du %(day)s, dans le futur : "
                                              "vérifiez l'horloge de la tablette."),
                                            params={"day": day.strftime("%d/%m/%Y")})
            if day < today - timedelta(days=LATE_DAYS):
                raise forms.ValidationError(
                    _("Ce passage est daté du %(day)s, il y a plus de %(n)s jours : il n'est "
                      "plus accepté à l'écran de comptage (importez l'historique)."),
                    params={"day": day.strftime("%d/%m/%Y"), "n": LATE_DAYS})
            return day

        def clean(self):
            data = super().clean()
            if data.get("slot") is None and not self.errors:
                data["slot"] = slot_of(timezone.localtime().time())
            return data
