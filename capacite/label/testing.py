"""Sample objects for tests/test_permission_matrix.py."""

from django.core.files.base import ContentFile

from capacite.label.models import Declaration, NarrativeText


def sample_kwargs(cite) -> dict:
    narrative = NarrativeText.objects.create(cite=cite, key="context", text="Historique.")
    declaration = Declaration(cite=cite, key="free_access", status="met",
                              evidence="Règlement intérieur.", filename="reglement.pdf")
    declaration.file.save("reglement.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    declaration.save()
    return {"narrative_id": narrative.pk, "declaration_id": declaration.pk}
