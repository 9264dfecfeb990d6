"""`capacite scenarios` and `capacite treasury`: exact JSON, money as two-decimal strings."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_scopes import scopes_disabled

from capacite.planning.tests.fixtures import build_modest

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    with scopes_disabled():  # as the `capacite` entry point runs terminal commands
        call_command(*args, stdout=out)
    return out.getvalue()


def test_scenarios_prints_the_comparison_figures_as_json(world):
    build_modest(world.cite)
    items = json.loads(run("scenarios", "--cite", "alpha", "--format", "json"))
    budget = items[0].pop("budget")
    assert items == [{
        "name": "Modeste",
        "poles": ["Choisir son orientation", "Trouver un emploi", "Créer son activité"],
        "hours_per_week": "35.00",
        "counselling_hours_per_week": "105.00",
        "fte_needed": "7.25",
        "fte_partners": "3.65",
        "fte_to_recruit": "3.95",
        "operating_charges": "267250.00",
        "operating_resources": "222000.00",
        "gap": "45250.00",
        "shortfall": "45250.00",
        "surplus": "0.00",
        "chosen": False,
    }]
    # Every line of the Cerfa table, by code and year, in-kind block included.
    assert budget["years"] == [2027, 2028, 2029]
    by_code = {(line["code"], line["line"], line["label"]): line["amounts"]
               for line in budget["lines"]}
    assert by_code[("641", "", "Rémunération des personnels")] == {
        "2027": "141021.00", "2028": "143842.00", "2029": "146718.00"}
    assert by_code[("", "commune", "Ville")] == {
        "2027": "40000.00", "2028": "40000.00", "2029": "40000.00"}
    assert by_code[("756", "", "Cotisations")] == {
        "2027": "0.00", "2028": "0.00", "2029": "0.00"}
    assert by_code[("871", "", "Prestations en nature")]["2029"] == "170886.00"
    # The form's balancing lines: charges exceed products, so the products side takes the gap
    # and both totals read the same.
    assert by_code[("", "shortfall", "Reste à financer (insuffisance prévisionnelle)")] == {
        "2027": "45250.00", "2028": "50595.00", "2029": "56046.00"}
    assert by_code[("", "surplus", "Excédent prévisionnel")] == {
        "2027": "0.00", "2028": "0.00", "2029": "0.00"}
    assert by_code[("", "", "Total des charges")] == by_code[("", "", "Total des produits")] \
        == {"2027": "267250.00", "2028": "272595.00", "2029": "278046.00"}
    assert len(budget["lines"]) == 63


def test_treasury_prints_the_months_and_the_alerts_as_json(world):
    build_modest(world.cite)
    result = json.loads(run("treasury", "--cite", "alpha", "--format", "json"))
    assert len(result["months"]) == 36
    # 20 000 € opening; payroll 200 250 € / 12, rent 3 000 €, other charges 31 000 € / 12;
    # the Département pays 60 000 € in January, the Région 60 000 € in March.
    assert result["months"][:3] == [
        {"month": "2027-01", "inflows": "60000.00", "outflows": "22270.83",
         "balance": "57729.17"},
        {"month": "2027-02", "inflows": "0.00", "outflows": "22270.84", "balance": "35458.33"},
        {"month": "2027-03", "inflows": "60000.00", "outflows": "22270.83",
         "balance": "73187.50"},
    ]
    assert result["months"][11]["balance"] == "-25250.00"  # 20 000 − the 45 250 € gap
    assert result["alerts"][:2] == [
        {"month": "2027-11", "level": "warning",
         "message": "novembre 2027 : trésorerie de \u22122\u202f979,17\u00a0€"},
        {"month": "2027-12", "level": "warning",
         "message": "décembre 2027 : trésorerie de \u221225\u202f250\u00a0€"},
    ]


def test_treasury_delay_and_cut_move_and_shrink_one_funder_s_payments(world):
    build_modest(world.cite)
    delayed = json.loads(run("treasury", "--cite", "alpha", "--delay", "region:2",
                             "--format", "json"))
    assert delayed["months"][2] == {"month": "2027-03", "inflows": "0.00",
                                    "outflows": "22270.83", "balance": "13187.50"}
    assert delayed["months"][4]["inflows"] == "60000.00"  # May
    cut = json.loads(run("treasury", "--cite", "alpha", "--cut", "REGION:25",
                         "--format", "json"))
    assert cut["months"][2]["inflows"] == "45000.00"


@pytest.mark.parametrize("args, message", [
    (["--delay", "ETAT:3"], "Financeur inconnu : « ETAT ». Identifiants des financeurs de "
                            "cette Cité : ATELIERS, DEPARTEMENT, REGION, VILLE."),
    (["--delay", "REGION"], "--delay attend FINANCEUR:MOIS, par exemple REGION:3 ; reçu "
                            "« REGION »."),
    (["--cut", "REGION:150"], "Réduction : un pourcentage entre 0 et 100."),
])
def test_treasury_refuses_bad_stress_options_in_french(world, args, message):
    build_modest(world.cite)
    with pytest.raises(CommandError) as error:
        run("treasury", "--cite", "alpha", *args, "--format", "json")
    assert str(error.value) == message


def test_an_unknown_cite_is_refused(world):
    with pytest.raises(CommandError, match="Aucune Cité n'a l'identifiant « nulle »."):
        run("scenarios", "--cite", "nulle", "--format", "json")


@pytest.mark.django_db(transaction=True)
def test_the_demo_treasury_dips_below_zero_only_when_the_region_pays_three_months_late():
    from capacite.core.demo import build_demo

    build_demo(password="demo")
    first = timezone.localdate().year + 1
    on_time = json.loads(run("treasury", "--cite", "rivemont", "--format", "json"))
    assert on_time["alerts"] == []
    late = json.loads(run("treasury", "--cite", "rivemont", "--delay", "REGION:3",
                          "--format", "json"))
    flagged = [a["month"] for a in late["alerts"]]
    expected = [f"{first}-03", f"{first}-04", f"{first}-05", f"{first}-09", f"{first}-10",
                f"{first}-11"]
    for year in (first + 1, first + 2):
        expected += [f"{year}-05", f"{year}-09", f"{year}-10", f"{year}-11"]
    assert flagged == expected
    # Rivemont chose a GIP: a GIP may never be in deficit, so these are errors.
    assert {a["level"] for a in late["alerts"]} == {"error"}
    assert late["alerts"][0]["message"].endswith("un GIP ne peut connaître aucun déficit")
    scenarios = json.loads(run("scenarios", "--cite", "rivemont", "--format", "json"))
    assert [(s["name"], s["chosen"]) for s in scenarios] == [
        ("Modeste", False), ("Intermédiaire", True), ("Ambitieux", False)]
    assert scenarios[1]["gap"] == "0.00"
    # The retained scenario balances to the euro every year, on the Cerfa's own lines.
    lines = scenarios[1]["budget"]["lines"]
    balance = [line for line in lines if line["kind"] == "balance"]
    assert [b["line"] for b in balance] == ["surplus", "shortfall"]
    assert {a for b in balance for a in b["amounts"].values()} == {"0.00"}
    subsidies = [(line["line"], line["label"], line["amounts"][str(first)]) for line in lines
                 if line["kind"] == "detail" and line["line"]]
    assert subsidies == [
        ("region", "Région", "192600.00"), ("departement", "Département", "60000.00"),
        ("epci", "Communauté d'agglomération", "170000.00"),
        ("eu", "Fonds social européen", "30000.00"),
        ("other_public", "Taxe d'apprentissage", "10000.00")]
    by_code = {line["code"]: line for line in lines if line["code"]}
    assert by_code["758"]["amounts"][str(first)] == "5000.00"  # Mécénat, not 75
    assert by_code["756"]["label"] == "Cotisations"
    assert by_code["706"]["label"] == "Participation aux événements"
