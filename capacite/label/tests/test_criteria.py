"""The checklist's rules and the dossier preview, as pure functions (no database)."""

from decimal import Decimal

from capacite.label.domain import criteria as c
from capacite.label.domain.parts import LABEL_PARTS, LABEL_PROJET, PRESENTATION, readiness

SITE = c.SiteFact("Site de la Halle", "main", 5, 35.0, saturday=True, evening=False,
                  warning=None)


def statuses(facts: c.Facts) -> dict[str, str]:
    return {r.criterion.key: r.check.status for r in c.evaluate(facts)}


def test_an_empty_cite_is_red_where_nothing_exists_and_amber_where_apps_are_missing():
    found = statuses(c.Facts())
    assert found == {
        "free_access": "amber", "no_appointment": "amber", "no_commerce": "amber",
        "welcoming_space": "amber", "documentation": "amber", "workspaces": "amber",
        "all_publics": "amber", "advice_resources": "amber",
        "poles": "red", "multi_partner": "red", "main_site": "red", "hours": "red",
        "events": "amber", "steering": "red", "letters": "red", "territory": "amber",
        "premises": "amber", "contributions": "red", "team": "amber", "legal": "red",
        "budget": "amber", "workshops": "amber", "narratives": "green",
    }


def test_poles_between_three_and_seven():
    assert c.poles_rule(c.Facts(poles=(("A", 2),) * 2)).status == "amber"
    assert c.poles_rule(c.Facts(poles=(("A", 2),) * 3)).status == "green"
    assert c.poles_rule(c.Facts(poles=(("A", 2),) * 7)).status == "green"
    eight = c.poles_rule(c.Facts(poles=(("A", 2),) * 8))
    assert eight == c.Check("red", "8 pôles de conseil ; le label en prévoit au plus 7.")


def test_a_pole_run_by_one_partner_is_amber_and_one_without_any_is_red():
    assert c.multi_partner_rule(c.Facts(poles=(("Emploi", 2), ("Orientation", 1)))) == \
        c.Check("amber", "Pôle animé par un seul partenaire : Orientation.")
    assert c.multi_partner_rule(c.Facts(poles=(("Emploi", 0), ("Orientation", 1)))) == \
        c.Check("red", "Pôle sans partenaire pour l'animer : Emploi.")


def test_hours_need_an_evening_or_a_saturday():
    assert c.hours_rule(c.Facts(sites=(SITE,))) == c.Check(
        "green", "Site de la Halle : 35 h par semaine, ouvert le samedi.")
    office_hours = c.SiteFact("Site", "main", 5, 35.0, saturday=False, evening=False,
                              warning=None)
    assert c.hours_rule(c.Facts(sites=(office_hours,))).status == "amber"
    relay_only = c.SiteFact("Relais", "relay", 0, 4.0, saturday=True, evening=True, warning=None)
    assert c.hours_rule(c.Facts(sites=(relay_only,))).status == "red"


def test_steering_committee_and_letters():
    assert c.steering_rule(c.Facts(has_steering=True, missing_first_circle=("Région",))) == \
        c.Check("amber", "Absents du comité de pilotage : Région.")
    assert c.steering_rule(c.Facts(has_steering=True)).status == "green"
    assert c.letters_rule(c.Facts(steering_organisations=3,
                                  steering_without_letter=("CCI", "Région"))) == \
        c.Check("amber", "1 lettre reçue sur 3 ; manquent : CCI, Région.")
    assert c.letters_rule(c.Facts(steering_organisations=2,
                                  steering_without_letter=("CCI", "Région"))).status == "red"
    assert c.letters_rule(c.Facts(steering_organisations=2)).status == "green"


def test_budget_balanced_once_the_planning_app_gives_it():
    assert c.budget_rule(c.Facts()).evidence.startswith("À compléter : le budget prévisionnel")
    balanced = c.BudgetFact(charges=Decimal("300000"), resources=Decimal("300000"))
    assert c.budget_rule(c.Facts(budget=balanced)).status == "green"
    short = c.BudgetFact(charges=Decimal("300000"), resources=Decimal("280000"))
    assert c.budget_rule(c.Facts(budget=short)) == c.Check(
        "red", "Budget en déséquilibre : il manque 20\u202f000\u00a0€ de produits.")
    assert c.budget_rule(c.Facts(budget=None)).status == "red"  # no scenario chosen


def test_the_budget_is_balanced_only_each_year_and_only_with_secured_money():
    def fact(*years):
        return c.Facts(budget=c.BudgetFact(years[0].charges, years[0].resources, years))

    y = c.BudgetYear
    k = Decimal(1000)
    assert c.budget_rule(fact(y(2027, 300 * k, 300 * k), y(2028, 306 * k, 300 * k))) == c.Check(
        "red", "Budget en déséquilibre : en 2028, il manque 6\u202f000\u00a0€ de produits.")
    assert c.budget_rule(fact(y(2027, 300 * k, 300 * k, 40 * k),
                              y(2028, 300 * k, 310 * k, 40 * k))) == c.Check(
        "amber", "Équilibré seulement en comptant des financements non acquis (« Piste ») : "
                 "en 2027, 40\u202f000\u00a0€ en piste, 40\u202f000\u00a0€ à sécuriser ; "
                 "en 2028, 40\u202f000\u00a0€ en piste, 30\u202f000\u00a0€ à sécuriser.")
    assert c.budget_rule(fact(y(2027, 300 * k, 300 * k), y(2028, 300 * k, 301 * k, k))) == \
        c.Check("green", "Budget équilibré chaque année (2027, 2028) avec des financements "
                         "acquis ou en accord de principe : 300\u202f000\u00a0€ de charges "
                         "la première année.")


