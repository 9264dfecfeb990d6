"""The one place that turns database rows into the planning domain's plain inputs, and back.

Screens, exports, commands and later apps (the label dossier) call these functions: none of
them computes a figure itself. Call inside the Cité's scope (the middleware's or a command's).

For other apps:
- `chosen_comparison_row()` — the chosen scenario's comparison figures as a plain dict;
- `chosen_cerfa_budget()` — the chosen scenario's Cerfa 12156 budget as plain rows.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from capacite.core.models import Cite
from capacite.planning.domain import budget as budget_domain
from capacite.planning.domain import scenario as scenario_domain
from capacite.planning.domain import treasury as treasury_domain
from capacite.planning.domain.comparison import (
    ComparisonRow,
    ScenarioFigures,
    comparison_rows,
    scenario_figures,
)
from capacite.planning.domain.fte import FteResult, FteSettings, PartnerContribution, compute_fte
from capacite.planning.domain.value import PartnerValue, partner_values
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

YEARS = 3


# --- settings ---------------------------------------------------------------------------------

def planning_settings(cite: Cite) -> PlanningSettings:
    """The Cité's settings, created with defaults (next year, 1 607 h, 15 %) on first use."""
    next_year = timezone.localdate().year + 1
    settings, _ = PlanningSettings.objects.get_or_create(
        cite=cite, defaults={"first_year": next_year, "treasury_start": date(next_year, 1, 1),
                             "opening_cash": Decimal(0)})
    return settings


def fte_settings(settings: PlanningSettings) -> FteSettings:
    return FteSettings(annual_hours=settings.annual_hours,
                       preparation_share=settings.preparation_share)


def legal_form() -> str:
    """The legal form chosen in governance ("gip", "association"…), "" when none yet."""
    from capacite.governance.models import LegalStructure

    structure = LegalStructure.objects.first()
    return structure.chosen_form if structure else ""


# --- the offer and the partners, as plain inputs ----------------------------------------------

def offer_pole_names() -> list[str]:
    """The pôles defined in the offer, in their order (the scenario form offers them)."""
    from capacite.offer.models import Pole

    return list(Pole.objects.order_by("position", "name").values_list("name", flat=True))


def offer_hours_per_week() -> Decimal | None:
    """Opening hours a week of the main site (or the first site), None without a site."""
    from capacite.offer.domain.hours import hours_per_week
    from capacite.offer.models import Site
    from capacite.offer.services import schedule_of

    sites = Site.objects.prefetch_related("weekly_hours", "exceptions", "closures")
    site = sites.filter(kind="main").order_by("pk").first() or sites.order_by("pk").first()
    if site is None:
        return None
    weekly = schedule_of(site, years=[]).weekly
    return Decimal(str(hours_per_week(weekly))).quantize(Decimal("0.01"))


def _contributions_of(row: Scenario) -> list[ScenarioContribution]:
    if not row.pk:
        return []
    return list(row.contributions.all())  # all_plans() prefetches them with their partner


def scenario_contributions(row: Scenario) -> list[PartnerContribution]:
    """The staff time the partners would bring to this scenario, as the FTE model reads it."""
    return [PartnerContribution(c.organisation.name, c.function, c.pole or None, c.fte)
            for c in _contributions_of(row) if c.fte > 0]


def scenario_in_kind(row: Scenario) -> list[budget_domain.InKind]:
    """Valued in-kind resources (premises, equipment…) the partners would bring to this
    scenario, one line per partner under 861 / 871, the same amount each budget year."""
    totals: dict[str, Decimal] = {}
    for c in _contributions_of(row):
        if c.in_kind_eur > 0:
            name = c.organisation.name
            totals[name] = totals.get(name, Decimal(0)) + c.in_kind_eur
    return [budget_domain.InKind(label=f"Biens et services mis à disposition : {name}",
                                 use_account="861", contribution_account="871",
                                 amounts=(amount,) * YEARS, partner=name)
            for name, amount in sorted(totals.items())]


# --- scenarios --------------------------------------------------------------------------------

def _decimals(mapping: dict) -> dict[str, Decimal]:
    return {key: Decimal(str(value)) for key, value in (mapping or {}).items()}


