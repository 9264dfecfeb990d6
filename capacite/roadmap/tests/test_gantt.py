"""The rétro-planning's Gantt (`lib/charts.gantt_svg`): every bar where its dates put it, the
phases as headings, labels wrapped whole, the months above and below, today's line, the day
each done task was done, a legend."""

import xml.etree.ElementTree as ET
from datetime import date

from capacite.lib.charts import GanttRow, gantt_svg

SVG = "{http://www.w3.org/2000/svg}"
LONG = "Un intitulé assez long pour passer sur deux lignes dans la colonne des tâches"
ROWS = [
    GanttRow("Cadrer la mission", date(2027, 1, 10), date(2027, 1, 20), "done", "Émergence",
             done_on=date(2027, 1, 18), due=date(2027, 1, 20)),
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
    assert svg.attrib["viewBox"] == "0 0 1000 222"
    assert svg.find(f"{SVG}title").text == "Rétro-planning vers « Dépôt »"
    assert svg.find(f"{SVG}desc").text == "3 tâches rangées par phase."


def test_each_task_has_one_bar_from_its_start_to_its_end_in_its_state_colour():
    bars = [(r.attrib["x"], r.attrib["y"], r.attrib["width"], r.attrib["fill"],
             r.find(f"{SVG}title").text)
            for r in chart().iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert bars == [
        # A done task's planned dates in outline; the day it was done follows them.
        ("377.5", "75", "75", "#c3fad5",
         "Cadrer la mission : 10/01/2027 – 20/01/2027 ; faite le 18/01/2027"),
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
              for text in g.findall(f"{SVG}text")]
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


def done_markers(svg: ET.Element) -> list[tuple]:
    return [(g.find(f"{SVG}path").attrib["d"], g.find(f"{SVG}path").attrib["fill"],
             g.find(f"{SVG}path").find(f"{SVG}title").text, g.find(f"{SVG}text").attrib["x"],
             g.find(f"{SVG}text").attrib["text-anchor"], g.find(f"{SVG}text").text)
            for g in svg.iter(f"{SVG}g") if g.attrib.get("class") == "gantt-done"]


def test_a_done_task_has_a_green_diamond_on_the_day_it_was_done_with_the_date_beside_it():
    # 18 January 2027: 17 days after the 1st, 310 + 17 × 7.5 = 437.5; its row's middle is 81.
    assert done_markers(chart()) == [
        ("M437.5 74l7 7l-7 7l-7 -7z", "#18753c", "Cadrer la mission : faite le 18/01/2027",
         "446.5", "start", "faite le 18/01/2027"),
    ]


def test_a_task_done_after_its_due_date_has_a_red_diamond_and_its_due_date_in_the_title():
    rows = [GanttRow("Signer la convention", date(2027, 1, 1), date(2027, 1, 31), "done",
                     done_on=date(2027, 3, 25), done_late=True, due=date(2027, 1, 31))]
    svg = ET.fromstring(gantt_svg(rows, today=date(2027, 3, 28), target_date=date(2027, 3, 1),
                                  title="Rétro-planning", words={"done_late": "done late on"}))
    # January to March, 90 days: 25 March is 83 days in, 310 + 83 × 7.5 = 932.5; the date is
    # written left of the diamond, it would run past the right edge.
    assert done_markers(svg) == [
        ("M932.5 48l7 7l-7 7l-7 -7z", "#ce0500",
         "Signer la convention : done late on 25/03/2027 (échéance 31/01/2027)",
         "923.5", "end", "done late on 25/03/2027"),
    ]


def test_the_legend_under_the_plot_says_what_colours_and_diamonds_mean():
    svg = chart()
    legend = next(g for g in svg.iter(f"{SVG}g") if g.attrib.get("class") == "gantt-legend")
    assert [(t.attrib["x"], t.attrib["y"], t.text) for t in legend.iter(f"{SVG}text")] == [
        ("30", "212", "à venir"), ("114.1", "212", "en retard ou début au plus tard dépassé"),
        ("399.8", "212", "dates prévues d'une tâche faite"),
        ("635.1", "212", "jour où elle a été faite"),
        ("826.3", "212", "faite après son échéance"),
    ]


def test_todays_label_climbs_a_line_when_the_target_date_is_close():
    svg = ET.fromstring(gantt_svg(ROWS, today=date(2027, 3, 15), target_date=date(2027, 3, 20),
                                  title="Rétro-planning"))
    labels = [(t.attrib["x"], t.attrib["y"], t.text) for t in svg.findall(f"{SVG}text")
              if t.text and t.text.startswith(("aujourd'hui", "date visée"))]
    assert labels == [("854.5", "26", "aujourd'hui 15/03/2027"),
                      ("892", "40", "date visée 20/03/2027")]
