"""The demo's dossier de confirmation du label fonctionnement, read back as a reader reads it."""

import io
import subprocess
from datetime import date

import pytest
from django.core.management import call_command

from capacite.core.demo import build_demo
from capacite.label.domain.parts import ANNEXES_TITLE, CONFORMITY, FONCTIONNEMENT_PARTS

HEADINGS = [f"1. {CONFORMITY.title}", "2. Le fonctionnement de la Cité des métiers",
            *[f"2.{i} {p.title}" for i, p in enumerate(FONCTIONNEMENT_PARTS, start=1)],
            f"3. {ANNEXES_TITLE}"]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("\u2010", "").split())


@pytest.mark.django_db
def test_the_demo_label_fonctionnement_has_the_gaps_with_their_measures_and_the_nine_parts(
        tmp_path):
    from docx import Document

    build_demo(password="demo", today=date(2026, 11, 25))
    pdf = tmp_path / "fonctionnement.pdf"
    # Every part has its content — the dashboards and the quality approach from the activity
    # counted since the opening —: the pre-flight has nothing to report.
    from django_scopes import scope

    from capacite.core.models import Cite
    from capacite.label.preflight import preflight_of

    valombre = Cite.objects.get(slug="valombre")
    with scope(cite=valombre):
        found = preflight_of(valombre, "label_fonctionnement")
    assert [c.here for c in found] == []
    call_command("dossier", cite="valombre", kind="label_fonctionnement", fmt="pdf", out=pdf)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                           text=True).stdout.split("\f")[:-1]
    body = _flat(" ".join(pages[2:]))
    positions = [body.find(_flat(h)) for h in HEADINGS]
    assert -1 not in positions, [h for h, p in zip(HEADINGS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    for gap, measure in (
        ("Cité des métiers de Valombre — site principal : 40 h → 38 h par semaine",
         "Fermeture à 15 h le samedi"),
        ("Pôle « Créer son activité » : Métropole de Valombre remplacé par Chambre de métiers "
         "et de l'artisanat de Valombre", "Convention de pôle signée avec Chambre de métiers"),
        ("Afpa de Valombre s'est retiré (apport prévu : 0,4 ETP)",
         "repris par le Greta"),
        ("Budget de fonctionnement : 431 000 € → 409 000 € (−5 %)",
         "l'économie finance les actions"),
    ):
        assert _flat(gap) in body, gap
        assert _flat(measure) in body, measure
    assert "à définir" not in body  # every planted gap is answered
    # Every part has its content, the dashboards and the quality approach included.
    assert "À compléter" not in body
    assert "Passages dans le temps" in body and "Questionnaire de satisfaction" in body
    assert "Les jeudis de la reconversion" in body
    assert "Convention de financement" in body  # the PDF act, appended as the last page
    count = len(pages)
    assert [f"Page {n} / {count}" in p for n, p in enumerate(pages, start=1)][1:] == \
        [True] * (count - 1)  # the cover has no running lines; every other page is counted

    docx = tmp_path / "fonctionnement.docx"
    call_command("dossier", cite="valombre", kind="label_fonctionnement", fmt="docx", out=docx)
    document = Document(io.BytesIO(docx.read_bytes()))
    headings = [p.text for p in document.paragraphs
                if p.style.name in ("Heading 1", "Heading 2")]
    # Word cannot hold the signed acts' PDF pages: its end names them (issue 21).
    assert headings == [*HEADINGS[:-1], HEADINGS[-1], "3.1 Les actes d'engagement financier",
                        "3.2 L'avis de l'autorité de label sur le projet de dossier",
                        "Pièces jointes en PDF"]
