"""Commitments with their file, contributions, and what a partner representative may change."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.partners.models import Commitment, PartnerLink
from capacite.partners.services import contributions_for_year, fte_by_function
from capacite.partners.tests.helpers import organisation, url
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def commitment_data(**extra):
    return {"kind": "letter_of_intent", "status": "signed", "dated": "2027-02-01",
            "version": 0, **extra}


def test_a_signed_letter_is_stored_under_a_generated_name_and_downloaded_with_its_own(world):
    org = organisation(world, "CCI")
    client = client_for(world)
    upload = SimpleUploadedFile("Lettre CCI signée.pdf", b"%PDF-1.4 lettre",
                                content_type="application/pdf")
    response = client.post(url(world, "commitment_add", organisation_id=org.pk),
                           commitment_data(file=upload))
    assert response.status_code == 302
    with scope(cite=world.cite):
        commitment = Commitment.objects.get()
    assert commitment.filename == "Lettre CCI signée.pdf"
    assert "signée" not in commitment.file.name and commitment.file.name.endswith(".pdf")
    download = client.get(url(world, "commitment_file", commitment_id=commitment.pk))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 lettre"
    assert "attachment" in download["Content-Disposition"]


def test_a_file_of_another_type_or_too_big_is_refused(world, settings):
    org = organisation(world, "CCI")
    client = client_for(world)
    script = SimpleUploadedFile("lettre.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(url(world, "commitment_add", organisation_id=org.pk),
                           commitment_data(file=script))
    assert response.context["form"].errors["file"] == [
        "Le fichier « lettre.exe » n'est pas d'un type accepté "
        "(.docx, .jpeg, .jpg, .odt, .pdf, .png)."]
    settings.EVIDENCE_MAX_BYTES = 10
    big = SimpleUploadedFile("lettre.pdf", b"%PDF-1.4 trop long", content_type="application/pdf")
    response = client.post(url(world, "commitment_add", organisation_id=org.pk),
                           commitment_data(file=big))
    assert response.context["form"].errors["file"] == [
        "Le fichier « lettre.pdf » dépasse la taille permise (10\xa0octets)."]


def test_a_partner_representative_edits_only_its_own_organisations_commitments(world):
    own, other = organisation(world, "Mission locale"), organisation(world, "CIO")
    with scope(cite=world.cite):
        PartnerLink.objects.create(
            cite=world.cite, organisation=own,
            membership=Membership.objects.get(user=world.users[Role.PARTNER]))
    client = client_for(world, Role.PARTNER)
    assert client.post(url(world, "commitment_add", organisation_id=own.pk),
                       commitment_data()).status_code == 302
    assert client.post(url(world, "commitment_add", organisation_id=other.pk),
                       commitment_data()).status_code == 403
    assert client.post(url(world, "contribution_add", organisation_id=other.pk),
                       {"year": 2027, "fte": "1", "version": 0}).status_code == 403


def test_contributions_are_read_per_year_as_plain_lines_for_the_planning(world):
    org = organisation(world, "Mission locale")
    client = client_for(world)
    for function, fte in (("counselling", "0.5"), ("reception", "0.25"), ("counselling", "1")):
        response = client.post(url(world, "contribution_add", organisation_id=org.pk), {
            "year": 2028, "function": function, "pole": "Trouver un emploi", "fte": fte,
            "in_kind_eur": "1000", "money_eur": "0", "version": 0})
        assert response.status_code == 302
    with scope(cite=world.cite):
        lines = contributions_for_year(2028)
        totals = fte_by_function(2028)
        assert contributions_for_year(2027) == []
    assert {line.organisation for line in lines} == {"Mission locale"}
    assert sorted((line.function, line.fte) for line in lines) == [
        ("counselling", Decimal("0.50")), ("counselling", Decimal("1.00")),
        ("reception", Decimal("0.25"))]
    assert totals == {"counselling": Decimal("1.50"), "reception": Decimal("0.25")}


def test_the_project_lead_links_the_partner_representative_who_may_then_add_commitments(world):
    org = organisation(world, "Cap emploi")
    partner = Membership.objects.get(user=world.users[Role.PARTNER])
    detail = url(world, "organisation_detail", organisation_id=org.pk)
    assert "Ajouter un engagement" not in client_for(world, Role.PARTNER).get(
        detail).content.decode()
    response = client_for(world).post(url(world, "partner_link_add", organisation_id=org.pk),
                                      {"membership": partner.pk})
    assert response.status_code == 302
    with scope(cite=world.cite):
        assert PartnerLink.objects.get().organisation == org
    assert "Ajouter un engagement" in client_for(world, Role.PARTNER).get(
        detail).content.decode()
