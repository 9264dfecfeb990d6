"""Sample objects for tests/test_permission_matrix.py."""

from django_scopes import scope

from capacite.documentation.models import Resource, Theme


def sample_kwargs(cite) -> dict:
    with scope(cite=cite):
        theme = Theme.objects.create(cite=cite, name="Thème d'exemple pour les tests")
        resource = Resource.objects.create(cite=cite, title="Ressource d'exemple pour les tests")
        resource.themes.add(theme)
    return {"theme_id": theme.pk, "resource_id": resource.pk}
