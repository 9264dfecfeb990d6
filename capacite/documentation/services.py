"""Catalogue queries shared by the staff list and the public search (call inside a scope)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from capacite.documentation.domain.search import matches
from capacite.documentation.models import Resource, Theme


@dataclass(frozen=True)
class ResourceFilters:
    words: str = ""
    kind: str = ""
    theme_id: int | None = None
    loanable: bool | None = None
    partner_id: int | None = None


def catalogue_by_theme() -> list[tuple[str, list[Resource]]]:
    """The whole catalogue under the Cité's themes, in their order, then what has no theme: what
    a visitor browses before searching. A resource under two themes appears under both."""
    resources = list(Resource.objects.select_related("partner").prefetch_related("themes")
                     .order_by("title"))
    groups = [(theme.name, [r for r in resources if theme in r.themes.all()])
              for theme in Theme.objects.all()]
    unthemed = [r for r in resources if not r.themes.all()]
    if unthemed:
        groups.append((str(_("Autres ressources")), unthemed))
    return [(name, items) for name, items in groups if items]


def search_resources(filters: ResourceFilters) -> list[Resource]:
    """Resources matching every filter and every word (accents and case ignored), by title."""
    resources = Resource.objects.select_related("partner").prefetch_related("themes")
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.theme_id:
        resources = resources.filter(themes__pk=filters.theme_id)
    if filters.loanable is not None:
        resources = resources.filter(loanable=filters.loanable)
    if filters.partner_id:
        resources = resources.filter(partner_id=filters.partner_id)
    return [r for r in resources.order_by("title").distinct()
            if matches(filters.words, r.search_texts())]