def test_events_retained_are_green_proposals_only_amber_nothing_red():
    assert c.events_rule(c.Facts(events=c.EventsFact(2, 5))).status == "green"
    assert c.events_rule(c.Facts(events=c.EventsFact(0, 3))) == c.Check(
        "amber", "3 événements proposés, aucun encore retenu par le comité de "
                 "programmation.")
    assert c.events_rule(c.Facts(events=c.EventsFact(0, 0))).status == "red"


def test_premises_need_a_chosen_place_then_a_plan():
    assert c.premises_rule(c.Facts(premises=c.PremisesFact(False, "", False))).status == "red"
    chosen = c.PremisesFact(True, "Halle (Rivemont), 640 m²", False)
    assert c.premises_rule(c.Facts(premises=chosen)) == c.Check(
        "amber", "Halle (Rivemont), 640 m² ; pas encore de plan d'aménagement.")
    planned = c.PremisesFact(True, "Halle (Rivemont), 640 m²", True)
    assert c.premises_rule(c.Facts(premises=planned)).status == "green"


def test_team_counts_job_descriptions_and_fte():
    assert c.team_rule(c.Facts(team=c.TeamFact(Decimal("10.5"), 7))) == c.Check(
        "green", "Équipe prévue : 7 fiches de poste, 10,50 ETP.")
    assert c.team_rule(c.Facts(team=c.TeamFact(Decimal(0), 0))).status == "red"


def test_a_declaration_needs_evidence_to_be_green():
    def check(status, evidence):
        facts = c.Facts(declarations={"free_access": c.DeclarationFact(status, evidence)})
        return c.declaration_check(facts, "free_access").status

    assert check("pending", "") == "amber"
    assert check("met", "  ") == "amber"
    assert check("met", "Règlement intérieur adopté.") == "green"
    assert check("not_met", "") == "red"


def test_tally_counts_each_colour():
    results = c.evaluate(c.Facts())
    assert c.tally(results) == {"green": 1, "amber": 14, "red": 8}


def test_readiness_lists_part_by_part_what_is_missing():
    parts = readiness(LABEL_PROJET, filled={"structure", "context", "partnership"},
                      gaps={"premises": "aucun local retenu"})
    assert [p.part for p in parts] == [PRESENTATION, *LABEL_PARTS]
    assert parts[0].complete and parts[1].complete
    premises = parts[3]
    assert premises.missing_narratives == ("premises",)
    assert premises.missing_facts == (("premises", "aucun local retenu"),)


def test_the_nine_parts_are_the_guides_in_its_order():
    assert [p.title.split(" :")[0].split(" (")[0] for p in LABEL_PARTS] == [
        "La dynamique partenariale du projet",
        "Le périmètre d'intervention et le schéma/maillage territorial envisagé",
        "Les locaux",
        "Le projet d'offre de service",
        "Le schéma de fonctionnement",
        "Les Ressources Humaines",
        "Le choix de la structure juridique et gouvernance",
        "Le budget prévisionnel et validité économique du projet",
        "Les étapes de travail en vue du label fonctionnement",
    ]


def test_the_evidence_reads_in_the_language_of_the_page_and_the_french_is_unchanged():
    from django.utils import translation

    y, k = c.BudgetYear, Decimal(1000)
    risky = c.Facts(budget=c.BudgetFact(300 * k, 300 * k, (y(2027, 300 * k, 300 * k, 40 * k),)))
    with translation.override("en"):
        assert c.hours_rule(c.Facts(sites=(SITE,))) == c.Check(
            "green", "Site de la Halle: 35 hours a week, open on Saturdays.")
        assert c.budget_rule(risky).evidence == (
            "Balanced only by counting funding not yet secured (“Prospect”): in 2027, €40,000 "
            "still a prospect, €40,000 to secure.")
        assert c.steering_rule(c.Facts(has_steering=True, missing_first_circle=("Région",))) \
            == c.Check("amber", "Missing from the steering committee: Région.")
        assert c.budget_rule(c.Facts()).evidence == "To complete: the provisional budget."
        evidence = [r.check.evidence for r in c.evaluate(c.Facts())]
    assert "Aucun pôle de conseil défini." not in evidence
    assert "No advice desk defined." in evidence
    with translation.override("fr"):
        assert c.hours_rule(c.Facts(sites=(SITE,))) == c.Check(
            "green", "Site de la Halle : 35 h par semaine, ouvert le samedi.")
        assert c.budget_rule(risky).evidence == (
            "Équilibré seulement en comptant des financements non acquis (« Piste ») : "
            "en 2027, 40\u202f000\u00a0€ en piste, 40\u202f000\u00a0€ à sécuriser.")
