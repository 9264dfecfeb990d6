"""confirm_removal's last resort: a delete the database refuses (PROTECT) is a page, not a 500."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils.html import escape
from django_scopes import scope

from capacite.core.removal import confirm_removal
from capacite.partners.models import Organisation
from capacite.staffing.models import JobDescription, StaffMember

pytestmark = pytest.mark.django_db

PEOPLE = ("Ana Martin", "Bruno Lefort", "Chloé Roux", "David Petit", "Emma Blanc",
          "Farid Haddad")
REFUSAL = ("Rien n'a été supprimé : d'autres fiches en dépendent encore — fiches de poste "
           "(Conseiller CIO) ; membres de l'équipe (Ana Martin, Bruno Lefort, Chloé Roux, "
           "David Petit, Emma Blanc, …). Retirez-les ou rattachez-les ailleurs, puis "
           "recommencez.")


@pytest.fixture
def cio(world) -> Organisation:
    """An organisation six staff members and one job description point to (PROTECT)."""
    with scope(cite=world.cite):
        cio = Organisation.objects.create(cite=world.cite, name="CIO", kind="operator")
        for name in reversed(PEOPLE):
            StaffMember.objects.create(cite=world.cite, name=name, partner=cio, weekly_hours=10)
        JobDescription.objects.create(cite=world.cite, title="Conseiller CIO",
                                      function="counselling", employer=cio)
    return cio


def confirm(world, cio, **kwargs):
    """A confirmed removal of `cio` by a view that did not foresee what holds it."""
    request = RequestFactory().post("/", {"confirmer": "oui", "version": cio.version})
    request.user = AnonymousUser()
    with scope(cite=world.cite):
        return confirm_removal(request, cio, title="Supprimer « CIO »", consequence="Définitif.",
                               back="/retour/", back_label="CIO", done="Supprimée.", **kwargs)


def organisations(world) -> list[tuple[str, int]]:
    with scope(cite=world.cite):
        return list(Organisation.objects.values_list("name", "version"))


def test_a_protected_record_is_refused_with_what_holds_it(world, cio):
    response = confirm(world, cio)
    page = response.content.decode()
    assert response.status_code == 409
    assert f'<div class="form-errors" role="alert"><p>{escape(REFUSAL)}</p></div>' in page
    assert 'name="confirmer"' not in page
    assert organisations(world) == [("CIO", 1)]


def test_what_the_removal_wrote_before_the_refusal_is_rolled_back(world, cio):
    def bump_then_delete(obj: Organisation) -> None:
        obj.version += 1
        obj.save()
        obj.delete()

    assert confirm(world, cio, remove=bump_then_delete).status_code == 409
    assert organisations(world) == [("CIO", 1)]
