"""Every page of the permission matrix on a phone (issue 19, point 3), with axe on each.

The overflow test (test_overflow.py) looks closely (cells, tiles, cut words) at the widest pages
as every account; this one looks at all of them, each opened once at 390 px in French by
somebody who may read it: a visitor (the pages open to everybody), the director of the open
Cité (Valombre, where every capability has data: every page of the Cité and of a signed-in
person), the label authority (its forms in the Cité and its pages outside any Cité), then the
other roles of the Cité at their own home. Each page must be no wider than the screen and show
axe no serious or critical violation; no route of the matrix may be left aside. The English
walk (test_english_walk.py) does the same in English.
"""

import pytest

from capacite.core.models import Role
from tests.browser.conftest import ARTIFACTS, login
from tests.browser.walk import PHONE, every_page, samples_in, serious_violations, unwalked

pytestmark = pytest.mark.browser

WALKERS = [(None, None), ("directeur", Role.DIRECTOR), ("autorite", Role.LABEL_AUTHORITY),
           ("porteur2", Role.PROJECT_LEAD), ("conseiller", Role.STAFF),
           ("accueil", Role.RECEPTION), ("partenaire2", Role.PARTNER)]


def test_every_page_of_the_matrix_fits_a_phone_and_passes_axe(page, demo):
    from axe_playwright_python.sync_playwright import Axe

    checker, seen, walked, too_wide, violations = Axe(), set(), {}, {}, {}
    samples = samples_in("valombre")
    page.set_viewport_size(PHONE)
    for username, role in WALKERS:
        # Leave the last page first: a request it still has in flight (the tally screen sends
        # its queue) could otherwise bring the previous account's session cookie back.
        page.goto("about:blank")
        page.context.clear_cookies()
        if username:
            login(page, username)
        who = username or "visitor"
        walked[who] = 0
        for name, url in every_page(page, samples, role, seen):
            walked[who] += 1
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[f"{who} {url}"] = width
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"phone-{who}-{name.replace(':', '-')}.png"),
                                full_page=True)
            if bad := serious_violations(checker, page):
                violations[f"{who} {url}"] = bad
    assert (too_wide, violations) == ({}, {})
    assert unwalked(seen) == set()
    # Most pages are walked (the rest are files and POST-only actions): a route table that
    # stopped resolving would otherwise pass an empty walk.
    assert walked["directeur"] >= 150 and walked["autorite"] >= 10 and walked["visitor"] >= 10, \
        walked
