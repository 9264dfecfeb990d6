"""A phone's screen (390 px) and the menu (issue 19): no page wider than the screen, one
drop-down open at a time, Escape and a click elsewhere close them."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The pages people complained about on a phone, and the widest of each kind.
PAGES = {
    "porteur": ["/c/rivemont/", "/c/rivemont/partenaires/", "/c/rivemont/partenaires/couverture/",
                "/c/rivemont/feuille-de-route/", "/c/rivemont/planification/scenarios/",
                "/c/rivemont/toutes-les-pages/"],
    "directeur": ["/c/valombre/", "/c/valombre/equipe/", "/c/valombre/equipe/plannings/"],
}


def _document_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_menu_keeps_one_drop_down_open_and_closes_on_escape_or_outside(page, demo):
    login(page, "porteur")
    page.goto("/c/rivemont/")
    nav = page.get_by_role("navigation", name="Navigation principale")
    project = nav.locator("details").filter(has_text="Projet et label")
    partners = nav.locator("details").filter(has_text="Partenariat")
    project.locator("summary").click()
    expect(project).to_have_attribute("open", "")
    partners.locator("summary").click()
    expect(partners).to_have_attribute("open", "")
    expect(project).not_to_have_attribute("open", "")
    page.keyboard.press("Escape")
    expect(partners).not_to_have_attribute("open", "")
    expect(partners.locator("summary")).to_be_focused()
    project.locator("summary").click()
    page.locator("h1").click()
    expect(project).not_to_have_attribute("open", "")


def test_no_main_page_is_wider_than_a_phone(page, demo, axe):
    page.set_viewport_size(PHONE)
    too_wide = {}
    for username, urls in PAGES.items():
        page.context.clear_cookies()
        login(page, username)
        for url in urls:
            page.goto(url)
            if (width := _document_width(page)) > PHONE["width"]:
                too_wide[url] = width
    assert too_wide == {}

    # The menu hides behind one button; opened, it shows the groups, one below the other.
    page.goto("/c/valombre/equipe/plannings/")
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav).to_be_hidden()
    button = page.get_by_role("button", name="Menu")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    nav.locator("summary", has_text="Équipe").click()
    assert _document_width(page) <= PHONE["width"]
    axe.check(page, "phone-menu")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()

    # A roster of the week: on a phone, one day at a time (test_roster.py checks the days).
    page.locator("table tbody tr td a").first.click()
    page.wait_for_url("**/plannings/*/")
    assert _document_width(page) <= PHONE["width"]
    axe.check(page, "phone-planning")
