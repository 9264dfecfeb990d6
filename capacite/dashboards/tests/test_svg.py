"""The hand-written bar chart keeps every category label whole: a long one is wrapped on
several lines (tspans), never cut with « … » (issue 16: « CA de Sophia Anti… » in the dossier)."""

import lxml.etree

from capacite.dashboards import svg
from capacite.lib.small_groups import Count

SVG = "{http://www.w3.org/2000/svg}"
LABELS = ["CA de Sophia Antipolis", "Hors territoire ou non renseigné",
          "Chambre de métiers et de l'artisanat de Valombre", "Nice",
          "Saint-Aubin-sur-Valombre-la-Forêt-Haute"]


def _chart(labels):
    drawn = svg.bars(labels, [Count(40 + i) for i in range(len(labels))],
                     [Count(20 + i) for i in range(len(labels))], title="Passages par EPCI",
                     chart_id="t")
    return lxml.etree.fromstring(drawn.encode())


def test_each_label_is_written_whole_on_lines_of_at_most_18_characters():
    root = _chart(LABELS)
    texts = [t for t in root.iter(f"{SVG}text") if t.get("transform")]
    lines = [[span.text for span in t.iter(f"{SVG}tspan")] for t in texts]
    assert lines == [
        ["CA de Sophia", "Antipolis"],
        ["Hors territoire ou", "non renseigné"],
        ["Chambre de métiers", "et de l'artisanat", "de Valombre"],
        ["Nice"],
        ["Saint-Aubin-sur-", "Valombre-la-Forêt-", "Haute"],
    ]
    assert [" ".join(x).replace("- ", "-") for x in lines] == LABELS
    assert "…" not in lxml.etree.tostring(root, encoding="unicode")
    # Each further line one line height lower, from the same x.
    third = list(texts[2].iter(f"{SVG}tspan"))
    assert [(s.get("x"), s.get("dy")) for s in third] == [(texts[2].get("x"), "0"),
                                                         (texts[2].get("x"), "12"),
                                                         (texts[2].get("x"), "12")]


def test_the_chart_grows_downwards_to_hold_its_longest_label():
    assert _chart(["Nice", "Antibes"]).get("height") == "260"
    # The line reaching lowest is « Valombre-la-Forêt- », second of its label: 170 + 12 +
    # 12 × cos 35° + 18 × 6 × sin 35° + 12 = 265.8, rounded up.
    tall = _chart(LABELS)
    assert tall.get("height") == "266"
    assert tall.get("viewBox") == f"0 0 {tall.get('width')} 266"
