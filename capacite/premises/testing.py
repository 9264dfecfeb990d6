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


# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
