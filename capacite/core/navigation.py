"""Registries the domain apps fill at start-up: capability links and home-page panels.

Core cannot import the domain apps (they depend on it), so each app registers what it adds to
the layout in its AppConfig.ready(); what a person sees is filtered by the permission matrix.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from capacite.core.permissions import Level, level_for


@dataclass(frozen=True)
class NavItem:
    order: int
    label: str
    url_name: str


@dataclass(frozen=True)
class HomePanel:
    """A block of a home page (`core.homes.Home`): shown to those who may read `url_name`.

    `homes` names the homes the panel belongs to; by default the project home, where the panels
    of the project's apps (roadmap, partners, governance…) have always been. A panel of a home
    outside any Cité (the front door, the network) has no `url_name`: its home is the filter.
    """

    order: int
    template: str
    url_name: str | None
    context: Callable[[HttpRequest], dict]
    homes: frozenset[str] = frozenset({"project"})


_nav_items: list[NavItem] = []
_home_panels: list[HomePanel] = []


def register_nav(item: NavItem) -> None:
    if item not in _nav_items:
        _nav_items.append(item)
        _nav_items.sort(key=lambda i: i.order)


def register_home_panel(panel: HomePanel) -> None:
    if all(p.template != panel.template for p in _home_panels):
        _home_panels.append(panel)
        _home_panels.sort(key=lambda p: p.order)


def nav_for(request: HttpRequest) -> list[dict]:
    """The capability links of the current Cité that the person may open."""
    roles = getattr(request, "cite_roles", set())
    current = getattr(request.resolver_match, "view_name", "")
    links = []
    for item in _nav_items:
        if level_for(item.url_name, roles) >= Level.READ:
            url = reverse(item.url_name, kwargs={"cite_slug": request.cite.slug})
            links.append(
                {"label": item.label, "url": url, "url_name": item.url_name,
                 "current": current == item.url_name}
            )
    return links


@dataclass(frozen=True)
class NavGroup:
    key: str
    label: str
    namespaces: tuple[str, ...]


# The capabilities of the brief, as the menu groups them; an app lands in a group by its URL
# namespace, so an app only registers its links. Links of an unlisted app go to the last group.
NAV_GROUPS = (
    NavGroup("projet", _("Projet et label"), ("core", "roadmap", "label", "review", "jobs")),
    NavGroup("partenariat", _("Partenariat et gouvernance"), ("partners", "governance")),
    NavGroup("offre", _("Territoire et offre"),
             ("territory", "diagnosis", "premises", "offer", "documentation", "events",
              "communication", "publishing")),
    NavGroup("moyens", _("Équipe et budget"), ("planning", "staffing")),
)


def _group_of(url_name: str) -> NavGroup:
    namespace = url_name.split(":", 1)[0]
    return next((g for g in NAV_GROUPS if namespace in g.namespaces), NAV_GROUPS[-1])


def nav_groups_for(request: HttpRequest) -> list[dict]:
    """The links of `nav_for`, grouped by capability; the group of the current page is marked.

    A page whose own URL is not a menu entry (a meeting, an organisation…) still marks the group
    of its app, so its neighbours stay one click away in the section bar.
    """
    links = nav_for(request)
    current_view = getattr(request.resolver_match, "view_name", "") or ""
    current_group = _group_of(current_view) if ":" in current_view else None
    groups = []
    for group in NAV_GROUPS:
        members = [link for link in links if _group_of(link["url_name"]) == group]
        if members:
            groups.append({"key": group.key, "label": group.label, "links": members,
                           "current": group == current_group
                           and current_view != "core:cite_home"})
    return groups


def panels_for(request: HttpRequest, home: str = "project") -> list[dict]:
    """The panels of `home` the person may read, each with its template and context."""
    roles = getattr(request, "cite_roles", set())
    return [
        {"template": panel.template, **panel.context(request)}
        for panel in _home_panels
        if home in panel.homes
        and (panel.url_name is None or level_for(panel.url_name, roles) >= Level.READ)
    ]
