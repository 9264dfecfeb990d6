"""Sample objects for tests/test_permission_matrix.py."""

from datetime import date, time

from capacite.offer.models import Closure, DayException, Pole, Site, WeeklyHours


def sample_kwargs(cite) -> dict:
    pole = Pole.objects.create(cite=cite, name="Pôle d'exemple pour les tests")
    site = Site.objects.create(cite=cite, name="Site d'exemple pour les tests")
    WeeklyHours.objects.create(cite=cite, site=site, weekday=1, opens=time(10), closes=time(18))
    exception = DayException.objects.create(cite=cite, site=site, day=date(2027, 5, 8))
    closure = Closure.objects.create(cite=cite, site=site, first=date(2027, 8, 1),
                                     last=date(2027, 8, 21))
    return {"pole_id": pole.pk, "site_id": site.pk, "exception_id": exception.pk,
            "closure_id": closure.pk}
