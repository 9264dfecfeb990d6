"""A person's own data (see, export) and the anonymisation of a departed person."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.testing import client_for

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def ines(world):
    """The staff persona with a name, a task she owns, a staff record and a contact card."""
    from capacite.partners.models import Contact, Organisation
    from capacite.roadmap.models import Task
    from capacite.staffing.models import StaffMember

    user = world.users[Role.STAFF]
    user.first_name, user.last_name, user.email = "Inès", "Fontvieille", "ines@example.org"
    user.save()
    with scope(cite=world.cite):
        task = Task.objects.get(key="rediger-note-opportunite")
        task.owner = user
        task.save()
        StaffMember.objects.create(cite=world.cite, name="Inès Fontvieille", user=user,
                                   weekly_hours=20)
        cidff = Organisation.objects.create(cite=world.cite, name="CIDFF d'Alpha")
        Contact.objects.create(cite=world.cite, organisation=cidff, name="Inès Fontvieille",
                               email="INES@example.org", phone="04 00 00 00 00")
    return user


def test_a_person_exports_what_capacite_holds_about_them(world, ines):
    client = client_for(world, Role.STAFF)
    page = client.get(reverse("people:my_data")).content.decode()
    assert "<dt>Adresse électronique</dt><dd>ines@example.org</dd>" in page
    response = client.get(reverse("people:my_data_export"))
    assert response["Content-Disposition"] == 'attachment; filename="mes-donnees-capacite.json"'
    data = json.loads(response.content)
    assert data["compte"]["Identifiant"] == "staff"
    assert data["compte"]["Nom"] == "Fontvieille"
    assert data["roles"] == [{"cite": "Cité des métiers d'Alpha", "role": "Équipe"}]
    fiches = {(f["fiche"], f["champ"], f["cite"]) for f in data["fiches"]}
    assert ("tâche", "responsable", "Cité des métiers d'Alpha") in fiches
    assert ("membre de l'équipe", "compte", "Cité des métiers d'Alpha") in fiches
    [contact] = data["fiches_contact"]
    assert contact["cite"] == "Cité des métiers d'Alpha"
    assert ["Téléphone professionnel", "04 00 00 00 00"] in contact["lignes"]


def test_the_authority_anonymises_a_departed_person_and_keeps_the_history(world, ines):
    from capacite.partners.models import Contact
    from capacite.roadmap.models import Task
    from capacite.staffing.models import StaffMember

    client = client_for(world, Role.LABEL_AUTHORITY)
    url = reverse("people:anonymise", args=[ines.pk])
    assert "Anonymiser le compte de Inès Fontvieille" in client.get(url).content.decode()
    response = client.post(url, {"confirmer": "oui"})
    assert response["Location"] == reverse("people:accounts")
    ines.refresh_from_db()
    name = f"ancien compte {ines.pk}"
    assert (ines.username, ines.get_full_name(), ines.email, ines.is_active,
            ines.has_usable_password()) == (f"ancien-compte-{ines.pk}", name, "", False, False)
    assert not Membership.objects.filter(user=ines).exists()
    removed = Membership.history.filter(user_id=ines.pk, history_type="-").get()
    assert removed.history_user == world.users[Role.LABEL_AUTHORITY]
    with scope(cite=world.cite):
        assert Task.objects.get(key="rediger-note-opportunite").owner == ines
        assert StaffMember.objects.get(user=ines).name == name
        assert set(StaffMember.history.filter(user=ines).values_list("name", flat=True)) == {
            name}
        contact = Contact.objects.get()
        assert (contact.name, contact.email, contact.phone) == ("", "", "")


def test_the_last_project_lead_cannot_be_anonymised_before_a_successor(world):
    Membership.objects.filter(cite=world.cite, role=Role.DIRECTOR).delete()
    lead = world.users[Role.PROJECT_LEAD]
    client = client_for(world, Role.LABEL_AUTHORITY)
    page = client.post(reverse("people:anonymise", args=[lead.pk]),
                       {"confirmer": "oui"}).content.decode()
    assert ("project_lead est la dernière personne porteur de projet ou direction de «\u00a0Cité "
            "des métiers d&#x27;Alpha\u00a0»\u00a0: invitez d&#x27;abord quelqu&#x27;un à ce rôle, "
            "puis anonymisez.") in page
    lead.refresh_from_db()
    assert lead.is_active and lead.username == "project_lead"


def test_the_accounts_page_finds_a_person_by_name(world, ines):
    page = client_for(world, Role.LABEL_AUTHORITY).get(
        reverse("people:accounts"), {"q": "fontv"}).content.decode()
    assert "<td>Inès Fontvieille</td><td>staff</td><td>Équipe (Cité des métiers d&#x27;Alpha)" \
        in page
    assert "project_lead" not in page
