from django import forms

from capacite.communication.models import Action
from capacite.core.concurrency import VersionedModelForm


class ActionForm(VersionedModelForm):
    class Meta:
        model = Action
        fields = ["title", "tool", "date", "budget", "target", "indicator", "expected", "result"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
