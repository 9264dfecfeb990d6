from django import forms

from capacite.core.concurrency import VersionedModelForm
from capacite.core.models import Cite


class CiteSettingsForm(VersionedModelForm):
    class Meta:
        model = Cite
        fields = ["name", "territory", "phase", "opened_on", "invitation_email"]
        # The opening day starts the label fonctionnement's one-year deadline (issue 16).
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
