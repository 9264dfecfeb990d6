"""Walking every page of the permission matrix as a person who may read it (issue 19).

Routes are discovered from the URL configuration, so a page added tomorrow is walked the day it
is added. Files (PDF, calendars, spreadsheets) and actions that only answer POST are not pages:
a first request without following redirects tells them apart before the browser opens the URL
(a file would start a download).

Who walks what: a visitor without an account walks the pages open to everybody (the front
door, the public pages, the questionnaire, the kiosk, signing in); a member walks the pages of
their Cité that their role may read and the pages of any signed-in person (their data, their
password); the label authority walks also its own pages outside any Cité (the network, the
committees, opening a Cité). A walk given the routes others already walked (`seen`) walks the
rest only, so a test walks each page once whoever may read it; `HOMES` show each person their
own page and are walked by everybody.
"""

from collections.abc import Iterator

from django.urls import reverse

from capacite.core.models import Cite, Role
from capacite.core.permissions import MATRIX, Audience, Level
from capacite.testing import all_routes, sample_kwargs

PHONE = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# One page per person (issue 18): the front door, « Le réseau », a role's home of its Cité.
HOMES = frozenset({"core:home", "core:cite_home"})
# Links outside any Cité whose secret the walk cannot know: their page for a wrong or spent
# link (the invitation's and the password reset's say so and what to do) is walked.
UNKNOWN_LINKS = {"uidb64": "MQ", "token": "lien-inconnu"}
# The language switch is a form's action: Django answers a GET with a redirect to the page.
ACTIONS = frozenset({"set_language"})


def may_read(route_name: str, role: Role | None) -> bool:
    """Whether `role` (None: a visitor without an account) reads the page; the pages open to
    everybody are left to the visitor, who sees them as they are meant to be seen."""
    entry = MATRIX[route_name]
    if isinstance(entry, dict):
        return role is not None and entry[role] >= Level.READ
    if entry == Audience.EVERYONE:
        return role is None or route_name in HOMES
    if entry == Audience.SIGNED_IN:
        return role is not None
    return role == Role.LABEL_AUTHORITY  # Audience.LABEL_AUTHORITY


def samples_in(cite_slug: str) -> dict:
    """The URL parameters of a walk: objects of `cite_slug` (made once: some are created)."""
    return {**UNKNOWN_LINKS, **sample_kwargs(Cite.objects.get(slug=cite_slug))}


def every_page(page, samples: dict, role: Role | None,
               seen: set[str] | None = None) -> Iterator[tuple[str, str]]:
    """Open each page that `role` may read — those of the Cité of `samples` (`samples_in`) and
    those outside any Cité — and yield (route name, url) once it is open.

    With `seen`, routes named there are skipped (but `HOMES`), and every route this walk
    handles is added to it, pages and files alike: the caller can check that its walks left no
    route of the matrix aside.
    """
    # The dossiers' preview builds every dossier's content for its pre-flight: seconds, not
    # the 15 s a click may take, but a walk must not fail on a slow machine.
    page.set_default_navigation_timeout(60_000)
    homes = set()  # a member's front door leads to their Cité's home: walked once
    for route in all_routes():
        if route.name in ACTIONS or not may_read(route.name, role) or (
                seen is not None and route.name in seen and route.name not in HOMES):
            continue
        if seen is not None:
            seen.add(route.name)
        url = reverse(route.name, kwargs={k: samples[k] for k in route.kwargs})
        probe = page.request.get(url, max_redirects=0)
        if probe.status == 405 or not probe.headers.get("content-type", "").startswith(
                "text/html"):
            continue
        assert probe.status in (200, 302), (route.name, url, probe.status)
        response = page.goto(url)
        assert response is not None and response.status == 200, (route.name, url)
        if route.name in HOMES:
            if page.url in homes:
                continue
            homes.add(page.url)
        yield route.name, url


def unwalked(seen: set[str]) -> set[str]:
    """The routes of the matrix that no walk handled (but `ACTIONS`)."""
    return {route.name for route in all_routes()} - seen - ACTIONS


def serious_violations(checker, page) -> list[str]:
    """axe's serious and critical violations on the open page (RGAA / WCAG 2.1 AA)."""
    results = checker.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                         "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:2]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