def to_domain(scenario: Scenario, *, charges: list[ChargeLine] | None = None
              ) -> scenario_domain.Scenario:
    """The domain scenario of a row (its charge lines read unless given)."""
    if charges is None:
        charges = list(scenario.charges.all()) if scenario.pk else []
    return scenario_domain.Scenario(
        name=scenario.name,
        poles=tuple(scenario.poles or ()),
        weeks_per_year=scenario.weeks_per_year,
        hours_per_day=scenario.hours_per_day,
        days_per_week=scenario.days_per_week,
        weekly_hours=scenario.weekly_hours,
        counsellors_per_pole=scenario.counsellors_per_pole,
        counsellors_by_pole=_decimals(scenario.counsellors_by_pole),
        reception_staff=scenario.reception_staff,
        documentation_staff=scenario.documentation_staff,
        function_fte=_decimals(scenario.function_fte),
        cost_per_fte=_decimals(scenario.cost_per_fte),
        default_cost_per_fte=scenario.default_cost_per_fte,
        charges=tuple(scenario_domain.ChargeItem(account=c.account, label=c.label,
                                                 annual_amount=c.annual_amount)
                      for c in charges),
        yearly_increase=scenario.yearly_increase,
        social_charges_rate=scenario.social_charges_rate,
        chosen=scenario.chosen,
    )


def operating_lines(row: Scenario):
    """The scenario's operating funding lines (a queryset, funders joined)."""
    return FundingLine.objects.filter(purpose="operating", scenario=row).select_related(
        "funder__organisation")


def operating_funding(row: Scenario) -> list[budget_domain.Funding]:
    """The scenario's operating lines of the funding round, whatever their status (the budget
    is a forecast; the funding page shows how sure each line is)."""
    return [budget_domain.Funding(funder=funding_label(line), amounts=line.amounts,
                                  account=line.account, category=line.funder.category,
                                  partner=(line.funder.organisation.name
                                           if line.funder.organisation_id else ""))
            for line in operating_lines(row)]


def unsecured_funding(row: Scenario) -> tuple[Decimal, ...]:
    """Per budget year, the scenario's operating funding still « Piste » (not secured), each
    line rounded to the euro as the budget rounds it."""
    from capacite.planning.domain.money import to_euros
    from capacite.planning.models import FundingStatus

    leads = [line.amounts for line in operating_lines(row).filter(status=FundingStatus.LEAD)]
    return tuple(sum((to_euros(a[i]) for a in leads), Decimal(0)) for i in range(YEARS))


def funding_label(line: FundingLine) -> str:
    """How a funding line is named in the budget: its label or its funder, with the ministry
    for the State (the Cerfa asks which ministries are solicited)."""
    label = line.label or line.funder.name
    if line.funder.category == "state" and line.account == "74":
        label += f" — {line.funder.ministry or 'ministère à préciser'}"
    return label


def investment_funding() -> list[budget_domain.Funding]:
    return [budget_domain.Funding(funder=line.label or line.funder.name, amounts=line.amounts)
            for line in FundingLine.objects.filter(purpose="investment").select_related("funder")]


def investments() -> list[budget_domain.Investment]:
    return [budget_domain.Investment(category=i.category, label=i.label, amount=i.amount,
                                     paid_on=i.paid_on)
            for i in InvestmentLine.objects.all()]


@dataclass(frozen=True)
class ScenarioPlan:
    """A scenario row with everything the domain computes from it."""

    row: Scenario
    scenario: scenario_domain.Scenario
    fte: FteResult
    budget: budget_domain.Budget
    figures: ScenarioFigures
    errors: tuple[str, ...]

    @property
    def partners(self) -> tuple[PartnerValue, ...]:
        """What the scenario is worth to each partner (first budget year)."""
        return self.figures.partners


def scenario_plan(row: Scenario, *, settings: PlanningSettings) -> ScenarioPlan:
    """FTE, budget and comparison figures of `row` for the Cité's first budget year."""
    scenario = to_domain(row)
    fte = compute_fte(scenario=scenario, contributions=scenario_contributions(row),
                      settings=fte_settings(settings))
    budget = budget_domain.operating_budget(
        scenario=scenario, fte=fte, first_year=settings.first_year,
        funding=operating_funding(row), in_kind=scenario_in_kind(row), years=YEARS)
    partners = partner_values(fte=fte, budget=budget,
                              productive_hours=fte_settings(settings).productive_hours)
    return ScenarioPlan(row, scenario, fte, budget,
                        scenario_figures(scenario=scenario, fte=fte, budget=budget,
                                         partners=partners),
                        tuple(scenario_domain.scenario_errors(scenario)))


def all_plans(cite: Cite) -> list[ScenarioPlan]:
    settings = planning_settings(cite)
    rows = Scenario.objects.prefetch_related("charges", "contributions__organisation")
    return [scenario_plan(row, settings=settings) for row in rows]


def comparison(cite: Cite) -> tuple[list[ScenarioPlan], list[ComparisonRow]]:
    plans = all_plans(cite)
    return plans, comparison_rows([p.figures for p in plans])


