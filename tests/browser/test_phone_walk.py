"""Every page of the permission matrix on a phone (issue 19, point 3), with axe on each.

The overflow test (test_overflow.py) looks closely (cells, tiles, cut words) at the widest pages
as every account; this one looks at all of them: each page of the open Cité (Valombre, where
every capability has data) that the matrix lets the director read, opened at 390 px in French,
must be no wider than the screen and show axe no serious or critical violation. The English
walk (test_english_walk.py) does the same as the project lead, in English.
"""

import pytest

from capacite.core.models import Role
from tests.browser.conftest import ARTIFACTS, login
from tests.browser.walk import PHONE, every_page, serious_violations

pytestmark = pytest.mark.browser


def test_every_page_the_director_reads_fits_a_phone_and_passes_axe(page, demo):
    from axe_playwright_python.sync_playwright import Axe

    checker, walked, too_wide, violations = Axe(), [], {}, {}
    page.set_viewport_size(PHONE)
    login(page, "directeur")
    for name, url in every_page(page, "valombre", Role.DIRECTOR):
        walked.append(name)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url] = width
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"phone-{name.replace(':', '-')}.png"),
                            full_page=True)
        if bad := serious_violations(checker, page):
            violations[url] = bad
    assert (too_wide, violations) == ({}, {})
    # Most pages are walked (the rest are files and POST-only actions): a route table that
    # stopped resolving would otherwise pass an empty walk.
    assert len(walked) >= 150, len(walked)
