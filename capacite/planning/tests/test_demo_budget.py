"""The demo's Cerfa budgets balance (issue 21 point 5): for every scenario of every demo Cité
and every year, « Total des charges » = « Total des produits » to the euro, through the form's
balancing lines, and every export prints the same balancing figure.

Built once for the module on Sunday 6 December 2026, as the demo coherence tests do.
"""

import json
from datetime import date, datetime, time
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite
from capacite.planning import services
from capacite.planning.domain.budget import budget_rows
from capacite.testing import demo_at

TODAY = date(2026, 12, 6)
NOW = timezone.make_aware(datetime.combine(TODAY, time(10, 30)))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_at(django_db_blocker, tmp_path_factory.mktemp("media"), NOW) as media:
        yield media


@pytest.fixture(autouse=True)
def _in_the_demo(demo, db):
    """Each test reads the module's demo inside its own transaction."""


def plans() -> dict[tuple[str, str], services.ScenarioPlan]:
    found = {}
    for cite in Cite.objects.order_by("slug"):
        with scope(cite=cite):
            found.update({(cite.slug, p.row.name): p for p in services.all_plans(cite)})
    return found


def balance(plan) -> dict[str, tuple[D, ...]]:
    return {r.key: r.amounts for r in budget_rows(plan.budget) if r.kind == "balance"}


def test_every_demo_scenario_balances_every_year_to_the_euro():
    found = plans()
    assert sorted(found) == [("rivemont", "Ambitieux"), ("rivemont", "Intermédiaire"),
                             ("rivemont", "Modeste"), ("valombre", "Fonctionnement actuel")]
    for name, plan in found.items():
        totals = {r.label: r.amounts for r in budget_rows(plan.budget) if r.kind == "total"}
        assert totals["Total des charges"] == totals["Total des produits"], name
        assert (totals["Total des charges et des emplois des contributions volontaires"]
                == totals["Total des produits et des contributions volontaires"]), name
        lines = balance(plan)
        for year, charges, products, surplus, shortfall in zip(
                plan.budget.years, plan.budget.total_charges, plan.budget.total_products,
                lines["surplus"], lines["shortfall"], strict=True):
            assert charges + surplus == products + shortfall, (name, year)
            assert surplus == 0 or shortfall == 0, (name, year)
            assert all(a == a.to_integral_value() and a >= 0
                       for a in (charges, products, surplus, shortfall)), (name, year)


def test_the_balancing_figures_of_each_demo_scenario():
    found = plans()
    figures = {name: (plan.budget.years, plan.budget.total_charges,
                      plan.budget.total_products, balance(plan))
               for name, plan in found.items()}
    zero = (D(0), D(0), D(0))
    # The ambitious scenario costs more than its funding round brings: the products side's
    # « Reste à financer (insuffisance prévisionnelle) » takes the difference.
    assert figures["rivemont", "Ambitieux"] == (
        (2027, 2028, 2029), (D(752400), D(767448), D(782796)),
        (D(573000), D(583000), D(593000)),
        {"surplus": zero, "shortfall": (D(179400), D(184448), D(189796))})
    # Valombre's resources exceed its charges: the charges side's « Excédent prévisionnel ».
    assert figures["valombre", "Fonctionnement actuel"] == (
        (2026, 2027, 2028), (D(409000), D(417180), D(425523)),
        (D(465000), D(465000), D(465000)),
        {"surplus": (D(56000), D(47820), D(39477)), "shortfall": zero})
    # Rivemont's other two scenarios, the retained one included, balance with no help.
    for name in ("Modeste", "Intermédiaire"):
        assert figures["rivemont", name][3] == {"surplus": zero, "shortfall": zero}


def test_the_json_export_gives_the_same_balancing_lines():
    out = StringIO()
    with scopes_disabled():
        call_command("scenarios", "--cite", "valombre", "--format", "json", stdout=out)
    [item] = json.loads(out.getvalue())
    assert (item["gap"], item["shortfall"], item["surplus"]) == ("-56000.00", "0.00",
                                                                  "56000.00")
    lines = {line["line"]: line for line in item["budget"]["lines"] if line["kind"] == "balance"}
    assert lines["surplus"]["label"] == "Excédent prévisionnel"
    assert lines["surplus"]["amounts"] == {"2026": "56000.00", "2027": "47820.00",
                                           "2028": "39477.00"}
    totals = {line["label"]: line["amounts"] for line in item["budget"]["lines"]
              if line["kind"] == "total"}
    assert totals["Total des charges"] == totals["Total des produits"] == {
        "2026": "465000.00", "2027": "465000.00", "2028": "465000.00"}


def test_the_cerfa_page_and_the_comparison_show_the_ambitious_shortfall():
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="porteur"))
    cite = Cite.objects.get(slug="rivemont")
    with scope(cite=cite):
        ambitious = services.all_plans(cite)[2].row
    assert ambitious.name == "Ambitieux"
    page = client.get(reverse("planning:scenario_budget", kwargs={
        "cite_slug": "rivemont", "scenario_id": ambitious.pk})).content.decode()
    assert ('<tr class="row-balance"><td></td><td>Reste à financer (insuffisance '
            'prévisionnelle)</td><td class="num">179\u202f400\u00a0€</td><td class="num">'
            '184\u202f448\u00a0€</td><td class="num">189\u202f796\u00a0€</td></tr>'
            ) in page
    comparison = client.get(reverse("planning:comparison", kwargs={"cite_slug": "rivemont"})
                            ).content.decode()
    assert ('<tr data-key="shortfall"><th scope="row">Reste à financer (insuffisance '
            'prévisionnelle)</th><td class="num">0\u00a0€</td><td class="num">0\u00a0€'
            '</td><td class="num">179\u202f400\u00a0€</td></tr>') in comparison


def test_the_valombre_dossier_takes_the_excedent_into_account():
    from capacite.label.preflight import preflight_of

    cite = Cite.objects.get(slug="valombre")
    with scope(cite=cite):
        found = preflight_of(cite, "label_fonctionnement")
        cerfa = services.chosen_cerfa_budget(cite)
    assert [c.what for c in found if "charges" in c.what or "arrondi" in c.what] == []
    assert [(r["label"], r["amounts"]) for r in cerfa["rows"] if r["kind"] == "balance"] == [
        ("Excédent prévisionnel", [D(56000), D(47820), D(39477)]),
        ("Reste à financer (insuffisance prévisionnelle)", [D(0), D(0), D(0)])]
