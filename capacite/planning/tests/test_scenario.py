"""Scenario choices: validation messages that name the field, copying."""

from dataclasses import replace
from decimal import Decimal as D

from django.utils import translation

from capacite.planning.domain.scenario import ChargeItem, copy_scenario, scenario_errors
from capacite.planning.tests.examples import AMBITIOUS, MODEST, THREE_POLES


def test_the_worked_example_scenarios_are_valid():
    assert scenario_errors(MODEST) == []
    assert scenario_errors(AMBITIOUS) == []


def test_fewer_than_three_poles_are_refused_with_the_label_s_reason():
    assert scenario_errors(replace(MODEST, poles=THREE_POLES[:2])) == [
        "Pôles de conseil : le label Cité des métiers prévoit de 3 à 7 pôles de conseil "
        "ouverts en permanence au public ; ce scénario en compte 2."]


def test_more_than_seven_poles_are_refused():
    poles = tuple(f"Pôle {n}" for n in range(1, 9))
    assert scenario_errors(replace(MODEST, poles=poles)) == [
        "Pôles de conseil : le label Cité des métiers prévoit de 3 à 7 pôles de conseil "
        "ouverts en permanence au public ; ce scénario en compte 8."]


def test_a_pole_named_twice_is_refused():
    poles = THREE_POLES + ("trouver un emploi",)
    assert scenario_errors(replace(MODEST, poles=poles)) == [
        "Pôles de conseil : le pôle « trouver un emploi » apparaît deux fois."]


def test_an_impossible_opening_names_its_field():
    assert scenario_errors(replace(MODEST, hours_per_day=D(25), weeks_per_year=D(0))) == [
        "Heures d'ouverture par jour : doit être compris entre 0 (exclu) et 24 ; valeur : 25.",
        "Semaines d'ouverture par an : doit être compris entre 0 (exclu) et 53 ; valeur : 0.",
    ]


def test_an_opening_pattern_is_required():
    assert scenario_errors(replace(MODEST, hours_per_day=None, days_per_week=None)) == [
        "Heures d'ouverture par jour : indiquez-les, ou les heures d'ouverture par semaine.",
        "Jours d'ouverture par semaine : indiquez-les, ou les heures d'ouverture par semaine.",
    ]


def test_weekly_hours_from_the_offer_win_over_hours_a_day():
    assert MODEST.hours_per_week == D(35)
    assert AMBITIOUS.hours_per_week == D(42)
    assert AMBITIOUS.open_hours_per_year == D(1974)
    assert AMBITIOUS.counselling_hours_per_week == D(210)


def test_staffing_costs_and_charges_are_checked():
    broken = replace(
        MODEST, reception_staff=D(-1), counsellors_by_pole={"Pôle inconnu": D(1)},
        function_fte={"reception": D(1)}, cost_per_fte={"direction": D(-5)},
        charges=(ChargeItem(account="706", label="Ventes", annual_amount=D(10)),))
    assert scenario_errors(broken) == [
        "Personnes à l'accueil par heure d'ouverture : ne peut pas être négatif ; valeur : -1.",
        "Conseillers d'un pôle par heure d'ouverture : « Pôle inconnu » n'est pas un pôle de "
        "ce scénario.",
        "ETP des fonctions : « reception » n'est pas une fonction dont on fixe les ETP "
        "(événements ou fonctions internes).",
        "Coût annuel d'un ETP : Direction : ne peut pas être négatif ; valeur : -5.",
        "Autres charges : « Ventes » : le compte 706 n'est pas un compte de charges 60 à 68.",
    ]


def test_a_copy_keeps_the_choices_under_a_new_name_and_is_not_chosen():
    chosen = replace(MODEST, chosen=True)
    copy = copy_scenario(chosen, name="Modeste bis")
    assert copy == replace(MODEST, name="Modeste bis")
    assert copy.function_fte is not MODEST.function_fte


def test_the_checks_name_fields_and_functions_in_english_for_an_english_reader():
    broken = replace(
        MODEST, reception_staff=D(-1), counsellors_by_pole={"Pôle inconnu": D(1)},
        function_fte={"reception": D(1)}, cost_per_fte={"direction": D(-5)},
        charges=(ChargeItem(account="706", label="Ventes", annual_amount=D(10)),),
        hours_per_day=D(25))
    with translation.override("en"):
        assert scenario_errors(broken) == [
            "Opening hours per day: must be between 0 (excluded) and 24; value: 25.",
            "Reception staff per opening hour: cannot be negative; value: -1.",
            "Advisers of one advice desk per opening hour: “Pôle inconnu” is not an advice "
            "desk of this scenario.",
            "FTE by function: “reception” is not a function whose FTE are set directly "
            "(events or internal functions).",
            "Annual cost of one FTE: Management: cannot be negative; value: -5.",
            "Other expenses: “Ventes”: account 706 is not an expense account from 60 to 68.",
        ]
