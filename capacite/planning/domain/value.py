"""What a scenario is worth to the territory and to each partner, as the guide asks.

« Pour chacun des scénarios, le porteur de projet donne à voir le niveau d'offre de service
ainsi que la valeur ajoutée pour le territoire et pour chacun des partenaires. » The figures
come from the scenario's own budget (so they differ when its resources differ): for the
territory, the service it opens and what it costs in full; for each partner, what it brings
(money, staff valued, goods valued), the hours its staff give the public, and the leverage:
the full cost of the Cité each euro it brings opens to its public.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from capacite.planning.domain.budget import Budget
from capacite.planning.domain.fte import FteResult
from capacite.planning.domain.money import ZERO, round_fraction
from capacite.planning.domain.scenario import Scenario


@dataclass(frozen=True)
class PartnerValue:
    """One partner in one scenario, for one budget year."""

    partner: str
    fte: Decimal
    staff_value: Decimal  # its seconded staff, valued (862 / 871)
    goods_value: Decimal  # premises, equipment… valued (861 / 871)
    money: Decimal  # its funding lines (74, 70…)
    public_hours: Decimal  # hours a year its staff spend with the public
    share: Decimal | None  # of the full cost, in percent
    leverage: Decimal | None  # full cost ÷ what it brings

    @property
    def total(self) -> Decimal:
        return self.staff_value + self.goods_value + self.money


@dataclass(frozen=True)
class TerritoryValue:
    """The service a scenario opens to the territory's public and its full cost."""

    poles: int
    open_hours_per_year: Decimal
    counselling_hours_per_year: Decimal
    full_cost: Decimal  # charges + in-kind contributions
    partners_share: Decimal | None  # percent of the full cost the partners bring


def _ratio(a: Decimal, b: Decimal, places: int = 2) -> Decimal | None:
    return round_fraction(Fraction(a) / Fraction(b), places=places) if b > 0 else None


def partner_values(*, fte: FteResult, budget: Budget, productive_hours: Decimal,
                   year_index: int = 0) -> list[PartnerValue]:
    """Every partner that brings money, staff or goods to the scenario, by name, for budget
    year `year_index` (0 = first). Staff hours are its FTE × one FTE's hours with the public."""
    full = budget.total_charges[year_index] + budget.total_uses_in_kind[year_index]
    names = sorted({x.partner for x in budget.in_kind if x.partner}
                   | {d.partner for d in budget.products if d.partner}
                   | set(fte.by_partner()))
    result = []
    for name in names:
        staff = sum((x.amounts[year_index] for x in budget.in_kind
                     if x.partner == name and x.use_account == "862"), ZERO)
        goods = sum((x.amounts[year_index] for x in budget.in_kind
                     if x.partner == name and x.use_account != "862"), ZERO)
        money = sum((d.amounts[year_index] for d in budget.products if d.partner == name), ZERO)
        partner_fte = sum(fte.by_partner().get(name, {}).values(), ZERO)
        brought = staff + goods + money
        result.append(PartnerValue(
            partner=name, fte=partner_fte, staff_value=staff, goods_value=goods, money=money,
            public_hours=round_fraction(Fraction(partner_fte) * Fraction(productive_hours),
                                        places=0).quantize(Decimal(1)),
            share=_ratio(brought * 100, full, 1), leverage=_ratio(full, brought)))
    return result


def territory_value(*, scenario: Scenario, budget: Budget, partners: list[PartnerValue],
                    year_index: int = 0) -> TerritoryValue:
    """The service level and full cost of the scenario for the territory."""
    full = budget.total_charges[year_index] + budget.total_uses_in_kind[year_index]
    brought = sum((p.total for p in partners), ZERO)
    return TerritoryValue(
        poles=len(scenario.poles), open_hours_per_year=scenario.open_hours_per_year,
        counselling_hours_per_year=scenario.counselling_hours_per_week * scenario.weeks_per_year,
        full_cost=full, partners_share=_ratio(brought * 100, full, 1))