def copy_resources(source: Scenario | None, target: Scenario, *, year: int) -> None:
    """Give `target` a copy of `source`'s partner contributions and operating funding lines
    (with their payments); without a source, the partners' declared contributions of `year`
    and no funding line. Each scenario then changes its own resources."""
    from capacite.partners.models import Contribution

    if source is None:
        ScenarioContribution.objects.bulk_create(
            ScenarioContribution(cite=target.cite, scenario=target,
                                 organisation_id=c.organisation_id, function=c.function,
                                 pole=c.pole, fte=c.fte, in_kind_eur=c.in_kind_eur)
            for c in Contribution.objects.filter(year=year)
            if c.fte > 0 or c.in_kind_eur > 0)
        return
    ScenarioContribution.objects.bulk_create(
        ScenarioContribution(cite=target.cite, scenario=target, organisation_id=c.organisation_id,
                             function=c.function, pole=c.pole, fte=c.fte,
                             in_kind_eur=c.in_kind_eur)
        for c in source.contributions.all())
    for line in FundingLine.objects.filter(scenario=source).prefetch_related("disbursements"):
        payments = list(line.disbursements.all())
        line.pk = None
        line._state.adding = True
        line.scenario = target
        line.version = 1
        line.save()
        Disbursement.objects.bulk_create(Disbursement(cite=target.cite, line=line, on=d.on,
                                                      amount=d.amount) for d in payments)


def create_resources(row: Scenario, *, cite: Cite) -> None:
    """Resources of a scenario just created from the form: the retained scenario's, else the
    partners' declarations of the first budget year."""
    source = Scenario.objects.filter(chosen=True).exclude(pk=row.pk).first()
    copy_resources(source, row, year=planning_settings(cite).first_year)


def copy_scenario(row: Scenario, *, name: str) -> Scenario:
    """A new scenario with the same choices, charge lines, partner contributions and funding
    lines under `name`, not chosen."""
    with transaction.atomic():
        charges = list(row.charges.all())
        copy = Scenario.objects.get(pk=row.pk)
        copy.pk = None
        copy._state.adding = True
        copy.name = name
        copy.chosen = False
        copy.decision = None
        copy.version = 1
        copy.position = (Scenario.objects.order_by("-position").values_list(
            "position", flat=True).first() or 0) + 1
        copy.save()
        ChargeLine.objects.bulk_create(
            ChargeLine(cite=row.cite, scenario=copy, account=c.account, label=c.label,
                       annual_amount=c.annual_amount) for c in charges)
        copy_resources(row, copy, year=0)
    return copy


def choose_scenario(row: Scenario, *, body, decided_on: date, user=None, meeting=None,
                    details: str = ""):
    """Record the steering committee's choice in the decisions register and mark `row` chosen
    (the others are no longer chosen). Returns the decision."""
    from capacite.governance.models import Decision

    with transaction.atomic():
        decision = Decision.objects.create(
            cite=row.cite, body=body, meeting=meeting, decided_on=decided_on,
            title=f"Le comité retient le scénario « {row.name} ».", details=details,
            validates="Choix des scénarios", recorded_by=user)
        Scenario.objects.exclude(pk=row.pk).update(chosen=False)
        Scenario.objects.filter(pk=row.pk).update(chosen=True, decision=decision)
        row.refresh_from_db()
    return decision


def chosen_scenario() -> Scenario | None:
    return Scenario.objects.filter(chosen=True).first()


# --- for the label dossier --------------------------------------------------------------------

def chosen_comparison_row(cite: Cite) -> dict | None:
    """The chosen scenario's comparison figures as plain data (Decimals, strings, lists),
    None when the committee has chosen none."""
    row = chosen_scenario()
    if row is None:
        return None
    f = scenario_plan(row, settings=planning_settings(cite)).figures
    return {"name": f.name, "poles": list(f.poles), "hours_per_week": f.hours_per_week,
            "counselling_hours_per_week": f.counselling_hours_per_week,
            "open_hours_per_year": f.open_hours_per_year, "fte_needed": f.fte_needed,
            "fte_partners": f.fte_partners, "fte_to_recruit": f.fte_to_recruit,
            "fte_surplus": f.fte_surplus, "operating_charges": f.operating_charges,
            "in_kind": f.in_kind, "operating_resources": f.operating_resources, "gap": f.gap,
            "shortfall": f.shortfall, "surplus": f.surplus,
            "cost_per_open_hour": f.cost_per_open_hour,
            "counselling_hours_per_year": f.counselling_hours_per_year,
            "full_cost": f.full_cost, "partners_share": f.partners_share,
            "partners": [{"partner": v.partner, "fte": v.fte, "staff_value": v.staff_value,
                          "goods_value": v.goods_value, "money": v.money, "total": v.total,
                          "share": v.share, "public_hours": v.public_hours,
                          "leverage": v.leverage} for v in f.partners]}


