"""The narrative editor (concurrency, history), the declarations and the checklist page."""

import pytest
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Role
from capacite.label.models import Declaration, NarrativeText
from capacite.label.services import ensure_rows


@pytest.fixture
def lead(client, world):
    client.force_login(world.users[Role.PROJECT_LEAD])
    with scope(cite=world.cite):
        ensure_rows(world.cite)
    return client


def _narrative(world, key="context"):
    with scope(cite=world.cite):
        return NarrativeText.objects.get(key=key)


@pytest.mark.django_db
def test_two_people_editing_the_same_part_the_second_is_refused_and_keeps_the_text(lead,
                                                                                    world):
    narrative = _narrative(world)
    url = reverse("label:narrative_edit", kwargs={"cite_slug": "alpha",
                                                  "narrative_id": narrative.pk})
    first = lead.post(url, {"text": "Version de Camille.", "version": narrative.version})
    assert first.status_code == 302
    second = lead.post(url, {"text": "Version de Marc.", "version": narrative.version})
    assert second.status_code == 200
    content = second.content.decode()
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez." in content
    assert "Version de Marc." in content  # what the second person typed is still there
    saved = _narrative(world)
    assert saved.text == "Version de Camille."
    assert saved.version == narrative.version + 1
    assert [h.text for h in saved.history.all()] == ["Version de Camille."]


