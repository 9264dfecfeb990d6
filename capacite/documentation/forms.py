from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.documentation.domain.search import RomeCodeError, parse_rome_codes
from capacite.documentation.models import Resource, ResourceKind, Theme
from capacite.documentation.services import ResourceFilters

with scopes_disabled():

    class ResourceForm(VersionedModelForm):
        url = forms.URLField(label=_("Adresse web"), required=False, assume_scheme="https")

        class Meta:
            model = Resource
            fields = ["title", "kind", "description", "publisher", "url", "themes",
                      "rome_codes", "loanable", "partner"]
            widgets = {"themes": forms.CheckboxSelectMultiple,
                       "description": forms.Textarea(attrs={"rows": 3})}

        def __init__(self, *args, **kwargs):
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["themes"].queryset = Theme.objects.all()
            self.fields["partner"].queryset = Organisation.objects.order_by("name")

        def clean_rome_codes(self):
            try:
                return ", ".join(parse_rome_codes(self.cleaned_data["rome_codes"]))
            except RomeCodeError as exc:
                raise forms.ValidationError(str(exc)) from exc

    class ThemeForm(forms.ModelForm):
        class Meta:
            model = Theme
            fields = ["name", "position"]

        def clean_name(self):
            name = self.cleaned_data["name"].strip()
            others = Theme.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
            if others.exists():
                raise forms.ValidationError(_("Ce thème existe déjà."))
            return name


LOAN_CHOICES = [("", _("Tous")), ("1", _("Empruntables")), ("0", _("Sur place seulement"))]


class SearchForm(forms.Form):
    """Words and filters of a catalogue search (GET; every field optional)."""

    q = forms.CharField(label=_("Mots"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Support"), required=False,
                             choices=[("", _("Tous"))] + list(ResourceKind.choices))
    theme = forms.TypedChoiceField(label=_("Thème"), required=False, coerce=int,
                                   empty_value=None)
    loan = forms.ChoiceField(label=_("Prêt"), required=False, choices=LOAN_CHOICES)

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Tous"))] + [
            (t.pk, t.name) for t in Theme.objects.all()]
        if partners is not None:
            self.fields["partner"] = forms.TypedChoiceField(
                label=_("Partenaire"), required=False, coerce=int, empty_value=None,
                choices=[("", _("Tous"))] + [(p.pk, p.name) for p in partners])

    def filters(self) -> ResourceFilters:
        if not self.is_valid():
            return ResourceFilters()
        data = self.cleaned_data
        loan = {"1": True, "0": False}.get(data["loan"])
        return ResourceFilters(words=data["q"], kind=data["kind"], theme_id=data["theme"],
                               loanable=loan, partner_id=data.get("partner"))
