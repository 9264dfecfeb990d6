from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.lib.days import WEEKDAY_NAMES
from capacite.offer.domain.weekly import SpansError, parse_spans
from capacite.staffing.models import JobDescription, StaffMember

with scopes_disabled():

    class JobDescriptionForm(VersionedModelForm):
        class Meta:
            model = JobDescription
            fields = ["title", "function", "missions", "skills", "fte", "employer", "reports_to"]
            widgets = {"missions": forms.Textarea(attrs={"rows": 4}),
                       "skills": forms.Textarea(attrs={"rows": 3})}

        def __init__(self, *args, **kwargs):
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["employer"].queryset = Organisation.objects.order_by("name")
            others = JobDescription.objects.all()
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            self.fields["reports_to"].queryset = others

    class StaffMemberForm(VersionedModelForm):
        """Name, function, partner, hours, and availability typed day by day as for opening
        hours; the desks as check boxes."""

        class Meta:
            model = StaffMember
            fields = ["name", "function", "job", "partner", "site", "weekly_hours", "active"]

        def __init__(self, *args, desks: list[tuple[str, str]], **kwargs):
            from capacite.offer.models import Site
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["partner"].queryset = Organisation.objects.order_by("name")
            self.fields["site"].queryset = Site.objects.all()
            self.fields["job"].queryset = JobDescription.objects.all()
            self.fields["name"].help_text = _("Prénom et nom, rien de plus : pas de coordonnées "
                                              "personnelles ici.")
            self.fields["desks_held"] = forms.MultipleChoiceField(
                label=_("Postes qu'il ou elle peut tenir"), choices=desks, required=False,
                widget=forms.CheckboxSelectMultiple)
            self.fields["preferred"] = forms.MultipleChoiceField(
                label=_("Postes préférés"), choices=desks, required=False,
                widget=forms.CheckboxSelectMultiple)
            self.initial["desks_held"] = self.instance.desks
            self.initial["preferred"] = self.instance.preferred_desks
            for day, name in enumerate(WEEKDAY_NAMES):
                self.fields[f"day_{day}"] = forms.CharField(
                    label=_("Disponible le %(day)s") % {"day": name}, required=False,
                    max_length=100,
                    help_text=_("Par exemple « 9:30-12:30, 14:00-18:00 » ; vide : pas "
                                "disponible.") if day == 0 else "")
                self.initial[f"day_{day}"] = (self.instance.availability or {}).get(str(day), "")

        def clean(self):
            cleaned = super().clean()
            for day in range(7):
                try:
                    parse_spans(cleaned.get(f"day_{day}", "") or "")
                except SpansError as exc:
                    self.add_error(f"day_{day}", str(exc))
            held = set(cleaned.get("desks_held") or [])
            if set(cleaned.get("preferred") or []) - held:
                self.add_error("preferred", _("Un poste préféré doit faire partie des postes "
                                              "tenus."))
            return cleaned

        def save(self, commit: bool = True):
            member = self.instance
            member.desks = list(self.cleaned_data["desks_held"])
            member.preferred_desks = list(self.cleaned_data["preferred"])
            member.availability = {str(day): self.cleaned_data[f"day_{day}"].strip()
                                   for day in range(7) if self.cleaned_data[f"day_{day}"].strip()}
            return super().save(commit)


class WeekForm(forms.Form):
    """Which site and week to staff."""

    site = forms.ChoiceField(label=_("Site"))
    week = forms.DateField(label=_("Semaine du"), widget=forms.DateInput(attrs={"type": "date"}),
                           help_text=_("Un jour de la semaine : le lundi est pris."))

    def __init__(self, *args, sites, initial_week: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].choices = [(str(site.pk), site.name) for site in sites]
        self.initial.setdefault("week", initial_week)


class EditForm(forms.Form):
    """A hand edit of a roster: lock, unlock, remove or add a person over a time range."""

    ACTIONS = [("lock", _("Verrouiller")), ("unlock", _("Déverrouiller")),
               ("remove", _("Retirer")), ("add", _("Affecter"))]
    version = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=ACTIONS)
    staff = forms.ChoiceField(label=_("Personne"))
    desk = forms.ChoiceField(label=_("Poste"), required=False)
    day = forms.TypedChoiceField(label=_("Jour"), coerce=int,
                                 choices=list(enumerate(WEEKDAY_NAMES)))
    start = forms.TimeField(label=_("De"), widget=forms.TimeInput(attrs={"type": "time",
                                                                         "step": 1800}))
    end = forms.TimeField(label=_("À"), widget=forms.TimeInput(attrs={"type": "time",
                                                                      "step": 1800}))

    def __init__(self, *args, staff: list[tuple[str, str]], desks: list[tuple[str, str]],
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].choices = staff
        self.fields["desk"].choices = [("", "—"), *desks]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("La fin doit suivre le début."))
        if cleaned.get("action") in ("lock", "unlock", "add") and not cleaned.get("desk"):
            self.add_error("desk", _("Choisissez le poste."))
        return cleaned
