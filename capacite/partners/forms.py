"""Forms of the partnership map. Those with foreign keys to scoped models are declared inside
`scopes_disabled()` (django-scopes' pattern) and get their querysets per Cité in __init__."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.core.models import Membership, Role
from capacite.lib.uploads import DOCUMENT_EXTENSIONS, check_upload, is_new_upload, original_name
from capacite.partners.choices import (
    ActorRole,
    FieldOfAction,
    FirstCircle,
    OrganisationKind,
    Stance,
)
from capacite.partners.models import (
    Commitment,
    Contact,
    Contribution,
    Interaction,
    Organisation,
    PartnerLink,
    Position,
    Public,
)
from capacite.territory.forms import offer_territory_communes

COMMITMENT_EXTENSIONS = DOCUMENT_EXTENSIONS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def person_name(user) -> str:
    return user.get_full_name() or user.get_username()


with scopes_disabled():

    class OrganisationForm(VersionedModelForm):
        """An organisation; `fields` and `roles` are lists of choice values stored as JSON."""

        fields = forms.MultipleChoiceField(
            label=_("Champs d'intervention"), choices=FieldOfAction.choices, required=False,
            widget=forms.CheckboxSelectMultiple)
        roles = forms.MultipleChoiceField(
            label=_("Rôles"), choices=ActorRole.choices, required=False,
            widget=forms.CheckboxSelectMultiple)
        website = forms.URLField(label=_("Site web"), required=False, assume_scheme="https")

        class Meta:
            model = Organisation
            fields = ["name", "kind", "first_circle", "fields", "publics", "roles", "commune",
                      "website", "notes"]
            widgets = {"publics": forms.CheckboxSelectMultiple}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["publics"].queryset = Public.objects.order_by("position", "label")
            # A partner may sit outside the territory (a regional office): proposed, not imposed.
            offer_territory_communes(self, "commune", getattr(self.instance, "cite", None),
                                     must_be_inside=False)

        def clean_name(self):
            name = self.cleaned_data["name"].strip()
            duplicates = Organisation.objects.filter(name__iexact=name).exclude(
                pk=self.instance.pk)
            if duplicates.exists():
                raise forms.ValidationError(
                    _("Une organisation porte déjà ce nom dans cette Cité."))
            return name

    class InteractionForm(VersionedModelForm):
        class Meta:
            model = Interaction
            fields = ["occurred_on", "kind", "users", "contacts", "summary", "next_step",
                      "next_step_on", "next_step_done"]
            widgets = {
                "occurred_on": DateInput(), "next_step_on": DateInput(),
                "users": forms.CheckboxSelectMultiple, "contacts": forms.CheckboxSelectMultiple,
            }

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            cite = self.instance.cite
            users = self.fields["users"]
            users.queryset = get_user_model().objects.filter(
                memberships__cite=cite).distinct().order_by("last_name", "username")
            users.label_from_instance = person_name
            # Erased contacts are not offered, but stay on the exchanges that list them.
            current = self.instance.contacts.all() if self.instance.pk else Contact.objects.none()
            self.fields["contacts"].queryset = Contact.objects.filter(
                Q(erased_at__isnull=True) | Q(pk__in=current.values("pk")),
                organisation=self.instance.organisation)

        def clean(self):
            cleaned = super().clean()
            if cleaned.get("next_step_on") and not cleaned.get("next_step"):
                self.add_error("next_step", _("Décrivez la prochaine étape à cette date."))
            return cleaned

    class CommitmentForm(VersionedModelForm):
        class Meta:
            model = Commitment
            fields = ["kind", "status", "dated", "file", "notes"]
            widgets = {"dated": DateInput()}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["file"].help_text = _(
                "PDF, DOCX, ODT, PNG ou JPEG, %(size)s au plus."
            ) % {"size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}

        def clean_file(self):
            upload = self.cleaned_data.get("file")
            if is_new_upload(upload):
                check_upload(upload, extensions=COMMITMENT_EXTENSIONS)
                self.instance.filename = original_name(upload)
            return upload

    class PartnerLinkForm(forms.ModelForm):
        class Meta:
            model = PartnerLink
            fields = ["membership"]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields["membership"]
            field.queryset = Membership.objects.filter(
                cite=self.instance.cite, role=Role.PARTNER, partner_link__isnull=True
            ).select_related("user").order_by("user__last_name", "user__username")
            field.label_from_instance = lambda m: person_name(m.user)


class ContactForm(VersionedModelForm):
    class Meta:
        model = Contact
        fields = ["name", "function", "email", "phone"]


class PositionForm(forms.ModelForm):
    """A new assessment; assessments are never edited, so this form only creates."""

    class Meta:
        model = Position
        fields = ["stance", "assessed_on", "reason", "context"]
        widgets = {"assessed_on": DateInput(), "reason": forms.Textarea(attrs={"rows": 3})}


class ContributionForm(VersionedModelForm):
    class Meta:
        model = Contribution
        fields = ["year", "function", "pole", "fte", "in_kind_eur", "money_eur", "description"]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV ou XLSX"),
        help_text=_("Une ligne d'en-tête puis une organisation par ligne ; voir les colonnes "
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


class OrganisationFilterForm(forms.Form):
    """The list's filters (GET); every field optional."""

    q = forms.CharField(label=_("Recherche"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("Tous"))] + OrganisationKind.choices)
    champ = forms.ChoiceField(label=_("Champ"), required=False,
                              choices=[("", _("Tous"))] + FieldOfAction.choices)
    public = forms.ChoiceField(label=_("Public"), required=False)
    role = forms.ChoiceField(label=_("Rôle"), required=False,
                             choices=[("", _("Tous"))] + ActorRole.choices)
    position = forms.ChoiceField(label=_("Position"), required=False,
                                 choices=[("", _("Toutes"))] + Stance.choices)
    cercle = forms.ChoiceField(
        label=_("Premier cercle"), required=False,
        choices=[("", _("Toutes")), ("oui", _("Premier cercle seulement"))]
        + FirstCircle.choices)

    def __init__(self, *args, publics: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["public"].choices = [("", _("Tous"))] + publics
