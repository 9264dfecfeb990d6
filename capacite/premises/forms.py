from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from capacite.core.concurrency import VersionedModelForm
from capacite.lib.uploads import check_upload, is_new_upload, original_name
from capacite.premises.choices import Zone
from capacite.premises.models import Candidate, SpaceProgramme
from capacite.territory.forms import offer_territory_communes


class ProgrammeForm(VersionedModelForm):
    class Meta:
        model = SpaceProgramme
        fields = [*Zone.values, "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"reception": _("Surfaces utiles en m², sans les circulations (ajoutées au "
                                     "calcul du besoin).")}


with scopes_disabled():

    class CandidateForm(VersionedModelForm):
        class Meta:
            model = Candidate
            fields = ["name", "address", "commune", "surface_m2", "transport", "transport_notes",
                      "step_free", "central", "open_plan", "shared_with", "rent_eur",
                      "works_eur", "notes", "plan"]
            widgets = {"shared_with": forms.CheckboxSelectMultiple,
                       "notes": forms.Textarea(attrs={"rows": 3}),
                       # No link to the stored file: media is served only through a view.
                       "plan": forms.FileInput}
            help_texts = {"transport_notes": _("Par exemple « Tram A, arrêt Halle à 150 m ; "
                                               "bus 4 et 12 »."),
                          "step_free": _("Entrée et espaces accueillant le public sans "
                                         "marche, ou avec une rampe ou un ascenseur.")}

        def __init__(self, *args, **kwargs):
            from capacite.partners.models import Organisation

            super().__init__(*args, **kwargs)
            self.fields["shared_with"].queryset = Organisation.objects.order_by("name")
            offer_territory_communes(self, "commune", getattr(self.instance, "cite", None),
                                     must_be_inside=True)
            self.fields["plan"].help_text = _(
                "Le plan d'aménagement du local retenu : PDF, DOCX, ODT, PNG ou JPEG, "
                "%(size)s au plus.") % {"size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}
            if self.instance.plan:
                self.fields["plan"].help_text += " " + _(
                    "Plan actuel : « %(name)s » ; un nouveau fichier le remplace.") % {
                    "name": self.instance.plan_filename or self.instance.plan.name}

        def clean_plan(self):
            upload = self.cleaned_data.get("plan")
            if is_new_upload(upload):
                check_upload(upload)
                self.instance.plan_filename = original_name(upload)
            return upload
