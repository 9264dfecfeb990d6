"""The evaluation plan's indicators against their targets, and their trend (issue 15, point 4).

A computed indicator asks its figure from the one place that owns it — visits and answers from
`activity/counts.py`, hours open from `network.hours_open` — and nowhere else; an entered one
reads the values the Cité typed per period. The quality page, the yearly report and the label
fonctionnement dossier all read `indicator_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.activity import counts
from capacite.dashboards.domain.periods import Period, period_of, shifted
from capacite.lib.small_groups import is_small


def _visits(cite, start: date, end: date) -> float | None:
    return float(counts.visit_count(cite=cite, start=start, end=end))


def _first_visit_share(cite, start: date, end: date) -> float | None:
    """Share of first visits among the visits whose answer is known, in %."""
    by = counts.visits_by("first_visit", cite=cite, start=start, end=end)
    known = by.get(True, 0) + by.get(False, 0)
    return round(100 * by.get(True, 0) / known, 1) if known else None


def _satisfaction(cite, start: date, end: date) -> float | None:
    overall = next((r for r in counts.core_results(cite=cite, start=start, end=end)
                    if r.key == "overall"), None)
    return round(overall.mean, 2) if overall and overall.mean is not None else None


def _response_rate(cite, start: date, end: date) -> float | None:
    """Questionnaires answered per 100 visits."""
    visits = counts.visit_count(cite=cite, start=start, end=end)
    if not visits:
        return None
    return round(100 * counts.response_count(cite=cite, start=start, end=end) / visits, 1)


def _visits_per_hour_open(cite, start: date, end: date) -> float | None:
    """Visits per hour open over calendar years (the sites' schedules are yearly)."""
    from capacite.dashboards.network import hours_open

    hours = sum(hours_open(cite, y) for y in range(start.year, end.year)) if end.month == 1 \
        and end.day == 1 and start.month == 1 and start.day == 1 else 0
    if not hours:
        return None
    return round(counts.visit_count(cite=cite, start=start, end=end) / hours, 2)


# The network's common set: key → (label, function, is a count of people).
COMPUTED = {
    "visits": (gettext_lazy("Passages"), _visits, True),
    "first_visit_share": (gettext_lazy("Part des premières visites (%)"), _first_visit_share,
                          False),
    "satisfaction": (gettext_lazy("Satisfaction moyenne (sur 5)"), _satisfaction, False),
    "response_rate": (gettext_lazy("Questionnaires pour 100 passages"), _response_rate, False),
    "visits_per_hour_open": (gettext_lazy("Passages par heure d'ouverture"),
                             _visits_per_hour_open, False),
}
TREND_LENGTH = {"year": 3, "month": 6}


@dataclass(frozen=True)
class Point:
    period: Period
    value: float | None
    text: str


@dataclass(frozen=True)
class IndicatorRow:
    indicator: object
    points: tuple[Point, ...]  # oldest first, the last is the current period
    target: float | None

    @property
    def current(self) -> Point:
        return self.points[-1]

    @property
    def met(self) -> bool | None:
        """Whether the current value reaches the target (None: no value or no target)."""
        if self.target is None or self.current.value is None:
            return None
        if self.indicator.higher_is_better:
            return self.current.value >= self.target
        return self.current.value <= self.target


def _text(value: float | None, *, count: bool, protected: bool) -> str:
    if value is None:
        return "—"
    if count and protected and is_small(int(value)):
        return "< 11"
    return number(value)


def number(value: float) -> str:
    """French figures: thin space for thousands, a comma before at most two decimals."""
    if value == int(value):
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def indicator_rows(cite, anchor: date, *, protected: bool) -> list[IndicatorRow]:
    """Every indicator of `cite` over its last periods up to the one holding `anchor`.
    Call inside the Cité's scope; `protected` masks small counts of people (report, dossier)."""
    from capacite.dashboards.models import IndicatorValue, QualityIndicator

    indicators = list(QualityIndicator.objects.filter(cite=cite)
                      .select_related("owner", "target_decision"))
    entered: dict[tuple[int, date], Decimal] = {
        (v.indicator_id, v.period_start): v.value
        for v in IndicatorValue.objects.filter(indicator__in=indicators)}
    rows = []
    for indicator in indicators:
        last = period_of(indicator.frequency, anchor)
        periods = [shifted(last, -n) for n in reversed(range(TREND_LENGTH[indicator.frequency]))]
        spec = COMPUTED.get(indicator.computed)
        points = []
        for period in periods:
            if spec:
                value = spec[1](cite, period.start, period.end)
            else:
                raw = entered.get((indicator.pk, period.start))
                value = float(raw) if raw is not None else None
            points.append(Point(period, value, _text(value, count=bool(spec and spec[2]),
                                                     protected=protected)))
        target = float(indicator.target) if indicator.target is not None else None
        rows.append(IndicatorRow(indicator, tuple(points), target))
    return rows


def period_name(period: Period) -> str:
    if period.kind == "year":
        return str(period.start.year)
    return period.start.strftime("%m/%Y")


def status_text(row: IndicatorRow) -> str:
    return {True: _("atteinte"), False: _("non atteinte"), None: "—"}[row.met]
