"""Scenarios side by side, for the steering committee that picks one.

The figures are the ones the guide asks each scenario to show ("le niveau d'offre de service"
and what it costs); the page, the XLSX, the PDF and `capacite scenarios` all read
`scenario_figures()`, and the tables read `comparison_rows()`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext, gettext_noop

from capacite.planning.domain.budget import SHORTFALL_LABEL, SURPLUS_LABEL, Budget
from capacite.planning.domain.fte import FteResult
from capacite.planning.domain.money import round_fraction
from capacite.planning.domain.scenario import Scenario
from capacite.planning.domain.value import PartnerValue, territory_value


@dataclass(frozen=True)
class ScenarioFigures:
    """What one scenario offers and costs, for one budget year.

    `operating_charges` and `operating_resources` leave the in-kind contributions out (they
    balance each other); `in_kind` shows them. `gap` is charges − products (negative when
    products exceed charges); `shortfall` and `surplus` are the Cerfa table's balancing lines
    « Reste à financer (insuffisance prévisionnelle) » and « Excédent prévisionnel ».
    `cost_per_open_hour` is the full cost, charges and in-kind together, divided by the hours
    open a year: what an hour of opening really takes from everyone, not only from the
    funders (None when the scenario never opens).
    """

    name: str
    chosen: bool
    poles: tuple[str, ...]
    hours_per_week: Decimal
    counselling_hours_per_week: Decimal
    open_hours_per_year: Decimal
    fte_needed: Decimal
    fte_partners: Decimal
    fte_to_recruit: Decimal
    fte_surplus: Decimal
    operating_charges: Decimal
    in_kind: Decimal
    operating_resources: Decimal
    gap: Decimal
    cost_per_open_hour: Decimal | None
    shortfall: Decimal = Decimal(0)
    surplus: Decimal = Decimal(0)
    counselling_hours_per_year: Decimal = Decimal(0)
    full_cost: Decimal = Decimal(0)
    partners_share: Decimal | None = None
    partners: tuple[PartnerValue, ...] = ()


def scenario_figures(*, scenario: Scenario, fte: FteResult, budget: Budget,
                     year_index: int = 0, partners: Sequence[PartnerValue] = ()
                     ) -> ScenarioFigures:
    """The comparison figures of `scenario` for budget year `year_index` (0 = first year)."""
    totals = fte.totals
    charges = budget.total_charges[year_index]
    in_kind = budget.total_uses_in_kind[year_index]
    hours = scenario.open_hours_per_year
    cost = (round_fraction(Fraction(charges + in_kind) / Fraction(hours)) if hours > 0
            else None)
    territory = territory_value(scenario=scenario, budget=budget, partners=list(partners),
                                year_index=year_index)
    return ScenarioFigures(
        name=scenario.name,
        chosen=scenario.chosen,
        poles=scenario.poles,
        hours_per_week=scenario.hours_per_week,
        counselling_hours_per_week=scenario.counselling_hours_per_week,
        open_hours_per_year=hours,
        fte_needed=totals.needed,
        fte_partners=totals.brought,
        fte_to_recruit=totals.to_recruit,
        fte_surplus=totals.surplus,
        operating_charges=charges,
        in_kind=in_kind,
        operating_resources=budget.total_products[year_index],
        gap=budget.gap[year_index],
        shortfall=budget.shortfall[year_index],
        surplus=budget.surplus[year_index],
        cost_per_open_hour=cost,
        counselling_hours_per_year=territory.counselling_hours_per_year,
        full_cost=territory.full_cost,
        partners_share=territory.partners_share,
        partners=tuple(partners),
    )


@dataclass(frozen=True)
class ComparisonRow:
    """One criterion across the scenarios; `unit` tells the page how to print the values."""

    key: str
    label: str
    unit: str  # "count", "hours", "fte", "eur", "percent" or "text"
    values: tuple[Decimal | int | str | None, ...]


# Labels marked here, translated when the rows are built (the reader's language).
ROWS = (
    ("poles", gettext_noop("Pôles de conseil"), "count"),
    ("pole_names", gettext_noop("Noms des pôles"), "text"),
    ("hours_per_week", gettext_noop("Heures d'ouverture par semaine"), "hours"),
    ("counselling_hours_per_week", gettext_noop("Heures de conseil offertes par semaine"),
     "hours"),
    ("fte_needed", gettext_noop("ETP nécessaires"), "fte"),
    ("fte_partners", gettext_noop("ETP apportés par les partenaires"), "fte"),
    ("fte_to_recruit", gettext_noop("ETP à recruter"), "fte"),
    ("fte_surplus", gettext_noop("ETP apportés au-delà du besoin"), "fte"),
    ("operating_charges", gettext_noop("Charges de fonctionnement"), "eur"),
    ("in_kind", gettext_noop("Contributions volontaires en nature"), "eur"),
    ("operating_resources", gettext_noop("Produits de fonctionnement"), "eur"),
    ("shortfall", SHORTFALL_LABEL, "eur"),
    ("surplus", SURPLUS_LABEL, "eur"),
    ("cost_per_open_hour", gettext_noop("Coût complet par heure d'ouverture"), "eur"),
    ("counselling_hours_per_year",
     gettext_noop("Valeur pour le territoire : heures de conseil par an"), "hours"),
    ("full_cost",
     gettext_noop("Valeur pour le territoire : coût complet (charges et apports en nature)"),
     "eur"),
    ("partners_share",
     gettext_noop("Part du coût complet apportée par les partenaires (%)"), "percent"),
)


def comparison_rows(figures: Sequence[ScenarioFigures]) -> list[ComparisonRow]:
    """One row per criterion, one value per scenario in the given order; the first row names
    the scenarios (marked « (retenu) » when chosen)."""
    def value(f: ScenarioFigures, key: str) -> Decimal | int | str | None:
        if key == "poles":
            return len(f.poles)
        if key == "pole_names":
            return ", ".join(f.poles)
        result: Decimal | None = getattr(f, key)
        return result

    rows = [ComparisonRow("name", gettext("Scénario"), "text",
                          tuple(gettext("%(name)s (retenu)") % {"name": f.name} if f.chosen
                                else f.name for f in figures))]
    rows.extend(ComparisonRow(key, gettext(label), unit, tuple(value(f, key) for f in figures))
                for key, label, unit in ROWS)
    # One row per partner: what it brings to each scenario (money, staff and goods valued).
    names = sorted({p.partner for f in figures for p in f.partners})
    for name in names:
        rows.append(ComparisonRow(
            f"partner:{name}", gettext("Apport de %(partner)s") % {"partner": name}, "eur",
            tuple(next((p.total for p in f.partners if p.partner == name), Decimal(0))
                  for f in figures)))
    return rows
