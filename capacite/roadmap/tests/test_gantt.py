"""The rétro-planning's Gantt (`lib/charts.gantt_svg`): every bar where its dates put it, the
phases as headings, labels wrapped whole, the months above and below, today's line."""

import xml.etree.ElementTree as ET
from datetime import date

from capacite.lib.charts import GanttRow, gantt_svg

SVG = "{http://www.w3.org/2000/svg}"
LONG = "Un intitulé assez long pour passer sur deux lignes dans la colonne des tâches"
ROWS = [
    GanttRow("Cadrer la mission", date(2027, 1, 10), date(2027, 1, 20), "done", "Émergence"),
    GanttRow(LONG, date(2027, 1, 20), date(2027, 2, 15), "late", "Émergence"),
    GanttRow("Déposer le dossier", date(2027, 2, 15), date(2027, 3, 20), "planned",
             "Construction"),
]


def chart() -> ET.Element:
    # January to March 2027: 90 days over the plot's 675 units, 7.5 a day from x = 310.
    return ET.fromstring(gantt_svg(ROWS, today=date(2027, 1, 25), target_date=date(2027, 3, 20),
                                   title="Rétro-planning vers « Dépôt »",
                                   description="3 tâches rangées par phase."))


def test_the_chart_is_an_image_with_its_title_and_description():
    svg = chart()
    assert svg.attrib["role"] == "img"
    assert svg.attrib["aria-labelledby"] == "gantt-title gantt-desc"
    assert svg.attrib["viewBox"] == "0 0 1000 200"
    assert svg.find(f"{SVG}title").text == "Rétro-planning vers « Dépôt »"
    assert svg.find(f"{SVG}desc").text == "3 tâches rangées par phase."


def test_each_task_has_one_bar_from_its_start_to_its_end_in_its_state_colour():
    bars = [(r.attrib["x"], r.attrib["y"], r.attrib["width"], r.attrib["fill"],
             r.find(f"{SVG}title").text)
            for r in chart().iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert bars == [
        ("377.5", "75", "75", "#18753c", "Cadrer la mission : 10/01/2027 – 20/01/2027"),
        ("452.5", "103", "195", "#ce0500", f"{LONG} : 20/01/2027 – 15/02/2027"),
        ("647.5", "157", "247.5", "#000091", "Déposer le dossier : 15/02/2027 – 20/03/2027"),
    ]


def test_tasks_sit_under_their_phase_heading():
    headings = [(g.find(f"{SVG}text").attrib["y"], g.find(f"{SVG}text").text)
                for g in chart().iter(f"{SVG}g") if g.attrib.get("class") == "gantt-group"]
    assert headings == [("61", "Émergence"), ("143", "Construction")]


def test_a_long_label_wraps_whole_instead_of_being_cut():
    labels = [[t.text for t in text.iter(f"{SVG}tspan")]
              for g in chart().iter(f"{SVG}g") if g.attrib.get("class") == "gantt-row"
              for text in g.iter(f"{SVG}text")]
    assert labels == [
        ["Cadrer la mission"],
        ["Un intitulé assez long pour passer sur deux", "lignes dans la colonne des tâches"],
        ["Déposer le dossier"],
    ]


def test_the_months_are_written_above_and_below_the_plot():
    months = [(t.attrib["x"], t.attrib["y"], t.text) for t in chart().findall(f"{SVG}text")
              if t.attrib["y"] in ("14", "190")]
    assert months == [
        ("310", "14", "janv. 2027"), ("310", "190", "janv. 2027"),
        ("542.5", "14", "févr. 2027"), ("542.5", "190", "févr. 2027"),
        ("752.5", "14", "mars 2027"), ("752.5", "190", "mars 2027"),
    ]


def test_a_dashed_line_marks_today_and_a_solid_one_the_target_date():
    svg = chart()
    lines = [(line.attrib["x1"], line.attrib["y1"], line.attrib["y2"],
              line.attrib.get("stroke-dasharray")) for line in svg.findall(f"{SVG}line")
             if line.attrib["stroke"] == "#3a3a3a"]
    assert lines == [("490", "32", "174", "4 3"), ("895", "32", "174", None)]
    labels = [(t.attrib["x"], t.attrib["text-anchor"], t.text) for t in svg.findall(f"{SVG}text")
              if t.attrib["y"] == "40"]
    # Both labels end at their line: the target's would run past the right edge otherwise.
    assert labels == [("487", "end", "aujourd'hui 25/01/2027"),
                      ("892", "end", "date visée 20/03/2027")]
