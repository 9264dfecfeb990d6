"""What the dashboards app keeps of its own: whether a Cité shows its name to the network."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from capacite.core.models import Cite


class NetworkSharing(models.Model):
    """A Cité's choice to appear by name in the network's benchmarks (otherwise « Cité C »)."""

    cite = models.OneToOneField(Cite, on_delete=models.CASCADE, related_name="network_sharing")
    share_name = models.BooleanField(
        _("montrer le nom de la Cité dans les comparaisons du réseau"), default=False)

    objects = ScopedManager(cite="cite")

    class Meta:
        verbose_name = _("partage avec le réseau")
        verbose_name_plural = _("partages avec le réseau")

    def __str__(self) -> str:
        return str(self.cite)
