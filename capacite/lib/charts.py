"""Server-rendered SVG charts, the same in a page and in a PDF (no JavaScript, no CDN).

The Gantt is drawn by hand (`gantt_svg`); the others go through matplotlib (`figure_to_svg`),
imported inside the functions: it is slow to import and most requests need no chart.
"""

import io
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

# Colours of the French State design system: blue France, success green, error red; all reach
# WCAG AA contrast against white.
COLOURS = {"planned": "#000091", "done": "#18753c", "late": "#ce0500"}
DONE_WINDOW = "#c3fad5"  # a done task's planned dates: light green inside a green outline


@dataclass(frozen=True)
class GanttRow:
    label: str
    start: date
    end: date
    state: str  # planned | done | late
    group: str = ""  # the heading the row sits under (its phase); consecutive rows share one
    done_on: date | None = None  # the day a done task was done: a diamond on its row
    done_late: bool = False  # done after its due date (`due`): the diamond is red
    due: date | None = None


# The chart's words, in French; pages pass them translated.
GANTT_WORDS = {
    "planned": "à venir",
    "late": "en retard ou début au plus tard dépassé",
    "window": "dates prévues d'une tâche faite",
    "done": "faite le",
    "done_late": "faite en retard le",
    "due": "échéance",
    "legend_done": "jour où elle a été faite",
    "legend_done_late": "faite après son échéance",
}


# The Gantt's geometry, in SVG user units (CSS pixels at 100 %): a label column, then the plot.
GANTT_WIDTH = 1000
GANTT_PLOT_LEFT, GANTT_PLOT_RIGHT = 310, 985
GANTT_TOP, GANTT_BOTTOM = 44, 48  # room for the dates and markers above, dates and legend below
GANTT_GROUP_HEIGHT = 26
GANTT_LINE = 13  # one line of an 11 px label
GANTT_WRAP = 44  # characters of a label per line (about 280 px of DejaVu Sans at 11 px)
GANTT_MONTH_LABEL = 66  # least room for « sept. 2027 » at 10 px
GANTT_CHAR = 6.3  # average width of a character of DejaVu Sans at 10 px
FRENCH_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                 "oct.", "nov.", "déc.")


