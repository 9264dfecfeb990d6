"""Pieces of an instance computed from a Cité's records, as plain functions (no database).

`services.build_instance` reads the records and calls these: opening spans cut to whole
30-minute slots, demand compressed into spans, partners' FTE turned into shares.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal

from capacite.staffing.domain.instance import Demand, Span

SLOT = 30


def inner_span(day: int, opens: int, closes: int, step: int = SLOT) -> Span | None:
    """The whole slots inside [opens, closes): a 9:45–12:10 opening gives 10:00–12:00.

    A roster cannot staff half a slot, so an opening off the 30-minute grid loses its edges
    rather than gaining minutes the site is closed. None when no whole slot fits.
    """
    start = -(-opens // step) * step
    end = closes // step * step
    return Span(day, start, end) if end > start else None


def demand_spans(desk: str, slots: Iterable[tuple[int, int]], people_at: Callable[[int, int], int],
                 step: int = SLOT) -> list[Demand]:
    """The demand of one desk as spans: consecutive slots needing the same number merge.

    Slots needing nobody make no span (the instance format reads a missing slot as zero).
    """
    result: list[Demand] = []
    for day, start in sorted(slots):
        people = people_at(day, start)
        if people <= 0:
            continue
        last = result[-1] if result else None
        if last and last.people == people and last.span.day == day and last.span.end == start:
            result[-1] = Demand(desk, Span(day, last.span.start, start + step), people)
        else:
            result.append(Demand(desk, Span(day, start, start + step), people))
    return result


def fte_shares(fte: dict[str, Decimal]) -> dict[str, float]:
    """Each partner's share of the total FTE, rounded to 1/10 000, adding up to exactly 1.

    Partners with no FTE keep a zero share; if nobody has any, the shares are equal. The
    rounding remainder goes to the largest share, so the sum check of the format holds.
    """
    if not fte:
        return {}
    total = sum(fte.values(), Decimal(0))
    if total <= 0:
        shares = {key: 1 / len(fte) for key in fte}
    else:
        shares = {key: round(float(value / total), 4) for key, value in fte.items()}
    largest = max(shares, key=lambda key: (shares[key], key))
    shares[largest] = round(shares[largest] + 1 - sum(shares.values()), 4)
    return shares
