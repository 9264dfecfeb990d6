"""Forms of the kiosks' screen (foreign keys to scoped models: querysets set per request)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.activity.models import AllowedLink, Kiosk

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
