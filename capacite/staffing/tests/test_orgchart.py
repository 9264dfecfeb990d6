"""The org chart grouped by organisation: its panels, its whole names, its text size in print."""

import io
import math
import re

from capacite.lib.svgtext import text_width, wrap
from capacite.staffing.domain.orgchart import (
    PAD,
    PANEL,
    PRINT_WIDTH_PT,
    WIDTH,
    Group,
    Post,
    org_chart_pages,
    org_chart_svg,
    widest_line,
)

LONG = "Marie-Alexandrine de La Tour d'Auvergne-Lauraguais"
GROUPS = [
    Group("Cité des métiers d'Alpha", (Post("Directrice", "", ("Claire Dubois",)),), own=True),
    Group("Chambre de métiers et de l'artisanat de Valombre",
          (Post("Conseiller·ère mis·e à disposition", "Directrice", ("Ana Martin",)),
           Post("Documentaliste", "Directrice"))),
    Group("Mission locale", (Post("Conseiller·ère mis·e à disposition", "Directrice",
                                  ("Bob Durand", LONG)),)),
]


def texts(svg: str) -> list[str]:
    return re.findall(r"<text [^>]*>([^<]*)</text>", svg)


def test_each_organisation_is_one_panel_with_its_people_whole():
    svg = org_chart_svg(GROUPS, title="Organigramme <test>")
    assert "<title>Organigramme &lt;test&gt;</title>" in svg
    assert svg.count("<rect") == 3  # one panel per organisation, nothing else
    assert texts(svg) == [
        "Cité des métiers d&#x27;Alpha", "1 personne",
        "Directrice", "Claire Dubois",
        "Chambre de métiers et", "de l&#x27;artisanat de", "Valombre", "1 personne",
        "Conseiller·ère mis·e à", "disposition", "rattaché à : Directrice", "Ana Martin",
        "Documentaliste", "rattaché à : Directrice", "poste à pourvoir",
        "Mission locale", "2 personnes",
        "Conseiller·ère mis·e à", "disposition", "rattaché à : Directrice", "Bob Durand",
        "Marie-Alexandrine de La", "Tour d&#x27;Auvergne-Lauraguais"]
    assert "…" not in svg  # nothing cut
    # The Cité's panel spans the width; the partners' sit side by side under it.
    assert re.findall(r'<rect x="(\d+)" y="0" width="(\d+)"', svg) == [
        ("8", "610"), ("8", "198"), ("214", "198")]
    assert re.findall(r'translate\(0 (\d+)\)', svg) == ["8", "112"]


def test_no_line_is_wider_than_its_panel_and_the_smallest_prints_at_9_pt_at_least():
    assert widest_line(GROUPS) <= PANEL - 2 * PAD
    svg = org_chart_svg(GROUPS, title="Organigramme")
    sizes = {int(s) for s in re.findall(r'font-size="(\d+)"', svg)}
    assert sizes == {12, 13, 14}
    assert f'width="{WIDTH}"' in svg and WIDTH == 626
    assert round(min(sizes) * PRINT_WIDTH_PT / WIDTH, 2) == 9.22
    # A word wider than the line breaks inside, with a hyphen, rather than running over.
    assert wrap("Anticonstitutionnellementissimes", 100, 12) == [
        "Anticonstitution-", "nellementissim-", "es"]
    assert all(text_width(line, 12) <= 100 for line in wrap(LONG * 3, 100, 12))


def test_a_chart_taller_than_a_page_is_cut_between_rows_for_the_dossier():
    people = [tuple(f"P{i}-{k}" for k in range(8)) for i in range(9)]
    many = [GROUPS[0]] + [Group(f"Partenaire {i:02}", (Post("Conseil", "Directrice", names),))
                          for i, names in enumerate(people)]
    pages = org_chart_pages(many, title="Organigramme", max_height=600)
    heights = [int(re.search(r'height="(\d+)"', page).group(1)) for page in pages]
    # The Cité and two rows of three partners (8 + 104 + 8 + 208 + 8 + 208 + 8), then the last.
    assert [page.count("<rect") for page in pages] == [7, 3]
    assert heights == [544, 224]
    assert sorted(t for page in pages for t in texts(page) if t.startswith("Partenaire")) == [
        f"Partenaire {i:02}" for i in range(9)]


def test_the_dossier_pdf_prints_the_org_chart_at_9_pt_or_more():
    from pypdf import PdfReader

    from capacite.label.dossier.blocks import Chart, Dossier, Heading
    from capacite.label.dossier.render_pdf import render_pdf

    dossier = Dossier("label_projet", "Dossier", "Cité des métiers d'Alpha", "Alpha",
                      "01/03/2027", language="fr-FR")
    dossier.add(Heading(1, "Équipe", "equipe"),
                *(Chart(svg, "Organigramme") for svg in org_chart_pages(GROUPS,
                                                                         title="Organigramme")))
    reader = PdfReader(io.BytesIO(render_pdf(dossier).content))
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):  # the size as printed: the font's, times the scale
        vertical = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        if text.strip():
            sizes[text.strip()] = round(size * vertical, 2)

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    chart = {t: s for t, s in sizes.items() if t in {"Claire Dubois", "Bob Durand",
                                                     "Mission locale", "Directrice",
                                                     "rattaché à : Directrice", "2 personnes"}}
    assert chart == {"Claire Dubois": 9.22, "Bob Durand": 9.22, "2 personnes": 9.22,
                     "rattaché à : Directrice": 9.22, "Directrice": 9.99,
                     "Mission locale": 10.76}
