"""Sample objects for tests/test_permission_matrix.py."""

from django.core.files.base import ContentFile

from capacite.premises.models import Candidate


def sample_kwargs(cite) -> dict:
    candidate = Candidate.objects.create(cite=cite, name="Local d'exemple pour les tests",
                                         surface_m2=600, plan_filename="plan.pdf")
    candidate.plan.save("plan.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return {"candidate_id": candidate.pk}
