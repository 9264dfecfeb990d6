from django import forms
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import VersionedModelForm
from capacite.label.models_followup import ExperimentalAction, GapAnswer


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class GapAnswerForm(VersionedModelForm):
    class Meta:
        model = GapAnswer
        fields = ["explanation", "measure"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 4}),
                   "measure": forms.Textarea(attrs={"rows": 4})}


class ExperimentalActionForm(VersionedModelForm):
    class Meta:
        model = ExperimentalAction
        fields = ["title", "started_on", "ended_on", "partners", "publics", "description",
                  "result", "kept"]
        widgets = {"started_on": DateInput(), "ended_on": DateInput(),
                   "description": forms.Textarea(attrs={"rows": 4}),
                   "result": forms.Textarea(attrs={"rows": 3}),
                   "kept": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        start, end = data.get("started_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("La fin (%(end)s) précède le début (%(start)s).")
                           % {"end": end.strftime("%d/%m/%Y"),
                              "start": start.strftime("%d/%m/%Y")})
        return data


class ManualSnapshotForm(forms.Form):
    """The label projet's figures typed from the decision letter, one item a line."""

    taken_on = forms.DateField(label=_("Date de la lettre de décision"), widget=DateInput())
    legal_form = forms.CharField(label=_("Structure juridique"), max_length=200, required=False)
    surface_m2 = forms.IntegerField(label=_("Surface des locaux (m²)"), min_value=0,
                                    required=False)
    fte = forms.DecimalField(label=_("ETP de l'équipe"), min_value=0, decimal_places=2,
                             required=False)
    budget_total = forms.DecimalField(label=_("Budget de fonctionnement, année 1 (€)"),
                                      min_value=0, decimal_places=2, required=False)
    poles = forms.CharField(
        label=_("Pôles et leurs partenaires"), required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Un pôle par ligne : « Nom du pôle : partenaire, partenaire »."))
    sites = forms.CharField(
        label=_("Sites et heures d'ouverture par semaine"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Un site par ligne : « Nom du site : 40 »."))
    partners = forms.CharField(
        label=_("Partenaires et leurs apports"), required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Un partenaire par ligne : « Nom : ETP ; apport financier ; apport en "
                    "nature », par exemple « Mission locale : 0,5 ; 20000 ; 3500 »."))
    budget_lines = forms.CharField(
        label=_("Budget par poste"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Un poste par ligne : « 64 Charges de personnel : 357750 »."))

    def clean(self):
        from capacite.label.domain.conformity import ManualError, parse_manual

        data = super().clean()
        if self.errors:
            return data
        try:
            self.figures = parse_manual(
                legal_form=data.get("legal_form", ""), surface_m2=data.get("surface_m2"),
                fte=data.get("fte"), budget_total=data.get("budget_total"),
                **{k: data.get(k, "") for k in ("poles", "sites", "partners", "budget_lines")})
        except ManualError as error:
            for field, messages in error.errors.items():
                for message in messages:
                    self.add_error(field, message)
        return data
