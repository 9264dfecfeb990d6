from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import VersionedModelForm
from capacite.lib.uploads import DOCUMENT_EXTENSIONS, check_upload, is_new_upload, original_name
from capacite.review.forms import DateInput
from capacite.review.models_followup import NetworkLink, OpinionRequest


class OpinionRequestForm(VersionedModelForm):
    """What the team shows the authority for its opinion: a generated draft and/or a file."""

    job = forms.TypedChoiceField(label=_("Projet de dossier généré"), coerce=int,
                                 required=False, empty_value=None)

    class Meta:
        model = OpinionRequest
        fields = ["subject", "summary", "file"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, jobs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.jobs = {job.pk: job for job, _label in jobs}
        self.fields["job"].choices = [("", _("— aucun —"))] + [(j.pk, label)
                                                              for j, label in jobs]
        self.fields["file"].help_text = _("PDF, DOCX, ODT, PNG ou JPEG, %(size)s au plus.") % {
            "size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if is_new_upload(upload):
            check_upload(upload, extensions=DOCUMENT_EXTENSIONS)
            self.instance.filename = original_name(upload)
        return upload

    def clean(self):
        data = super().clean()
        job = data.get("job")
        self.instance.job = self.jobs.get(job) if job else None
        return data


class OpinionForm(VersionedModelForm):
    """The authority's opinion."""

    class Meta:
        model = OpinionRequest
        fields = ["opinion"]
        widgets = {"opinion": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opinion"].required = True


class OpinionAnswerForm(VersionedModelForm):
    """The team's answer to the opinion."""

    class Meta:
        model = OpinionRequest
        fields = ["answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True


class NetworkLinkForm(VersionedModelForm):
    class Meta:
        model = NetworkLink
        fields = ["kind", "on", "counterpart", "notes"]
        widgets = {"on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
