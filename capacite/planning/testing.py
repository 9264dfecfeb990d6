"""Sample objects for tests/test_permission_matrix.py."""

from datetime import date
from decimal import Decimal

from capacite.planning.models import (
    ChargeLine,
    Disbursement,
    Funder,
    FundingLine,
    InvestmentLine,
    Scenario,
    ScenarioContribution,
)


def sample_kwargs(cite) -> dict:
    scenario = Scenario.objects.create(
        cite=cite, name="Scénario d'exemple", poles=["A", "B", "C"], hours_per_day=Decimal(7),
        days_per_week=Decimal(5), default_cost_per_fte=Decimal(45000))
    charge = ChargeLine.objects.create(cite=cite, scenario=scenario, account="613",
                                       label="Loyer", annual_amount=Decimal(12000))
    funder = Funder.objects.create(cite=cite, key="EXEMPLE-TESTS",
                                   name="Financeur d'exemple pour les tests")
    line = FundingLine.objects.create(cite=cite, funder=funder, scenario=scenario,
                                      amount_year1=Decimal(1000))
    disbursement = Disbursement.objects.create(cite=cite, line=line, on=date(2027, 3, 1),
                                               amount=Decimal(1000))
    from capacite.partners.models import Organisation

    partner = Organisation.objects.filter(cite=cite).first() or Organisation.objects.create(
        cite=cite, name="Partenaire d'exemple", kind="operator")
    contribution = ScenarioContribution.objects.create(
        cite=cite, scenario=scenario, organisation=partner, function="counselling",
        fte=Decimal("0.5"))
    investment = InvestmentLine.objects.create(cite=cite, category="it", label="Ordinateurs",
                                               amount=Decimal(5000), paid_on=date(2027, 1, 15))
    from django.core.files.base import ContentFile

    from capacite.planning.models_acts import FundingAct

    act = FundingAct(cite=cite, line=line, signed_on=date(2027, 2, 1), filename="convention.pdf")
    act.file.save("convention.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return {"scenario_id": scenario.pk, "charge_id": charge.pk, "funder_id": funder.pk,
            "line_id": line.pk, "disbursement_id": disbursement.pk,
            "investment_id": investment.pk, "scenario_contribution_id": contribution.pk}
