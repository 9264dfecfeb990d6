"""The demo's diagnosis and premises: what a newcomer sees in Rivemont and Valombre."""

from datetime import date

import pytest
from django_scopes import scope

from capacite.core.demo import build_demo
from capacite.core.models import Cite
from capacite.diagnosis.models import Indicator, Narrative, OfferMapEntry
from capacite.premises.models import Candidate
from capacite.premises.services import chosen_premises, space_programme

pytestmark = pytest.mark.django_db


def test_the_demo_cites_have_a_diagnosis_and_chosen_premises_and_building_twice_adds_nothing():
    build_demo(password="demo", today=date(2027, 6, 15))
    build_demo(password="demo", today=date(2027, 6, 15))
    rivemont, valombre = Cite.objects.get(slug="rivemont"), Cite.objects.get(slug="valombre")
    with scope(cite=rivemont):
        assert Indicator.objects.count() == 12
        assert set(Indicator.objects.values_list("theme", flat=True)) == {
            "economy", "employment", "publics", "training"}
        assert Narrative.objects.exclude(text="").count() == 4
        assert OfferMapEntry.objects.count() == 8
        assert Candidate.objects.count() == 3
    chosen = chosen_premises(rivemont)
    assert (chosen.name, chosen.points, chosen.need_m2, chosen.has_plan) == (
        "Ancienne halle aux grains", 12, 598, True)  # plan drawn by the label demo
    assert sum(z.surface_m2 for z in space_programme(rivemont)) == 520
    open_chosen = chosen_premises(valombre)
    assert (open_chosen.name, open_chosen.surface_m2, open_chosen.need_m2,
            open_chosen.shared_with) == (
        "Maison de l'emploi de Valombre, rez-de-chaussée", 820, 817,
        ("Cap emploi de Valombre", "Mission locale de Valombre"))
    assert [z.surface_m2 for z in space_programme(valombre)] == [80, 240, 120, 60, 80, 70, 60]