def budget_lines(budget: budget_domain.Budget) -> dict:
    """Every row of the Cerfa table as plain JSON-ready data, by account and year: {"years",
    "lines": [{"code", "line", "label", "kind", "amounts": {"2027": "192600.00", …}}]}.
    `line` names the 74 line ("epci"…) of a subsidy or the balancing line ("surplus" for
    « Excédent prévisionnel », "shortfall" for « Reste à financer (insuffisance
    prévisionnelle) »); amounts are strings, never floats."""
    years = [str(y) for y in budget.years]
    return {"years": [int(y) for y in years],
            "lines": [{"code": r.code, "line": r.key, "label": r.label, "kind": r.kind,
                       "amounts": {y: str(a) for y, a in zip(years, r.amounts, strict=True)}}
                      for r in budget_domain.budget_rows(budget) if r.kind != "heading"]}


def chosen_cerfa_budget(cite: Cite) -> dict | None:
    """The chosen scenario's operating budget in the Cerfa 12156 layout as plain data:
    {"scenario", "years", "rows": [{"code", "key", "label", "kind", "amounts"}]}, None
    without a chosen scenario. `key` names a 74 line or a balancing line ("surplus",
    "shortfall")."""
    row = chosen_scenario()
    if row is None:
        return None
    plan = scenario_plan(row, settings=planning_settings(cite))
    return {"scenario": row.name, "years": list(plan.budget.years),
            "rows": [{"code": r.code, "key": r.key, "label": r.label, "kind": r.kind,
                      "amounts": list(r.amounts)}
                     for r in budget_domain.budget_rows(plan.budget)]}


# --- funding round and treasury ---------------------------------------------------------------

def funders_by_key() -> dict[str, Funder]:
    return {f.key.upper(): f for f in Funder.objects.all()}


def resolve_funder(key: str) -> Funder:
    """The funder whose short identifier is `key` (case ignored); ValueError (active
    language) listing the known identifiers otherwise."""
    known = funders_by_key()
    funder = known.get(key.strip().upper())
    if funder is None:
        listed = ", ".join(sorted(known)) or pgettext("identifiants", "aucun")
        raise ValueError(_("Financeur inconnu : « %(key)s ». Identifiants des financeurs de "
                           "cette Cité : %(listed)s.") % {"key": key, "listed": listed})
    return funder


def disbursements(row: Scenario) -> list[treasury_domain.Disbursement]:
    """The disbursement calendar of `row`'s operating lines and of the investment lines, each
    payment named by its funder's name."""
    from django.db.models import Q

    return [treasury_domain.Disbursement(funder=d.line.funder.name, on=d.on, amount=d.amount)
            for d in Disbursement.objects.filter(Q(line__scenario=row)
                                                 | Q(line__purpose="investment"))
            .select_related("line__funder")]


def treasury_scenario() -> Scenario | None:
    """The scenario the treasury plan follows: the chosen one, else the first."""
    return chosen_scenario() or Scenario.objects.first()


def treasury_inputs(cite: Cite, row: Scenario | None = None
                    ) -> treasury_domain.TreasuryInputs | None:
    """The plan's inputs for `row` (default `treasury_scenario()`), None without a scenario."""
    row = row or treasury_scenario()
    if row is None:
        return None
    settings = planning_settings(cite)
    plan = scenario_plan(row, settings=settings)
    return treasury_domain.treasury_inputs(
        budget=plan.budget, start=settings.treasury_start, opening_cash=settings.opening_cash,
        disbursements=disbursements(row), investments=investments(), legal_form=legal_form(),
        rent_rhythm=settings.rent_rhythm)


def stress(inputs: treasury_domain.TreasuryInputs, *, funder: Funder, delay_months: int = 0,
           cut_percent: Decimal = Decimal(0)) -> treasury_domain.StressResult:
    return treasury_domain.stress_test(inputs, funder=funder.name, delay_months=delay_months,
                                       cut_percent=cut_percent)


@dataclass(frozen=True)
class HomePlanning:
    scenario_count: int
    chosen: str | None
    gap: Decimal | None
    months_below_zero: int
    gip: bool
    surplus: Decimal | None = None  # the Cerfa's « Excédent prévisionnel », first year


def home_planning(cite: Cite) -> HomePlanning:
    """The home tile: how many scenarios, which one is chosen, its gap and the treasury alerts."""
    from capacite.planning.domain.treasury import GIP, treasury_plan

    count = Scenario.objects.count()
    row = chosen_scenario()
    gap = surplus = None
    below = 0
    if row is not None:
        figures = scenario_plan(row, settings=planning_settings(cite)).figures
        gap, surplus = figures.gap, figures.surplus
    inputs = treasury_inputs(cite) if count else None
    if inputs is not None:
        try:
            below = len(treasury_plan(inputs).alerts)
        except ValueError:
            below = 0
    return HomePlanning(count, row.name if row else None, gap, below, legal_form() == GIP,
                        surplus)
