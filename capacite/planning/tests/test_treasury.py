"""The monthly treasury plan and its stress test, on a hand-computed calendar.

From January 2027, 20,000 € in the bank; every month 10,000 € of payroll and 500 € of other
charges; rent 12,000 € a year paid by quarters in advance (3,000 € in January, April, July,
October). Every year the Département pays 30,000 € in January and the Région 60,000 € in March
and 48,000 € in September: 138,000 € in, 138,000 € out, so the cash ends each year at 20,000 €.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import translation

from capacite.planning.domain.budget import Investment, operating_budget
from capacite.planning.domain.fte import compute_fte
from capacite.planning.domain.treasury import (
    Disbursement,
    TreasuryInputs,
    add_months,
    stress_test,
    treasury_inputs,
    treasury_plan,
)
from capacite.planning.tests.examples import CONTRIBUTIONS, FUNDING, MODEST, VOLUNTEERS

MINUS, THIN, NBSP = "\u2212", "\u202f", "\u00a0"

CALENDAR = tuple(
    payment
    for year in (2027, 2028, 2029)
    for payment in (
        Disbursement(funder="Département", on=date(year, 1, 10), amount=D(30000)),
        Disbursement(funder="Région", on=date(year, 3, 15), amount=D(60000)),
        Disbursement(funder="Région", on=date(year, 9, 15), amount=D(48000)),
    )
)
INPUTS = TreasuryInputs(
    start=date(2027, 1, 1), opening_cash=D(20000), payroll_by_year=(D(120000),),
    rent_by_year=(D(12000),), rent_rhythm="quarterly", other_charges_by_year=(D(6000),),
    disbursements=CALENDAR, legal_form="association",
)
BASELINE_YEAR = [D(x) for x in (36500, 26000, 75500, 62000, 51500, 41000, 27500, 17000, 54500,
                                41000, 30500, 20000)]
REGION_THREE_MONTHS_LATE_YEAR = [D(x) for x in (36500, 26000, 15500, 2000, -8500, 41000, 27500,
                                                17000, 6500, -7000, -17500, 20000)]


def test_the_plan_runs_36_months_from_the_start_month():
    plan = treasury_plan(INPUTS)
    assert len(plan.months) == 36
    assert (plan.months[0].month, plan.months[-1].month) == (date(2027, 1, 1), date(2029, 12, 1))


def test_each_month_takes_payroll_rent_by_its_rhythm_and_inflows_by_funder():
    january, february = treasury_plan(INPUTS).months[:2]
    assert (january.opening, january.inflows, january.outflows, january.balance) == (
        D(20000), D(30000), D(13500), D(36500))
    assert january.inflows_by_funder == (("Département", D(30000)),)
    assert (february.rent, february.outflows) == (D(0), D(10500))


def test_a_plan_that_stays_positive_raises_no_alert():
    plan = treasury_plan(INPUTS)
    assert [m.balance for m in plan.months] == BASELINE_YEAR * 3
    assert plan.alerts == ()


def test_a_funder_three_months_late_makes_months_negative_and_they_are_flagged():
    result = stress_test(INPUTS, funder="Région", delay_months=3)
    assert [m.balance for m in result.stressed.months] == REGION_THREE_MONTHS_LATE_YEAR * 3
    assert [(a.month, a.level) for a in result.stressed.alerts][:3] == [
        (date(2027, 5, 1), "warning"), (date(2027, 10, 1), "warning"),
        (date(2027, 11, 1), "warning")]
    assert len(result.stressed.alerts) == 9
    assert result.stressed.alerts[0].message == (
        f"mai 2027 : trésorerie de {MINUS}8{THIN}500{NBSP}€")
    assert result.new_alerts == result.stressed.alerts


def test_for_a_gip_any_month_below_zero_is_an_error():
    result = stress_test(replace(INPUTS, legal_form="gip"), funder="Région", delay_months=3)
    assert {a.level for a in result.stressed.alerts} == {"error"}
    assert result.stressed.alerts[2].message == (
        f"novembre 2027 : trésorerie de {MINUS}17{THIN}500{NBSP}€ — un GIP ne peut "
        "connaître aucun déficit")



def test_the_alerts_and_the_summary_read_in_english_on_an_english_page():
    from django.utils import translation

    with translation.override("en"):
        result = stress_test(replace(INPUTS, legal_form="gip"), funder="Région",
                             delay_months=3)
        assert result.stressed.alerts[2].message == (
            f"November 2027: treasury of {MINUS}€17,500 — a GIP may never run a deficit")
        assert result.summary() == (
            f"Low point: {MINUS}€17,500 in November 2027 (instead of €17,000 in August 2027); "
            "9 months below zero (instead of 0).")

def test_the_stress_test_returns_the_months_that_change_and_by_how_much():
    result = stress_test(INPUTS, funder="Région", delay_months=3)
    assert [(d.month.month, d.inflows, d.balance) for d in result.differences[:8]] == [
        (3, D(-60000), D(-60000)), (4, D(0), D(-60000)), (5, D(0), D(-60000)),
        (6, D(60000), D(0)), (9, D(-48000), D(-48000)), (10, D(0), D(-48000)),
        (11, D(0), D(-48000)), (12, D(48000), D(0))]
    assert len(result.differences) == 24
    assert result.baseline == treasury_plan(INPUTS)
    assert result.summary() == (
        f"Point bas : {MINUS}17{THIN}500{NBSP}€ en novembre 2027 (au lieu de "
        f"17{THIN}000{NBSP}€ en août 2027) ; 9 mois sous zéro (au lieu de 0).")


def test_a_cut_lowers_every_payment_of_that_funder_only():
    result = stress_test(INPUTS, funder="région", cut_percent=D(50))
    march = result.differences[0]
    assert (march.month, march.inflows, march.balance) == (date(2027, 3, 1), D(-30000),
                                                           D(-30000))
    # Each year the Région brings 54,000 € less; the Département is untouched.
    balances = {m.month: m.balance - b.balance
                for m, b in zip(result.stressed.months, result.baseline.months, strict=True)}
    assert balances[date(2027, 12, 1)] == D(-54000)
    assert balances[date(2029, 12, 1)] == D(-162000)
    assert result.stressed.months[0].inflows == D(30000)


def test_a_payment_delayed_beyond_the_horizon_leaves_the_plan():
    result = stress_test(INPUTS, funder="Région", delay_months=6)
    # March 2029 moves to September 2029; September 2029 moves to March 2030, past the plan.
    assert result.stressed.months[-1].balance - result.baseline.months[-1].balance == D(-48000)


def test_an_unknown_funder_cannot_be_stressed():
    with pytest.raises(ValueError, match="Aucun versement de « Europe » dans le calendrier."):
        stress_test(INPUTS, funder="Europe", delay_months=2)


def test_monthly_rent_and_charges_spread_to_the_cent():
    plan = treasury_plan(replace(INPUTS, rent_rhythm="monthly", other_charges_by_year=(
        D(31000),), disbursements=()))
    assert [m.rent for m in plan.months[:2]] == [D(1000), D(1000)]
    assert [m.other_charges for m in plan.months[:3]] == [D("2583.33"), D("2583.34"),
                                                          D("2583.33")]
    assert sum(m.other_charges for m in plan.months[:12]) == D(31000)


def test_payroll_follows_its_plan_year_and_the_last_year_repeats():
    plan = treasury_plan(replace(INPUTS, payroll_by_year=(D(60000), D(120000))))
    assert [plan.months[i].payroll for i in (0, 12, 24)] == [D(5000), D(10000), D(10000)]


def test_an_investment_goes_out_in_the_month_it_is_paid():
    plan = treasury_plan(replace(INPUTS, investments=(
        Investment(category="it", label="Postes", amount=D(15000), paid_on=date(2027, 2, 20)),)))
    assert (plan.months[1].investment, plan.months[1].balance) == (D(15000), D(11000))


def test_a_month_end_date_moves_to_the_end_of_a_shorter_month():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)


def test_the_plan_inputs_read_payroll_rent_and_other_charges_from_the_budget():
    fte = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS)
    budget = operating_budget(scenario=MODEST, fte=fte, first_year=2027, funding=FUNDING,
                              in_kind=VOLUNTEERS)
    inputs = treasury_inputs(budget=budget, start=date(2027, 1, 1), opening_cash=D(50000),
                             rent_rhythm="quarterly", legal_form="gip")
    # Payroll 200,250; rent (613) 36,000; other 6,000 + 5,000 + 12,000 + 8,000 = 31,000;
    # each × 1.02 the second year.
    assert inputs.payroll_by_year[:2] == (D("200250.00"), D("204255.00"))
    assert inputs.rent_by_year[:2] == (D(36000), D(36720))
    assert inputs.other_charges_by_year[:2] == (D(31000), D(31620))
    january = treasury_plan(inputs).months[0]
    # 200,250 ÷ 12 = 16,687.50; a quarter of rent 9,000; 31,000 ÷ 12 → 2,583.33 in January.
    assert (january.payroll, january.rent, january.other_charges, january.balance) == (
        D("16687.50"), D(9000), D("2583.33"), D("21729.17"))


def test_an_unknown_funder_is_named_in_english_for_an_english_reader():
    with translation.override("en"), pytest.raises(ValueError) as refused:
        stress_test(INPUTS, funder="Europe", delay_months=2)
    assert str(refused.value) == "No payment from “Europe” in the schedule."
