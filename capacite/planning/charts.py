"""The treasury chart: end-of-month cash as bars, below zero in red (server-rendered SVG)."""

import io
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal


def treasury_svg(months: Sequence[tuple[date, Decimal]], *, title: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans",
                                "svg.hashsalt": "capacite"}):
        figure = Figure(figsize=(11, 3.2))
        axes = figure.add_subplot()
        values = [float(balance) for _, balance in months]  # drawing only, never a figure read
        colours = ["#ce0500" if v < 0 else "#000091" for v in values]
        axes.bar(range(len(values)), values, color=colours)
        axes.axhline(0, color="#3a3a3a", linewidth=1)
        axes.set_xticks(range(len(months)), [f"{m:%m/%y}" for m, _ in months], fontsize=7,
                        rotation=90)
        axes.tick_params(axis="y", labelsize=8)
        axes.yaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda v, _: f"{v / 1000:,.0f} k€".replace(",", " ")))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'\s(width|height)="[^"]*pt"', "", svg, count=2)
    escaped = title.replace("&", "&amp;").replace("<", "&lt;")
    return svg.replace(
        "<svg", '<svg role="img" aria-labelledby="treasury-title" class="chart"', 1
    ).replace(">", f'><title id="treasury-title">{escaped}</title>', 1)
