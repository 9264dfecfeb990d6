"""FTE needed, brought by partners and to recruit, on hand-computed cases.

Productive hours of one FTE: 1,607 × (1 − 0.15) = 1,365.95. The modest scenario opens
35 h × 45 weeks = 1,575 h a year: one person present means 1,575 ÷ 1,365.95 = 1.153… → 1.15 FTE.
The ambitious one opens 42 h × 47 weeks = 1,974 h: 1,974 ÷ 1,365.95 = 1.445… → 1.45 FTE.
"""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from capacite.planning.domain.fte import (
    FteSettings,
    PartnerContribution,
    Share,
    compute_fte,
    fte_needed,
    settings_errors,
)
from capacite.planning.tests.examples import AMBITIOUS, CONTRIBUTIONS, MODEST


def summary(result):
    return [(x.function, x.pole, x.needed, x.brought, x.to_recruit, x.surplus)
            for x in result.lines]


def test_one_fte_is_1607_hours_less_a_15_percent_preparation_share_by_default():
    settings = FteSettings()
    assert settings.annual_hours == D(1607)
    assert settings.preparation_share == D("0.15")
    assert settings.productive_hours == D("1365.95")


def test_the_preparation_share_changes_the_productive_hours_and_the_fte():
    ten_percent = FteSettings(preparation_share=D("0.10"))
    assert ten_percent.productive_hours == D("1446.30")
    # 1,575 ÷ 1,446.30 = 1.0889…
    assert fte_needed(hours=D(1575), people=D(1), settings=ten_percent) == D("1.09")
    # 1,575 ÷ 1,607 = 0.9800…
    assert fte_needed(hours=D(1575), people=D(1),
                      settings=FteSettings(preparation_share=D(0))) == D("0.98")
    # 1,575 × 2 ÷ 1,365.95 = 2.3061…
    assert fte_needed(hours=D(1575), people=D(2), settings=FteSettings()) == D("2.31")


def test_settings_that_would_divide_by_zero_are_refused():
    assert settings_errors(FteSettings(preparation_share=D(1))) == [
        "Part de préparation, formation et congés : doit être comprise entre 0 et 1 (exclu), "
        "par exemple 0,15."]


def test_the_modest_scenario_lines_match_the_hand_computation():
    result = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS)
    assert summary(result) == [
        ("counselling", "Choisir son orientation", D("1.15"), D("1.50"), D("0.00"), D("0.35")),
        ("counselling", "Trouver un emploi", D("1.15"), D("1.15"), D("0.00"), D("0.00")),
        ("counselling", "Créer son activité", D("1.15"), D("0.50"), D("0.65"), D("0.00")),
        ("reception", None, D("1.15"), D("0.00"), D("1.15"), D("0.00")),
        ("documentation", None, D("1.15"), D("0.50"), D("0.65"), D("0.00")),
        ("direction", None, D("1.00"), D("0.00"), D("1.00"), D("0.00")),
        ("secretariat", None, D("0.50"), D("0.00"), D("0.50"), D("0.00")),
    ]
    totals = result.totals
    assert (totals.needed, totals.brought, totals.used, totals.to_recruit, totals.surplus) == (
        D("7.25"), D("3.65"), D("3.30"), D("3.95"), D("0.35"))


def test_a_contribution_covering_a_pole_fully_leaves_nothing_to_recruit_there():
    line = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS).lines[1]
    assert (line.pole, line.to_recruit, line.surplus) == ("Trouver un emploi", D(0), D(0))


def test_a_contribution_beyond_the_need_never_makes_recruitment_negative_nor_spills():
    generous = (PartnerContribution("Mission locale", "counselling", "Choisir son orientation",
                                    D(3)),
                PartnerContribution("Université", "webmaster", None, D(2)))
    result = compute_fte(scenario=MODEST, contributions=generous)
    assert all(x.to_recruit >= 0 for x in result.lines)
    assert summary(result)[0] == (
        "counselling", "Choisir son orientation", D("1.15"), D(3), D("0.00"), D("1.85"))
    # Neither surplus reduces another pôle, the reception or the documentation.
    assert [x.to_recruit for x in result.lines[1:5]] == [D("1.15")] * 4
    assert summary(result)[-1] == ("webmaster", None, D("0.00"), D(2), D("0.00"), D(2))


