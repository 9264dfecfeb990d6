from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import VersionedModelForm
from capacite.diagnosis.models import Indicator, Narrative, OfferMapEntry


class IndicatorForm(VersionedModelForm):
    class Meta:
        model = Indicator
        fields = ["theme", "label", "value", "unit", "territory", "observed_on", "source"]
        widgets = {
            "observed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "territory": forms.TextInput(attrs={"list": "territoires"}),
        }
        help_texts = {
            "territory": _("Une commune ou un EPCI du territoire de la Cité (proposés en tapant), "
                           "ou une autre zone, par exemple « Zone d'emploi de Rivemont »."),
            "source": _("Par exemple « INSEE, recensement 2021 » ou « France Travail, "
                        "STMT T4 2026 »."),
        }


class NarrativeForm(VersionedModelForm):
    class Meta:
        model = Narrative
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}


class OfferMapEntryForm(VersionedModelForm):
    class Meta:
        model = OfferMapEntry
        fields = ["walk_in", "appointment", "documentation", "events", "workshops", "portal",
                  "strengths", "weaknesses"]
        widgets = {"strengths": forms.Textarea(attrs={"rows": 4}),
                   "weaknesses": forms.Textarea(attrs={"rows": 4})}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV ou XLSX"),
        help_text=_("Une ligne d'en-tête puis un indicateur par ligne ; voir les colonnes "
                    "ci-dessous."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in {".csv", ".xlsx", ".txt"}:
            raise forms.ValidationError(_("Choisissez un fichier .csv ou .xlsx."))
        if upload.size > settings.EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse la taille permise (%(size)s).")
                                        % {"size": filesizeformat(settings.EVIDENCE_MAX_BYTES)})
        return upload
