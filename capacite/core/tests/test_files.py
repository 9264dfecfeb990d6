"""Issue 13, point 16: an uploaded file leaves the disk when no record refers to it any more,
for every upload (one rule in capacite/core/files.py)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from capacite.partners.models import Commitment
from capacite.partners.tests.helpers import organisation, url
from capacite.roadmap.models import Task
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def pdf(name: str, text: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 " + text, content_type="application/pdf")


def test_a_replaced_letter_leaves_the_disk_and_the_new_one_stays(
        world, django_capture_on_commit_callbacks):
    org = organisation(world, "CCI")
    client = client_for(world)
    data = {"kind": "letter_of_intent", "status": "signed", "dated": "2027-02-01"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(world, "commitment_add", organisation_id=org.pk),
                    {**data, "version": 0, "file": pdf("v1.pdf", b"v1")})
    with scope(cite=world.cite):
        first = Commitment.objects.get()
    old = first.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(world, "commitment_edit", commitment_id=first.pk),
                               {**data, "version": first.version, "file": pdf("v2.pdf", b"v2")})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.file.name != old
    assert (default_storage.exists(old), default_storage.exists(first.file.name)) == (
        False, True)
    assert default_storage.open(first.file.name).read() == b"%PDF-1.4 v2"


def test_deleting_a_record_or_its_parent_removes_its_file(
        world, django_capture_on_commit_callbacks):
    org = organisation(world, "CCI")
    with scope(cite=world.cite):
        task = Task.objects.get(key="designer-porteur-politique")
        with django_capture_on_commit_callbacks(execute=True):
            task.evidence_file.save("preuve.pdf", ContentFile(b"%PDF preuve"))
            commitment = Commitment.objects.create(cite=world.cite, organisation=org,
                                                   kind="letter_of_intent", status="signed",
                                                   dated="2027-02-01")
            commitment.file.save("lettre.pdf", ContentFile(b"%PDF lettre"))
        evidence, letter = task.evidence_file.name, commitment.file.name
        assert default_storage.exists(evidence) and default_storage.exists(letter)
        with django_capture_on_commit_callbacks(execute=True):
            task.evidence_file.delete()  # the file taken off the task (field emptied)
            org.delete()  # the organisation, its commitment in cascade
    assert (default_storage.exists(evidence), default_storage.exists(letter)) == (False, False)


def test_a_file_still_held_by_another_record_stays(world, django_capture_on_commit_callbacks):
    org = organisation(world, "CCI")
    with scope(cite=world.cite):
        first = Commitment.objects.create(cite=world.cite, organisation=org,
                                          kind="letter_of_intent", status="signed",
                                                   dated="2027-02-01")
        first.file.save("lettre.pdf", ContentFile(b"%PDF lettre"))
        copy = Commitment.objects.create(cite=world.cite, organisation=org,
                                         kind="financial", status="signed", dated="2027-02-01",
                                         file=first.file.name)
        with django_capture_on_commit_callbacks(execute=True):
            first.delete()
        assert default_storage.exists(copy.file.name)
        with django_capture_on_commit_callbacks(execute=True):
            copy.delete()
        assert not default_storage.exists(copy.file.name)
