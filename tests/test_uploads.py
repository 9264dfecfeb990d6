"""Issue 13, point 17: uploads are checked by their content (magic bytes), not only their name."""

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from capacite.lib.uploads import DOCUMENT_EXTENSIONS, check_upload
from capacite.testing_files import docx_bytes, odt_bytes

HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"


@pytest.mark.parametrize(("name", "content"), [
    ("lettre.pdf", b"%PDF-1.7\n..."),
    ("plan.png", b"\x89PNG\r\n\x1a\n...."),
    ("photo.JPG", b"\xff\xd8\xff\xe0...."),
    ("statuts.odt", odt_bytes()),
    ("note.docx", docx_bytes()),
])
def test_a_file_whose_content_is_of_its_type_is_accepted(name, content):
    upload = SimpleUploadedFile(name, content)
    assert check_upload(upload, extensions=DOCUMENT_EXTENSIONS) is upload
    assert upload.read() == content  # put back at the start for storage


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("lettre.pdf", HTML, "PDF"),
    ("plan.png", b"%PDF-1.4", "PNG"),
    ("statuts.odt", docx_bytes(), "ODT"),
    ("note.docx", odt_bytes(), "DOCX"),
    ("note.docx", b"PK\x03\x04 broken", "DOCX"),
])
def test_a_file_whose_content_is_not_of_its_type_is_refused_in_french(name, content, kind):
    with pytest.raises(forms.ValidationError) as error:
        check_upload(SimpleUploadedFile(name, content),
                     extensions=DOCUMENT_EXTENSIONS)
    assert error.value.messages == [
        f"Le contenu du fichier « {name} » n'est pas celui d'un fichier {kind} : enregistrez-le "
        "de nouveau au bon format depuis le logiciel qui l'a produit."]
