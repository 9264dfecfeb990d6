"""Scenarios side by side, on the worked example.

Ambitious, 2027: payroll = (2.89 reception + 4.15 counselling + 0.95 documentation
+ 0.5 communication) × 45,000 + 70,000 + 20,000 = 472,050; other charges 67,000; in-kind
169,250; products 222,000. Full cost per open hour: (539,050 + 169,250) ÷ 1,974 = 358.81…;
modest: (267,250 + 169,250) ÷ 1,575 = 277.14…
"""

from dataclasses import replace
from decimal import Decimal as D

from django.utils import translation

from capacite.planning.domain.budget import operating_budget
from capacite.planning.domain.comparison import comparison_rows, scenario_figures
from capacite.planning.domain.fte import compute_fte
from capacite.planning.tests.examples import (
    AMBITIOUS,
    CONTRIBUTIONS,
    FUNDING,
    MODEST,
    VOLUNTEERS,
)


def figures(scenario):
    fte = compute_fte(scenario=scenario, contributions=CONTRIBUTIONS)
    budget = operating_budget(scenario=scenario, fte=fte, first_year=2027, funding=FUNDING,
                              in_kind=VOLUNTEERS)
    return scenario_figures(scenario=scenario, fte=fte, budget=budget)


def test_the_comparison_rows_put_the_scenarios_side_by_side():
    rows = comparison_rows([figures(replace(MODEST, chosen=True)), figures(AMBITIOUS)])
    assert [(r.key, r.values) for r in rows] == [
        ("name", ("Modeste (retenu)", "Ambitieux")),
        ("poles", (3, 5)),
        ("pole_names", (
            "Choisir son orientation, Trouver un emploi, Créer son activité",
            "Choisir son orientation, Trouver un emploi, Créer son activité, "
            "Construire son parcours de formation, Changer sa vie professionnelle")),
        ("hours_per_week", (D(35), D(42))),
        ("counselling_hours_per_week", (D(105), D(210))),
        ("fte_needed", (D("7.25"), D("13.59"))),
        ("fte_partners", (D("3.65"), D("3.65"))),
        ("fte_to_recruit", (D("3.95"), D("9.99"))),
        ("fte_surplus", (D("0.35"), D("0.05"))),
        ("operating_charges", (D("267250.00"), D("539050.00"))),
        ("in_kind", (D("169250.00"), D("169250.00"))),
        ("operating_resources", (D("222000.00"), D("222000.00"))),
        ("shortfall", (D("45250.00"), D("317050.00"))),
        ("surplus", (D(0), D(0))),
        ("cost_per_open_hour", (D("277.14"), D("358.81"))),
        ("counselling_hours_per_year", (D(4725), D(9870))),  # 105 h × 45, 210 h × 47
        ("full_cost", (D(436500), D(708300))),
        ("partners_share", (D("0.0"), D("0.0"))),  # no partner value given here
    ]


def test_the_rows_carry_french_labels_and_units():
    rows = comparison_rows([figures(MODEST)])
    assert [(r.label, r.unit) for r in rows][-6:] == [
        ("Reste à financer (insuffisance prévisionnelle)", "eur"),
        ("Excédent prévisionnel", "eur"), ("Coût complet par heure d'ouverture", "eur"),
        ("Valeur pour le territoire : heures de conseil par an", "hours"),
        ("Valeur pour le territoire : coût complet (charges et apports en nature)", "eur"),
        ("Part du coût complet apportée par les partenaires (%)", "percent")]


def test_figures_of_a_later_year_read_that_year_of_the_budget():
    fte = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS)
    budget = operating_budget(scenario=MODEST, fte=fte, first_year=2027, funding=FUNDING)
    later = scenario_figures(scenario=MODEST, fte=fte, budget=budget, year_index=1)
    assert (later.operating_charges, later.gap) == (D("272595.00"), D("50595.00"))


def test_the_rows_carry_english_labels_for_an_english_reader():
    with translation.override("en"):
        rows = comparison_rows([figures(replace(MODEST, chosen=True))])
    assert [(r.label, r.values) for r in rows][:2] == [
        ("Scenario", ("Modeste (chosen)",)), ("Advice desks", (3,))]
    assert [r.label for r in rows][-6:] == [
        "Still to be funded (projected shortfall)", "Projected surplus",
        "Full cost per opening hour", "Value for the territory: advice hours per year",
        "Value for the territory: full cost (expenses and in-kind contributions)",
        "Share of the full cost brought by the partners (%)"]
