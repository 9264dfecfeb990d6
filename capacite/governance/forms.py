"""Governance forms. Those with foreign keys to scoped models are declared inside
scopes_disabled() (django-scopes' pattern) and get their querysets per Cité in __init__."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.governance.choices import AttendanceStatus
from capacite.governance.models import (
    AgendaItem,
    Body,
    BodyMember,
    Decision,
    LegalStructure,
    Meeting,
    StatuteVersion,
    ValidationStep,
    WorkshopGroup,
    WorkshopProposal,
    WorkshopSession,
)
from capacite.lib.uploads import DOCUMENT_EXTENSIONS, check_upload
from capacite.partners.choices import Stance
from capacite.partners.models import Contact, Organisation
from capacite.roadmap.models import Task


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def checked_upload(upload):
    """Refuse files of other types or too large; accepted ones keep their name for download."""
    return check_upload(upload, extensions=DOCUMENT_EXTENSIONS)


def upload_help() -> str:
    return _("PDF, DOCX, ODT, PNG ou JPEG, %(size)s au plus.") % {
        "size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}


class BodyForm(VersionedModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "frequency", "missions"]
        widgets = {"missions": forms.Textarea(attrs={"rows": 3})}


class MeetingForm(VersionedModelForm):
    class Meta:
        model = Meeting
        fields = ["starts_at", "duration_minutes", "place"]
        widgets = {"starts_at": DateTimeInput()}


class AgendaItemForm(VersionedModelForm):
    """An agenda item, with an optional document to attach."""

    document = forms.FileField(label=_("Ajouter un document"), required=False)

    class Meta:
        model = AgendaItem
        fields = ["title", "duration_minutes", "presenter"]  # the order: buttons on the agenda

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = upload_help()

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        return checked_upload(upload) if upload else upload


class QuickItemForm(forms.Form):
    """One row of « Ajouter des points »: a blank row is skipped, a row without a title is not."""

    title = forms.CharField(label=_("Intitulé"), max_length=200, required=False)
    duration_minutes = forms.IntegerField(label=_("Durée (minutes)"), min_value=1,
                                          max_value=600, required=False)
    presenter = forms.CharField(label=_("Présenté par"), max_length=150, required=False)

    def clean(self):
        data = super().clean()
        typed = data.get("duration_minutes") is not None or data.get("presenter")
        if typed and not data.get("title"):
            self.add_error("title", _("Donnez un intitulé à ce point, ou videz la ligne."))
        return data

    def row(self) -> dict | None:
        """The point to add, or None for a blank row."""
        if not self.cleaned_data.get("title"):
            return None
        return {"title": self.cleaned_data["title"],
                "duration_minutes": self.cleaned_data.get("duration_minutes") or 15,
                "presenter": self.cleaned_data.get("presenter", "")}


QuickItemFormSet = forms.formset_factory(QuickItemForm, extra=3, max_num=20)


class MinutesForm(VersionedModelForm):
    """The minutes of one agenda item; a version per item so parallel note-takers never clash.

    `original` carries the text as the page showed it: only an item whose text the person
    changed is saved, so notes taken at once on different items never conflict.
    """

    original = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)

    class Meta:
        model = AgendaItem
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["original"] = self.instance.minutes

    def edited(self) -> bool:
        """Whether the person changed this item's text (valid forms only)."""
        def norm(value: str) -> str:
            return (value or "").replace("\r\n", "\n").strip()

        return norm(self.cleaned_data["minutes"]) != norm(self.cleaned_data["original"])


