"""Budget totals of the communication plan (no database).

The guide asks for a plan of actions by tool; the steering committee reads what each tool costs,
so every total comes from here, in Decimal euros (no float rounding on a budget).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ToolTotal:
    tool: str
    actions: int
    budget: Decimal


def totals_by_tool(actions: Iterable[tuple[str, Decimal]], tools: Iterable[str]
                   ) -> list[ToolTotal]:
    """Number of actions and budget per tool, in the order of `tools`, tools without action
    included (at zero) so the plan shows what is not used."""
    counts: dict[str, int] = {}
    sums: dict[str, Decimal] = {}
    for tool, budget in actions:
        counts[tool] = counts.get(tool, 0) + 1
        sums[tool] = sums.get(tool, Decimal("0")) + budget
    return [ToolTotal(tool, counts.get(tool, 0), sums.get(tool, Decimal("0.00")))
            for tool in tools]


def grand_total(totals: Iterable[ToolTotal]) -> Decimal:
    return sum((t.budget for t in totals), Decimal("0.00"))
