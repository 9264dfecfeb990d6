from django import forms
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import VersionedModelForm
from capacite.label.models import Declaration, NarrativeText
from capacite.lib.languages import LANGUAGE_CHOICES, current_language
from capacite.lib.uploads import check_upload, is_new_upload, original_name


class NarrativeForm(VersionedModelForm):
    class Meta:
        model = NarrativeText
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 16})}


class DeclarationForm(VersionedModelForm):
    link = forms.URLField(label=_("lien"), required=False, assume_scheme="https")

    class Meta:
        model = Declaration
        fields = ["status", "evidence", "link", "file"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 5})}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if is_new_upload(upload):
            check_upload(upload)
            self.instance.filename = original_name(upload)
        return upload

    def clean(self):
        data = super().clean()
        if data.get("status") == "met" and not (data.get("evidence") or "").strip():
            self.add_error("evidence", _("Dites ce qui montre que le principe est respecté : "
                                         "c'est ce que lira le comité de labellisation."))
        return data


class GenerateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Dossier"), choices=[
        ("label_projet", _("Dossier de demande de label projet")),
        ("opportunity", _("Note d'opportunité"))])

    def __init__(self, *args, is_open: bool = False, **kwargs):
        """An open Cité (opening date set or in operation) is offered the third dossier,
        first."""
        super().__init__(*args, **kwargs)
        self.fields["lang"].initial = current_language()
        if is_open:
            self.fields["kind"].choices = [
                ("label_fonctionnement", _("Dossier de confirmation du label fonctionnement")),
                *self.fields["kind"].choices]
    format = forms.ChoiceField(label=_("Format"), choices=[
        ("pdf", _("PDF (à transmettre)")), ("docx", _("DOCX (à relire et commenter)"))])
    lang = forms.ChoiceField(label=_("Langue du dossier"), choices=LANGUAGE_CHOICES,
                             required=False)  # none posted: the user's language
    anyway = forms.BooleanField(
        label=_("Générer malgré les contradictions"), required=False,
        help_text=_("Un choix délibéré : les contradictions restent inscrites avec le dossier."))
