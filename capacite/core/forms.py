from capacite.core.concurrency import VersionedModelForm
from capacite.core.models import Cite


class CiteSettingsForm(VersionedModelForm):
    class Meta:
        model = Cite
        fields = ["name", "territory", "phase", "invitation_email"]
