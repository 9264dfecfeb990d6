"""Server-rendered SVG charts, the same in a page and in a PDF (no JavaScript, no CDN).

matplotlib is imported inside the functions: it is slow to import and most requests need no chart.
"""

import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

# Colours of the French State design system: blue France, success green, error red; all reach
# WCAG AA contrast against white.
COLOURS = {"planned": "#000091", "done": "#18753c", "late": "#ce0500"}


@dataclass(frozen=True)
class GanttRow:
    label: str
    start: date
    end: date
    state: str  # planned | done | late


def gantt_svg(rows: list[GanttRow], *, today: date, target_date: date, title: str) -> str:
    """A Gantt chart as an inline SVG element, text kept as text so it stays searchable.

    Rows are drawn top to bottom in the given order; a dashed line marks today and a solid one
    the target date. The SVG carries role="img" and a <title>; pages show the same data as a table.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans",
                                "svg.hashsalt": "capacite"}):
        height = 1.2 + 0.32 * len(rows)
        figure = Figure(figsize=(11, height))
        axes = figure.add_subplot()
        for index, row in enumerate(rows):
            start = mdates.date2num(row.start)
            width = max(mdates.date2num(row.end) - start, 1)
            axes.broken_barh([(start, width)], (index - 0.4, 0.8), color=COLOURS[row.state])
        axes.set_yticks(range(len(rows)), [_shorten(r.label) for r in rows], fontsize=8)
        axes.invert_yaxis()
        axes.axvline(mdates.date2num(today), color="#3a3a3a", linestyle="--", linewidth=1)
        axes.axvline(mdates.date2num(target_date), color="#3a3a3a", linewidth=1.5)
        first = min(min(r.start for r in rows), today) - timedelta(days=7)
        last = max(max(r.end for r in rows), target_date) + timedelta(days=7)
        axes.set_xlim(mdates.date2num(first), mdates.date2num(last))
        axes.xaxis.set_major_locator(mdates.MonthLocator())
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%m/%Y"))
        axes.tick_params(axis="x", labelsize=8, rotation=45)
        axes.grid(axis="x", color="#dddddd", linewidth=0.5)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        return figure_to_svg(figure, title=title, title_id="gantt-title")


def figure_to_svg(figure: Any, *, title: str, title_id: str) -> str:
    """A matplotlib figure as an inline, accessible SVG element ready for a page or a PDF.

    Keeps only the <svg> element (no XML prolog), drops the fixed width and height in points so
    CSS sizes it, and adds role="img" with a <title> (`title_id` must be unique on the page) so a
    screen reader announces what the chart shows. Call it inside the rc_context the figure was
    drawn in: "svg.fonttype" and "svg.hashsalt" apply when saving.
    """
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\s(width|height)="[^"]*pt"', "", svg, count=2)
    escaped = title.replace("&", "&amp;").replace("<", "&lt;")
    return svg.replace(
        "<svg", f'<svg role="img" aria-labelledby="{title_id}" class="chart"', 1
    ).replace(">", f'><title id="{title_id}">{escaped}</title>', 1)


def _shorten(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
