"""Catalogue queries shared by the staff list and the public search (call inside a scope)."""

from dataclasses import dataclass

from django.db.models import Count
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


SHELF = 12


@dataclass(frozen=True)
class Shelf:
    """One theme of the public catalogue: its first resources by title and how many it holds
    (`theme_id` None for the resources without a theme)."""

    name: str
    theme_id: int | None
    items: list[Resource]
    count: int


def catalogue_by_theme(*, shelf: int = SHELF) -> list[Shelf]:
    """The catalogue under the Cité's themes, in their order, then what has no theme: what a
    visitor browses before searching. A resource under two themes appears under both. Each
    theme shows its first `shelf` resources: a catalogue of thousands stays a page a visitor
    can read, the rest a search (by theme, paged) away."""
    resources = (Resource.objects.select_related("partner").prefetch_related("themes")
                 .order_by("title", "pk"))
    shelves = [Shelf(theme.name, theme.pk, list(resources.filter(themes=theme)[:shelf]),
                     theme.resource_count)
               for theme in Theme.objects.annotate(resource_count=Count("resources"))]
    unthemed = resources.filter(themes__isnull=True)
    shelves.append(Shelf(str(_("Autres ressources")), None, list(unthemed[:shelf]),
                         unthemed.count()))
    return [s for s in shelves if s.count]


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
