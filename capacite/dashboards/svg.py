"""Small SVG charts written by hand: bars for a series against last year, and a heat map.

matplotlib (lib/charts.py) draws the Gantt; a dashboard draws a dozen charts per page and must
answer in well under a second at network scale, so these are a few lines of markup each. Each
chart has role="img" and a <title>; the page shows the same figures in a table beside it. A
masked count (« < 11 », « s ») is drawn as an empty outlined bar, never at its true height.
"""

import textwrap
from html import escape

from capacite.lib.money import format_count
from capacite.lib.small_groups import Count

BLUE, GREY, OUTLINE = "#000091", "#b7b7d4", "#6a6a6a"
# Categories with names (a site, an EPCI, a partner…) are drawn as horizontal bars, their labels
# in a column as wide as they need, wrapped on lines of at most LABEL_CHARS characters — never
# cut (« CA de Sophia Antipolis » is read whole). Short labels (months, days) stay under
# vertical bars. CHAR_WIDTH is a 10 px sans-serif character's width, generously.
SHORT_LABEL, LABEL_CHARS, LINE_HEIGHT, CHAR_WIDTH = 8, 28, 12, 6
PLOT_WIDTH = 300


def label_lines(label: str) -> list[str]:
    """`label` on lines of at most LABEL_CHARS characters, cut at spaces or after hyphens (a
    longer word stays whole on its line), every character kept."""
    return textwrap.wrap(label, LABEL_CHARS, break_long_words=False) or [""]


def _svg(title: str, chart_id: str, width: int, height: int, body: list[str]) -> str:
    # A width in pixels, not 100 %: a chart of three bars stays small on a page or in a PDF;
    # CSS (max-width: 100 %) shrinks a wide one.
    return (
        f'<svg role="img" aria-labelledby="{chart_id}" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}">{escape(title)}</title>{"".join(body)}</svg>'
    )


def bars(
    labels: list[str],
    current: list[Count],
    previous: list[Count] | None,
    *,
    title: str,
    chart_id: str,
) -> str:
    """One group of bars per label: this period (blue) and the year before (grey) — vertical for
    short labels (months, days), horizontal with a label column for named categories."""
    if any(len(label) > SHORT_LABEL for label in labels):
        return _horizontal_bars(labels, current, previous, title=title, chart_id=chart_id)
    shown = [c.value for c in current if not c.hidden]
    shown += [c.value for c in previous or [] if not c.hidden]
    top = max(shown, default=0) or 1
    group = 48 if previous else 30
    width, height, base = max(240, 100 + group * len(labels)), 260, 170
    body = [f'<line x1="86" y1="{base}" x2="{width}" y2="{base}" stroke="{OUTLINE}"/>',
            f'<text x="82" y="16" text-anchor="end" font-size="10">{format_count(top)}</text>']
    for index, label in enumerate(labels):
        x = 90 + index * group
        series = [(current[index], BLUE)]
        if previous:
            series.append((previous[index], GREY))
        for offset, (count, colour) in enumerate(series):
            bar_x = x + offset * 20
            if count.hidden:
                body.append(f'<rect x="{bar_x}" y="{base - 12}" width="18" height="12" '
                            f'fill="none" stroke="{OUTLINE}" stroke-dasharray="2 2"/>')
                continue
            h = round(150 * count.value / top)
            body.append(f'<rect x="{bar_x}" y="{base - h}" width="18" height="{h}" '
                        f'fill="{colour}"><title>{escape(label)} : {count.text}</title></rect>')
        centre = x + (group - 10) / 2
        body.append(f'<text x="{centre}" y="{base + 12}" text-anchor="end" font-size="10" '
                    f'transform="rotate(-35 {centre} {base + 12})">{escape(label)}</text>')
    return _svg(title, chart_id, width, height, body)


