"""The evaluation plan's indicators against their targets, and their trend (issue 15, point 4).

A computed indicator asks its figure from the one place that owns it — visits and answers from
`activity/counts.py`, hours open from `network.hours_open` — and nowhere else; an entered one
reads the values the Cité typed per period. The quality page, the yearly report and the label
fonctionnement dossier all read `indicator_rows`.

The opening decides what a period may say (`figures.opening`, the rule of the year-before
comparison): a period before the opening reads « Cité non ouverte », not 0; the period the Cité
opened in shows its figure marked « année incomplète (ouverture le 21/11/2025) » and gets no
verdict against its target — a target is set for a whole period (see docs/decisions.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.activity import counts
from capacite.dashboards.domain.periods import Period, period_of, shifted
from capacite.dashboards.figures import Opening, opening
from capacite.lib.money import format_quantity
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
NOT_OPEN = gettext_lazy("Cité non ouverte")


@dataclass(frozen=True)
class Point:
    period: Period
    value: float | None
    text: str
    opening: Opening | None = None

    @property
    def partial(self) -> bool:
        return bool(self.opening and self.opening.partial)


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
        """Whether the current value reaches the target (None: no value, no target, or a period
        the Cité was not open for all of)."""
        if self.target is None or self.current.value is None or self.current.opening and (
                self.current.opening.state != "open"):
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
    """A figure the one way (`lib.money.format_quantity`): thousands grouped, at most two
    decimals and only where they exist — « 24 892 », « 6,5 » (« 24,892 », « 6.5 » in English)."""
    return format_quantity(value)


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
    openings: dict[Period, Opening] = {}
    for indicator in indicators:
        last = period_of(indicator.frequency, anchor)
        periods = [shifted(last, -n) for n in reversed(range(TREND_LENGTH[indicator.frequency]))]
        spec = COMPUTED.get(indicator.computed)
        points = []
        for period in periods:
            if period not in openings:
                openings[period] = opening(cite, period)
            raw = entered.get((indicator.pk, period.start))
            if openings[period].closed and (spec or raw is None):
                points.append(Point(period, None, str(NOT_OPEN), openings[period]))
                continue
            if spec:
                value = spec[1](cite, period.start, period.end)
            else:
                value = float(raw) if raw is not None else None
            points.append(Point(period, value, _text(value, count=bool(spec and spec[2]),
                                                     protected=protected), openings[period]))
        target = float(indicator.target) if indicator.target is not None else None
        rows.append(IndicatorRow(indicator, tuple(points), target))
    return rows


def period_name(period: Period) -> str:
    if period.kind == "year":
        return str(period.start.year)
    return period.start.strftime("%m/%Y")


def status_text(row: IndicatorRow) -> str:
    """« atteinte », « non atteinte », or for the period the Cité opened in « année incomplète
    (ouverture le 21/11/2025) », without a verdict."""
    if row.current.partial and row.current.value is not None and row.target is not None:
        return row.current.opening.incomplete_text()
    return {True: _("atteinte"), False: _("non atteinte"), None: "—"}[row.met]


def trend_text(row: IndicatorRow) -> str:
    """« 2023–2024 : Cité non ouverte · 2025 : 2 717 (année incomplète) », « 2024 : Cité non
    ouverte · 2025 : 2 717 (année incomplète) · 2026 : 24 892 »: the trend's values as the page,
    the report and the dossier print them."""
    def mark(p: Point) -> str:
        if not p.partial or p.value is None:
            return ""
        return " (%s)" % (_("année incomplète") if p.period.kind == "year"
                          else _("mois incomplet"))

    closed = [p for p in row.points if p.opening and p.opening.closed and p.value is None]
    points = [p for p in row.points if p not in closed]
    parts = []
    if closed:  # the periods before the opening, once: « 07/2025–10/2025 : Cité non ouverte »
        names = [period_name(closed[0].period), period_name(closed[-1].period)]
        parts.append(_("%(period)s : %(value)s") % {
            "period": "–".join(dict.fromkeys(names)), "value": NOT_OPEN})
    parts += [_("%(period)s : %(value)s") % {"period": period_name(p.period), "value": p.text}
              + mark(p) for p in points]
    return " · ".join(parts)
