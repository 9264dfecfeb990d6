"""The demo's partnership maps: every type and first-circle category, moving positions, and the
coverage matrix and position chart rendering with them."""

from collections import Counter
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_scopes import scope

from capacite.core.demo import build_demo
from capacite.core.models import Cite
from capacite.partners.choices import FirstCircle, OrganisationKind
from capacite.partners.models import Commitment, Contact, Organisation, PartnerLink, Position

pytestmark = pytest.mark.django_db
TODAY = date(2027, 6, 15)


@pytest.fixture
def demo():
    build_demo(password="demo", today=TODAY)
    return {c.slug: c for c in Cite.objects.all()}


def test_rivemont_gets_twenty_organisations_of_every_type_and_first_circle_category(demo):
    with scope(cite=demo["rivemont"]):
        organisations = list(Organisation.objects.all())
        assert len(organisations) == 21
        assert {o.kind for o in organisations} == set(OrganisationKind.values)
        assert {o.first_circle for o in organisations} - {""} == set(FirstCircle.values)
        assert all(c.email.endswith("@demo.capacite.invalid") for c in Contact.objects.all())
        letters = Counter(Commitment.objects.filter(kind="letter_of_intent")
                          .values_list("status", flat=True))
        assert letters == {"signed": 5, "received": 4, "requested": 4}
        moved = Position.objects.filter(
            organisation__name="France Travail — agence de Rivemont",
            context="Rencontre individuelle",  # meetings of the governance demo add others
        ).order_by("assessed_on")
        assert [p.stance for p in moved] == ["hesitant", "hesitant", "ally"]
        assert Position.objects.filter(stance="refusal").exists()
        assert PartnerLink.objects.get().organisation.name == "Mission locale du Pays de Rivemont"


def test_valombre_gets_twelve_allies_with_signed_letters(demo):
    with scope(cite=demo["valombre"]):
        assert Organisation.objects.count() == 12  # 10 from the partners demo, 2 from the team's
        assert set(Position.objects.values_list("stance", flat=True)) == {"ally"}
        assert set(Commitment.objects.values_list("status", flat=True)) == {"signed"}


def test_the_coverage_matrix_and_the_position_chart_render_with_the_demo_data(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(username="porteur"))
    coverage = client.get("/c/rivemont/partenaires/couverture/")
    assert coverage.status_code == 200
    page = coverage.content.decode()
    assert "CIO de Rivemont" in page and 'class="gap"' in page
    chart = client.get("/c/rivemont/partenaires/positions/")
    assert chart.status_code == 200
    assert '<svg role="img"' in chart.content.decode()
    counts = chart.context["counts"]
    assert counts[0].ally < counts[-1].ally
    assert counts[-1].refusal >= 1
