from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.events.models import Event, EventStatus

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

with scopes_disabled():

    class EventForm(VersionedModelForm):
        class Meta:
            model = Event
            fields = ["title", "description", "starts_at", "ends_at", "site", "place", "pole",
                      "theme", "partners", "publics", "capacity", "accessibility", "status",
                      "decided_on", "decision", "committee_note"]
            widgets = {
                "starts_at": DATETIME, "ends_at": DATETIME,
                "decided_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                "description": forms.Textarea(attrs={"rows": 3}),
                "accessibility": forms.Textarea(attrs={"rows": 2}),
                "committee_note": forms.Textarea(attrs={"rows": 2}),
                "partners": forms.CheckboxSelectMultiple,
                "publics": forms.CheckboxSelectMultiple,
            }

        def __init__(self, *args, **kwargs):
            from capacite.governance.choices import BodyKind
            from capacite.governance.models import Decision
            from capacite.offer.models import Pole, Site
            from capacite.partners.models import Organisation, Public

            super().__init__(*args, **kwargs)
            self.fields["site"].queryset = Site.objects.all()
            self.fields["pole"].queryset = Pole.objects.all()
            self.fields["partners"].queryset = Organisation.objects.order_by("name")
            self.fields["publics"].queryset = Public.objects.all()
            self.fields["decision"].queryset = Decision.objects.filter(
                body__kind=BodyKind.PROGRAMMING)

        def clean(self):
            cleaned = super().clean()
            starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
            if starts and ends and ends <= starts:
                self.add_error("ends_at", _("La fin doit venir après le début."))
            if cleaned.get("site") and cleaned.get("place"):
                self.add_error("place", _("Choisissez un site de la Cité ou un autre lieu, "
                                          "pas les deux."))
            status = cleaned.get("status")
            if status in (EventStatus.RETAINED, EventStatus.REFUSED) \
                    and not cleaned.get("decided_on"):
                self.add_error("decided_on", _("Indiquez la date à laquelle le comité de "
                                               "programmation a fait ce choix."))
            return cleaned


PERIODS = [("coming", _("À venir")), ("past", _("Passés")), ("all", _("Tous"))]


class EventFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Période"), choices=PERIODS, required=False)
    status = forms.ChoiceField(label=_("Choix du comité"), required=False,
                               choices=[("", _("Tous"))] + list(EventStatus.choices))
