"""The publics list the Cité extends, and detaching a partner representative."""

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.partners.models import Organisation, PartnerLink, Public

pytestmark = pytest.mark.django_db


def _lead(world) -> Client:
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    return client


def _url(world, name, **kwargs) -> str:
    return reverse(f"partners:{name}", kwargs={"cite_slug": world.cite.slug, **kwargs})


def test_the_cite_adds_a_public_which_organisations_and_filters_then_offer(world):
    client = _lead(world)
    response = client.post(_url(world, "publics"), {"label": "  Personnes sous main  de justice"})
    assert response.status_code == 302
    with scope(cite=world.cite):
        added = Public.objects.get(label="Personnes sous main de justice")
        assert added.key == "personnes-sous-main-de-justice"
        assert added.position == Public.objects.exclude(pk=added.pk).order_by(
            "-position").first().position + 1
    duplicate = client.post(_url(world, "publics"), {"label": "personnes sous MAIN de justice"})
    assert ("Le public «\u00a0personnes sous MAIN de justice\u00a0» existe déjà dans la liste."
            in duplicate.content.decode())
    with scope(cite=world.cite):
        assert Public.objects.filter(key__startswith="personnes-sous").count() == 1
    form = client.get(_url(world, "organisation_add")).content.decode()
    assert "Personnes sous main de justice" in form
    assert _url(world, "publics") in form  # the form says where to add a missing public
    listing = client.get(_url(world, "publics")).content.decode()
    assert "Personnes sous main de justice" in listing and "Demandeurs d&#x27;emploi" in listing



def test_the_guides_publics_read_in_english_and_the_cites_own_stay_as_typed(world):
    client = _lead(world)
    client.post(_url(world, "publics"), {"label": "Personnes sous main de justice"})
    with scope(cite=world.cite):
        Public.objects.filter(key="seniors").update(label="Retraités actifs")
    client.cookies["django_language"] = "en"
    listing = client.get(_url(world, "publics")).content.decode()
    assert "<tr><td>School pupils</td>" in listing
    assert "<tr><td>Jobseekers</td>" in listing
    assert "<tr><td>Personnes sous main de justice</td>" in listing
    assert "<tr><td>Retraités actifs</td>" in listing
    assert "Scolaires" not in listing and "Demandeurs d&#x27;emploi" not in listing
    # The English name of a guide's public is taken: no second « Jobseekers ».
    refused = client.post(_url(world, "publics"), {"label": "jobseekers"})
    assert "The audience “jobseekers” is already in the list." in refused.content.decode()
    with scope(cite=world.cite):
        assert Public.objects.get(key="jobseekers").label == "Demandeurs d'emploi"
        assert Public.objects.filter(cite=world.cite).count() == 10

def test_a_public_of_another_cite_does_not_block_the_same_label(world):
    client = _lead(world)
    with scope(cite=world.foreign):
        Public.objects.create(cite=world.foreign, key="gens-du-voyage", label="Gens du voyage")
    client.post(_url(world, "publics"), {"label": "Gens du voyage"})
    with scope(cite=world.cite):
        assert Public.objects.filter(label="Gens du voyage").count() == 1


def test_a_partner_representative_is_detached_after_confirmation(world):
    client = _lead(world)
    with scope(cite=world.cite):
        organisation = Organisation.objects.create(cite=world.cite, name="Mission locale",
                                                   kind="operator")
        partner = Membership.objects.get(cite=world.cite, role=Role.PARTNER)
        link = PartnerLink.objects.create(cite=world.cite, membership=partner,
                                          organisation=organisation)
    detail = client.get(_url(world, "organisation_detail", organisation_id=organisation.pk))
    assert _url(world, "partner_link_remove", link_id=link.pk) in detail.content.decode()
    page = client.get(_url(world, "partner_link_remove", link_id=link.pk)).content.decode()
    assert ("ne pourra plus modifier les engagements et contributions de «\u00a0Mission "
            "locale\u00a0»") in page
    response = client.post(_url(world, "partner_link_remove", link_id=link.pk),
                           {"confirmer": "oui"})
    assert response["Location"] == _url(world, "organisation_detail",
                                        organisation_id=organisation.pk)
    with scope(cite=world.cite):
        assert not PartnerLink.objects.exists()
        assert Membership.objects.filter(pk=partner.pk).exists()


def test_interactions_commitments_and_contributions_are_deleted_after_confirmation(world):
    from datetime import date

    from capacite.partners.models import Commitment, Contribution, Interaction

    client = _lead(world)
    with scope(cite=world.cite):
        organisation = Organisation.objects.create(cite=world.cite, name="Greta",
                                                   kind="operator")
        interaction = Interaction.objects.create(cite=world.cite, organisation=organisation,
                                                 occurred_on=date(2027, 1, 5), summary="Appel")
        commitment = Commitment.objects.create(cite=world.cite, organisation=organisation,
                                               kind="letter_of_intent", status="requested",
                                               dated=date(2027, 1, 6))
        contribution = Contribution.objects.create(cite=world.cite, organisation=organisation,
                                                   year=2028)
    for name, key, record, phrase in (
            ("interaction", "interaction_id", interaction, "Supprimer cet échange"),
            ("commitment", "commitment_id", commitment, "Supprimer cet engagement"),
            ("contribution", "contribution_id", contribution, "Supprimer cette contribution")):
        edit = client.get(_url(world, f"{name}_edit", **{key: record.pk})).content.decode()
        assert phrase in edit and _url(world, f"{name}_delete", **{key: record.pk}) in edit
        response = client.post(_url(world, f"{name}_delete", **{key: record.pk}),
                               {"confirmer": "oui", "version": record.version})
        assert response["Location"] == _url(world, "organisation_detail",
                                            organisation_id=organisation.pk)
    with scope(cite=world.cite):
        assert not Interaction.objects.exists()
        assert not Commitment.objects.exists() and not Contribution.objects.exists()
        assert Interaction.history.filter(history_type="-").count() == 1


def test_a_partner_representative_may_not_delete_another_organisations_commitment(world):
    from datetime import date

    from capacite.partners.models import Commitment

    client = Client()
    client.force_login(world.users[Role.PARTNER])
    with scope(cite=world.cite):
        other = Organisation.objects.create(cite=world.cite, name="CCI", kind="economic")
        commitment = Commitment.objects.create(cite=world.cite, organisation=other,
                                               kind="letter_of_intent", status="requested",
                                               dated=date(2027, 1, 6))
    response = client.post(_url(world, "commitment_delete", commitment_id=commitment.pk),
                           {"confirmer": "oui", "version": commitment.version})
    assert response.status_code == 403
    with scope(cite=world.cite):
        assert Commitment.objects.filter(pk=commitment.pk).exists()
