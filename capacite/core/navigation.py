"""Registries the domain apps fill at start-up: capability links and home-page panels.

Core cannot import the domain apps (they depend on it), so each app registers what it adds to
the layout in its AppConfig.ready(); what a person sees is filtered by the permission matrix.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from capacite.core.permissions import Level, level_for


@dataclass(frozen=True)
class NavItem:
    order: int
    label: str
    url_name: str


@dataclass(frozen=True)
class HomePanel:
    """A block of the Cité's home page: shown to those who may read `url_name`."""

    order: int
    template: str
    url_name: str
    context: Callable[[HttpRequest], dict]


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
                {"label": item.label, "url": url, "current": current == item.url_name}
            )
    return links


def panels_for(request: HttpRequest) -> list[dict]:
    """The home-page panels the person may read, each with its template and context."""
    roles = request.cite_roles
    return [
        {"template": panel.template, **panel.context(request)}
        for panel in _home_panels
        if level_for(panel.url_name, roles) >= Level.READ
    ]
