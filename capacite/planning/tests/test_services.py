"""Rows → domain inputs: the worked example of docs/planning-model.md read from the database
gives the figures computed by hand there."""

from datetime import date
from decimal import Decimal as D

import pytest
from django_scopes import scope

from capacite.governance.models import Body, Decision
from capacite.partners.models import Contribution, Organisation
from capacite.planning import services
from capacite.planning.models import (
    ChargeLine,
    Disbursement,
    FundingLine,
    Scenario,
    ScenarioContribution,
)
from capacite.planning.tests.examples import THREE_POLES
from capacite.planning.tests.fixtures import YEAR, build_modest

pytestmark = pytest.mark.django_db


def plan_of(world, scenario):
    return services.scenario_plan(scenario, settings=services.planning_settings(world.cite))


def test_partner_contribution_rows_give_the_hand_computed_fte(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        fte = plan_of(world, scenario).fte
    lines = {(x.function, x.pole): (x.needed, x.brought, x.to_recruit, x.surplus)
             for x in fte.lines}
    # France Travail covers « Trouver un emploi » exactly: nothing to recruit there.
    assert lines[("counselling", "Trouver un emploi")] == (D("1.15"), D("1.15"), D("0.00"),
                                                           D("0.00"))
    # Mission locale brings 1.50 for a need of 1.15: nothing to recruit, 0.35 of surplus that
    # reduces no other line.
    assert lines[("counselling", "Choisir son orientation")] == (D("1.15"), D("1.50"),
                                                                 D("0.00"), D("0.35"))
    assert lines[("counselling", "Créer son activité")] == (D("1.15"), D("0.50"), D("0.65"),
                                                            D("0.00"))
    assert lines[("reception", None)] == (D("1.15"), D("0.00"), D("1.15"), D("0.00"))
    assert (fte.totals.needed, fte.totals.brought, fte.totals.to_recruit) == (
        D("7.25"), D("3.65"), D("3.95"))
    assert [c.partner for c in fte.unplaced] == ["Chambre de métiers"]


def test_contributions_of_another_year_are_not_read(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        other = Organisation.objects.create(cite=world.cite, name="Lycée", kind="operator")
        Contribution.objects.create(cite=world.cite, organisation=other, year=YEAR + 1,
                                    function="reception", fte=D(1))
        assert plan_of(world, scenario).fte.totals.brought == D("3.65")


def test_the_budget_from_rows_matches_the_hand_computation(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        budget = plan_of(world, scenario).budget
    assert budget.years == (2027, 2028, 2029)
    assert budget.class_total("64")[0] == D("200250.00")
    assert budget.total_charges[0] == D("267250.00")
    assert budget.total_products[0] == D("222000.00")
    assert budget.gap == (D("45250.00"), D("50595.00"), D("56046.00"))
    # Seconded staff valued at the function's cost, once on each side.
    assert budget.class_total("862")[0] == budget.class_total("871")[0] == D("164250.00")


def test_partner_in_kind_resources_are_valued_under_861_and_871(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        organisation = Organisation.objects.get(name="Région")
        ScenarioContribution.objects.create(cite=world.cite, scenario=scenario,
                                            organisation=organisation, in_kind_eur=D(4000))
        budget = plan_of(world, scenario).budget
    assert budget.class_total("861") == (D(4000),) * 3
    assert budget.class_total("871")[0] == D("164250.00") + D(4000)
    assert budget.total_products[0] == D("222000.00")


def test_a_scenario_created_after_a_choice_takes_the_retained_one_s_resources(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        Scenario.objects.filter(pk=scenario.pk).update(chosen=True)
        new = Scenario.objects.create(cite=world.cite, name="Autre", poles=list(THREE_POLES),
                                      hours_per_day=D(7), days_per_week=D(5),
                                      weeks_per_year=D(45), default_cost_per_fte=D(45000))
        services.create_resources(new, cite=world.cite)
        assert ScenarioContribution.objects.filter(scenario=new).count() == 5
        assert sorted(FundingLine.objects.filter(scenario=new).values_list(
            "funder__key", flat=True)) == ["ATELIERS", "DEPARTEMENT", "REGION", "VILLE"]
        assert Disbursement.objects.filter(line__scenario=new).count() == \
            Disbursement.objects.filter(line__scenario=scenario).count() == 15


def test_each_scenario_has_its_own_resources_and_its_own_gap(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        copy = services.copy_scenario(Scenario.objects.get(pk=scenario.pk), name="Ambitieux")
        # The Région gives 30 000 € more to the copy; the Mission locale seconds 0.5 FTE more.
        FundingLine.objects.filter(scenario=copy, funder__key="REGION").update(
            amount_year1=D(150000))
        ScenarioContribution.objects.filter(scenario=copy,
                                            organisation__name="Mission locale").update(
            fte=D("2.00"))
        original, changed = plan_of(world, scenario), plan_of(world, copy)
    assert original.figures.operating_resources == D(222000)
    assert changed.figures.operating_resources == D(252000)
    assert (original.figures.gap, changed.figures.gap) == (D(45250), D(15250))
    assert (original.fte.totals.brought, changed.fte.totals.brought) == (D("3.65"), D("4.15"))


def test_each_partner_sees_what_it_brings_and_what_it_opens(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        FundingLine.objects.filter(scenario=scenario, funder__key="REGION").update()
        from capacite.planning.models import Funder

        Funder.objects.filter(key="REGION").update(
            organisation=Organisation.objects.get(name="Région"))
        plan = plan_of(world, scenario)
    values = {v.partner: v for v in plan.partners}
    assert sorted(values) == ["CIO", "France Travail", "Mission locale", "Région"]
    region = values["Région"]
    # 0.50 FTE of documentation × 45 000 € + 120 000 € of subsidy, in a Cité whose full cost
    # is 267 250 € of charges + 164 250 € of seconded staff = 431 500 €.
    assert (region.fte, region.staff_value, region.money, region.total) == (
        D("0.50"), D(22500), D(120000), D(142500))
    assert (region.share, region.leverage) == (D("33.0"), D("3.03"))
    # 0.50 FTE × 1 607 h × 0.85 = 682.975 → 683 h a year with the public.
    assert region.public_hours == D(683)
    assert plan.figures.full_cost == D(431500)
    assert plan.figures.counselling_hours_per_year == D(4725)  # 105 h × 45 weeks


def test_a_copy_keeps_the_choices_and_charges_under_a_new_name_and_is_not_chosen(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        Scenario.objects.filter(pk=scenario.pk).update(chosen=True)
        copy = services.copy_scenario(Scenario.objects.get(pk=scenario.pk), name="Ambitieux")
        assert copy.pk != scenario.pk and not copy.chosen
        assert copy.poles == scenario.poles
        assert ChargeLine.objects.filter(scenario=copy).count() == 5
        assert ChargeLine.objects.filter(scenario=scenario).count() == 5


def test_choosing_a_scenario_writes_the_decision_and_unmarks_the_others(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        other = services.copy_scenario(scenario, name="Ambitieux")
        body = Body.objects.create(cite=world.cite, kind="steering", name="Comité de pilotage")
        services.choose_scenario(other, body=body, decided_on=date(2026, 11, 20))
        decision = services.choose_scenario(scenario, body=body, decided_on=date(2026, 12, 1))
        assert decision.title == "Le comité retient le scénario « Modeste »."
        assert decision.validates == "Choix des scénarios"
        assert Decision.objects.count() == 2
        assert list(Scenario.objects.filter(chosen=True)) == [scenario]
        assert Scenario.objects.get(pk=scenario.pk).decision == decision


def test_the_chosen_scenario_is_exposed_as_plain_data_for_the_label_dossier(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        assert services.chosen_comparison_row(world.cite) is None
        Scenario.objects.filter(pk=scenario.pk).update(chosen=True)
        row = services.chosen_comparison_row(world.cite)
        budget = services.chosen_cerfa_budget(world.cite)
    assert row["name"] == "Modeste" and row["gap"] == D("45250.00")
    assert (row["shortfall"], row["surplus"]) == (D("45250.00"), D(0))
    assert row["fte_to_recruit"] == D("3.95")
    assert budget["years"] == [2027, 2028, 2029]
    balance = [r for r in budget["rows"] if r["kind"] == "balance"]
    assert balance == [
        {"code": "", "key": "surplus", "label": "Excédent prévisionnel", "kind": "balance",
         "amounts": [D(0), D(0), D(0)]},
        {"code": "", "key": "shortfall", "label": "Reste à financer (insuffisance "
         "prévisionnelle)", "kind": "balance",
         "amounts": [D("45250.00"), D("50595.00"), D("56046.00")]}]


def test_an_unknown_funder_key_is_refused_in_french_with_the_known_keys(world):
    build_modest(world.cite)
    with scope(cite=world.cite):
        assert services.resolve_funder("region").name == "Région"
        with pytest.raises(ValueError) as error:
            services.resolve_funder("ETAT")
    assert str(error.value) == ("Financeur inconnu : « ETAT ». Identifiants des financeurs de "
                                "cette Cité : ATELIERS, DEPARTEMENT, REGION, VILLE.")
