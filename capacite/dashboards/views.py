"""The dashboards of an open Cité: one page for a period, and any of its tables as XLSX or CSV.

Scoped to the current Cité by the middleware; the permission matrix says who reads. Figures come
from `figures.py` only; whether one category's counts are protected depends on the reader's
roles, and exports are always protected (a file leaves the staff's hands)."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from capacite.core.permissions import Level, level_for
from capacite.dashboards import figures, svg
from capacite.dashboards.domain.periods import KINDS, period_of, shifted
from capacite.jobs.services import start_job
from capacite.lib import exports
from capacite.lib.languages import LANGUAGE_CHOICES, LANGUAGES, current_language
from capacite.lib.params import id_from
from capacite.lib.small_groups import LEGEND

PERIOD_NAMES = {"day": "jour", "week": "semaine", "month": "mois", "year": "annee"}
PERIOD_KINDS = {v: k for k, v in PERIOD_NAMES.items()}


def _period(request: HttpRequest):
    """The period asked in the query (« ?periode=mois&date=2026-11-01 »), this year by default;
    anything unreadable falls back to the default rather than failing."""
    kind = PERIOD_KINDS.get(request.GET.get("periode", ""), "year")
    try:  # parse_date raises on a well-shaped impossible date (« 2026-13-45 »)
        anchor = parse_date(request.GET.get("date", "") or "") if len(
            request.GET.get("date", "")) == 10 else None
    except ValueError:
        anchor = None
    anchor = anchor or timezone.localdate()
    return period_of(kind, anchor)


def _query(period) -> str:
    return f"?periode={PERIOD_NAMES[period.kind]}&date={period.start.isoformat()}"


@require_safe
def dashboard(request: HttpRequest, cite_slug: str) -> HttpResponse:
    period = _period(request)
    protected = figures.protected_for(getattr(request, "cite_roles", set()))
    board = figures.dashboard(request.cite, period, protected=protected)
    charts = {}
    for table in board.tables:
        if table.key in ("over_time",) or table.key.startswith("by_"):
            charts[table.key] = svg.table_bars(table, chart_id=f"chart-{table.key}")
    heat = svg.heat_map(board.heat_rows, board.heat_columns, board.heat_cells,
                        title=_("Passages par jour de la semaine et par heure"),
                        chart_id="chart-heat")
    return render(request, "dashboards/dashboard.html", {
        "board": board, "sections": [(t, charts.get(t.key, "")) for t in board.tables],
        "heat": heat, "legend": LEGEND,
        "period_label": figures.period_label(period),
        "comparison_note": board.comparison.page_note(),
        "kinds": [(PERIOD_NAMES[k], k == period.kind, _label(k)) for k in KINDS],
        "earlier": _query(shifted(period, -1)), "later": _query(shifted(period, 1)),
        "anchor": period.start.isoformat(), "period_name": PERIOD_NAMES[period.kind],
        "can_report": level_for("dashboards:report", getattr(request, "cite_roles", set()))
        >= Level.WRITE,
        "report_years": _report_years(), "report_languages": LANGUAGE_CHOICES,
        "report_language": current_language(),
        "can_quality": level_for("dashboards:quality", getattr(request, "cite_roles", set()))
        >= Level.READ,
    })


def _report_years() -> list[int]:
    this_year = timezone.localdate().year
    return [this_year - 1, this_year]


@require_POST
def report(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Start the yearly activity report as a background job; its page follows it."""
    year, fmt = request.POST.get("year", ""), request.POST.get("format", "")
    lang = request.POST.get("lang") or current_language()
    if (not year.isdigit() or int(year) not in _report_years() or fmt not in ("pdf", "docx")
            or lang not in LANGUAGES):
        messages.error(request, _("Choisissez l'année (%(years)s) et le format (PDF ou DOCX) du "
                                  "rapport.") % {"years": ", ".join(map(str, _report_years()))})
        return redirect("dashboards:dashboard", cite_slug=cite_slug)
    job = start_job(cite=request.cite, kind="activity_report", user=request.user,
                    params={"year": int(year), "format": fmt, "lang": lang})
    return redirect(job.get_absolute_url())


def _label(kind: str) -> str:
    return {"day": _("Jour"), "week": _("Semaine"), "month": _("Mois"), "year": _("Année")}[kind]


