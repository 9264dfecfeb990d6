"""Every page of the permission matrix on a phone (issue 19, point 3), with axe on each.

The overflow test (test_overflow.py) looks closely (cells, tiles, cut words) at the widest pages
as every account; this one looks at all of them: each page of a Cité that the permission matrix
lets the director read, opened at 390 px in the open Cité (Valombre, where every capability has
data), must be no wider than the screen and show axe no serious or critical violation. Routes
are discovered from the URL configuration, so a page added tomorrow is walked the day it is
added. Files (PDF, calendars, spreadsheets) and actions that only answer POST are not pages.
"""

import pytest
from django.urls import reverse

from capacite.core.models import Cite, Role
from capacite.core.permissions import MATRIX, Level
from capacite.testing import all_routes, sample_kwargs
from tests.browser.conftest import ARTIFACTS, login

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def readable_routes(role: Role) -> list:
    return [route for route in all_routes() if "cite_slug" in route.kwargs
            and MATRIX[route.name][role] >= Level.READ]


def test_every_page_the_director_reads_fits_a_phone_and_passes_axe(page, demo, axe):
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()
    cite = Cite.objects.get(slug="valombre")
    samples = sample_kwargs(cite)
    page.set_viewport_size(PHONE)
    # The dossiers' preview builds every dossier's content for its pre-flight: seconds, not
    # the 15 s a click may take, but the walk must not fail on a slow machine.
    page.set_default_navigation_timeout(60_000)
    login(page, "directeur")
    walked, too_wide, violations = [], {}, {}
    for route in readable_routes(Role.DIRECTOR):
        url = reverse(route.name, kwargs={k: samples[k] for k in route.kwargs})
        probe = page.request.get(url, max_redirects=0)  # a file would start a download
        if probe.status == 405 or not probe.headers.get("content-type", "").startswith(
                "text/html"):
            continue  # an action answering POST only, or a file
        assert probe.status in (200, 302), (route.name, url, probe.status)
        response = page.goto(url)
        assert response is not None and response.status == 200, (route.name, url)
        walked.append(route.name)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url] = width
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"phone-{route.name.replace(':', '-')}.png"),
                            full_page=True)
        results = checker.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                             "resultTypes": ["violations"]})
        bad = [f"{v['id']} ({v['impact']})" for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            violations[url] = bad
    assert (too_wide, violations) == ({}, {})
    # Most pages are walked (the rest are files and POST-only actions): a route table that
    # stopped resolving would otherwise pass an empty walk.
    assert len(walked) >= 150, len(walked)
