"""The planning pages: the figures shown are the domain's, edits are versioned, exports agree."""

import io
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.governance.models import Body, Decision, LegalStructure
from capacite.planning.models import ChargeLine, Scenario
from capacite.planning.tests.fixtures import build_modest
from capacite.testing_files import assert_accessible_pdf, xlsx_cells, xlsx_sheet_setup

pytestmark = pytest.mark.django_db


def client_for(world, role=Role.PROJECT_LEAD) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"planning:{name}", kwargs={"cite_slug": "alpha", **kwargs})


def scenario_post(**overrides) -> dict:
    data = {"name": "Modeste", "description": "", "other_poles": "A\nB\nC",
            "hours_per_day": "7", "days_per_week": "5", "weekly_hours": "",
            "weeks_per_year": "45", "counsellors_per_pole": "1", "reception_staff": "1",
            "documentation_staff": "1", "default_cost_per_fte": "45000",
            "yearly_increase": "0.02", "fte_direction": "1", "version": 0}
    data.update(overrides)
    return data


def test_the_fte_page_shows_needed_brought_and_to_recruit_per_pole(world):
    scenario = build_modest(world.cite)
    page = client_for(world).get(url("scenario_fte", scenario_id=scenario.pk)).content.decode()
    assert ("<tr><td>Conseil — Choisir son orientation</td><td class=\"num\">1,15</td>"
            "<td class=\"num\">1,50</td><td class=\"num\">0,00</td><td class=\"num\">0,35</td>"
            "<td>Mission locale (1,50)</td></tr>") in page
    assert "Chambre de métiers\u00a0: 0,30 ETP — Métiers d&#x27;art" in page
    assert '<td class="num">3,95</td>' in page


def test_the_budget_page_follows_the_cerfa_layout_per_year(world):
    scenario = build_modest(world.cite)
    page = client_for(world).get(url("scenario_budget", scenario_id=scenario.pk)
                                 ).content.decode()
    for heading in ("<th scope=\"col\" class=\"num\">2027</th>", "64</td><td>Charges de "
                    "personnel", "74</td><td>Subventions d&#x27;exploitation",
                    "862</td><td>Prestations"):
        assert heading in page
    assert ('<tr class="row-balance"><td></td><td>Reste à financer (insuffisance '
            'prévisionnelle)</td><td class="num">45\u202f250\u00a0€</td><td class="num">'
            '50\u202f595\u00a0€</td><td class="num">56\u202f046\u00a0€</td></tr>'
            ) in page
    assert ('<tr class="row-balance"><td></td><td>Excédent prévisionnel</td><td class="num">'
            '0\u00a0€</td><td class="num">0\u00a0€</td><td class="num">0\u00a0€'
            '</td></tr>') in page


def test_a_scenario_outside_the_label_range_is_refused_and_nothing_is_stored(world):
    response = client_for(world).post(url("scenarios"), scenario_post(other_poles="A\nB"))
    assert response.status_code == 200
    assert ("Pôles de conseil\u00a0: le label Cité des métiers prévoit de 3 à 7 pôles de conseil "
            "ouverts en permanence au public\u202f; ce scénario en compte 2.") in \
        response.content.decode().replace("&#x27;", "'")
    with scope(cite=world.cite):
        assert not Scenario.objects.exists()


def test_creating_then_copying_a_scenario(world):
    client = client_for(world)
    created = client.post(url("scenarios"), scenario_post(cost_secretariat="40000"))
    with scope(cite=world.cite):
        scenario = Scenario.objects.get()
        assert created.url == url("scenario_edit", scenario_id=scenario.pk)
        assert scenario.poles == ["A", "B", "C"]  # typed as « Autres pôles »
        assert scenario.function_fte == {"direction": "1"}
        assert scenario.cost_per_fte == {"secretariat": "40000"}
    duplicate = client.post(url("scenarios"), scenario_post(name="modeste"))
    assert "Un scénario porte déjà ce nom." in duplicate.content.decode()
    copied = client.post(url("scenario_copy", scenario_id=scenario.pk), {"name": "Ambitieux"})
    with scope(cite=world.cite):
        copy = Scenario.objects.get(name="Ambitieux")
    assert copied.url == url("scenario_edit", scenario_id=copy.pk)
    again = client.post(url("scenario_copy", scenario_id=scenario.pk), {"name": "ambitieux"},
                        follow=True)
    assert "Copie impossible, nom de la copie\u00a0: Un scénario porte déjà ce nom." in \
        again.content.decode()