@pytest.mark.django_db
def test_the_preview_shows_what_is_missing_part_by_part(lead, world):
    narrative = _narrative(world, "premises")
    lead.post(reverse("label:narrative_edit", kwargs={"cite_slug": "alpha",
                                                      "narrative_id": narrative.pk}),
              {"text": "Un plateau de 600 m².", "version": narrative.version})
    page = lead.get(reverse("label:dossier", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "Un plateau de 600 m²." in page
    assert "aucun local retenu" in page  # no premises chosen in this Cité
    assert "à rédiger" in page
    assert "catalogue documentaire vide" in page  # this Cité has no documentation yet
    lead.cookies["django_language"] = "en"
    page = lead.get(reverse("label:dossier", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "no premises chosen" in page and "documentation catalogue empty" in page
    assert "aucun local retenu" not in page


@pytest.mark.django_db
def test_a_declaration_met_needs_evidence_then_turns_green(lead, world):
    with scope(cite=world.cite):
        declaration = Declaration.objects.get(key="no_appointment")
    url = reverse("label:declaration_edit", kwargs={"cite_slug": "alpha",
                                                    "declaration_id": declaration.pk})
    refused = lead.post(url, {"status": "met", "evidence": "", "link": "",
                              "version": declaration.version})
    assert "Dites ce qui montre que le principe est respecté" in refused.content.decode()
    lead.post(url, {"status": "met", "evidence": "Permanences sans rendez-vous.", "link": "",
                    "version": declaration.version})
    page = lead.get(reverse("label:checklist", kwargs={"cite_slug": "alpha"})).content.decode()
    row = page[page.index('id="critere-no_appointment"'):]
    row = row[:row.index("</tr>")]
    assert "rag-green" in row and "Permanences sans rendez-vous." in row
    assert '<span class="rag rag-green">Conforme</span>' in row


@pytest.mark.django_db
def test_the_criteria_statuses_titles_and_sources_read_in_english(lead, world):
    lead.cookies["django_language"] = "en"
    page = lead.get(reverse("label:checklist", kwargs={"cite_slug": "alpha"})).content.decode()
    row = page[page.index('id="critere-no_appointment"'):]
    row = row[:row.index("</tr>")]
    assert '<span class="rag rag-amber">To be completed</span>' in row
    assert '<th scope="row">No appointment needed <span class="muted">' in row
    assert "<caption>Label specifications</caption>" in page
    for french in ("À compléter</span>", "Non conforme</span>", "Cahier des charges du label",
                   "Fonctionnement sans rendez-vous"):
        assert french not in page


@pytest.mark.django_db
def test_generating_queues_a_dossier_job_whose_file_is_the_dossier(lead, world):
    from capacite.jobs.models import Job
    from capacite.jobs.testing import run_pending_jobs

    url = reverse("label:generate", kwargs={"cite_slug": "alpha"})
    # Alpha's dossier has contradictions (no territory, parts without content): the pre-flight
    # lists them on the dossier page and generating needs a deliberate choice.
    refused = lead.post(url, {"kind": "opportunity", "format": "docx"})
    assert refused["Location"] == "/c/alpha/label/dossier/#verification-opportunity"
    page = " ".join(lead.get(refused["Location"]).content.decode().split())
    assert "rien n&#x27;a été généré. Corrigez-les, ou cochez" in page
    assert ("<strong>Le territoire est nommé mais ses communes ne sont pas choisies</strong>"
            in page)
    with scope(cite=world.cite):
        assert not Job.objects.filter(kind="dossier").exists()
    response = lead.post(url, {"kind": "opportunity", "format": "docx", "anyway": "on"})
    with scope(cite=world.cite):
        job = Job.objects.get(kind="dossier")
    assert response["Location"] == job.get_absolute_url()
    assert job.params["kind"] == "opportunity" and job.params["format"] == "docx"
    assert job.params["lang"] == "fr"  # none chosen: the user's language
    run_pending_jobs()
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.result_name.startswith("note-opportunite-alpha-") and job.result_name.endswith(
        ".docx")
    assert len(job.result_sha256) == 64
    assert job.result_data["generated_anyway"] is True
    assert ("Le territoire est nommé mais ses communes ne sont pas choisies — Page de garde"
            in job.result_data["contradictions"][0])


@pytest.mark.django_db
def test_a_dossier_asked_in_english_is_generated_in_english(lead, world):
    from docx import Document

    from capacite.jobs.models import Job
    from capacite.jobs.testing import run_pending_jobs

    lead.post(reverse("label:generate", kwargs={"cite_slug": "alpha"}),
              {"kind": "opportunity", "format": "docx", "lang": "en", "anyway": "on"})
    with scope(cite=world.cite):
        job = Job.objects.get(kind="dossier")
    assert job.params["lang"] == "en"
    run_pending_jobs()
    job.refresh_from_db()
    assert job.result_data["lang"] == "en"
    document = Document(job.result_file.open("rb"))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "1. Context and assessment", "2. Map of stakeholders and their positions",
        "3. Political sponsorship and steering committee", "4. Premises being considered",
        "5. Why a Cité des métiers here", "6. Next steps"]
    page = lead.get(reverse("label:dossier", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "DOCX · en anglais" in page


@pytest.mark.django_db
def test_an_open_cite_generates_its_label_fonctionnement_dossier_as_a_pdf_job(lead, world,
                                                                              tmp_path):
    import subprocess
    from datetime import date

    from capacite.core.models import Cite
    from capacite.jobs.models import Job
    from capacite.jobs.testing import run_pending_jobs
    from capacite.label.domain.parts import FONCTIONNEMENT_PARTS

    url = reverse("label:generate", kwargs={"cite_slug": "alpha"})
    form = {"kind": "label_fonctionnement", "format": "pdf", "anyway": "on"}
    # Not open yet: the third dossier is not offered, and nothing is queued.
    assert lead.post(url, form)["Location"] == "/c/alpha/label/dossier/"
    Cite.objects.filter(pk=world.cite.pk).update(opened_on=date(2025, 9, 1))
    response = lead.post(url, form)
    with scope(cite=world.cite):
        job = Job.objects.get(kind="dossier")
    assert response["Location"] == job.get_absolute_url()
    assert job.params["kind"] == "label_fonctionnement" and job.params["format"] == "pdf"
    run_pending_jobs()
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.result_name.startswith("dossier-label-fonctionnement-alpha-")
    assert job.result_name.endswith(".pdf")
    pdf = tmp_path / "dossier.pdf"
    pdf.write_bytes(job.result_file.open("rb").read())
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    body = " ".join(" ".join(text.split("\f")[2:]).replace("\u00ad", "").split())
    titles = [f"2.{i} {part.title}" for i, part in enumerate(FONCTIONNEMENT_PARTS, start=1)]
    assert len(titles) == 9
    positions = [body.find(" ".join(title.split())) for title in titles]
    assert -1 not in positions, [t for t, p in zip(titles, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
