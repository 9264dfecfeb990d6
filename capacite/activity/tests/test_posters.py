"""The printed posters of a questionnaire's link: A4 and A5, tagged, with the QR code's address."""

import io
import subprocess

import pytest
from django.urls import reverse
from django_scopes import scope
from pypdf import PdfReader

from capacite.activity.models import Survey, SurveyLink
from capacite.activity.posters import qr_address, qr_svg
from capacite.core.models import Role
from capacite.offer.models import Pole
from capacite.testing import client_for


def test_the_qr_code_is_an_inline_svg_and_its_address_is_tagged_qr():
    svg = qr_svg("https://example.org/q/abc/?via=qr")
    assert svg.startswith("<svg") and 'class="qr"' in svg and "<?xml" not in svg
    assert qr_address("https://example.org/q/abc/") == "https://example.org/q/abc/?via=qr"
    assert qr_address("https://example.org/q/abc/?x=1") == "https://example.org/q/abc/?x=1&via=qr"


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("a5", (420, 595))])
def test_a_poster_per_pole_has_its_size_title_and_the_links_address(world, tmp_path, paper,
                                                                      size):
    with scope(cite=world.cite):
        survey = Survey.objects.create(cite=world.cite, title="Votre avis")
        pole = Pole.objects.create(cite=world.cite, name="Trouver un emploi")
        link = SurveyLink.objects.create(cite=world.cite, survey=survey, pole=pole)
    staff = client_for(world, Role.RECEPTION)
    page = staff.get(reverse("activity:survey", args=[world.cite.slug, survey.pk]))
    poster_url = reverse(f"activity:survey_poster_{paper}", args=[world.cite.slug, link.pk])
    assert poster_url in page.content.decode()
    response = staff.get(poster_url)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    box = reader.pages[0].mediabox
    assert (len(reader.pages), round(float(box.width)), round(float(box.height))) == (1, *size)
    assert reader.metadata.title == f"Votre avis compte — {world.cite.name}"
    path = tmp_path / "poster.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    address = f"http://testserver/q/{link.token}/?via=qr"
    assert address in text.replace("\n", "")
    assert "Trouver un emploi" in text and world.cite.name in text
    assert "Scannez ce code avec votre téléphone" in text
