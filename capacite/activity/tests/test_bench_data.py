"""`capacite demo --visits N --cites C`: the benchmark network, run small with exact counts."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from capacite.activity import rollups
from capacite.activity.bench_data import shares
from capacite.activity.models import SurveyResponse, Visit
from capacite.core.models import Cite
from capacite.offer.models import Pole, Site


def test_shares_split_a_total_evenly():
    assert shares(2000, 3) == [667, 667, 666]
    assert shares(5, 5) == [1, 1, 1, 1, 1]


@pytest.mark.django_db
def test_the_benchmark_network_has_the_exact_counts_asked(capsys):
    call_command("demo", visits=2000, cites=3)
    with scopes_disabled():
        cites = Cite.objects.filter(slug__startswith="charge-")
        assert sorted(cites.values_list("slug", "phase")) == [
            ("charge-001", "operation"), ("charge-002", "operation"), ("charge-003", "operation")]
        assert Site.objects.filter(cite__in=cites).count() == 6
        assert Pole.objects.filter(cite__in=cites).count() == 12
        assert sorted((c.slug, Visit.objects.filter(cite=c).count()) for c in cites) == [
            ("charge-001", 667), ("charge-002", 667), ("charge-003", 666)]
        assert Visit.poles.through.objects.filter(visit__cite__in=cites).count() == 2000
        assert SurveyResponse.objects.filter(cite__in=cites).count() == 40 + 40 + 40
        # Written with the monthly counts' triggers dropped, then rebuilt: the same counts.
        ids = [c.pk for c in cites]
        assert rollups.stored(ids) == rollups.recount(ids)
        assert sum(n for key, n in rollups.stored(ids).items() if key[2] == "pole") == 2000
    assert "3 Cités, 2000 passages, 120 réponses" in capsys.readouterr().out
    call_command("demo", visits=10, cites=1)  # a second run adds Cités after the first ones
    with scopes_disabled():
        assert Visit.objects.filter(cite__slug="charge-004").count() == 10
        assert rollups.stored() == rollups.recount()