def test_a_contribution_never_counts_twice():
    result = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS)
    declared = sum(c.fte for c in CONTRIBUTIONS)
    counted = sum(share.fte for line in result.lines for share in line.shares)
    unplaced = sum(c.fte for c in result.unplaced)
    assert (declared, counted, unplaced) == (D("3.95"), D("3.65"), D("0.30"))
    assert [(line.pole, share) for line in result.lines for share in line.shares
            if share.partner == "CIO"] == [("Créer son activité", Share("CIO", D("0.50")))]


def test_a_counselling_contribution_without_pole_fills_the_poles_in_order():
    result = compute_fte(scenario=AMBITIOUS, contributions=CONTRIBUTIONS)
    assert [(line.pole, share) for line in result.lines for share in line.shares
            if share.partner == "CIO"] == [("Trouver un emploi", Share("CIO", D("0.30"))),
                                           ("Créer son activité", Share("CIO", D("0.20")))]
    totals = result.totals
    assert (totals.needed, totals.brought, totals.to_recruit, totals.surplus) == (
        D("13.59"), D("3.65"), D("9.99"), D("0.05"))


def test_counselling_left_over_after_every_pole_stays_on_its_own_line():
    result = compute_fte(scenario=MODEST, contributions=(
        PartnerContribution("CIO", "counselling", None, D(4)),))
    assert summary(result)[:4] == [
        ("counselling", "Choisir son orientation", D("1.15"), D("1.15"), D(0), D(0)),
        ("counselling", "Trouver un emploi", D("1.15"), D("1.15"), D(0), D(0)),
        ("counselling", "Créer son activité", D("1.15"), D("1.15"), D(0), D(0)),
        ("counselling", None, D(0), D("0.55"), D(0), D("0.55")),
    ]


def test_contributions_for_a_pole_the_scenario_does_not_open_are_reported_not_counted():
    result = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS)
    assert result.unplaced == (CONTRIBUTIONS[4],)


def test_a_pole_is_matched_whatever_its_case_and_spaces():
    result = compute_fte(scenario=MODEST, contributions=(
        PartnerContribution("CMA", "", "  créer son  activité ", D("0.40")),))
    assert result.lines[2].shares == (Share("CMA", D("0.40")),)


def test_money_only_contributions_bring_no_fte():
    result = compute_fte(scenario=MODEST, contributions=(
        PartnerContribution("Banque", "", None, D(0)),))
    assert (result.totals.brought, result.unplaced) == (D(0), ())


def test_totals_by_function_add_the_poles_together():
    by_function = compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS).by_function()
    assert list(by_function) == ["reception", "counselling", "documentation", "direction",
                                 "secretariat"]
    counselling = by_function["counselling"]
    assert (counselling.needed, counselling.brought, counselling.to_recruit) == (
        D("3.45"), D("3.15"), D("0.65"))


def test_more_people_per_open_hour_in_one_pole_raise_only_that_pole():
    busy = replace(MODEST, counsellors_by_pole={"Trouver un emploi": D(2)})
    result = compute_fte(scenario=busy, contributions=())
    # 1,575 × 2 ÷ 1,365.95 = 2.306…
    assert [x.needed for x in result.lines[:3]] == [D("1.15"), D("2.31"), D("1.15")]


def test_a_documentation_contribution_naming_a_pole_counts_for_documentation():
    result = compute_fte(scenario=MODEST, contributions=(
        PartnerContribution("Région", "documentation", "Trouver un emploi", D("0.40")),))
    assert [(x.function, x.pole, x.brought) for x in result.lines if x.brought] == [
        ("documentation", None, D("0.40"))]


def test_fte_are_not_computed_with_settings_that_divide_by_zero():
    with pytest.raises(ValueError, match="Part de préparation"):
        compute_fte(scenario=MODEST, contributions=(),
                    settings=FteSettings(preparation_share=D(1)))
