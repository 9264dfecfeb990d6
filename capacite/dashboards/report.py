"""The yearly activity report (rapport d'activité), and the same figures for the label
fonctionnement dossier: blocks built from `figures.py`, always with the small-group rule (a
file leaves the staff's hands), rendered by the label dossiers' PDF and DOCX renderers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from capacite.dashboards import figures, svg
from capacite.dashboards.domain.periods import Period, period_of
from capacite.label.dossier.blocks import Chart, Dossier, Heading, Para, Table
from capacite.lib.languages import LANGUAGES
from capacite.lib.small_groups import LEGEND

FORMATS = ("pdf", "docx")


def table_block(table: figures.Table, *, caption: str | None = None) -> Table:
    """A dashboard table as a dossier table (masked counts print as « < 11 » or « s »)."""
    headers = (table.first_column, *table.columns, *table.extra_columns)
    rows = tuple((r.label, *[c.text for c in r.counts], *r.extra) for r in table.rows)
    total = None
    if table.total:
        total = (table.total.label, *[c.text for c in table.total.counts], *table.total.extra)
    numeric = tuple(range(1, len(headers)))
    return Table(caption or table.title, headers, rows, numeric=numeric, total=total)


def _with_chart(table: figures.Table) -> list:
    blocks: list = []
    # The period tables (over time, by category: with or without the year before) and the
    # documentation's two columns.
    if table.rows and (table.key == "over_time" or table.key.startswith("by_")
                       or len(table.columns) == 2):
        blocks.append(Chart(svg.table_bars(table, chart_id=f"report-{table.key}"), table.title))
    blocks.append(table_block(table))
    if table.note:
        blocks.append(Para(table.note))
    return blocks


def activity_blocks(cite, period: Period) -> list:
    """Fréquentation, nature des publics, activités conduites: the guide's « tableaux de bord »
    for a dossier or a report, small groups masked."""
    board = figures.dashboard(cite, period, protected=True)
    visits = board.table("over_time")
    total = visits.total.counts[0] if visits.total else None
    before = (visits.total.counts[1].text if visits.total and len(visits.total.counts) > 1
              else "0")
    blocks: list = [Para(_("Sur la période (%(period)s), la Cité a compté %(total)s passages, "
                           "%(versus)s.")
                         % {"period": figures.period_label(period),
                            "total": total.text if total else "0",
                            "versus": board.comparison.versus(before)}
                         + f" {LEGEND}")]
    for key in ("over_time", "by_kind", "by_site", "by_pole"):
        blocks += _with_chart(board.table(key))
    blocks.append(Heading(3, _("Nature des publics"), "publics"))
    for key in ("by_public", "by_age_band", "by_sex", "by_first_visit", "by_epci", "territory"):
        blocks += _with_chart(board.table(key))
    blocks.append(Heading(3, _("Activités conduites"), "activites"))
    for key in ("by_oriented_to", "events", "documentation"):
        blocks += _with_chart(board.table(key))
    return blocks


def quality_blocks(cite, period: Period) -> list:
    """The satisfaction questionnaire's results (the quality approach's measured part), then the
    evaluation plan's indicators against their targets at the period's last day."""
    board = figures.dashboard(cite, period, protected=True)
    return _with_chart(board.table("survey")) + indicator_blocks(cite, period)


def indicator_blocks(cite, period: Period) -> list:
    """The indicators table: value of the period holding the period's last day, target, status,
    and the trend's values; small counts of people masked."""
    from capacite.dashboards import quality

    rows = quality.indicator_rows(cite, period.end - timedelta(days=1), protected=True)
    if not rows:
        return []
    body = tuple((
        r.indicator.name, quality.period_name(r.current.period), r.current.text,
        "—" if r.target is None else ("≥\u00a0" if r.indicator.higher_is_better else "≤\u00a0")
        + quality.number(r.target), quality.status_text(r), quality.trend_text(r))
        for r in rows)
    return [Heading(3, _("Indicateurs du plan d'évaluation"), "indicateurs"),
            Table(_("Indicateurs face aux cibles du comité de pilotage"),
                  (_("Indicateur"), _("Période"), _("Valeur"), _("Cible"), _("Statut"),
                   _("Évolution")), body, numeric=(2,))]


def build_report(cite, year: int) -> Dossier:
    period = period_of("year", date(year, 1, 1))
    territory = getattr(getattr(cite, "territory_choice", None), "cite", None)
    dossier = Dossier(kind="activity_report",
                      title=_("Rapport d'activité %(year)s") % {"year": year},
                      cite_name=cite.name, territory=str(territory or ""),
                      generated=timezone.localdate().strftime("%d/%m/%Y"))
    dossier.add(Heading(1, _("Rapport d'activité"), "rapport"),
                Heading(2, _("1. La fréquentation"), "frequentation"),
                *activity_blocks(cite, period),
                Heading(2, _("2. La satisfaction des usagers"), "satisfaction"),
                *quality_blocks(cite, period))
    return dossier


@dataclass(frozen=True)
class Report:
    content: bytes
    filename: str
    pages: int | None
    seconds: float


def generate_report(cite, *, year: int, fmt: str, lang: str = "fr") -> Report:
    """Build and render the yearly report in `lang` (« fr » or « en »). Call inside the Cité's
    scope."""
    from capacite.label.dossier.render_docx import render_docx
    from capacite.label.dossier.render_pdf import render_pdf

    if fmt not in FORMATS:
        raise ValueError(f"Format inconnu : « {fmt} » (attendu : pdf ou docx).")
    if lang not in LANGUAGES:
        raise ValueError(f"Langue inconnue : « {lang} » (attendu : fr ou en).")
    started = time.perf_counter()
    with translation.override(lang):
        dossier = build_report(cite, year)
        if fmt == "pdf":
            result = render_pdf(dossier)
            content, pages = result.content, result.pages
        else:
            content, pages = render_docx(dossier), None
    filename = f"rapport-activite-{slugify(cite.slug)}-{year}.{fmt}"
    return Report(content, filename, pages, time.perf_counter() - started)