def gantt_svg(rows: list[GanttRow], *, today: date, target_date: date, title: str,
              description: str = "", today_label: str = "aujourd'hui",
              target_label: str = "date visée", months: tuple[str, ...] = FRENCH_MONTHS,
              chart_id: str = "gantt", words: dict[str, str] | None = None) -> str:
    """A Gantt chart as an inline SVG element, drawn by hand (a few milliseconds, where
    matplotlib took half a second); text kept as text so it stays searchable and translatable.

    Rows are drawn top to bottom in the given order, under a heading each time `group` changes;
    labels wrap instead of being cut. The months are written above and below the plot, a dashed
    line marks today and a solid one the target date. A done task's bar is its planned dates in
    outline, with a diamond on the day it was done and that date written beside it (red when
    done after its due date). A legend sits under the plot. The SVG carries role="img", a
    <title> and a <desc>; each bar and diamond has its own <title> with its dates, and pages
    show the same data as a table.
    """
    words = {**GANTT_WORDS, **(words or {})}
    done_days = [r.done_on for r in rows if r.done_on]
    first = _month_start(min([r.start for r in rows] + [today, target_date] + done_days))
    last = _next_month(max([r.end for r in rows] + [today, target_date] + done_days))
    scale = (GANTT_PLOT_RIGHT - GANTT_PLOT_LEFT) / (last - first).days

    def x(day: date) -> float:
        return GANTT_PLOT_LEFT + (day - first).days * scale

    body: list[str] = []
    y = GANTT_TOP
    group = None
    for row in rows:
        if row.group and row.group != group:
            group = row.group
            body.append(f'<g class="gantt-group"><rect x="0" y="{y + 2}" width="{GANTT_WIDTH}" '
                        f'height="{GANTT_GROUP_HEIGHT - 4}" fill="#ececfe"/>'
                        f'<text x="8" y="{y + 17}" font-size="12" font-weight="bold" '
                        f'fill="#000091">{escape(group)}</text></g>')
            y += GANTT_GROUP_HEIGHT
        lines = textwrap.wrap(row.label, GANTT_WRAP) or [""]
        height = max(22, 8 + GANTT_LINE * len(lines))
        text = "".join(f'<tspan x="{GANTT_PLOT_LEFT - 10}" dy="{0 if i == 0 else GANTT_LINE}">'
                       f"{escape(line)}</tspan>" for i, line in enumerate(lines))
        start, end = x(row.start), x(row.end)
        middle = y + height / 2
        done = _done_words(row, words)
        when = f"{row.start:%d/%m/%Y} – {row.end:%d/%m/%Y}" + (f" ; {done}" if done else "")
        paint = (f'fill="{DONE_WINDOW}" stroke="{COLOURS["done"]}" stroke-width="1"'
                 if row.state == "done" else f'fill="{COLOURS[row.state]}"')
        body.append(
            f'<g class="gantt-row"><text y="{_n(middle + 4 - GANTT_LINE * (len(lines) - 1) / 2)}"'
            f' font-size="11" text-anchor="end">{text}</text>'
            f'<rect x="{_n(start)}" y="{_n(middle - 6)}" width="{_n(max(end - start, 2))}" '
            f'height="12" {paint}><title>{escape(row.label)} : {when}</title></rect>'
            f"{_done_marker(row, x, middle, done)}</g>")
        y += height
    bottom = y
    legend, extra_lines = _gantt_legend(words, bottom + 38)
    height = bottom + GANTT_BOTTOM + 16 * extra_lines

    grid: list[str] = []
    month_count = (last.year - first.year) * 12 + last.month - first.month
    per_month = (GANTT_PLOT_RIGHT - GANTT_PLOT_LEFT) / month_count
    step = next((s for s in (1, 2, 3, 6) if per_month * s >= GANTT_MONTH_LABEL), 12)
    month = first
    while month <= last:
        at = _n(x(month))
        grid.append(f'<line x1="{at}" y1="{GANTT_TOP}" x2="{at}" y2="{bottom}" '
                    f'stroke="#dddddd" stroke-width="1"/>')
        room = x(month) + GANTT_MONTH_LABEL - 6 <= GANTT_WIDTH
        if month < last and (month.month - 1) % step == 0 and room:
            name = f"{months[month.month - 1]} {month.year}"
            grid.append(f'<text x="{at}" y="14" font-size="10" fill="#3a3a3a">{name}</text>'
                        f'<text x="{at}" y="{bottom + 16}" font-size="10" fill="#3a3a3a">'
                        f"{name}</text>")
        month = _next_month(month)

    markers = []
    lines = [
        [today, today_label, ' stroke-dasharray="4 3"', "end" if today <= target_date else "start"],
        [target_date, target_label, "", "start" if today <= target_date else "end"],
    ]
    for line in lines:
        if line[3] == "start" and x(line[0]) + 130 > GANTT_WIDTH:
            line[3] = "end"
    # Today's label climbs a line when it would run into the target's (both on the same side of
    # their lines, the two dates close together on a long plan).
    widest = max(GANTT_CHAR * (len(label) + 11) for _d, label, _s, _a in lines)
    crowded = lines[0][3] == lines[1][3] and abs(x(today) - x(target_date)) < widest + 6
    for index, (day, label, dash, anchor) in enumerate(lines):
        at = _n(x(day))
        shift = -3 if anchor == "end" else 3
        label_y = GANTT_TOP - 18 if crowded and index == 0 else GANTT_TOP - 4
        markers.append(
            f'<line x1="{at}" y1="{GANTT_TOP - 12}" x2="{at}" y2="{bottom}" stroke="#3a3a3a" '
            f'stroke-width="1.5"{dash}/><text x="{_n(x(day) + shift)}" y="{label_y}" '
            f'font-size="10" text-anchor="{anchor}" fill="#161616">{escape(label)} '
            f"{day:%d/%m/%Y}</text>")

    labelled = f"{chart_id}-title" + (f" {chart_id}-desc" if description else "")
    desc = f'<desc id="{chart_id}-desc">{escape(description)}</desc>' if description else ""
    return (
        f'<svg role="img" aria-labelledby="{labelled}" class="chart gantt" '
        f'xmlns="http://www.w3.org/2000/svg" width="{GANTT_WIDTH}" height="{height}" '
        f'viewBox="0 0 {GANTT_WIDTH} {height}" font-family="DejaVu Sans, sans-serif">'
        f'<title id="{chart_id}-title">{escape(title)}</title>{desc}'
        f'{"".join(grid)}{"".join(body)}{"".join(markers)}{legend}</svg>'
    )


