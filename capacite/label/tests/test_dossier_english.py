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


# Tell-tale French words of the builders' own texts (headings, captions, column headers, fact
# labels, « À compléter » notes, charts): none is part of their English, nor of what the demo
# Cités typed in those places.
OWN_FRENCH = [
    "À compléter", "À rédiger", "aucun", "aucune", "par semaine", "Budget, scénario",
    "Positions", "Carte des acteurs", "Alliés", "Hésitants", "Inconnus", "Local retenu",
    "Local pressenti", "Desserte", "Plateau ouvert", "Loyer", "adéquation", "pour un besoin",
    "Surfaces", "Horaires", "Instances", "Ressources", "Apport", "ETP", "Fiches de poste",
    "Titulaires", "Forme retenue", "Raisons du choix", "Délibérations", "Charges", "Produits",
    "Montants", "trésorerie", "Valeur pour", "Levier", "Lettres", "Séances", "Écarts",
    "Explication", "Mesure corrective", "chiffres clés", "Structure juridique", "Période",
    "Résultat", "Composition", "Personnels", "Lignes de financement", "Actes", "Tâches",
    "Partenaires", "Partenaire", "Fonction", "Pôle", "Pôles", "Champ", "Publics", "Acteurs",
    "Thème", "Jour", "Mois", "Compte", "Intitulé", "Échéance", "Ordre du jour", "Lieu",
    "Espace", "Nom", "Objet", "Année", "Fichier", "Financeur", "Statut", "État",
]
# The builders' own words among the figures (cells, fact values, attachments' titles): the demo
# Cités typed none of them there. The Cerfa 12156 table keeps the form's official French lines,
# as on the budget screen.
OWN_VALUES = [
    "à pourvoir", "non déposé", "joint", "non signé", "non mesuré", "à expliquer", "à définir",
    "à mesurer", "à décider", "en cours", "aucun", "oui", "non", "fermé", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "par semaine",
    "remplacé par", "s'est retiré", "apport prévu", "ETP", "atelier", "sur 3 ans",
    "Lettre d'intention —", "Acte d'engagement —", "Plan d'aménagement —",
    "début au plus tard",
]


def _words(words: list[str]):
    import re

    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _typed(b) -> list[str]:
    """What the Cité typed that a dossier prints as paragraphs or values: narratives, analyses,
    notes, pilot actions, the gaps' explanations and measures, the authority's opinion and the
    answer."""
    texts = [t.text for t in b.texts.values()]
    texts += [t.narrative for t in b.diagnosis["themes"]]
    if b.premises.chosen is not None:
        texts.append(b.premises.chosen.notes)
    for a in getattr(b, "experiments", []):
        texts += [a.description, a.result, a.kept, a.publics, a.partners]
    for r in getattr(b, "rows", []):
        texts += [r.answer.explanation, r.answer.measure]
    for o in getattr(b, "opinions", []):
        texts += [o.opinion, o.answer]
    return [" ".join(t.split()) for t in texts if t]


def _french_left(b, blocks) -> list[str]:
    own, values = _words(OWN_FRENCH), _words(OWN_VALUES)
    typed = _typed(b)
    left = []

    def check(pattern, where, text):
        if pattern.search(text) and " ".join(text.split()) not in typed:
            left.append(f"{where}: {text!r}")

    for block in blocks:
        kind = block.type
        if kind == "heading" and not block.anchor.startswith(("action-",)):
            check(own, "heading", block.text)
        elif kind in ("para", "missing"):
            if not any(" ".join(block.text.split()) in t for t in typed):
                check(own, kind, block.text)
                check(values, kind, block.text)
        elif kind == "facts":
            for label, value in block.pairs:
                check(own, "fact", label)
                check(values, "fact value", value)
        elif kind == "table":
            check(own, "caption", block.caption)
            for header in block.headers:
                check(own, "header", header)
            if block.caption.startswith("Projected budget (Cerfa 12156 layout)"):
                continue
            for row in (*block.rows, *([block.total] if block.total else [])):
                for cell in row:
                    check(values, "cell", cell)
        elif kind == "chart":
            check(own, "chart", block.caption)
        elif kind == "bullets":  # the workshops' proposals and the signage, as typed
            for item in block.items:
                check(_words(["(atelier «"]), "bullet", item)
        elif kind == "attachment":
            check(values, "attachment", block.title)
    return left


