"""The dossiers generated from the demo data, read back as text (pdftotext) and as DOCX."""

import io
import re
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from capacite.core.demo import build_demo
from capacite.core.models import Cite
from capacite.label.domain.parts import ANNEXES_TITLE, LABEL_PARTS, PRESENTATION
from capacite.label.dossier.generate import generate
from capacite.review.models import Submission
from capacite.testing_files import assert_accessible_pdf, docx_facts, pdf_page_sizes

HEADINGS = [f"1. {PRESENTATION.title}",
            *[f"1.{i} {p.title}" for i, p in enumerate(LABEL_PARTS, start=1)],
            f"2. {ANNEXES_TITLE}"]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.django_db
def test_the_demo_label_projet_dossier_has_the_nine_parts_in_order_in_pdf_and_docx(tmp_path):
    from docx import Document

    build_demo(password="demo", today=date(2026, 11, 25))
    pdf = tmp_path / "dossier.pdf"
    call_command("dossier", cite="rivemont", kind="label_projet", fmt="pdf", out=pdf)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                           text=True).stdout.split("\f")
    text = _flat(" ".join(pages))
    toc = _flat(pages[1])
    toc = toc[toc.index("Sommaire"):]
    assert [toc.find(_flat(h)) for h in HEADINGS] == sorted(toc.find(_flat(h)) for h in HEADINGS)
    body = _flat(" ".join(pages[2:]))  # past the cover and the table of contents
    positions = [body.find(_flat(h)) for h in HEADINGS]
    assert -1 not in positions, [h for h, p in zip(HEADINGS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert "Les lettres de déclaration d'intention des partenaires" in text
    assert "Le plan prévisionnel d'aménagement des locaux" in text
    assert "À rédiger" not in text  # the demo's prose is complete
    # Every source has demo data, the territory's real communes included (issue 17).
    assert "À compléter" not in text
    assert "Communes 38" in text
    for figure in ("640 m² pour un besoin de 598 m²", "12 / 12 points",  # premises, scored
                   "Le scénario retenu : « Intermédiaire »", "Total des charges",  # budget
                   "475 600 €", "Montants arrondis à l'euro",
                   "Organigramme prévisionnel", "ETP par fonction",  # team
                   "Programme événementiel envisagé", "Le diagnostic territorial"):
        assert figure in text, figure
    # The fitting-out plan is appended last ("\f" ends the last page, hence -2), as the
    # dossier's own page: counted, headed, landscape like the plan, in the table of contents.
    assert "Plan prévisionnel d'aménagement — Ancienne halle aux grains" in pages[-2]
    content = pdf.read_bytes()
    assert content[:8] == b"%PDF-1.7"  # pypdf, appending the plan, kept WeasyPrint's version
    info = assert_accessible_pdf(content, title="Dossier de demande de label projet — "
                                                "Cité des métiers de Rivemont", language="fr-FR")
    count = int(info["Pages"])
    last = _flat(pages[-2])
    assert f"Page {count} / {count}" in last
    assert last.startswith("Dossier de demande de label projet Plan d'aménagement — "
                           "Ancienne halle aux grains")
    assert pdf_page_sizes(content)[-1] == "841.89 x 595.276 pts (A4)"
    assert re.search(rf"Plan d'aménagement — Ancienne halle aux grains[ .]+{count} Cité", toc)
    with scopes_disabled():  # the archived dossier of the open Cité's demo is tagged too
        archived = Submission.objects.get(cite__slug="valombre").file.read()
    assert_accessible_pdf(archived, title="Dossier de demande de label projet (archive)")

    docx = tmp_path / "dossier.docx"
    call_command("dossier", cite="rivemont", kind="label_projet", fmt="docx", out=docx)
    document = Document(io.BytesIO(docx.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1",
                                                                        "Heading 2")]
    assert [h for h in headings if h in HEADINGS] == HEADINGS
    assert document.tables  # real tables, not text
    facts = docx_facts(docx.read_bytes())
    assert set(facts["page_sizes"]) == {(11906, 16838)}  # A4 portrait, every section
    assert facts["default_language"] == ["fr-FR"] and facts["style_languages"] == ["fr-FR"]
    assert facts["core"]["title"] == ("Dossier de demande de label projet — "
                                      "Cité des métiers de Rivemont")
    assert facts["core"]["subject"] == "Cité des métiers de Rivemont"
    assert (facts["core"]["creator"], facts["core"]["language"]) == ("capacite", "fr-FR")
    assert facts["core"]["created"].startswith(f"{date.today():%Y}")
    # The table of contents is written out: one line per heading, linked to it.
    toc_lines = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert [line.strip() for line in toc_lines] == headings
    # Word cannot hold the PDF pieces' pages: its end names them instead of promising them.
    assert headings[-1] == "Pièces jointes en PDF"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Plan d'aménagement — Ancienne halle aux grains" in bullets
    assert facts["update_fields"]
    # No word is cut: each column is at least as wide as its longest word.
    from capacite.lib.word import CELL_PADDING_PT, text_points

    for table in document.tables:
        size = table.rows[0].cells[0].paragraphs[0].runs[0].font.size.pt  # 9 pt, less if wide
        for column in table.columns:
            longest = max(text_points(word, bold=row == 0, size=size)
                          for row, cell in enumerate(column.cells) for word in cell.text.split())
            twip = 635  # Word stores widths in twips: up to one is lost in rounding
            assert column.width >= (longest + CELL_PADDING_PT) * 12700 - twip, \
                column.cells[0].text


def _letter_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Lettre de la Région Alpha</p>").write_pdf()


@pytest.mark.django_db
def test_a_partners_pdf_letter_is_appended_after_the_dossier(world, tmp_path):
    from capacite.partners.models import Commitment, Organisation

    cite = world.cite
    with scope(cite=cite):
        before = generate(cite, kind="opportunity", fmt="pdf")
    assert_accessible_pdf(before.content, title="Note d'opportunité — Cité des métiers d'Alpha",
                          language="fr-FR")
    with scope(cite=cite):
        region = Organisation.objects.create(cite=cite, name="Région Alpha", kind="first_circle")
        letter = Commitment(cite=cite, organisation=region, kind="letter_of_intent",
                            status="received", dated=date(2026, 10, 1),
                            filename="lettre-region.pdf")
        letter.file.save("lettre.pdf", ContentFile(_letter_pdf()), save=True)
        after = generate(cite, kind="label_projet", fmt="pdf")
    assert before.pages and after.pages
    out = tmp_path / "d.pdf"
    out.write_bytes(after.content)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True,
                          text=True).stdout
    last_page = text.split("\f")[after.pages - 1]
    assert after.unreadable == ()
    assert "Lettre de la Région Alpha" in last_page
    assert f"Page {after.pages} / {after.pages}" in last_page  # counted, not « / 21 »
    assert "Lettre d'intention — Région Alpha" in last_page  # headed with the file's title
    assert "lettre-region.pdf" in text  # listed in the annex table
    flat = " ".join(text.split())
    # One letter: singular (ngettext), not « 1 lettre(s) reçue(s) ».
    assert "1 lettre d'intention reçue de partenaires ; la liste figure en annexe." in flat
    assert "1 lettre au format PDF est reproduite à la fin du dossier" in flat
    assert Cite.objects.count() == 2


@pytest.mark.django_db
def test_an_unknown_cite_is_refused_in_french_and_nothing_is_written(world, tmp_path):
    from django.core.management.base import CommandError

    expected = "Aucune Cité « nulle-part ». Cités connues : alpha, beta."
    with pytest.raises(CommandError, match=expected):
        call_command("dossier", cite="nulle-part", kind="label_projet", fmt="pdf",
                     out=tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.django_db
def test_a_changed_budget_line_gives_the_same_new_total_in_the_dossier_and_the_comparison(
        client, tmp_path):
    """The done-when of issue 7: the dossier and the comparison page read the same function."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from capacite.lib.money import format_money
    from capacite.planning.domain.money import to_euros
    from capacite.planning.models import ChargeLine
    from capacite.planning.services import chosen_comparison_row

    build_demo(password="demo", today=date(2026, 11, 25))
    cite = Cite.objects.get(slug="rivemont")
    with scope(cite=cite):
        before = chosen_comparison_row(cite)["operating_charges"]
        rent = ChargeLine.objects.get(scenario__chosen=True, account="613")
        old_rent = rent.annual_amount
    client.force_login(get_user_model().objects.get(username="porteur"))
    response = client.post(
        reverse("planning:charge_edit", kwargs={"cite_slug": "rivemont", "charge_id": rent.pk}),
        {"account": "613", "label": rent.label, "annual_amount": "49234.56",
         "version": rent.version})
    assert response.status_code == 302
    with scope(cite=cite):
        rent.refresh_from_db()
    assert rent.annual_amount == Decimal("49234.56")
    # The budget rounds each line once, to the euro: 49 234,56 € counts as 49 235 €.
    total = format_money(to_euros(before - old_rent + Decimal("49234.56")), "fr")
    assert total == "488 835\u00a0€".replace(" ", "\u202f")

    pdf = tmp_path / "dossier.pdf"
    # The dearer rent pushes the GIP's treasury under zero: the pre-flight says so, and this
    # test generates anyway to compare the figures.
    call_command("dossier", cite="rivemont", kind="label_projet", fmt="pdf", out=pdf,
                 anyway=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    page = client.get(reverse("planning:comparison", kwargs={"cite_slug": "rivemont"}))
    html = page.content.decode()

    def charges_row(html: str) -> str:
        row = html[html.index('data-key="operating_charges"'):]
        return row[:row.index("</tr>")]

    assert total in charges_row(html)
    # pdftotext writes the narrow no-break spaces as plain spaces: compare words.
    # The dossier prints its money in whole euros (issue 17).
    assert _flat("488 835 €") in _flat(text)  # the scenario's charges and the Cerfa total
    assert format_money(before, "fr") not in charges_row(html)