def _done_words(row: GanttRow, words: dict[str, str]) -> str:
    """« faite le 18/01/2027 », or « faite en retard le 25/01/2027 (échéance 20/01/2027) »."""
    if row.done_on is None:
        return ""
    if row.done_late:
        due = f" ({words['due']} {row.due:%d/%m/%Y})" if row.due else ""
        return f"{words['done_late']} {row.done_on:%d/%m/%Y}{due}"
    return f"{words['done']} {row.done_on:%d/%m/%Y}"


def _done_marker(row: GanttRow, x, middle: float, done: str) -> str:
    """A diamond on the day the task was done, the date written beside it (left of it near the
    right edge)."""
    if row.done_on is None:
        return ""
    at = x(row.done_on)
    colour = COLOURS["late"] if row.done_late else COLOURS["done"]
    shown = done.split(" (")[0]  # the due date stays in the title and the table
    if at + 9 + len(shown) * GANTT_CHAR > GANTT_WIDTH:
        label_x, anchor = at - 9, "end"
    else:
        label_x, anchor = at + 9, "start"
    # A white outline under the date keeps it readable across the bar and the grid (drawn as a
    # second text: WeasyPrint ignores `paint-order`).
    place = (f'x="{_n(label_x)}" y="{_n(middle + 3.5)}" font-size="10" '
             f'text-anchor="{anchor}" ')
    halo = (f'<text {place}fill="#ffffff" stroke="#ffffff" stroke-width="3" '
            f'aria-hidden="true">{escape(shown)}</text>')
    return (f'<g class="gantt-done"><path d="M{_n(at)} {_n(middle - 7)}l7 7l-7 7l-7 -7z" '
            f'fill="{colour}" stroke="#ffffff" stroke-width="1"><title>{escape(row.label)} : '
            f'{escape(done)}</title></path>{halo}'
            f'<text {place}fill="#161616">{escape(shown)}</text></g>')


def _gantt_legend(words: dict[str, str], y: float) -> tuple[str, int]:
    """What the colours and the diamonds mean, on a line (or two) under the plot."""
    items = [
        (f'<rect x="{{x}}" y="{{top}}" width="16" height="10" fill="{COLOURS["planned"]}"/>',
         words["planned"]),
        (f'<rect x="{{x}}" y="{{top}}" width="16" height="10" fill="{COLOURS["late"]}"/>',
         words["late"]),
        (f'<rect x="{{x}}" y="{{top}}" width="16" height="10" fill="{DONE_WINDOW}" '
         f'stroke="{COLOURS["done"]}" stroke-width="1"/>', words["window"]),
        (f'<path d="M{{mid}} {{top}}l6 5l-6 5l-6 -5z" fill="{COLOURS["done"]}"/>',
         words["legend_done"]),
        (f'<path d="M{{mid}} {{top}}l6 5l-6 5l-6 -5z" fill="{COLOURS["late"]}"/>',
         words["legend_done_late"]),
    ]
    parts, at, line = [], 8.0, y
    for shape, text in items:
        room = 22 + len(text) * GANTT_CHAR + 18
        if at + room > GANTT_WIDTH and at > 8:
            at, line = 8.0, line + 16
        parts.append(shape.format(x=_n(at), mid=_n(at + 8), top=_n(line - 9))
                     + f'<text x="{_n(at + 22)}" y="{_n(line)}" font-size="10" '
                       f'fill="#161616">{escape(text)}</text>')
        at += room
    return f'<g class="gantt-legend">{"".join(parts)}</g>', round((line - y) / 16)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _n(value: float) -> str:
    """A coordinate to a tenth of a unit, without trailing zeros (« 377.5 », « 310 »)."""
    return f"{round(value, 1):g}"


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
