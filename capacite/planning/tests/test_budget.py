"""The Cerfa 12156 budget table, on the worked example (docs/planning-model.md).

Payroll 2027: reception 1.15 × 45,000 = 51,750; counselling 0.65 × 45,000 = 29,250;
documentation 0.65 × 45,000 = 29,250; direction 1 × 70,000; secretariat 0.5 × 40,000 = 20,000;
total 200,250. Seconded staff valued: Mission locale 1.50, France Travail 1.15, CIO 0.50 and
Région 0.50 FTE × 45,000 = 164,250, plus 5,000 of volunteers = 169,250 on each side.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import translation

from capacite.planning.domain.budget import (
    Funding,
    InKind,
    Investment,
    budget_rows,
    investment_rows,
    operating_budget,
)
from capacite.planning.domain.fte import compute_fte
from capacite.planning.tests.examples import CONTRIBUTIONS, FUNDING, MODEST, VOLUNTEERS


def modest_budget():
    return operating_budget(scenario=MODEST,
                            fte=compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS),
                            first_year=2027, funding=FUNDING, in_kind=VOLUNTEERS)


def test_the_budget_covers_three_calendar_years():
    assert modest_budget().years == (2027, 2028, 2029)


def test_payroll_is_split_into_salaries_and_social_charges_not_by_job():
    budget = modest_budget()
    # 200,250 € of employer cost; salaries = 200,250 / 1.42 = 141,021.13 → 141,021 €, social
    # charges the rest, so that the two lines add up to the rounded cost.
    assert [(d.account, d.label, d.amounts) for d in budget.charges
            if d.account[:2] == "64"] == [
        ("641", "Rémunération des personnels (3,95 ETP à recruter)",
         (D(141021), D(143842), D(146718))),
        ("645", "Charges sociales", (D(59229), D(60413), D(61622))),
    ]
    assert budget.class_total("64") == (D(200250), D(204255), D(208340))


def test_totals_by_class_in_the_first_year():
    budget = modest_budget()
    first = {code: budget.class_total(code)[0]
             for code in ("60", "61", "62", "63", "64", "65", "70", "74", "75")}
    assert first == {"60": D(6000), "61": D(41000), "62": D(20000), "63": D(0),
                     "64": D("200250.00"), "65": D(0), "70": D(2000), "74": D(220000),
                     "75": D(0)}
    assert budget.total_charges[0] == D("267250.00")
    assert budget.total_products[0] == D("222000.00")


def test_charges_rise_by_the_yearly_increase_and_the_gap_is_explicit():
    budget = modest_budget()
    # 2028: every charge × 1.02; 2029: × 1.0404, each line rounded once, to the euro.
    assert budget.total_charges == (D(267250), D(272595), D(278046))
    assert budget.gap == (D(45250), D(50595), D(56046))


def test_every_amount_is_a_whole_number_of_euros_and_the_totals_balance():
    rows = budget_rows(modest_budget())
    assert all(a == a.to_integral_value() for r in rows for a in r.amounts)
    by_label = {r.label: r.amounts for r in rows}
    # Charges exceed products every year: the products side's balancing line takes the gap
    # and the charges side's stays at zero, so the two totals are equal.
    assert by_label["Reste à financer (insuffisance prévisionnelle)"] == (
        D(45250), D(50595), D(56046))
    assert by_label["Excédent prévisionnel"] == (D(0), D(0), D(0))
    assert by_label["Total des charges"] == by_label["Total des produits"] == (
        D(267250), D(272595), D(278046))
    assert (by_label["Total des charges et des emplois des contributions volontaires"]
            == by_label["Total des produits et des contributions volontaires"]
            == (D(436500), D(445130), D(453932)))


def test_the_balancing_line_follows_the_sign_of_each_year():
    # Charges 267,250 / 272,595 / 278,046. The Région gives 120,000, then 200,000 (products
    # 302,000: 29,405 more than charges), then 176,046 (products = charges to the euro).
    funding = (replace(FUNDING[0], amounts=(D(120000), D(200000), D("176045.60"))),
               *FUNDING[1:])
    budget = operating_budget(scenario=MODEST,
                              fte=compute_fte(scenario=MODEST, contributions=CONTRIBUTIONS),
                              first_year=2027, funding=funding)
    assert budget.total_products == (D(222000), D(302000), D(278046))
    assert budget.gap == (D(45250), D(-29405), D(0))
    assert budget.shortfall == (D(45250), D(0), D(0))
    assert budget.surplus == (D(0), D(29405), D(0))
    assert budget.balanced_total == (D(267250), D(302000), D(278046))
    balance = [(r.key, r.label, r.amounts) for r in budget_rows(budget)
               if r.kind == "balance"]
    assert balance == [
        ("surplus", "Excédent prévisionnel", (D(0), D(29405), D(0))),
        ("shortfall", "Reste à financer (insuffisance prévisionnelle)",
         (D(45250), D(0), D(0)))]
    totals = {r.label: r.amounts for r in budget_rows(budget) if r.kind == "total"}
    assert totals["Total des charges"] == totals["Total des produits"] == budget.balanced_total


def test_in_kind_uses_equal_in_kind_contributions_every_year():
    budget = modest_budget()
    assert budget.total_uses_in_kind == budget.total_contributions_in_kind
    # Seconded staff 164,250 × 1, × 1.02, × 1.0404 (each partner rounded), plus 5,000.
    assert budget.total_uses_in_kind == (D(169250), D(172535), D(175886))
    assert budget.class_total("862")[0] == budget.class_total("871")[0] == D("164250.00")
    assert budget.class_total("864")[0] == budget.class_total("870")[0] == D(5000)


def test_seconded_staff_is_valued_once_per_partner():
    budget = modest_budget()
    assert [(x.label, x.amounts[0]) for x in budget.in_kind] == [
        ("Personnel mis à disposition : Mission locale (1,50 ETP)", D("67500.00")),
        ("Personnel mis à disposition : France Travail (1,15 ETP)", D("51750.00")),
        ("Personnel mis à disposition : CIO (0,50 ETP)", D("22500.00")),
        ("Personnel mis à disposition : Région (0,50 ETP)", D("22500.00")),
        ("Bénévoles des événements", D(5000)),
    ]


def test_the_rows_follow_the_cerfa_table_with_its_fixed_lines():
    rows = budget_rows(modest_budget())
    assert [(r.code or r.key, r.kind) for r in rows
            if r.kind in ("class", "balance", "total", "gap")] == [
        ("60", "class"), ("61", "class"), ("62", "class"), ("63", "class"), ("64", "class"),
        ("65", "class"), ("66", "class"), ("67", "class"), ("68", "class"),
        ("surplus", "balance"), ("", "total"), ("86", "class"), ("", "total"),
        ("70", "class"), ("73", "class"), ("74", "class"), ("75", "class"), ("76", "class"),
        ("77", "class"), ("78", "class"), ("shortfall", "balance"), ("", "total"),
        ("87", "class"), ("", "total"),
    ]
    lines = [(r.code or r.key, r.label) for r in rows if r.kind == "line"]
    assert lines == [
        ("641", "Rémunération des personnels"), ("645", "Charges sociales"),
        ("648", "Autres charges de personnel"),
        ("860", "Secours en nature"), ("861", "Mise à disposition gratuite de biens et services"),
        ("862", "Prestations"), ("864", "Personnel bénévole"),
        ("state", "État"), ("region", "Région(s)"), ("departement", "Département(s)"),
        ("epci", "Intercommunalité(s) : EPCI"), ("commune", "Commune(s)"),
        ("social", "Organismes sociaux"), ("eu", "Fonds européens"),
        ("asp", "L'agence de services et de paiement (emplois aidés)"),
        ("other_public", "Autres établissements publics"), ("private", "Aides privées"),
        ("756", "Cotisations"), ("758", "Dons manuels — Mécénat"),
        ("870", "Bénévolat"), ("871", "Prestations en nature"), ("875", "Dons en nature")]
    # Each subsidy sits under its 74 line, printed without a code of its own.
    assert [(r.key, r.code, r.label, r.amounts[0]) for r in rows
            if r.kind == "detail" and r.key] == [
        ("region", "", "Région", D(120000)), ("departement", "", "Département", D(60000)),
        ("commune", "", "Ville", D(40000))]
    totals = [r.amounts[0] for r in rows if r.kind == "total"]
    assert totals == [D(267250), D(436500), D(267250), D(436500)]
    assert rows[-1].label == "Total des produits et des contributions volontaires"


def test_no_detail_line_reuses_its_parent_s_code():
    rows = budget_rows(modest_budget())
    parents: list[str] = []
    for row in rows:
        if row.kind in ("class", "line"):
            parents = [row.code] if row.kind == "class" else parents[:1] + [row.code]
        elif row.kind == "detail" and row.code:
            assert row.code not in parents, row


def test_a_subsidy_needs_a_cerfa_line_and_a_charge_a_sub_account():
    fte = compute_fte(scenario=MODEST, contributions=())
    with pytest.raises(ValueError, match="« Ville » : subvention sans ligne du Cerfa"):
        operating_budget(scenario=MODEST, fte=fte, first_year=2027,
                         funding=(Funding(funder="Ville", amounts=(D(1),) * 3),))
    with pytest.raises(ValueError, match="le compte 75 est une classe du Cerfa ; indiquez un "
                                         "sous-compte, par exemple 758"):
        operating_budget(scenario=MODEST, fte=fte, first_year=2027, funding=(
            Funding(funder="Mécène", account="75", amounts=(D(1),) * 3),))


def test_mecenat_and_fees_sit_under_758_and_756():
    budget = operating_budget(
        scenario=MODEST, fte=compute_fte(scenario=MODEST, contributions=()), first_year=2027,
        funding=(Funding(funder="Fondation", account="758", amounts=(D("5000.40"),) * 3),
                 Funding(funder="Adhérents", account="756", amounts=(D(300),) * 3)))
    rows = [(r.code, r.label, r.amounts[0]) for r in budget_rows(budget)
            if r.code.startswith("75") or r.label in ("Fondation", "Adhérents")]
    assert rows == [("75", "Autres produits de gestion courante", D(5300)),
                    ("756", "Cotisations", D(300)), ("", "Adhérents", D(300)),
                    ("758", "Dons manuels — Mécénat", D(5000)), ("", "Fondation", D(5000))]


def test_a_funding_line_with_the_wrong_number_of_years_is_refused():
    with pytest.raises(ValueError, match="« Région » : 2 montants pour 3 années."):
        operating_budget(scenario=MODEST, fte=compute_fte(scenario=MODEST, contributions=()),
                         first_year=2027, funding=(Funding(funder="Région",
                                                           amounts=(D(1), D(2))),))


def test_an_in_kind_line_outside_86_87_is_refused():
    with pytest.raises(ValueError, match="ne sont pas des comptes 86x / 87x"):
        operating_budget(scenario=MODEST, fte=compute_fte(scenario=MODEST, contributions=()),
                         first_year=2027, in_kind=(InKind(
                             label="Locaux", use_account="613", contribution_account="871",
                             amounts=(D(1),) * 3),))


def test_the_investment_budget_is_separate_and_by_year_of_payment():
    items = (
        Investment(category="fitting_out", label="Travaux", amount=D(80000),
                   paid_on=date(2027, 2, 1)),
        Investment(category="furniture", label="Mobilier des pôles", amount=D(25000),
                   paid_on=date(2027, 3, 1)),
        Investment(category="it", label="Postes en libre accès", amount=D(15000),
                   paid_on=date(2027, 3, 1)),
        Investment(category="it", label="Renouvellement", amount=D(5000),
                   paid_on=date(2029, 1, 15)),
    )
    rows = investment_rows(items=items, first_year=2027, funding=(
        Funding(funder="Région (CPER)", amounts=(D(100000), D(0), D(0))),))
    assert [(r.label, r.amounts) for r in rows if r.kind in ("class", "total", "gap")] == [
        ("Aménagement des locaux", (D(80000), D(0), D(0))),
        ("Mobilier", (D(25000), D(0), D(0))),
        ("Équipements informatiques", (D(15000), D(0), D(5000))),
        ("Total des investissements", (D(120000), D(0), D(5000))),
        ("Total des financements", (D(100000), D(0), D(0))),
        ("Reste à financer (investissements − financements)", (D(20000), D(0), D(5000))),
    ]


def test_an_investment_paid_outside_the_years_is_refused():
    with pytest.raises(ValueError, match="hors des années 2027 à 2029"):
        investment_rows(items=(Investment(category="it", label="Serveur", amount=D(1),
                                          paid_on=date(2030, 1, 1)),), first_year=2027)


def test_the_investment_budget_speaks_english_to_an_english_reader():
    """Not a Cerfa table: its words follow the reader (the Cerfa lines stay French)."""
    items = (Investment(category="furniture", label="Mobilier des pôles", amount=D(25000),
                        paid_on=date(2027, 3, 1)),)
    with translation.override("en"):
        rows = investment_rows(items=items, first_year=2027)
        with pytest.raises(ValueError) as refused:
            investment_rows(items=(Investment(category="it", label="Serveur", amount=D(1),
                                              paid_on=date(2030, 1, 1)),), first_year=2027)
    assert [r.label for r in rows if r.kind != "detail"] == [
        "Investments", "Fitting out the premises", "Furniture", "IT equipment",
        "Total investments", "Investment funding", "Total funding",
        "Still to be funded (investments − funding)"]
    assert str(refused.value) == "“Serveur”: paid in 2030, outside the years 2027 to 2029."
