"""Review forms: the Cité submits and answers reserves; the authority decides and rules."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.lib.uploads import DOCUMENT_EXTENSIONS, check_upload
from capacite.review.models import CommitteeSession, LabelDecision, Reserve


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SubmitForm(forms.Form):
    """Choose one of the Cité's finished dossier generations to send to the authority."""

    job = forms.TypedChoiceField(label=_("Dossier généré à déposer"), coerce=int)
    message = forms.CharField(label=_("Message à l'autorité de label"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, jobs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job"].choices = [(job.pk, label) for job, label in jobs]


with scopes_disabled():

    class DecisionForm(VersionedModelForm):
        class Meta:
            model = LabelDecision
            fields = ["stage", "decided_on", "session", "motivation", "recommendations",
                      "addressee", "signatory"]
            widgets = {"decided_on": DateInput(),
                       "motivation": forms.Textarea(attrs={"rows": 4}),
                       "recommendations": forms.Textarea(attrs={"rows": 4})}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["session"].queryset = CommitteeSession.objects.all()
            self.fields["session"].empty_label = _("— hors séance —")

        def clean_stage(self):
            """A decision fits its dossier: no label fonctionnement on a label projet dossier
            (nor the other way round)."""
            from capacite.review.domain.label import STAGES_FOR_KIND, stage_fits
            from capacite.review.models import DossierKind, Stage

            stage = self.cleaned_data["stage"]
            kind = self.instance.submission.kind if self.instance.submission_id else ""
            if kind and not stage_fits(kind, stage):
                allowed = ", ".join(f"« {Stage(s.value).label} »"
                                    for s in STAGES_FOR_KIND.get(kind, ()))
                raise forms.ValidationError(
                    _("Cette décision ne porte pas sur ce dossier : un « %(kind)s » reçoit "
                      "%(allowed)s.") % {"kind": DossierKind(kind).label, "allowed": allowed})
            return stage


class ReserveForm(VersionedModelForm):
    class Meta:
        model = Reserve
        fields = ["text", "due_on"]
        widgets = {"due_on": DateInput(), "text": forms.Textarea(attrs={"rows": 3})}


class LiftRequestForm(forms.Form):
    """The Cité's evidence for lifting a reserve."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    evidence_text = forms.CharField(
        label=_("Ce que la Cité a fait pour lever la réserve"),
        widget=forms.Textarea(attrs={"rows": 5}))
    evidence_file = forms.FileField(label=_("Pièce justificative"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_file"].help_text = _(
            "PDF, DOCX, ODT, PNG ou JPEG, %(size)s au plus. Facultative ; elle remplace la "
            "précédente.") % {"size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        return check_upload(upload, extensions=DOCUMENT_EXTENSIONS) if upload else None


class RuleForm(forms.Form):
    """The authority's answer to a lifting request."""

    ACCEPT = "accept"
    SEND_BACK = "send_back"
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Réponse"),
        choices=[(ACCEPT, _("Lever la réserve")),
                 (SEND_BACK, _("Renvoyer à la Cité : les éléments ne suffisent pas"))])
    comment = forms.CharField(label=_("Commentaire pour la Cité"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.SEND_BACK and not data.get("comment", "").strip():
            self.add_error("comment", _("Dites à la Cité ce qui manque pour lever la réserve."))
        return data


class SessionForm(VersionedModelForm):
    class Meta:
        model = CommitteeSession
        fields = ["held_on", "place", "notes"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class ScheduleForm(forms.Form):
    submission = forms.TypedChoiceField(label=_("Dossier à inscrire"), coerce=int)

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission"].choices = [
            (row.submission.pk, f"{row.cite.name} — {row.submission}") for row in rows]
