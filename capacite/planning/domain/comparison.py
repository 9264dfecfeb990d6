"""Scenarios side by side, for the steering committee that picks one.

The figures are the ones the guide asks each scenario to show ("le niveau d'offre de service"
and what it costs); the page, the XLSX, the PDF and `capacite scenarios` all read
`scenario_figures()`, and the tables read `comparison_rows()`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from capacite.planning.domain.budget import Budget
from capacite.planning.domain.fte import FteResult
from capacite.planning.domain.money import round_fraction
from capacite.planning.domain.scenario import Scenario


@dataclass(frozen=True)
class ScenarioFigures:
    """What one scenario offers and costs, for one budget year.

    `operating_charges` and `operating_resources` leave the in-kind contributions out (they
    balance each other); `in_kind` shows them. `cost_per_open_hour` is the full cost, charges
    and in-kind together, divided by the hours open a year: what an hour of opening really
    takes from everyone, not only from the funders (None when the scenario never opens).
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


def scenario_figures(*, scenario: Scenario, fte: FteResult, budget: Budget,
                     year_index: int = 0) -> ScenarioFigures:
    """The comparison figures of `scenario` for budget year `year_index` (0 = first year)."""
    totals = fte.totals
    charges = budget.total_charges[year_index]
    in_kind = budget.total_uses_in_kind[year_index]
    hours = scenario.open_hours_per_year
    cost = (round_fraction(Fraction(charges + in_kind) / Fraction(hours)) if hours > 0
            else None)
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
        cost_per_open_hour=cost,
    )


@dataclass(frozen=True)
class ComparisonRow:
    """One criterion across the scenarios; `unit` tells the page how to print the values."""

    key: str
    label: str
    unit: str  # "count", "hours", "fte", "eur" or "text"
    values: tuple[Decimal | int | str | None, ...]


ROWS = (
    ("poles", "Pôles de conseil", "count"),
    ("pole_names", "Noms des pôles", "text"),
    ("hours_per_week", "Heures d'ouverture par semaine", "hours"),
    ("counselling_hours_per_week", "Heures de conseil offertes par semaine", "hours"),
    ("fte_needed", "ETP nécessaires", "fte"),
    ("fte_partners", "ETP apportés par les partenaires", "fte"),
    ("fte_to_recruit", "ETP à recruter", "fte"),
    ("fte_surplus", "ETP apportés au-delà du besoin", "fte"),
    ("operating_charges", "Charges de fonctionnement", "eur"),
    ("in_kind", "Contributions volontaires en nature", "eur"),
    ("operating_resources", "Produits de fonctionnement", "eur"),
    ("gap", "Reste à financer", "eur"),
    ("cost_per_open_hour", "Coût complet par heure d'ouverture", "eur"),
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

    rows = [ComparisonRow("name", "Scénario", "text",
                          tuple(f.name + (" (retenu)" if f.chosen else "") for f in figures))]
    rows.extend(ComparisonRow(key, label, unit, tuple(value(f, key) for f in figures))
                for key, label, unit in ROWS)
    return rows