def _horizontal_bars(labels: list[str], current: list[Count], previous: list[Count] | None, *,
                     title: str, chart_id: str) -> str:
    """A row per label: the label on as many lines as it needs, right-aligned against the axis,
    then its bars, each followed by its figure as the table prints it."""
    shown = [c.value for c in current if not c.hidden]
    shown += [c.value for c in previous or [] if not c.hidden]
    top = max(shown, default=0) or 1
    wrapped = [label_lines(label) for label in labels]
    axis = 10 + CHAR_WIDTH * max((len(line) for lines in wrapped for line in lines), default=1)
    bar, gap = 11, 2
    series_count = 2 if previous else 1
    body: list[str] = []
    y = 8
    for index, (label, lines) in enumerate(zip(labels, wrapped, strict=True)):
        bars_height = series_count * bar + (series_count - 1) * gap
        row = max(len(lines) * LINE_HEIGHT, bars_height)
        # The label's lines centred on the row, the first baseline 9 px below their top.
        text_top = y + (row - len(lines) * LINE_HEIGHT) / 2
        spans = "".join(f'<tspan x="{axis - 6}" dy="{0 if i == 0 else LINE_HEIGHT}">'
                        f'{escape(line)}</tspan>' for i, line in enumerate(lines))
        body.append(f'<text x="{axis - 6}" y="{text_top + 9:g}" text-anchor="end" '
                    f'font-size="10">{spans}</text>')
        bar_y = y + (row - bars_height) / 2
        series = [(current[index], BLUE)] + ([(previous[index], GREY)] if previous else [])
        for offset, (count, colour) in enumerate(series):
            top_y = bar_y + offset * (bar + gap)
            if count.hidden:
                length = 12
                body.append(f'<rect x="{axis}" y="{top_y:g}" width="{length}" height="{bar}" '
                            f'fill="none" stroke="{OUTLINE}" stroke-dasharray="2 2"/>')
            else:
                length = round(PLOT_WIDTH * count.value / top)
                body.append(f'<rect x="{axis}" y="{top_y:g}" width="{length}" height="{bar}" '
                            f'fill="{colour}"><title>{escape(label)} : {count.text}</title>'
                            f'</rect>')
            body.append(f'<text x="{axis + length + 4}" y="{top_y + 9:g}" font-size="9">'
                        f'{escape(count.text)}</text>')
        y += row + 8
    height = round(y)
    body.insert(0, f'<line x1="{axis}" y1="2" x2="{axis}" y2="{height - 2}" '
                   f'stroke="{OUTLINE}"/>')
    return _svg(title, chart_id, axis + PLOT_WIDTH + 50, height, body)


def table_bars(table, *, chart_id: str) -> str:
    """A dashboard table (`figures.Table`) as bars: its first count column, and its second (the
    year before) when it has one — a first year has none."""
    return bars([r.label for r in table.rows], [r.counts[0] for r in table.rows],
                [r.counts[1] for r in table.rows] if len(table.columns) > 1 else None,
                title=table.title, chart_id=chart_id)


def heat_map(
    row_labels: list[str], column_labels: list[str], cells: list[list[Count]], *, title: str,
    chart_id: str,
) -> str:
    """Rows (weekdays) × columns (hours): the darker, the more visits; masked cells hatched."""
    shown = [c.value for row in cells for c in row if not c.hidden]
    top = max(shown, default=0) or 1
    cell_w, cell_h, left, head = 34, 22, 80, 18
    width = left + cell_w * len(column_labels) + 4
    height = head + cell_h * len(row_labels) + 4
    body = []
    for j, label in enumerate(column_labels):
        body.append(f'<text x="{left + j * cell_w + cell_w / 2}" y="12" text-anchor="middle" '
                    f'font-size="10">{escape(label)}</text>')
    for i, label in enumerate(row_labels):
        y = head + i * cell_h
        body.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" font-size="10">'
                    f'{escape(label)}</text>')
        for j, count in enumerate(cells[i]):
            x = left + j * cell_w
            if count.hidden:
                fill, stroke = "#ffffff", f' stroke="{OUTLINE}" stroke-dasharray="2 2"'
            else:
                fill, stroke = _shade(count.value / top), ""
            body.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                        f'fill="{fill}"{stroke}><title>{escape(label)} '
                        f'{escape(column_labels[j])} : {count.text}</title></rect>')
    return _svg(title, chart_id, width, height, body)


def _shade(share: float) -> str:
    """White to blue France: the share of the busiest cell."""
    r = round(255 - share * (255 - 0))
    g = round(255 - share * (255 - 0))
    b = round(255 - share * (255 - 145))
    return f"#{r:02x}{g:02x}{b:02x}"


def trend(values: list[float | None], target: float | None, *, title: str, chart_id: str) -> str:
    """A small line of an indicator's last periods, the target as a dashed line; a period
    without a value leaves a gap."""
    known = [v for v in values if v is not None] + ([target] if target is not None else [])
    top, bottom = max(known, default=1), min(known + [0], default=0)
    span = (top - bottom) or 1
    width, height, step = 160, 48, 140 / max(len(values) - 1, 1)

    def y(v: float) -> float:
        return round(42 - 36 * (v - bottom) / span, 1)

    body = []
    if target is not None:
        body.append(f'<line x1="10" y1="{y(target)}" x2="150" y2="{y(target)}" '
                    f'stroke="{OUTLINE}" stroke-dasharray="4 3"/>')
    points = [(round(10 + i * step, 1), y(v)) for i, v in enumerate(values) if v is not None]
    if len(points) > 1:
        body.append(f'<polyline fill="none" stroke="{BLUE}" stroke-width="2" points="'
                    + " ".join(f"{px},{py}" for px, py in points) + '"/>')
    body += [f'<circle cx="{px}" cy="{py}" r="3" fill="{BLUE}"/>' for px, py in points]
    return _svg(title, chart_id, width, height, body)
