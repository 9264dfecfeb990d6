from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from capacite.core.concurrency import VersionedModelForm
from capacite.lib.uploads import check_image, original_name
from capacite.premises.models_fitted import FittedSpace


class FittedSpaceForm(VersionedModelForm):
    class Meta:
        model = FittedSpace
        fields = ["zone", "name", "surface_m2", "fitting", "signage"]
        widgets = {"fitting": forms.Textarea(attrs={"rows": 3}),
                   "signage": forms.Textarea(attrs={"rows": 3})}


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Photo"))
    caption = forms.CharField(label=_("Légende"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = _("PNG ou JPEG, %(size)s au plus.") % {
            "size": filesizeformat(settings.EVIDENCE_MAX_BYTES)}

    def clean_photo(self):
        upload = check_image(self.cleaned_data["photo"])
        self.filename = original_name(upload)
        return upload