def test_two_people_editing_the_same_charge_line_never_overwrite_each_other(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        charge = ChargeLine.objects.get(scenario=scenario, account="613")
    first, second = client_for(world), client_for(world, Role.DIRECTOR)
    data = {"account": "613", "label": "Loyer", "version": charge.version}
    assert first.post(url("charge_edit", charge_id=charge.pk),
                      {**data, "annual_amount": "40000"}).status_code == 302
    refused = second.post(url("charge_edit", charge_id=charge.pk),
                          {**data, "annual_amount": "30000"})
    assert refused.status_code == 200
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez" in \
        refused.content.decode()
    with scope(cite=world.cite):
        charge.refresh_from_db()
        assert charge.annual_amount == D(40000)
        assert [h.annual_amount for h in charge.history.order_by("history_date")] == [
            D(36000), D(40000)]


def test_payroll_cannot_be_typed_as_a_charge(world):
    scenario = build_modest(world.cite)
    response = client_for(world).post(url("charge_add", scenario_id=scenario.pk), {
        "account": "641", "label": "Salaires", "annual_amount": "1000", "version": 0})
    assert ("Les rémunérations (641) et charges sociales (645) sont calculées à partir des ETP à "
            "recruter\u00a0: ne les saisissez pas ici\u202f; les autres charges de personnel vont "
            "en 648.") in response.content.decode().replace("&#x27;", "'")


def test_a_charge_needs_a_sub_account_not_its_class(world):
    scenario = build_modest(world.cite)
    response = client_for(world).post(url("charge_add", scenario_id=scenario.pk), {
        "account": "62", "label": "Événements", "annual_amount": "1000", "version": 0})
    assert ("«\u00a062\u00a0» est une classe du Cerfa\u00a0: indiquez un sous-compte, par "
            "exemple 628." in response.content.decode())


def test_the_comparison_page_xlsx_and_pdf_show_the_same_figures(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        Scenario.objects.filter(pk=scenario.pk).update(name="=Modeste")  # formula-like name
    client = client_for(world)
    page = client.get(url("comparison")).content.decode()
    assert ('<tr data-key="shortfall"><th scope="row">Reste à financer (insuffisance '
            'prévisionnelle)</th><td class="num">45\u202f250\u00a0€</td></tr>') in page
    assert ('<tr data-key="surplus"><th scope="row">Excédent prévisionnel</th>'
            '<td class="num">0\u00a0€</td></tr>') in page

    from openpyxl import load_workbook

    content = client.get(url("comparison_xlsx")).content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Scénario"] == ("'=Modeste",)  # neutralised: never run as a formula
    assert rows["Reste à financer (insuffisance prévisionnelle)"] == (45250,)
    assert rows["Excédent prévisionnel"] == (0,)
    assert rows["ETP à recruter"] == (3.95,)
    cells = {row[0][0]: row[1] for row in xlsx_cells(content)["Comparaison"][2:]}
    assert cells["Reste à financer (insuffisance prévisionnelle)"] == (
        45250, "n", '#,##0\\ "€"')
    assert cells["Pôles de conseil"][1:] == ("n", "#,##0")
    assert cells["ETP à recruter"] == (3.95, "n", "#,##0.##########")
    assert cells["Heures d'ouverture par semaine"][1:] == ("d", "[h]:mm")
    setup = xlsx_sheet_setup(content)["Comparaison"]
    assert (setup["freeze"], setup["title_rows"], setup["paper"]) == ("A3", "$2:$2", 9)
    assert setup["widths"]["B"] >= len("45,250.00 €")  # no « ### » in the money cells

    pdf = client.get(url("comparison_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert_accessible_pdf(pdf.content,
                          title="Comparaison des scénarios — Cité des métiers d'Alpha")
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "45 250 €" in text.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_committee_s_choice_is_a_decision_in_the_register(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        body = Body.objects.create(cite=world.cite, kind="steering", name="Comité de pilotage")
    response = client_for(world).post(url("scenario_choose", scenario_id=scenario.pk), {
        "body": body.pk, "decided_on": "2026-12-01", "details": "À l'unanimité."})
    assert response.url == url("comparison")
    with scope(cite=world.cite):
        decision = Decision.objects.get()
        assert decision.title == "Le comité retient le scénario « Modeste »."
        assert decision.recorded_by == world.users[Role.PROJECT_LEAD]
        assert Scenario.objects.get().chosen
    page = client_for(world).get(url("comparison")).content.decode()
    assert "Modeste (retenu)" in page


def test_the_treasury_flags_months_below_zero_as_errors_for_a_gip(world):
    build_modest(world.cite)
    client = client_for(world)
    page = client.get(url("treasury")).content.decode()
    assert "Attention — novembre 2027\u00a0: trésorerie de \u22122\u202f979,17\u00a0€" in page
    with scope(cite=world.cite):
        LegalStructure.objects.create(cite=world.cite, chosen_form="gip")
    page = client.get(url("treasury")).content.decode()
    assert ("Erreur — novembre 2027\u00a0: trésorerie de \u22122\u202f979,17\u00a0€ — un GIP ne "
            "peut connaître aucun déficit") in page
    assert '<svg role="img"' in page


def test_the_stress_test_form_shows_the_effect(world):
    build_modest(world.cite)
    page = client_for(world).get(url("treasury"), {"funder": "REGION", "delay": "2",
                                                   "cut": "0"}).content.decode()
    # Without stress the low point is the end of 2029: 20 000 € − the three years' gaps
    # (45 250 + 50 595 + 56 046 €, whole euros).
    assert ("Point bas\u00a0: \u2212147\u202f550,01\u00a0€ en octobre 2029 (au lieu de "
            "\u2212131\u202f891\u00a0€ en décembre 2029)\u202f; 28 mois sous zéro (au lieu de "
            "23).") in page
    assert "mars 2027" in page and "13\u202f187,50\u00a0€" in page


def test_partners_and_staff_see_no_budget_but_the_sponsor_reads_it(world):
    build_modest(world.cite)
    assert client_for(world, Role.PARTNER).get(url("comparison")).status_code == 403
    sponsor = client_for(world, Role.SPONSOR).get(url("comparison")).content.decode()
    assert "Reste à financer" in sponsor
    assert "Retenir «\u00a0Modeste\u00a0»" not in sponsor


def test_one_pole_may_have_more_counsellors_than_the_others(world):
    client = client_for(world)
    bad = client.post(url("scenarios"), scenario_post(counsellors_by_pole="B deux"))
    assert ("Ligne 1\u00a0: écrivez «\u00a0nom du pôle\u00a0: nombre\u00a0», par exemple "
            "«\u00a0Trouver un emploi\u00a0: 2\u00a0»."
            in bad.content.decode())
    unknown = client.post(url("scenarios"), scenario_post(counsellors_by_pole="Z : 2"))
    assert ("Conseillers d&#x27;un pôle par heure d&#x27;ouverture\u00a0: «\u00a0Z\u00a0» "
            "n&#x27;est pas un pôle de ce scénario.") in unknown.content.decode()
    client.post(url("scenarios"), scenario_post(counsellors_by_pole="B : 2"))
    with scope(cite=world.cite):
        scenario = Scenario.objects.get()
        assert scenario.counsellors_by_pole == {"B": "2"}
        from capacite.planning import services

        plan = services.scenario_plan(scenario, settings=services.planning_settings(world.cite))
    # 35 h × 45 weeks = 1 575 h: 1,15 FTE for one person present, 2,31 for two.
    assert {line.pole: line.needed for line in plan.fte.lines if line.pole} == {
        "A": D("1.15"), "B": D("2.31"), "C": D("1.15")}


def test_the_home_page_tells_the_chosen_scenario_and_the_months_below_zero(world):
    scenario = build_modest(world.cite)
    with scope(cite=world.cite):
        Scenario.objects.filter(pk=scenario.pk).update(chosen=True)
        LegalStructure.objects.create(cite=world.cite, chosen_form="gip")
    page = client_for(world).get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})
                                 ).content.decode()
    assert "Retenu\u00a0: «\u00a0Modeste\u00a0», reste à financer 45\u202f250\u00a0€." in page
    assert "23 mois de trésorerie sous zéro — un GIP ne peut connaître aucun déficit" in page
    partner = client_for(world, Role.PARTNER).get(
        reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "Scénarios et trésorerie" not in partner


def test_the_resources_page_shows_each_partner_s_value_and_adds_a_contribution(world):
    from capacite.partners.models import Organisation
    from capacite.planning.models import ScenarioContribution

    scenario = build_modest(world.cite)
    client = client_for(world)
    page = client.get(url("scenario_resources", scenario_id=scenario.pk)).content.decode()
    # Mission locale: 1.50 FTE of counselling × 45 000 € = 67 500 €, 15.6 % of the full
    # cost (267 250 + 164 250 = 431 500 €), 2 049 h with the public (1.5 × 1 365.95 h).
    assert ('<th scope="row">Mission locale</th><td class="num">1,50</td>'
            '<td class="num">67\u202f500\u00a0€</td>') in page
    assert '<td class="num">15,6\u00a0%</td><td class="num">2049</td>' in page
    with scope(cite=world.cite):
        lycee = Organisation.objects.create(cite=world.cite, name="Lycée", kind="operator")
    empty = client.post(url("scenario_resources", scenario_id=scenario.pk), {
        "organisation": lycee.pk, "function": "reception", "fte": "0", "in_kind_eur": "0",
        "version": 0}).content.decode().replace("&#x27;", "'")
    assert ("Indiquez des ETP ou un apport en nature valorisé\u00a0: une ligne vide n'apporte rien "
            "au scénario.") in empty
    client.post(url("scenario_resources", scenario_id=scenario.pk), {
        "organisation": lycee.pk, "function": "reception", "fte": "0.5", "in_kind_eur": "0",
        "version": 0})
    with scope(cite=world.cite):
        assert ScenarioContribution.objects.filter(scenario=scenario,
                                                   organisation=lycee).count() == 1
    comparison = client.get(url("comparison")).content.decode()
    assert ('<tr data-key="partner:Lycée"><th scope="row">Apport de Lycée</th>'
            '<td class="num">22\u202f500\u00a0€</td></tr>') in comparison


def test_an_operating_funding_line_must_name_its_scenario(world):
    build_modest(world.cite)
    with scope(cite=world.cite):
        from capacite.planning.models import Funder

        funder = Funder.objects.get(key="VILLE")
    response = client_for(world).post(url("funding_line_add", funder_id=funder.pk), {
        "purpose": "operating", "scenario": "", "account": "74", "status": "lead",
        "amount_year1": "1000", "amount_year2": "0", "amount_year3": "0", "version": 0})
    assert "Choisissez le scénario que finance cette ligne de fonctionnement." in \
        response.content.decode()
