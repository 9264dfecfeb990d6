"""The worked example of docs/planning-model.md stored in the database: the « Modeste »
scenario, the partners' contributions as `partners.Contribution` rows and the funding round."""

from datetime import date
from decimal import Decimal as D

from django_scopes import scope

from capacite.partners.models import Contribution, Organisation
from capacite.planning import services
from capacite.planning.models import (
    ChargeLine,
    Disbursement,
    Funder,
    FundingLine,
    PlanningSettings,
    Scenario,
)
from capacite.planning.tests.examples import THREE_POLES

YEAR = 2027


def build_modest(cite) -> Scenario:
    with scope(cite=cite):
        PlanningSettings.objects.create(cite=cite, first_year=YEAR,
                                        treasury_start=date(YEAR, 1, 1),
                                        opening_cash=D(20000))
        scenario = Scenario.objects.create(
            cite=cite, name="Modeste", poles=list(THREE_POLES), hours_per_day=D(7),
            days_per_week=D(5), weeks_per_year=D(45),
            function_fte={"direction": "1", "secretariat": "0.5"},
            cost_per_fte={"direction": "70000", "secretariat": "40000"},
            default_cost_per_fte=D(45000), yearly_increase=D("0.02"))
        for account, label, amount in (("606", "Fournitures", 6000),
                                       ("613", "Loyer et charges locatives", 36000),
                                       ("618", "Documentation", 5000),
                                       ("623", "Communication", 12000),
                                       ("6233", "Événements", 8000)):
            ChargeLine.objects.create(cite=cite, scenario=scenario, account=account,
                                      label=label, annual_amount=D(amount))
        for name, function, pole, fte in (
                ("France Travail", "counselling", "Trouver un emploi", "1.15"),
                ("Mission locale", "counselling", "Choisir son orientation", "1.50"),
                ("CIO", "counselling", "", "0.50"),
                ("Région", "documentation", "", "0.50"),
                ("Chambre de métiers", "counselling", "Métiers d'art", "0.30")):
            organisation = Organisation.objects.create(cite=cite, name=name, kind="operator")
            Contribution.objects.create(cite=cite, organisation=organisation, year=YEAR,
                                        function=function, pole=pole, fte=D(fte))
        # Created before any choice: the scenario takes the partners' declarations.
        services.create_resources(scenario, cite=cite)
        for key, name, category, amount, account, months in (
                ("REGION", "Région", "region", 120000, "74", (3, 9)),
                ("DEPARTEMENT", "Département", "departement", 60000, "74", (1,)),
                ("VILLE", "Ville", "commune", 40000, "74", (6,)),
                ("ATELIERS", "Participation aux ateliers", "private", 2000, "706", (11,))):
            funder = Funder.objects.create(cite=cite, key=key, name=name, category=category)
            line = FundingLine.objects.create(
                cite=cite, funder=funder, scenario=scenario, account=account, status="committed",
                amount_year1=D(amount), amount_year2=D(amount), amount_year3=D(amount))
            for year in range(YEAR, YEAR + 3):
                for month in months:
                    Disbursement.objects.create(cite=cite, line=line, on=date(year, month, 10),
                                                amount=D(amount) / len(months))
    return scenario
