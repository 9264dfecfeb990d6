"""The questionnaire as a visitor answers it (link, QR code or kiosk), and the staff's forms."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from capacite.activity.domain.questions import CORE_QUESTIONS, SCALE, SCALE_LABELS
from capacite.activity.models import QuestionKind, Survey, SurveyQuestion
from capacite.core.concurrency import VersionedModelForm

YES_NO = [("yes", _("Oui")), ("no", _("Non"))]


def _scale_choices():
    return [(str(n), f"{n} — {label}") for n, label in SCALE_LABELS.items()]


class AnswerForm(forms.Form):
    """Every question optional: a visitor answers what they like. `client_id` makes a double
    submission one answer; `website` is a trap left empty by people and filled by robots."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)
    website = forms.CharField(required=False, widget=forms.TextInput(
        attrs={"tabindex": "-1", "autocomplete": "off"}), label=_("Laissez ce champ vide"))

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["client_id"].initial = uuid.uuid4()
        for question in CORE_QUESTIONS:
            choices = _scale_choices() if question.kind == SCALE else YES_NO
            self.fields[question.key] = forms.ChoiceField(
                label=question.text, choices=choices, required=False, widget=forms.RadioSelect)
        self.own_questions = list(survey.questions.all())
        for question in self.own_questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.SCALE:
                field = forms.ChoiceField(choices=_scale_choices(), widget=forms.RadioSelect)
            elif question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(choices=[(c, c) for c in question.choices],
                                          widget=forms.RadioSelect)
            elif question.kind == QuestionKind.YES_NO:
                field = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect)
            elif survey.free_text_enabled:
                field = forms.CharField(max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
                                        help_text=_("N'écrivez ni votre nom ni vos coordonnées : "
                                                    "ils seraient effacés."))
            else:
                continue
            field.label, field.required = question.text, False
            self.fields[name] = field

    def core_fields(self):
        return [self[q.key] for q in CORE_QUESTIONS]

    def own_fields(self):
        return [self[f"q{q.pk}"] for q in self.own_questions if f"q{q.pk}" in self.fields]


class SurveyForm(VersionedModelForm):
    class Meta:
        model = Survey
        fields = ["title", "active", "free_text_enabled"]


class QuestionForm(forms.ModelForm):
    choices_text = forms.CharField(
        label=_("Choix proposés"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pour une question à choix : un choix par ligne."))

    class Meta:
        model = SurveyQuestion
        fields = ["text", "kind", "position"]

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        if not survey.free_text_enabled:
            self.fields["kind"].choices = [c for c in QuestionKind.choices
                                           if c[0] != QuestionKind.TEXT]

    def clean(self):
        data = super().clean()
        lines = [line.strip() for line in (data.get("choices_text") or "").splitlines()
                 if line.strip()]
        if data.get("kind") == QuestionKind.CHOICE and len(lines) < 2:
            self.add_error("choices_text", _("Une question à choix demande au moins deux choix, "
                                             "un par ligne."))
        self.instance.choices = lines if data.get("kind") == QuestionKind.CHOICE else []
        return data
