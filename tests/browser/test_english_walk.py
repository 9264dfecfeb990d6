"""Every page of the permission matrix in English (issue 19, point 6), as the project lead and
the director: no tell-tale French word of the menu, the method, the criteria, the publics or the
dashboards in the navigation, the section headings or the table captions. Page titles and table
links are left out: they carry what the Cité typed (a scenario, a document, a room), which stays
as typed. The project lead's walk is at 390 px with axe, the director's French one being in
test_phone_walk.py.
"""

import pytest

from capacite.core.models import Role
from tests.browser.conftest import login
from tests.browser.test_english import FRENCH_WORDS
from tests.browser.walk import PHONE, every_page, serious_violations

pytestmark = pytest.mark.browser


def french_left(page) -> list[str]:
    nav = page.get_by_role("navigation", name="Main navigation")
    texts = {"menu": nav.locator("summary").all_inner_texts(),
             "menu links": nav.get_by_role("link").all_inner_texts(),
             "h2": page.locator("main h2").all_inner_texts(),
             "h3": page.locator("main h3").all_inner_texts(),
             "caption": page.locator("main caption").all_inner_texts()}
    return [f"{where}: {text!r}" for where, found in texts.items() for text in found
            if FRENCH_WORDS.search(text)]


def in_english(page, username: str) -> None:
    """Sign in and press « English » (in the header on a laptop), then look on a phone."""
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, username)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.set_viewport_size(PHONE)


def test_every_page_reads_in_english_for_the_project_lead_and_the_director(page, demo):
    from axe_playwright_python.sync_playwright import Axe

    checker, french, too_wide, violations, walked = Axe(), {}, {}, {}, 0
    in_english(page, "porteur")
    for _name, url in every_page(page, "rivemont", Role.PROJECT_LEAD):
        walked += 1
        if left := french_left(page):
            french[url] = left
        if (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
            too_wide[url] = width
        if bad := serious_violations(checker, page):
            violations[url] = bad
    in_english(page, "directeur")
    for _name, url in every_page(page, "valombre", Role.DIRECTOR):
        walked += 1
        if left := french_left(page):
            french[url] = left
    assert (french, too_wide, violations) == ({}, {}, {})
    assert walked >= 300, walked
