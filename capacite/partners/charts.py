"""The allies / hesitants / refusals count over time, as inline SVG.

Same style as `capacite/lib/charts.py`, whose `figure_to_svg` turns the figure into an inline,
accessible SVG: matplotlib imported inside the function, text kept as text, role="img" with a
<title>; the page shows the same data as a table.
"""

from capacite.lib.charts import figure_to_svg
from capacite.partners.domain.stances import StanceCount

# Success green, warning orange, error red of the French State design system (AA on white).
COLOURS = {"ally": "#18753c", "hesitant": "#b34000", "refusal": "#ce0500"}


def stance_chart_svg(counts: list[StanceCount], *, title: str,
                     labels: dict[str, str]) -> str:
    """Three step lines, one per stance, one point per date of `counts`.

    `labels` gives the legend text of "ally", "hesitant" and "refusal" (translated by the caller).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans",
                                "svg.hashsalt": "capacite"}):
        figure = Figure(figsize=(10, 3.8))
        axes = figure.add_subplot()
        days = [mdates.date2num(c.on) for c in counts]
        styles = {"ally": "-", "hesitant": "--", "refusal": ":"}
        for stance, colour in COLOURS.items():
            values = [getattr(c, stance) for c in counts]
            axes.plot(days, values, styles[stance], color=colour, linewidth=2, marker="o",
                      markersize=4, label=labels[stance])
        axes.set_ylim(bottom=0)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_xticks(days, [c.on.strftime("%m/%Y") for c in counts])
        axes.tick_params(axis="x", labelsize=8, rotation=45)
        axes.grid(axis="y", color="#dddddd", linewidth=0.5)
        axes.legend(loc="upper left", fontsize=9, frameon=False)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        return figure_to_svg(figure, title=title, title_id="stance-chart-title")
