"""Sample objects for tests/test_permission_matrix.py."""

from django.core.files.base import ContentFile

from capacite.premises.models import Candidate


def sample_kwargs(cite) -> dict:
    candidate = Candidate.objects.create(cite=cite, name="Local d'exemple pour les tests",
                                         surface_m2=600, plan_filename="plan.pdf")
    candidate.plan.save("plan.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    from capacite.premises.models import FittedSpace, SpacePhoto

    space = FittedSpace.objects.create(cite=cite, zone="reception",
                                       name="Accueil d'exemple pour les tests")
    photo = SpacePhoto(cite=cite, space=space, filename="accueil.png")
    photo.file.save("accueil.png", ContentFile(PNG), save=True)
    return {"candidate_id": candidate.pk, "fitted_space_id": space.pk,
            "space_photo_id": photo.pk}


def _png() -> bytes:
    """A one-pixel PNG, drawn by Pillow so its checksums are right."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), (0, 0, 145)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()