def test_the_demo_dossiers_in_english_print_none_of_their_own_words_in_french():
    from datetime import date

    from django_scopes import scope

    from capacite.core.demo import build_demo
    from capacite.core.models import Cite
    from capacite.label.dossier.content import builder_for

    build_demo(password="demo", today=date(2026, 11, 25))
    found = {}
    for slug, kind in (("rivemont", "label_projet"), ("valombre", "label_fonctionnement")):
        cite = Cite.objects.get(slug=slug)
        with scope(cite=cite), translation.override("en"):
            b = builder_for(cite, kind)
            blocks = b.compose().blocks
        left = _french_left(b, blocks)
        assert left == [], "\n".join(left)
        found[kind] = blocks

    def facts(blocks) -> dict[str, str]:
        return {k: v for b in blocks if b.type == "facts" for k, v in b.pairs}

    def texts(blocks) -> list[str]:
        return [b.text for b in blocks if b.type in ("para", "missing")]

    def table(blocks, caption: str):
        return next(b for b in blocks if b.type == "table" and b.caption == caption)

    projet = found["label_projet"]
    assert facts(projet)["Floor area"] == "640 m² for a need of 598 m²"
    assert facts(projet)["Of which funding still being sought, not secured (risk)"] == \
        "€120,000 over 3 years"
    assert facts(projet)["Still to be funded (projected shortfall)"] == "none, balanced budget"
    assert ("Over the first 36 months, the cash balance stays positive at the end of every "
            "month. A necessary condition for a GIP, which may not run any deficit."
            in texts(projet))
    hours = table(projet, "Cité des métiers de Rivemont — site principal — 35\u00a0h per week")
    assert hours.headers == ("Day", "Opening hours")
    assert [day for day, _h in hours.rows] == ["Tuesday", "Wednesday", "Thursday", "Friday",
                                               "Saturday"]
    assert table(projet, "Partner coverage: fields of activity × audiences").headers == (
        "Field", "Audiences covered", "Audiences with no stakeholder", "Stakeholders")
    jobs = table(projet, "Job descriptions")
    assert jobs.headers == ("Post", "Function", "FTE", "Employer", "Post holders")
    assert jobs.rows[0][3:] == ("the Cité", "vacant")
    assert ("Un plateau de 600 m² en centre-ville, près du tramway. (“Locaux et aménagement” "
            "workshop)",) in [b.items for b in projet if b.type == "bullets"]

    fonctionnement = found["label_fonctionnement"]
    gaps = table(fonctionnement, "Gaps found (5)")
    assert [row[0] for row in gaps.rows] == [
        "Advice desk “Créer son activité”: Métropole de Valombre replaced by Chambre de "
        "métiers et de l'artisanat de Valombre",
        "Cité des métiers de Valombre — site principal: 40 h → 38 h per week",
        "Afpa de Valombre has withdrawn (planned contribution: 0.4 FTE)",
        "Team FTE: 10.96 → 10.46",
        "Operating budget: €431,000 → €409,000 (−5%)",
    ]
    assert [v for b in fonctionnement if b.type == "facts" for k, v in b.pairs
            if k == "Period"] == ["28/07/2026 (ongoing)", "09/05/2026 to 26/10/2026"]
    assert "The plan “Plan d'aménagement - Maison de l'emploi.pdf” is reproduced at the end " \
           "of the dossier." in texts(fonctionnement)
