"""Sample objects for tests/test_permission_matrix.py."""

from datetime import date
from decimal import Decimal

from capacite.diagnosis.models import Indicator


def sample_kwargs(cite) -> dict:
    indicator = Indicator.objects.create(
        cite=cite, theme="employment", label="Taux de chômage (test)", value=Decimal("8.7"),
        unit="percent", observed_on=date(2026, 6, 30))
    return {"indicator_id": indicator.pk}
