"""The yearly activity report: the dashboards' figures, small groups masked, in PDF and DOCX;
started from the dashboards page as a background job."""

import io
import subprocess
import uuid
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from capacite.activity.models import Visit
from capacite.core.models import Role
from capacite.dashboards.report import generate_report
from capacite.jobs.models import Job
from capacite.offer.models import Site
from capacite.partners.models import Public
from capacite.testing import client_for, many_visits


@pytest.fixture
def year_2026(world):
    cite = world.cite
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        Public.objects.filter(cite=cite).delete()
        young = Public.objects.create(cite=cite, key="jeunes", label="Jeunes", position=1)
        adults = Public.objects.create(cite=cite, key="adultes", label="Adultes", position=2)
        for public, n in ((young, 37), (adults, 3)):
            Visit.objects.bulk_create(
                Visit(cite=cite, site=site, day=date(2026, 3, 10), slot=20, public=public,
                      source="import", client_id=uuid.uuid4()) for _ in range(n))
    return cite


def pdf_text(content: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=content,
                          capture_output=True, check=True).stdout.decode()


def test_the_report_prints_the_year_s_figures_with_small_groups_masked(year_2026):
    with scope(cite=year_2026):
        report = generate_report(year_2026, year=2026, fmt="pdf")
    text = pdf_text(report.content)
    assert report.filename == "rapport-activite-alpha-2026.pdf"
    assert "Rapport d'activité 2026" in text
    # Nothing counted in 2025: no « contre 0 », no column of zeros for 2025.
    flat = " ".join(text.split())
    assert ("la Cité a compté 40 passages, aucun passage compté sur la même période un an plus "
            "tôt : pas de comparaison.") in flat
    assert "contre 0" not in flat
    lines = [" ".join(line.split()) for line in text.splitlines()]
    # 3 adults are a small group; alone they would be 40 - 37: the 37 goes too.
    assert "Jeunes s" in lines
    assert "Adultes < 11" in lines
    assert f"Page {report.pages} / {report.pages}" in text


def test_the_report_in_word_has_the_same_tables(year_2026):
    from docx import Document

    with scope(cite=year_2026):
        report = generate_report(year_2026, year=2026, fmt="docx")
    document = Document(io.BytesIO(report.content))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["Adultes", "< 11"] in rows
    assert ["Jeunes", "s"] in rows


def test_the_command_names_a_missing_cite(year_2026, tmp_path):
    with pytest.raises(CommandError, match="Aucune Cité « zeta ». Cités connues : alpha, beta."):
        call_command("report", cite="zeta", year=2026, fmt="pdf", out=tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_the_director_starts_the_report_as_a_job(world, year_2026):
    client = client_for(world, Role.DIRECTOR)
    url = reverse("dashboards:report", args=[world.cite.slug])
    refused = client.post(url, {"year": "1999", "format": "pdf"}, follow=True)
    assert "Choisissez l&#x27;année (" in refused.content.decode()
    this_year = timezone.localdate().year
    answer = client.post(url, {"year": str(this_year), "format": "docx"})
    with scope(cite=world.cite):
        job = Job.objects.get(kind="activity_report")
    # No language chosen: the director's own (French), recorded with the job.
    assert job.params == {"year": this_year, "format": "docx", "lang": "fr"}
    assert answer["Location"] == job.get_absolute_url()


def test_the_report_in_english_has_english_headings_and_declares_en_gb(year_2026):
    from capacite.testing_files import docx_facts, pdf_language

    with scope(cite=year_2026):
        pdf = generate_report(year_2026, year=2026, fmt="pdf", lang="en")
        docx = generate_report(year_2026, year=2026, fmt="docx", lang="en")
    lines = [" ".join(line.split()) for line in pdf_text(pdf.content).splitlines()]
    for heading in ("Activity report 2026", "Contents", "1. Attendance", "Types of public",
                    "2. User satisfaction"):
        assert heading in lines, heading
    assert ("the Cité counted 40 visits, no visit counted over the same period a year earlier: "
            "no comparison." in " ".join(pdf_text(pdf.content).split()))
    assert pdf_language(pdf.content) == "en-GB"
    assert docx_facts(docx.content)["core"]["language"] == "en-GB"


def test_the_report_job_records_the_language_chosen(world, year_2026):
    client = client_for(world, Role.DIRECTOR)
    this_year = timezone.localdate().year
    client.post(reverse("dashboards:report", args=[world.cite.slug]),
                {"year": str(this_year), "format": "pdf", "lang": "en"})
    with scope(cite=world.cite):
        job = Job.objects.get(kind="activity_report")
    assert job.params == {"year": this_year, "format": "pdf", "lang": "en"}


def test_a_count_in_thousands_is_grouped_the_way_each_language_writes_it(world):
    """« 1 234 passages » (narrow no-break space), « 1,234 visits » — never « 1234 »."""
    cite = world.cite
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        many_visits(cite, site, date(2026, 3, 10), 1234)
        french = generate_report(cite, year=2026, fmt="pdf")
        english = generate_report(cite, year=2026, fmt="pdf", lang="en")
        word = generate_report(cite, year=2026, fmt="docx")
    # pdftotext gives the narrow no-break space back as a space; the DOCX keeps it.
    assert "la Cité a compté 1 234 passages," in " ".join(pdf_text(french.content).split())
    assert "the Cité counted 1,234 visits," in " ".join(pdf_text(english.content).split())
    from docx import Document

    rows = [[c.text for c in row.cells] for t in Document(io.BytesIO(word.content)).tables
            for row in t.rows]
    assert ["Total", "1\u202f234"] in rows
    assert not any("1234" in cell for row in rows for cell in row)
