"""A dossier generated in English: its headings are English and the PDF and DOCX say so."""

import io
import subprocess

import pytest
from django.core.management import call_command
from django.utils import translation

from capacite.label.domain.parts import LABEL_PARTS
from capacite.testing_files import assert_accessible_pdf, docx_facts

pytestmark = pytest.mark.django_db


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


ENGLISH = [
    "1. Presentation of the host organisation and of how the project emerged",
    "1.1 The project’s partnership dynamic",
    "1.3 The premises",
    "1.6 Human resources",
    "1.9 The work stages towards the operation label",
    "2. Annexes",
]


def test_the_label_projet_dossier_in_english_has_english_headings_and_declares_en_gb(
        world, tmp_path):
    from docx import Document

    pdf = tmp_path / "dossier.pdf"
    call_command("dossier", cite="alpha", kind="label_projet", fmt="pdf", out=pdf, lang="en",
                 anyway=True)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                           text=True).stdout.split("\f")
    assert _flat(pages[0]).startswith("Project label application Cité des métiers d'Alpha")
    toc = _flat(pages[1])
    # The running header (title, then the chapter: the contents) above the contents' heading.
    assert toc.startswith("Project label application Contents Contents 1. Presentation")
    body = _flat(" ".join(pages[2:]))
    for heading in ENGLISH:
        assert heading in toc and heading in body, heading
    assert "Sommaire" not in toc and "Les Ressources Humaines" not in body
    assert_accessible_pdf(pdf.read_bytes(), title="Project label application — "
                                                  "Cité des métiers d'Alpha", language="en-GB")

    docx = tmp_path / "dossier.docx"
    call_command("dossier", cite="alpha", kind="label_projet", fmt="docx", out=docx, lang="en",
                 anyway=True)
    document = Document(io.BytesIO(docx.read_bytes()))
    headings = [p.text for p in document.paragraphs
                if p.style.name in ("Heading 1", "Heading 2")]
    assert headings[:3] == ENGLISH[:2] + ["1.2 The area served and the planned territorial "
                                          "network (site, network of sites, associated "
                                          "centres, relay points)"]
    facts = docx_facts(docx.read_bytes())
    assert facts["default_language"] == ["en-GB"] and facts["style_languages"] == ["en-GB"]
    assert facts["core"]["language"] == "en-GB"
    assert facts["core"]["title"] == "Project label application — Cité des métiers d'Alpha"


def test_the_part_titles_stay_french_outside_an_english_dossier(world, tmp_path):
    with translation.override("en"):
        assert str(LABEL_PARTS[2].title) == "The premises"
    assert str(LABEL_PARTS[2].title) == "Les locaux"
    pdf = tmp_path / "note.pdf"
    call_command("dossier", cite="alpha", kind="opportunity", fmt="pdf", out=pdf, anyway=True)
    assert_accessible_pdf(pdf.read_bytes(), title="Note d'opportunité — Cité des métiers d'Alpha",
                          language="fr-FR")
