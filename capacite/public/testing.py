"""Sample objects for tests/test_permission_matrix.py: the Cité publishes its public pages, so
`public_slug` URLs answer (they are pages outside any Cité, open to everybody)."""

from django_scopes import scope

from capacite.public.models import PublicProfile


def sample_kwargs(cite) -> dict:
    with scope(cite=cite):
        PublicProfile.objects.update_or_create(cite=cite, defaults={"published": True})
    return {"public_slug": cite.slug}
