"""The hand-written bar chart keeps every category label whole: named categories are drawn as
horizontal bars whose label column is as wide as its longest line, a long label wrapped on
several lines (tspans), never cut with « … » (issue 16: « CA de Sophia Anti… » in the dossier).
Short labels (months, days) stay under vertical bars."""

import lxml.etree

from capacite.dashboards import svg
from capacite.lib.small_groups import Count, Mask

SVG = "{http://www.w3.org/2000/svg}"
LABELS = ["CA de Sophia Antipolis", "Hors territoire ou non renseigné",
          "Chambre de métiers et de l'artisanat de Valombre", "Nice",
          "Saint-Aubin-sur-Valombre-la-Forêt-Haute-Provence"]


def _chart(labels, previous=True):
    drawn = svg.bars(labels, [Count(40 + i) for i in range(len(labels))],
                     [Count(20 + i) for i in range(len(labels))] if previous else None,
                     title="Passages par EPCI", chart_id="t")
    return lxml.etree.fromstring(drawn.encode())


def _labels(root):
    return [[span.text for span in text.iter(f"{SVG}tspan")]
            for text in root.iter(f"{SVG}text") if list(text.iter(f"{SVG}tspan"))]


def test_each_label_is_written_whole_on_lines_of_at_most_28_characters():
    root = _chart(LABELS)
    lines = _labels(root)
    assert lines == [
        ["CA de Sophia Antipolis"],
        ["Hors territoire ou non", "renseigné"],
        ["Chambre de métiers et de", "l'artisanat de Valombre"],
        ["Nice"],
        ["Saint-Aubin-sur-Valombre-la-", "Forêt-Haute-Provence"],
    ]
    assert ["".join(x) if x[0].endswith("-") else " ".join(x) for x in lines] == LABELS
    assert "…" not in lxml.etree.tostring(root, encoding="unicode")
    # The lines of one label start from the same x, one line height apart.
    text = [t for t in root.iter(f"{SVG}text") if len(list(t.iter(f"{SVG}tspan"))) == 2][0]
    assert [(s.get("x"), s.get("dy")) for s in text.iter(f"{SVG}tspan")] == [
        (text.get("x"), "0"), (text.get("x"), "12")]


def test_the_label_column_is_as_wide_as_the_longest_line_and_rows_grow_with_their_lines():
    root = _chart(LABELS)
    axis = root.find(f"{SVG}line")
    # « Saint-Aubin-sur-Valombre-la- », 28 characters of 6 px, and 10 px of margin.
    assert axis.get("x1") == axis.get("x2") == "178"
    assert [r.get("x") for r in root.iter(f"{SVG}rect")] == ["178"] * 10
    # Rows: 23 px for a one-line label (two bars of 11 px and a 2 px gap), 24 px for two
    # lines, each followed by 8 px; the chart starts 8 px down.
    assert root.get("height") == str(8 + 3 * 24 + 2 * 24 + 5 * 8)
    assert root.get("width") == str(178 + 300 + 50)
    # Each bar is followed by its figure; the longest is the plot's width.
    assert max(int(r.get("width")) for r in root.iter(f"{SVG}rect")) == 300


def test_months_and_days_stay_under_vertical_bars_and_a_first_year_has_one_bar_each():
    root = _chart(["janv.", "févr.", "mars"], previous=False)
    assert root.find(f"{SVG}line").get("y1") == root.find(f"{SVG}line").get("y2") == "170"
    assert [t.text for t in root.iter(f"{SVG}text")][1:] == ["janv.", "févr.", "mars"]
    assert len(list(root.iter(f"{SVG}rect"))) == 3


def test_a_masked_count_is_an_outlined_bar_with_its_masked_figure():
    drawn = svg.bars(["CA de Sophia Antipolis", "Hors territoire ou non renseigné"],
                     [Count(40), Count(4, Mask.SMALL)], None, title="t",
                     chart_id="t")
    root = lxml.etree.fromstring(drawn.encode())
    rects = list(root.iter(f"{SVG}rect"))
    assert [(r.get("width"), r.get("fill")) for r in rects] == [("300", "#000091"),
                                                                 ("12", "none")]
    assert [t.text for t in root.iter(f"{SVG}text") if not list(t)] == ["40", "< 11"]
