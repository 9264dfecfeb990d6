"""Agenda and minutes PDF (WeasyPrint): produced, separate, and carrying the decision."""

import shutil
import subprocess
from datetime import date

import pytest
from django_scopes import scope

from capacite.governance.models import Attendance, Decision
from capacite.governance.pdf import render_html
from capacite.governance.tests.helpers import committee, lead, url
from capacite.testing_files import assert_accessible_pdf

pytestmark = pytest.mark.django_db


def record(world, c):
    with scope(cite=world.cite):
        item = c.items[0]
        item.minutes = "Les partenaires approuvent la note."
        item.save()
        for member in c.body.members.all():
            Attendance.objects.create(cite=world.cite, meeting=c.meeting, member=member,
                                      status="present")
        Decision.objects.create(cite=world.cite, body=c.body, meeting=c.meeting,
                                decided_on=date(2027, 3, 12),
                                title="La note d'opportunité est validée.")


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_minutes_pdf_carries_attendance_minutes_and_decisions(world, tmp_path):
    c = committee(world)
    record(world, c)
    response = lead(world).get(url(world, "minutes_pdf", meeting_id=c.meeting.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="compte-rendu-comite-de-pilotage-2027-03-12.pdf"')
    assert response.content.startswith(b"%PDF")
    assert response.content.rstrip().endswith(b"%%EOF")
    info = assert_accessible_pdf(response.content,
                                 title="Compte rendu — Comité de pilotage du 12/03/2027")
    assert info["Pages"] == "1"
    if shutil.which("pdftotext"):
        content = pdf_text(response.content, tmp_path)
        assert "La note d'opportunité est validée." in content
        assert "Les partenaires approuvent la note." in content
        assert "Page 1 sur" in content
    with scope(cite=world.cite):
        html = render_html("governance/pdf/minutes.html", c.meeting)
    assert "La note d&#x27;opportunité est validée." in html
    assert "<td>Alice Martin</td><td>Présent</td>" in " ".join(html.split()).replace("> <", "><")


def test_the_agenda_pdf_has_the_agenda_but_not_the_minutes(world, tmp_path):
    c = committee(world)
    record(world, c)
    response = lead(world).get(url(world, "agenda_pdf", meeting_id=c.meeting.pk))
    assert_accessible_pdf(response.content,
                          title="Ordre du jour — Comité de pilotage du 12/03/2027")
    with scope(cite=world.cite):
        html = render_html("governance/pdf/agenda.html", c.meeting)
    assert "Budget prévisionnel" in html
    assert "Les partenaires approuvent la note." not in html
    assert "validée" not in html
