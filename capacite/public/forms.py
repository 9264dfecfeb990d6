from django import forms
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import VersionedModelForm
from capacite.public.models import PublicProfile


class PublicProfileForm(VersionedModelForm):
    class Meta:
        model = PublicProfile
        fields = ["published", "presentation", "access", "contact"]
        widgets = {"presentation": forms.Textarea(attrs={"rows": 5}),
                   "access": forms.Textarea(attrs={"rows": 3})}


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Rechercher un document, un métier, un thème"), required=False,
                        max_length=200)
