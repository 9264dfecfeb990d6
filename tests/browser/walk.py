"""Walking every page of a Cité that the permission matrix lets a role read (issue 19).

Routes are discovered from the URL configuration, so a page added tomorrow is walked the day it
is added. Files (PDF, calendars, spreadsheets) and actions that only answer POST are not pages:
a first request without following redirects tells them apart before the browser opens the URL
(a file would start a download).
"""

from collections.abc import Iterator

from django.urls import reverse

from capacite.core.models import Cite, Role
from capacite.core.permissions import MATRIX, Level
from capacite.testing import all_routes, sample_kwargs

PHONE = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def every_page(page, cite_slug: str, role: Role) -> Iterator[tuple[str, str]]:
    """Open each page of `cite_slug` that `role` may read; yields (route name, url) once open."""
    samples = sample_kwargs(Cite.objects.get(slug=cite_slug))
    # The dossiers' preview builds every dossier's content for its pre-flight: seconds, not
    # the 15 s a click may take, but a walk must not fail on a slow machine.
    page.set_default_navigation_timeout(60_000)
    for route in all_routes():
        if "cite_slug" not in route.kwargs or MATRIX[route.name][role] < Level.READ:
            continue
        url = reverse(route.name, kwargs={k: samples[k] for k in route.kwargs})
        probe = page.request.get(url, max_redirects=0)
        if probe.status == 405 or not probe.headers.get("content-type", "").startswith(
                "text/html"):
            continue
        assert probe.status in (200, 302), (route.name, url, probe.status)
        response = page.goto(url)
        assert response is not None and response.status == 200, (route.name, url)
        yield route.name, url


def serious_violations(checker, page) -> list[str]:
    """axe's serious and critical violations on the open page (RGAA / WCAG 2.1 AA)."""
    results = checker.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                         "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']})" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]
