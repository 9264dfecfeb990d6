"""URL samples for the permission matrix test: one membership, invitation and account."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from capacite.core.models import Membership, Role
from capacite.people.models import Invitation


def sample_kwargs(cite) -> dict:
    invitation = Invitation.objects.create(
        cite=cite, email=f"invitee@{cite.slug}.invalid", role=Role.STAFF,
        token_hash=f"sample-{cite.slug}-{Invitation.objects.count()}",
        expires_at=timezone.now() + timedelta(days=7))
    person = get_user_model().objects.create_user(
        username=f"sample-person-{cite.slug}-{Invitation.objects.count()}", password="x")
    membership = Membership.objects.create(user=person, cite=cite, role=Role.STAFF)
    return {"membership_id": membership.pk, "invitation_id": invitation.pk,
            "user_id": person.pk}
