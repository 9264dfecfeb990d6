"""Demo scenarios, funding round and treasury (registered as a demo builder in apps.py).

Rivemont (under construction, a GIP in the making) compares three scenarios; the steering
committee chose the intermediate one (the decision already in the governance demo). Its
treasury stays positive as planned but dips below zero when the Région pays three months late:
`capacite treasury --cite rivemont --delay REGION:3` flags the months the tests pin.
Valombre (open for a year) runs one scenario, chosen by its GIP board, funded and paid.
"""

from datetime import date
from decimal import Decimal as D

from capacite.planning import services
from capacite.planning.models import (
    ChargeLine,
    Disbursement,
    Funder,
    FundingLine,
    InvestmentLine,
    PlanningSettings,
    Scenario,
    ScenarioContribution,
)

POLES_3 = ["Choisir son orientation", "Trouver un emploi", "Créer son activité"]
POLES_5 = ["Choisir son orientation", "Trouver un emploi", "Construire son parcours de formation",
           "Changer sa vie professionnelle", "Créer son activité"]
COSTS = {"direction": "70000", "secretariat": "40000"}
CHARGES = [("606", "Fournitures", D(6000)), ("613", "Loyer et charges locatives", D(36000)),
           ("618", "Documentation", D(5000)), ("623", "Communication", D(12000)),
           ("6233", "Événements (foires et expositions)", D(8000))]
# Opening cash of Rivemont: enough while every funder pays on time, not when the Région pays
# three months late (tuned on the figures below; test_commands.py pins the months flagged).
RIVEMONT_OPENING_CASH = D(40000)


def build_planning_demo(*, cite, today: date) -> None:
    if Scenario.objects.exists():
        return  # already built: the demo never duplicates
    if cite.slug == "rivemont":
        _rivemont(cite, today.year + 1)
    elif cite.slug == "valombre":
        _valombre(cite, today.year)


def _scenario(cite, name: str, position: int, charges=CHARGES, **choices) -> Scenario:
    values = {"poles": POLES_3, "hours_per_day": D(7), "days_per_week": D(5),
              "weeks_per_year": D(45), "default_cost_per_fte": D(45000),
              "cost_per_fte": COSTS, "function_fte": {"direction": "1", "secretariat": "0.5"},
              "yearly_increase": D("0.02")}
    values.update(choices)
    scenario = Scenario.objects.create(cite=cite, name=name, position=position, **values)
    ChargeLine.objects.bulk_create(ChargeLine(cite=cite, scenario=scenario, account=a, label=text,
                                              annual_amount=x) for a, text, x in charges)
    return scenario


def _funder(cite, key: str, name: str, kind: str = "organisation", organisation=None) -> Funder:
    """A funder on the Cerfa 74 line its type suggests, as the funder form would propose."""
    from capacite.planning.domain.cerfa import FunderType, suggested_category

    category = suggested_category(FunderType(
        name=name, kind=kind, first_circle=organisation.first_circle if organisation else "",
        organisation_kind=organisation.kind if organisation else ""))
    return Funder.objects.create(cite=cite, key=key, name=name, kind=kind,
                                 organisation=organisation, category=category)


def _line(cite, funder: Funder, amounts, status: str, payments, *, purpose="operating",
          account="74", conditions="", label="", scenario=None) -> FundingLine:
    line = FundingLine.objects.create(
        cite=cite, funder=funder, purpose=purpose, account=account, status=status,
        scenario=scenario if purpose == "operating" else None,
        conditions=conditions, label=label, amount_year1=amounts[0], amount_year2=amounts[1],
        amount_year3=amounts[2])
    Disbursement.objects.bulk_create(Disbursement(cite=cite, line=line, on=day, amount=amount)
                                     for day, amount in payments)
    return line


