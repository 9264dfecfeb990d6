"""The dossier pre-flight, check by check, on plain data shaped like the dossier's Builder."""

from dataclasses import dataclass
from decimal import Decimal as D
from types import SimpleNamespace

from capacite.label import preflight
from capacite.label.domain.criteria import SiteFact
from capacite.label.dossier.blocks import Heading, Missing, Para
from capacite.planning.domain.budget import Investment


@dataclass
class Site:
    fact: SiteFact


def builder(**over):
    row = {"name": "intermédiaire", "hours_per_week": D(35), "fte_needed": D("10.26"),
           "fte_partners": D("2.50"), "fte_to_recruit": D("8.58"), "fte_surplus": D("0.82"),
           "operating_charges": D(475600), "gap": D(0)}
    base = dict(
        kind="label_projet",  # the label fonctionnement dossier has checks of its own
        budget=SimpleNamespace(row=row, cerfa={"years": [2027], "rows": [
            {"label": "Total des charges", "kind": "total", "amounts": [D(475600)]}]}),
        sites=[Site(SiteFact("Cité des métiers", "main", 5, 35.0, True, True, None))],
        premises=SimpleNamespace(chosen=SimpleNamespace(name="Les Tanneries",
                                                        works_eur=D(60000))),
        investments=[Investment(category="fitting_out", label="Aménagement", amount=D(60000),
                                paid_on=None)],
        territory={"label": "Agglomération", "communes": 38, "population": 61000},
        cite=SimpleNamespace(name="Cité des métiers de Rivemont"),
        preview_blocks=lambda: [Heading(2, "1.1 Le partenariat", "p"), Para("…")],
    )
    base.update(over)
    return SimpleNamespace(**base)


def test_a_consistent_dossier_has_nothing_to_report():
    assert preflight.preflight(builder()) == []


def test_hours_that_differ_name_the_budget_and_the_opening_hours():
    b = builder(sites=[Site(SiteFact("Cité des métiers", "main", 5, 40.0, True, True, None))])
    assert preflight.preflight(b) == [preflight.Contradiction(
        "Les heures d'ouverture du budget et celles des horaires diffèrent",
        "Budget, scénario « intermédiaire » : 35 h par semaine",
        "Horaires d'ouverture, Cité des métiers : 40 h par semaine", "offer:sites")]


def test_premises_works_and_fitting_out_investment_must_agree():
    b = builder(premises=SimpleNamespace(chosen=SimpleNamespace(name="Les Tanneries",
                                                                works_eur=D(310000))))
    [found] = preflight.preflight(b)
    assert (found.here, found.there, found.fix) == (
        "Locaux, Les Tanneries : travaux d'aménagement 310\u202f000\u00a0€",
        "Investissements, aménagement : 60\u202f000\u00a0€", "planning:investments")


def test_fte_that_do_not_add_up_are_reported():
    b = builder()
    b.budget.row["fte_surplus"] = D(0)  # 2.50 + 8.58 ≠ 10.26 without the surplus
    [found] = preflight.preflight(b)
    assert found.what == "Les ETP ne s'additionnent pas"


def test_an_empty_territory_and_a_part_without_content_are_reported():
    b = builder(territory={"label": "Agglomération", "communes": 0, "population": 0},
                preview_blocks=lambda: [Heading(2, "1.3 Les locaux", "l"),
                                        Missing("À compléter : aucun local n'est retenu.")])
    assert [(c.what, c.here, c.there) for c in preflight.preflight(b)] == [
        ("Le territoire est nommé mais ses communes ne sont pas choisies",
         "Page de garde : « Agglomération »", "Présentation : 0 commune, population 0"),
        ("Une partie du dossier n'a pas de contenu", "Partie « 1.3 Les locaux »",
         "À compléter : aucun local n'est retenu.")]


def test_first_year_charges_differ_between_scenario_and_cerfa():
    b = builder()
    b.budget.cerfa["rows"][0]["amounts"] = [D(475612)]
    [found] = preflight.preflight(b)
    assert found.there == "Budget prévisionnel, 2027 : 475\u202f612\u00a0€"


def test_every_check_is_one_function_of_the_builder():
    assert all(callable(c) for c in preflight.CHECKS) and len(preflight.CHECKS) == 7


def test_a_balancing_line_of_cents_in_any_year_is_a_rounding_leftover():
    b = builder()
    b.budget.cerfa["rows"].append({"label": "Reste à financer (insuffisance prévisionnelle)",
                                   "key": "shortfall", "kind": "balance",
                                   "amounts": [D(0), D("0.24")]})
    b.budget.cerfa["years"] = [2027, 2028]
    [found] = preflight.preflight(b)
    assert found.what == "Une ligne d'équilibre de quelques centimes est un reste d'arrondi"
    assert found.here == ("Budget prévisionnel, Reste à financer (insuffisance "
                          "prévisionnelle), 2028 : 0,24\u00a0€")


def test_the_excedent_that_balances_the_charges_is_not_a_charge():
    # Products exceed charges by 56 000 €: the Cerfa's « Total des charges » includes the
    # « Excédent prévisionnel » that balances it, and the scenario's charges do not.
    b = builder()
    b.budget.row["operating_charges"] = D(409000)
    b.budget.cerfa["rows"] = [
        {"label": "Excédent prévisionnel", "key": "surplus", "kind": "balance",
         "amounts": [D(56000)]},
        {"label": "Total des charges", "key": "", "kind": "total", "amounts": [D(465000)]}]
    assert preflight.preflight(b) == []
    b.budget.row["operating_charges"] = D(410000)
    [found] = preflight.preflight(b)
    assert found.there == ("Budget prévisionnel, 2027 : 409\u202f000\u00a0€ (total des charges "
                           "465\u202f000\u00a0€ moins l'excédent prévisionnel 56\u202f000\u00a0€)")


def test_a_contradiction_reads_in_english_in_an_english_dossier():
    from django.utils import translation

    b = builder(sites=[Site(SiteFact("Cité des métiers", "main", 5, 40.0, True, True, None))],
                premises=SimpleNamespace(chosen=SimpleNamespace(name="Les Tanneries",
                                                                works_eur=D(310000))))
    with translation.override("en"):
        hours, works = preflight.preflight(b)
        assert hours == preflight.Contradiction(
            "The opening hours in the budget and in the opening times differ",
            "Budget, “intermédiaire” scenario: 35 h per week",
            "Opening times, Cité des métiers: 40 h per week", "offer:sites")
        assert hours.text() == ("The opening hours in the budget and in the opening times "
                                "differ — Budget, “intermédiaire” scenario: 35 h per week; "
                                "Opening times, Cité des métiers: 40 h per week")
        assert (works.what, works.here, works.there) == (
            "The cost of the fit-out works differs between the premises and the budget",
            "Premises, Les Tanneries: fit-out works €310,000",
            "Investments, fit-out: €60,000")
    # The same check in French, as the dossier page shows it by default.
    assert preflight.preflight(b)[0].text() == (
        "Les heures d'ouverture du budget et celles des horaires diffèrent — Budget, scénario "
        "« intermédiaire » : 35 h par semaine ; Horaires d'ouverture, Cité des métiers : 40 h "
        "par semaine")