class AttendanceForm(forms.Form):
    """Attendance per member and position per member organisation, built from the meeting."""

    def __init__(self, *args, members, positions, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        self.organisations = []
        for member in members:
            self.fields[f"attendance_{member.pk}"] = forms.ChoiceField(
                label=str(member), choices=[("", _("non renseigné")),
                                            *AttendanceStatus.choices], required=False,
                initial=getattr(member, "current_status", ""),
            )
            if member.organisation not in self.organisations:
                self.organisations.append(member.organisation)
        for organisation in self.organisations:
            current = positions.get(organisation.pk)
            organisation.current_stance = current
            self.fields[f"stance_{organisation.pk}"] = forms.ChoiceField(
                label=_("Position de %(name)s") % {"name": organisation.name},
                choices=[("", _("non évaluée à cette réunion")), *Stance.choices],
                required=False, initial=current.stance if current else "",
            )
            self.fields[f"reason_{organisation.pk}"] = forms.CharField(
                label=_("Raison (%(name)s)") % {"name": organisation.name}, required=False,
                initial=current.reason if current else "",
            )

    def rows(self):
        """(member, attendance field) pairs and (organisation, stance, reason) triples."""
        return (
            [(m, self[f"attendance_{m.pk}"]) for m in self.members],
            [(o, self[f"stance_{o.pk}"], self[f"reason_{o.pk}"]) for o in self.organisations],
        )


class StatuteVersionForm(forms.ModelForm):
    class Meta:
        model = StatuteVersion
        fields = ["number", "dated", "note", "file"]
        widgets = {"dated": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help()
        self.fields["file"].required = True

    def clean_file(self):
        upload = checked_upload(self.cleaned_data["file"])
        self.instance.filename = Path(upload.name).name[:200]
        return upload


class LegalStructureForm(VersionedModelForm):
    class Meta:
        model = LegalStructure
        fields = ["chosen_form", "host_body", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 3})}


with scopes_disabled():

    class MemberForm(VersionedModelForm):
        class Meta:
            model = BodyMember
            fields = ["organisation", "contact", "role"]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["organisation"].queryset = Organisation.objects.all()
            self.fields["contact"].queryset = Contact.objects.filter(
                erased_at__isnull=True).select_related("organisation")
            self.fields["contact"].label_from_instance = (
                lambda c: f"{c.name} ({c.organisation.name})")

        def clean(self):
            data = super().clean()
            contact, organisation = data.get("contact"), data.get("organisation")
            if contact and organisation and contact.organisation_id != organisation.pk:
                self.add_error("contact", _("Cette personne n'appartient pas à cette "
                                            "organisation."))
            return data

    class MemberEditForm(VersionedModelForm):
        """A seated member: the person who sits for its organisation, and the role."""

        class Meta:
            model = BodyMember
            fields = ["contact", "role"]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["contact"].queryset = Contact.objects.filter(
                organisation_id=self.instance.organisation_id, erased_at__isnull=True)
            self.fields["contact"].help_text = _(
                "Une personne de cette organisation (fiche Partenaires).")

    class DecisionForm(VersionedModelForm):
        """A decision; when it validates a roadmap validation moment or deliverable, that task
        is marked done once the meeting has taken place (never before)."""

        class Meta:
            model = Decision
            fields = ["body", "decided_on", "title", "details", "validates", "task"]
            widgets = {"decided_on": DateInput(), "details": forms.Textarea(attrs={"rows": 3})}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["body"].queryset = Body.objects.all()
            self.fields["task"].queryset = Task.objects.exclude(kind="task").order_by(
                "position")
            self.fields["task"].label_from_instance = (
                lambda t: f"{t.get_title_display()} ({t.get_kind_display()})")
            self.fields["task"].help_text = _(
                "Un moment de validation ou un livrable de la feuille de route : il est marqué "
                "fait dès que la réunion a eu lieu, jamais avant.")

    class WorkshopGroupForm(VersionedModelForm):
        class Meta:
            model = WorkshopGroup
            fields = ["theme", "purpose", "contacts", "organisations"]
            widgets = {"purpose": forms.Textarea(attrs={"rows": 3}),
                       "contacts": forms.CheckboxSelectMultiple,
                       "organisations": forms.CheckboxSelectMultiple}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["contacts"].queryset = Contact.objects.filter(
                erased_at__isnull=True).select_related("organisation")
            self.fields["contacts"].label_from_instance = (
                lambda c: f"{c.name} ({c.organisation.name})")
            self.fields["organisations"].queryset = Organisation.objects.all()

    class ValidationStepForm(VersionedModelForm):
        class Meta:
            model = ValidationStep
            fields = ["organisation", "deciding_body", "expected_on", "status", "note"]
            widgets = {"expected_on": DateInput()}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["organisation"].queryset = Organisation.objects.all()


class WorkshopSessionForm(forms.ModelForm):
    class Meta:
        model = WorkshopSession
        fields = ["date", "place", "agenda"]
        widgets = {"date": DateInput(), "agenda": forms.Textarea(attrs={"rows": 2})}


class WorkshopProposalForm(VersionedModelForm):
    class Meta:
        model = WorkshopProposal
        fields = ["title", "details", "dossier_part"]
        widgets = {"details": forms.Textarea(attrs={"rows": 2})}