def _resize(scenario: Scenario, key: str, amounts: tuple[D, D, D]) -> None:
    """Another amount per year for one funder's operating line in `scenario`, its payments
    scaled in proportion so the treasury reads the same calendar."""
    line = FundingLine.objects.get(scenario=scenario, funder__key=key, purpose="operating")
    for d in line.disbursements.all():
        index = d.on.year - line.disbursements.order_by("on").first().on.year
        d.amount = (d.amount * amounts[index] / line.amounts[index]).quantize(D("0.01"))
        d.save(update_fields=["amount"])
    line.amount_year1, line.amount_year2, line.amount_year3 = amounts
    line.save()


def _yearly(first_year: int, schedule: list[tuple[int, int, D]]) -> list[tuple[date, D]]:
    """Payments on (month, day, amount) each of the three budget years."""
    return [(date(first_year + y, month, day), amount)
            for y in range(3) for month, day, amount in schedule]


def _organisation(name_part: str):
    from capacite.partners.models import Organisation

    return Organisation.objects.filter(name__icontains=name_part).first()


def _rivemont(cite, first_year: int) -> None:
    from capacite.governance.models import Body, Decision

    PlanningSettings.objects.create(cite=cite, first_year=first_year,
                                    treasury_start=date(first_year, 1, 1),
                                    opening_cash=RIVEMONT_OPENING_CASH)
    modest = _scenario(cite, "Modeste", 1, hours_per_day=D(6),
                       description="Trois pôles, 30 h par semaine, l'équipe au plus juste.")
    intermediate = _scenario(
        cite, "Intermédiaire", 2, poles=POLES_5, weeks_per_year=D(46),
        function_fte={"direction": "1", "secretariat": "0.5", "communication": "0.5"},
        description="Cinq pôles, 35 h par semaine du mardi au samedi.")
    ambitious = _scenario(
        cite, "Ambitieux", 3, poles=POLES_5, hours_per_day=None, days_per_week=None,
        weekly_hours=D(40), weeks_per_year=D(47), reception_staff=D(2),
        counsellors_by_pole={"Trouver un emploi": "2"},
        function_fte={"direction": "1", "secretariat": "1", "communication": "1",
                      "webmaster": "0.5", "partnership": "0.5"},
        charges=[*CHARGES[:1], ("613", "Loyer et charges locatives", D(48000)), *CHARGES[2:]],
        description="Cinq pôles, 40 h avec une nocturne, deux personnes à l'accueil.")

    region = _funder(cite, "REGION", "Région", organisation=_organisation("Région"))
    # The Région's convention closes the retained scenario's budget to the euro each year.
    region_amounts = (D(192600), D(202112), D(211813))
    at = {"scenario": intermediate}
    services.copy_resources(None, intermediate, year=first_year)  # the partners' declarations
    _line(cite, region, region_amounts, "committed",
          [(date(first_year + y, month, 15), share)
           for y, amount in enumerate(region_amounts)
           for month, share in ((3, amount * D("0.6")), (9, amount * D("0.4")))],
          conditions="Convention triennale ; 60 % en mars, le solde en septembre.", **at)
    _line(cite, region, (D(50000), D(0), D(0)), "committed", [(date(first_year, 2, 15),
                                                               D(50000))],
          purpose="investment", label="Région — aménagement")
    departement = _funder(cite, "DEPARTEMENT", "Département",
                          organisation=_organisation("Département"))
    _line(cite, departement, (D(60000),) * 3, "agreed",
          _yearly(first_year, [(1, 31, D(60000))]),
          conditions="Vote en commission permanente attendu.", **at)
    agglo = _funder(cite, "AGGLO", "Communauté d'agglomération",
                    organisation=_organisation("agglomération"))
    _line(cite, agglo, (D(170000),) * 3, "committed",
          _yearly(first_year, [(m, 5, D(42500)) for m in (1, 4, 7, 10)]), **at)
    tax = _funder(cite, "TA", "Taxe d'apprentissage", kind="apprenticeship_tax")
    _line(cite, tax, (D(10000),) * 3, "lead", _yearly(first_year, [(6, 30, D(10000))]),
          conditions="Selon les entreprises qui affectent leur solde.", **at)
    fse = _funder(cite, "FSE", "Fonds social européen", kind="eu")
    _line(cite, fse, (D(30000),) * 3, "lead", _yearly(first_year, [(12, 15, D(30000))]),
          conditions="Versé après justification des dépenses.", **at)
    sponsor = _funder(cite, "MECENE", "Fondation d'entreprise du bassin", kind="private")
    _line(cite, sponsor, (D(5000),) * 3, "paid", _yearly(first_year, [(1, 10, D(5000))]),
          account="758", label="Mécénat", **at)
    own = _funder(cite, "ATELIERS", "Participation des entreprises aux événements", kind="own")
    _line(cite, own, (D(8000),) * 3, "agreed", _yearly(first_year, [(11, 30, D(8000))]),
          account="706", label="Participation aux événements", **at)
    cper = _funder(cite, "CPER", "Contrat de plan État-Région", kind="cper")
    _line(cite, cper, (D(40000), D(0), D(0)), "lead", [(date(first_year, 6, 30), D(40000))],
          purpose="investment", label="CPER — équipement")
    for category, label, amount, month in (
            ("fitting_out", "Aménagement du plateau", D(60000), 2),
            ("furniture", "Mobilier d'accueil et des pôles", D(20000), 3),
            ("it", "Postes informatiques et bornes", D(15000), 3)):
        InvestmentLine.objects.create(cite=cite, category=category, label=label, amount=amount,
                                      paid_on=date(first_year, month, 1))

    # The other scenarios start from the intermediate one's resources, then differ: the
    # Région would fund the modest Cité less; the ambitious one asks more of the Région, the
    # agglomération and the Mission locale, and still leaves money to find.
    for other in (modest, ambitious):
        services.copy_resources(intermediate, other, year=first_year)
    _resize(modest, "REGION", (D(29700), D(35954), D(42332)))  # balances it to the euro
    _resize(ambitious, "REGION", (D(260000), D(270000), D(280000)))
    _resize(ambitious, "AGGLO", (D(200000),) * 3)
    ScenarioContribution.objects.filter(scenario=ambitious,
                                        organisation__name__icontains="Mission locale",
                                        fte__gt=0).update(fte=D("1.00"))

    decision = Decision.objects.filter(validates="Choix des scénarios").first()
    if decision is not None:  # the governance demo recorded the committee's choice
        Scenario.objects.filter(pk=intermediate.pk).update(chosen=True, decision=decision)
    else:
        body = Body.objects.filter(kind="steering").first()
        if body is not None:
            services.choose_scenario(intermediate, body=body, decided_on=date.today())


