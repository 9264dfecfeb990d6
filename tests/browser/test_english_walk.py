"""Every page of the permission matrix in English (issue 19, point 6), as the project lead and
the director, then the pages neither reads — the label authority's, what a visitor without an
account sees: no tell-tale French word of the menu, the method, the criteria, the publics or the
dashboards in the navigation, the section headings or the table captions, no French day name in
table headers and labels, and no French punctuation (« », a space before « : ; ! ? ») anywhere in
the page's main text. Page titles and table links are left out of the words: they carry what the
Cité typed (a scenario, a document, a room), which stays as typed. The project lead's walk is at
390 px with axe; the others' French walk is in test_phone_walk.py, so here they are only
measured against the phone's width.
"""

import re

import pytest

from capacite.core.models import Role
from tests.browser.conftest import login
from tests.browser.test_english import FRENCH_WORDS
from tests.browser.walk import PHONE, every_page, samples_in, serious_violations, unwalked

pytestmark = pytest.mark.browser


# French typography: guillemets, a space before « : ; ! ? » (plain, no-break or thin). The page's
# spacing (`typography.english_spacing`) leaves none in what the server writes; what a script
# writes, or a text split by a tag, would show here.
FRENCH_PUNCTUATION = re.compile(r"[«»]|\S[ \u00a0\u202f]+[:;!?](?=\s|$)")
# The days of the week in French, in table headers and form labels (a Cité's own names and
# prose, which may say « le mardi », are in the cells).
FRENCH_DAYS = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
                         re.IGNORECASE)


def french_left(page) -> list[str]:
    main = page.evaluate("() => document.querySelector('main')?.innerText ?? ''")
    punctuation = [f"punctuation: {line.strip()[:80]!r}" for line in main.splitlines()
                   if FRENCH_PUNCTUATION.search(line)]
    days = [f"day: {text!r}" for text in page.locator("main th, main label").all_inner_texts()
            if FRENCH_DAYS.search(text)]
    return punctuation + days + words_left(page)


def words_left(page) -> list[str]:
    nav = page.get_by_role("navigation", name="Main navigation")
    texts = {"menu": nav.locator("summary").all_inner_texts(),
             "menu links": nav.get_by_role("link").all_inner_texts(),
             "h2": page.locator("main h2").all_inner_texts(),
             "h3": page.locator("main h3").all_inner_texts(),
             "caption": page.locator("main caption").all_inner_texts()}
    return [f"{where}: {text!r}" for where, found in texts.items() for text in found
            if FRENCH_WORDS.search(text)]


def in_english(page, username: str | None) -> None:
    """Sign in (None: stay a visitor) and press « English » (in the header on a laptop), then
    look on a phone."""
    page.goto("about:blank")
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    if username:
        login(page, username)
    else:
        page.goto("/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.set_viewport_size(PHONE)


def test_every_page_of_the_matrix_reads_in_english(page, demo):
    from axe_playwright_python.sync_playwright import Axe

    checker, french, too_wide, violations, walked, seen = Axe(), {}, {}, {}, {}, set()

    def look(who: str, url: str, *, axe: bool = False) -> None:
        walked[who] = walked.get(who, 0) + 1
        if left := french_left(page):
            french[f"{who} {url}"] = left
        if (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
            too_wide[f"{who} {url}"] = width
        if axe and (bad := serious_violations(checker, page)):
            violations[f"{who} {url}"] = bad

    in_english(page, "porteur")
    for _name, url in every_page(page, samples_in("rivemont"), Role.PROJECT_LEAD):
        look("porteur", url, axe=True)
    valombre = samples_in("valombre")
    for username, role in [("directeur", Role.DIRECTOR), ("autorite", Role.LABEL_AUTHORITY),
                           (None, None)]:
        in_english(page, username)
        for _name, url in every_page(page, valombre, role, seen):
            look(username or "visitor", url)
    assert (french, too_wide, violations) == ({}, {}, {})
    assert unwalked(seen) == set()
    assert walked["porteur"] >= 150 and walked["directeur"] >= 150, walked
    assert walked["autorite"] >= 10 and walked["visitor"] >= 10, walked
