"""Samples for the permission matrix test: one object per URL parameter of the partners app.

The partner representative of the test world is linked to the sample organisation, so its
write level on commitments and contributions is exercised for real.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.partners.models import (
    Commitment,
    Contact,
    Contribution,
    Interaction,
    Organisation,
    PartnerLink,
)


def sample_kwargs(cite) -> dict:
    with scope(cite=cite):
        organisation = Organisation.objects.create(
            cite=cite, name="Mission locale témoin", kind="operator", fields=["employment"],
            roles=["provider"],
        )
        contact = Contact.objects.create(cite=cite, organisation=organisation,
                                         name="Alice Témoin")
        interaction = Interaction.objects.create(
            cite=cite, organisation=organisation, occurred_on=date(2026, 1, 5), summary="Rencontre")
        commitment = Commitment.objects.create(
            cite=cite, organisation=organisation, kind="letter_of_intent", status="signed",
            dated=date(2026, 2, 1))
        commitment.file.save("lettre.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        commitment.filename = "lettre.pdf"
        commitment.save()
        contribution = Contribution.objects.create(cite=cite, organisation=organisation,
                                                   year=2027)
        partner = Membership.objects.filter(cite=cite, role=Role.PARTNER).first()
        if partner:
            PartnerLink.objects.get_or_create(
                membership=partner, defaults={"cite": cite, "organisation": organisation})
        # A second representative, only to give the detach page an id in every Cité.
        user, _ = get_user_model().objects.get_or_create(username=f"representant-{cite.slug}")
        sample_partner, _ = Membership.objects.get_or_create(user=user, cite=cite,
                                                             role=Role.PARTNER)
        link, _ = PartnerLink.objects.get_or_create(
            membership=sample_partner, defaults={"cite": cite, "organisation": organisation})
        return {
            "organisation_id": organisation.pk,
            "contact_id": contact.pk,
            "interaction_id": interaction.pk,
            "commitment_id": commitment.pk,
            "contribution_id": contribution.pk,
            "link_id": link.pk,
        }