@require_safe
def export_xlsx(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return _export(request, request.GET.get("tableau", ""), "xlsx")


@require_safe
def export_csv(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return _export(request, request.GET.get("tableau", ""), "csv")


def _export(request: HttpRequest, key: str, extension: str) -> HttpResponse:
    """One table of the dashboard (« ?tableau=by_public ») as a spreadsheet, always with the
    small-group rule; without a known table, the page's first one (visits over time)."""
    period = _period(request)
    board = figures.dashboard(request.cite, period, protected=True)
    keys = [t.key for t in board.tables]
    table = board.table(key if key in keys else keys[0])
    sheet = sheet_of(table)
    filename = f"{request.cite.slug}-{table.key}-{period.start.isoformat()}.{extension}"
    if extension == "csv":
        return exports.csv_response(sheet, filename=filename)
    return exports.xlsx_response([sheet], filename=filename, title=table.title)


def sheet_of(table: figures.Table) -> exports.Sheet:
    """A table as a typed sheet: shown counts as numbers, masked ones as their text."""
    columns = [exports.Column(table.first_column, "text")]
    columns += [exports.Column(c, "integer") for c in table.columns]
    kinds = table.extra_kinds or ("text",) * len(table.extra_columns)
    columns += [exports.Column(c, kind) for c, kind in zip(table.extra_columns, kinds,
                                                            strict=True)]
    rows = [_cells(r) for r in table.rows]
    if table.total:
        rows.append(_cells(table.total))
    return exports.Sheet(title=table.title[:31], columns=columns, rows=rows,
                         total_rows=1 if table.total else 0)


def _cells(row: figures.Row) -> list:
    return [row.label, *[c.shown_value if not c.hidden else c.text for c in row.counts],
            *row.extra]


@require_http_methods(["GET", "HEAD", "POST"])
def quality(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The evaluation plan: each indicator against the target the comité de pilotage set, and
    its trend; the project team enters the values of the indicators capacite does not compute."""
    from capacite.dashboards import quality as q
    from capacite.dashboards.models import IndicatorValue, QualityIndicator

    today = timezone.localdate()
    error, typed = "", {}
    if request.method == "POST":
        indicator = QualityIndicator.objects.filter(
            pk=id_from(request.POST.get("indicator")), computed="").first()
        typed = {"indicator": request.POST.get("indicator", ""),
                 "value": request.POST.get("value", "")}
        try:
            value = Decimal(typed["value"].replace(",", ".").replace("\u202f", "").strip())
            if not value.is_finite() or abs(value) >= 10**10:
                raise InvalidOperation
        except InvalidOperation:
            value = None
        if indicator is None:
            error = _("Choisissez un indicateur saisi (les autres sont calculés par capacite).")
        elif value is None:
            error = _("La valeur « %(value)s » n'est pas un nombre (exemple : 12,5).") % {
                "value": typed["value"]}
        else:
            start = period_of(indicator.frequency, today).start
            IndicatorValue.objects.update_or_create(
                cite=request.cite, indicator=indicator, period_start=start,
                defaults={"value": value})
            messages.success(request, _("Valeur enregistrée pour « %(name)s ».")
                             % {"name": indicator.name})
            return redirect("dashboards:quality", cite_slug=cite_slug)
    rows = q.indicator_rows(request.cite, today, protected=False)
    items = [{
        "row": row, "status": q.status_text(row),
        "trend": q.trend_text(row),
        "target": "" if row.target is None else q.number(row.target),
        "chart": svg.trend([p.value for p in row.points], row.target,
                           title=_("Évolution : %(name)s") % {"name": row.indicator.name},
                           chart_id=f"trend-{row.indicator.pk}"),
        "source": (q.COMPUTED[row.indicator.computed][0] if row.indicator.computed in q.COMPUTED
                   else _("saisi")),
    } for row in rows]
    return render(request, "dashboards/quality.html", {
        "items": items, "error": error, "typed": typed,
        "entered": [r.indicator for r in rows if not r.indicator.computed],
        "can_write": level_for("dashboards:quality", getattr(request, "cite_roles", set()))
        >= Level.WRITE,
        "can_see_decisions": level_for("governance:decisions",
                                       getattr(request, "cite_roles", set())) >= Level.READ,
    })