def _valombre(cite, first_year: int) -> None:
    from capacite.governance.models import Body

    PlanningSettings.objects.create(cite=cite, first_year=first_year,
                                    treasury_start=date(first_year, 1, 1),
                                    opening_cash=D(80000))
    scenario = _scenario(cite, "Fonctionnement actuel", 1, poles=POLES_5, hours_per_day=None,
                         # 38 h: the Saturday closes at 16:00 since the label projet
                         # (label.demo_fonctionnement), and the current scenario says so.
                         days_per_week=None, weekly_hours=D(38), weeks_per_year=D(46),
                         description="Le fonctionnement voté par le conseil d'administration.")
    services.copy_resources(None, scenario, year=first_year)
    for key, name, amount, months in (("REGION", "Région", D(160000), (3, 9)),
                                      ("METROPOLE", "Métropole de Valombre", D(245000),
                                       (1, 4, 7, 10)),
                                      ("DEPARTEMENT", "Département", D(60000), (2,))):
        funder = _funder(cite, key, name)
        share = amount / len(months)
        _line(cite, funder, (amount,) * 3, "paid" if key != "DEPARTEMENT" else "committed",
              _yearly(first_year, [(m, 10, share) for m in months]), scenario=scenario)
    body = Body.objects.filter(kind="steering").first()
    if body is not None:
        services.choose_scenario(scenario, body=body, decided_on=date(first_year, 1, 15),
                                 details="Reconduction du fonctionnement de la première année.")
