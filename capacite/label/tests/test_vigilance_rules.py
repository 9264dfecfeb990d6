"""The measured vigilance points' evidence, written in the reader's language (issue 19)."""

from datetime import date

import pytest
from django.utils import translation
from django_scopes import scope

from capacite.label.vigilance_rules import RULES

pytestmark = pytest.mark.django_db


def _evidence(world, language: str) -> dict[str, str]:
    with scope(cite=world.cite), translation.override(language):
        return {key: rule(world.cite, date(2026, 6, 1)).evidence for key, rule in RULES.items()}


def test_a_cite_with_nothing_yet_reads_its_evidence_in_french(world):
    assert _evidence(world, "fr") == {
        "absence-de-locaux": "Aucun local n'est retenu parmi les locaux envisagés.",
        "faiblesse-portage-politique": "L'instance du porteur politique ne s'est jamais "
                                       "réunie.",
        "adhesion-premier-cercle-progressive": "Aucun comité de pilotage constitué.",
        "deblocage-fonds-tresorerie": "Aucun scénario retenu : pas de plan de trésorerie."}


def test_an_english_reader_reads_the_same_evidence_in_english(world):
    assert _evidence(world, "en") == {
        "absence-de-locaux": "No premises chosen among those considered.",
        "faiblesse-portage-politique": "The political sponsor's body has never met.",
        "adhesion-premier-cercle-progressive": "No steering committee set up.",
        "deblocage-fonds-tresorerie": "No scenario chosen: no cash-flow plan."}
