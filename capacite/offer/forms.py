from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.lib.days import WEEKDAY_NAMES
from capacite.offer.domain.hours import Span
from capacite.offer.domain.poles import new_pole_error
from capacite.offer.domain.weekly import SpansError, format_spans, parse_spans
from capacite.offer.models import Closure, DayException, Pole, Site
from capacite.territory.forms import offer_territory_communes

with scopes_disabled():

    class PoleForm(VersionedModelForm):
        class Meta:
            model = Pole
            fields = ["name", "description", "partners"]
            widgets = {"partners": forms.CheckboxSelectMultiple,
                       "description": forms.Textarea(attrs={"rows": 3})}
            help_texts = {"name": _("Nommez le pôle comme le public formule sa préoccupation, "
                                    "par exemple « Trouver un emploi ».")}

        def __init__(self, *args, **kwargs):
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["partners"].queryset = Organisation.objects.order_by("name")

        def clean(self):
            cleaned = super().clean()
            if self.instance._state.adding and (error := new_pole_error(Pole.objects.count())):
                raise forms.ValidationError(error)
            return cleaned

    class SiteForm(VersionedModelForm):
        class Meta:
            model = Site
            fields = ["name", "kind", "address", "commune", "holiday_zone", "poles"]
            widgets = {"poles": forms.CheckboxSelectMultiple}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["poles"].queryset = Pole.objects.all()
            offer_territory_communes(self, "commune", getattr(self.instance, "cite", None),
                                     must_be_inside=True)


class WeekForm(forms.Form):
    """The week typed day by day, "9:30-12:30, 14:00-18:00"; empty means closed."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, site: Site, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["version"] = site.version
        current = {}
        for hours in site.weekly_hours.all():
            current.setdefault(hours.weekday, []).append(hours)
        for day, name in enumerate(WEEKDAY_NAMES):
            self.fields[f"day_{day}"] = forms.CharField(
                label=capfirst(name), required=False, max_length=100,
                help_text=_("Par exemple « 9:30-12:30, 14:00-18:00 » ; vide : fermé.") if day == 0
                else "",
            )
            self.initial[f"day_{day}"] = format_spans(
                tuple(Span(h.opens, h.closes) for h in current.get(day, [])))

    def clean(self):
        cleaned = super().clean()
        for day in range(7):
            try:
                parse_spans(cleaned.get(f"day_{day}", ""))
            except SpansError as exc:
                self.add_error(f"day_{day}", str(exc))
        return cleaned

    def spans_by_weekday(self) -> dict[int, str]:
        return {day: self.cleaned_data[f"day_{day}"] for day in range(7)}


class DayExceptionForm(forms.ModelForm):
    class Meta:
        model = DayException
        fields = ["day", "hours", "label"]
        widgets = {"day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_hours(self):
        try:
            parse_spans(self.cleaned_data["hours"])
        except SpansError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return self.cleaned_data["hours"]


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["first", "last", "label"]
        widgets = {"first": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "last": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first") and cleaned.get("last") and cleaned["last"] < cleaned["first"]:
            self.add_error("last", _("La fin de la fermeture doit venir après son début."))
        return cleaned
