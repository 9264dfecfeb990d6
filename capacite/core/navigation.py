"""Registries the domain apps fill at start-up: capability links and home-page panels.

Core cannot import the domain apps (they depend on it), so each app registers what it adds to
the layout in its AppConfig.ready(); what a person sees is filtered by the permission matrix.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
    `context` returns None when the panel has nothing to say to this Cité: it is left out. One
    template may be registered for different homes with different contexts.
    """

    order: int
    template: str
    url_name: str | None
    context: Callable[[HttpRequest], dict | None]
    homes: frozenset[str] = frozenset({"project"})


_nav_items: list[NavItem] = []
_home_panels: list[HomePanel] = []


def register_nav(item: NavItem) -> None:
    if item not in _nav_items:
        _nav_items.append(item)
        _nav_items.sort(key=lambda i: i.order)


def register_home_panel(panel: HomePanel) -> None:
    if all((p.template, p.homes) != (panel.template, panel.homes) for p in _home_panels):
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


# The menu's groups, named after what people do rather than after the apps (issue 19). An app
# lands in a group by its URL namespace, so an app only registers its links; `PLACES` below moves
# a single link elsewhere. Links of an unlisted app go to the open Cité's activity. A French word
# that names both a group and a page takes a context, so English can tell them apart (« Équipe »:
# the group « Team », its page « Staff and posts »).
NAV_GROUPS = (
    NavGroup("projet", _("Projet et label"), ("roadmap", "label", "review")),
    NavGroup("partenariat", _("Partenariat"), ("partners",)),
    NavGroup("gouvernance", _("Gouvernance"), ("governance",)),
    NavGroup("offre", _("Territoire et offre"),
             ("territory", "diagnosis", "premises", "offer", "documentation")),
    NavGroup("equipe", pgettext_lazy("menu group", "Équipe"), ("staffing",)),
    NavGroup("budget", _("Budget"), ("planning",)),
    NavGroup("activite", _("Vie de la Cité"), ("events", "communication", "publishing")),
    NavGroup("reglages", _("Réglages"), ("core", "people", "jobs")),
)
DEFAULT_GROUP = "activite"

# Phases in which a link is offered in the menu; the others list it under « Toutes les pages ».
PROJECT_PHASES = frozenset({"emergence", "construction", "implementation"})
OPEN_PHASES = frozenset({"operation"})
ROSTER_PHASES = frozenset({"implementation", "operation"})


@dataclass(frozen=True)
class Place:
    """Where one link goes when its namespace alone says wrong: a group, the phases it is for."""

    group: str | None = None
    phases: frozenset[str] | None = None


PLACES: dict[str, Place] = {
    # Building the Cité: the count-down, the letters, the sites' search, the scenarios.
    "roadmap:backplan": Place(phases=PROJECT_PHASES),
    "partners:without_letter": Place(phases=PROJECT_PHASES),
    "governance:legal": Place(group="projet"),
    "governance:workshops": Place(phases=PROJECT_PHASES),
    "premises:overview": Place(phases=PROJECT_PHASES),
    "diagnosis:overview": Place(phases=PROJECT_PHASES),
    "diagnosis:offer_map": Place(phases=PROJECT_PHASES),
    "planning:scenarios": Place(phases=PROJECT_PHASES),
    # Running the Cité: the week's rosters, one's own stints, the partners' hours.
    "staffing:rosters": Place(phases=ROSTER_PHASES),
    "staffing:my_schedule": Place(phases=OPEN_PHASES),
    "staffing:partner_hours": Place(phases=OPEN_PHASES),
    # Issue 15, point 7: observed visits against the rosters, once there are visits.
    "dashboards:opening_hours": Place(phases=OPEN_PHASES),
    # The label fonctionnement (issue 16): an open Cité's pages.
    "label:conformity": Place(phases=OPEN_PHASES),
    "premises:spaces": Place(phases=OPEN_PHASES),
    "activity:tally": Place(phases=OPEN_PHASES),
    "activity:surveys": Place(phases=OPEN_PHASES),
    "activity:kiosks": Place(phases=OPEN_PHASES),
}
# Whole apps that only make sense once the Cité is open (visit counts, kiosks, questionnaires).
PHASES_BY_NAMESPACE: dict[str, frozenset[str]] = {"activity": OPEN_PHASES}


# Pages of the whole Cité: no group is theirs, no section bar under the menu.
NOT_IN_A_GROUP = ("core:cite_home", "core:cite_project", "core:all_pages")


def _group_of(url_name: str) -> NavGroup:
    if (place := PLACES.get(url_name)) and place.group:
        return next(g for g in NAV_GROUPS if g.key == place.group)
    namespace = url_name.split(":", 1)[0]
    return next((g for g in NAV_GROUPS if namespace in g.namespaces),
                next(g for g in NAV_GROUPS if g.key == DEFAULT_GROUP))


def in_phase(url_name: str, phase: str) -> bool:
    """Whether the link belongs to the menu of a Cité at `phase` (else: « Toutes les pages »)."""
    place = PLACES.get(url_name)
    if place is not None and place.phases is not None:
        return phase in place.phases
    phases = PHASES_BY_NAMESPACE.get(url_name.split(":", 1)[0])
    return phases is None or phase in phases


def nav_groups_for(request: HttpRequest, *, every_phase: bool = False) -> list[dict]:
    """The links of `nav_for` of the Cité's phase, grouped; the group of the current page marked.

    Two levels at most: the groups, then their links (the section bar repeats the current
    group's links). A page whose own URL is not a menu entry (a meeting, an organisation…) still
    marks the group of its app, so its neighbours stay one click away in the section bar. With
    `every_phase`, the links of the other phases come too, each flagged `other_phase`.
    """
    phase = request.cite.phase
    links = [dict(link, other_phase=not in_phase(link["url_name"], phase))
             for link in nav_for(request)]
    if not every_phase:
        links = [link for link in links if not link["other_phase"]]
    current_view = getattr(request.resolver_match, "view_name", "") or ""
    current_group = _group_of(current_view) if ":" in current_view else None
    groups = []
    for group in NAV_GROUPS:
        members = [link for link in links if _group_of(link["url_name"]) == group]
        if members:
            groups.append({"key": group.key, "label": group.label, "links": members,
                           "current": group == current_group
                           and current_view not in NOT_IN_A_GROUP})
    return groups


def panels_for(request: HttpRequest, home: str = "project") -> list[dict]:
    """The panels of `home` the person may read, each with its template and context."""
    roles = getattr(request, "cite_roles", set())
    panels = []
    for panel in _home_panels:
        if home in panel.homes and (panel.url_name is None
                                    or level_for(panel.url_name, roles) >= Level.READ):
            context = panel.context(request)
            if context is not None:
                panels.append({"template": panel.template, **context})
    return panels
