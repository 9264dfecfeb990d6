"""Nothing spills (issue 13, point 5): no page wider than the screen, no text out of its tile or
its table cell, on a laptop (1366 px) and a phone (390 px): every demo account's home (issue 18),
the widest pages of both demo Cités, the open Cité's activity screens (issue 14), and what a
visitor without an account sees (the front door, the public pages, the kiosk, the questionnaire).

The opening status is at its longest when a site is closed today (« Fermé — ouvre mercredi
9 décembre à 10:00 »): the test closes every site for the day so the worst case is on screen
whatever the hour the suite runs.
"""

import pytest

from tests.browser.conftest import ARTIFACTS, login

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# Every demo account's home (issue 18), the Sites page, the widest pages of each kind (tables of
# many columns, tiles) and the open Cité's activity screens (issue 14); None: a visitor without
# an account, at the front door, on the public pages, then on the kiosk and the questionnaire
# (their links are made in the test: `visitor_links`).
RIVEMONT = "/c/rivemont/"
VALOMBRE = "/c/valombre/"
PAGES = {
    "porteur": [RIVEMONT + path for path in (
        "", "offre/sites/", "partenaires/", "partenaires/couverture/", "feuille-de-route/",
        "planification/scenarios/", "planification/comparaison/", "planification/financements/",
        "planification/tresorerie/", "communication/", "locaux/")],
    "directeur": [VALOMBRE + path for path in (
        "", "projet/", "offre/sites/", "equipe/", "equipe/plannings/", "tableaux-de-bord/",
        "tableaux-de-bord/qualite/", "evenements/", "documentation/",
        "activite/questionnaires/", "activite/bornes/", "activite/participations/",
        "activite/historique/")],
    "accueil": [VALOMBRE, VALOMBRE + "activite/comptage/"],
    "conseiller": [VALOMBRE],
    "porteur2": [VALOMBRE],
    "partenaire2": [VALOMBRE],
    "partenaire": [RIVEMONT],
    "elu": [RIVEMONT],
    "autorite": ["/"],
    None: ["/", "/public/valombre/", "/public/valombre/agenda/",
           "/public/valombre/documentation/"],
}


def visitor_links() -> list[str]:
    """The questionnaire's link and the kiosk's activation link (it opens the kiosk's start)."""
    from django_scopes import scopes_disabled

    from capacite.activity.models import Kiosk, SurveyLink
    from capacite.activity.public_views import activation_code

    with scopes_disabled():
        link = SurveyLink.objects.filter(pole=None).order_by("pk").first()
        kiosk = Kiosk.objects.order_by("pk").first()
    return [f"/q/{link.token}/", f"/borne/activer/{activation_code(kiosk)}/",
            "/borne/questionnaire/"]


# Elements that spill: a table cell whose content is wider than the cell, an element that
# leaves its tile or card (unless it sits in a frame that scrolls inside the tile), and the
# document itself when it is wider than the window. And the other way to « fit »: a word of
# letters cut across two lines (« Aujourd'h / ui ») because its box was squeezed below the word;
# addresses and hyphenated names may break, ordinary words may not.
SPILLS = """() => {
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim()
       ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " « " + (el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 50) + " »";
  const unseen = (el) => el.closest(".visually-hidden, [hidden]")
    || el.getClientRects().length === 0;
  const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth) {
    found.push("document " + width + " px wide");
  }
  for (const cell of document.querySelectorAll("main td, main th")) {
    if (!unseen(cell) && cell.scrollWidth > cell.clientWidth + 1) {
      found.push("cell " + name(cell) + ": " + cell.scrollWidth + " > " + cell.clientWidth);
    }
  }
  for (const tile of document.querySelectorAll("main .tile, main .card")) {
    const box = tile.getBoundingClientRect();
    for (const el of tile.querySelectorAll("*")) {
      if (unseen(el)) continue;
      let framed = false;
      for (let up = el.parentElement; up && up !== tile; up = up.parentElement) {
        if (scrolls(up)) { framed = true; break; }
      }
      const r = el.getBoundingClientRect();
      if (!framed && r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
        found.push("in tile " + name(el) + ": " + Math.round(r.left) + "–" + Math.round(r.right)
                   + " outside " + Math.round(box.left) + "–" + Math.round(box.right));
      }
    }
  }
  const walker = document.createTreeWalker(document.querySelector("main") || document.body,
                                           NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (unseen(node.parentElement)) continue;
    for (const token of node.data.matchAll(/\\S+/g)) {
      if (/[/@.]\\p{L}/u.test(token[0])) continue;  // an address may break anywhere
      for (const word of token[0].matchAll(/[\\p{L}'’]{4,}/gu)) {
        range.setStart(node, token.index + word.index);
        range.setEnd(node, token.index + word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0)
                               .map((r) => Math.round(r.top)));
        if (lines.size > 1) {
          found.push("word cut in " + name(node.parentElement) + ": " + word[0]);
        }
      }
    }
  }
  return found;
}"""


@pytest.fixture
def every_site_closed_today(demo):
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from capacite.offer.models import Closure, Site

    today = timezone.localdate()
    with scopes_disabled():
        for site in Site.objects.all():
            Closure.objects.create(cite=site.cite, site=site, first=today, last=today,
                                   label="Inventaire")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366px", "390px"])
def test_no_page_spills_out_of_the_screen_a_tile_or_a_cell(page, every_site_closed_today,
                                                            viewport):
    page.set_viewport_size(viewport)
    spills = {}
    for username, urls in PAGES.items():
        # Leave the last page first: a request it still has in flight (the tally screen sends
        # its queue) could otherwise bring the previous account's session cookie back.
        page.goto("about:blank")
        page.context.clear_cookies()
        if username is None:
            urls = urls + visitor_links()
        else:
            login(page, username)
        for url in urls:
            response = page.goto(url)
            assert response is not None and response.status == 200, url
            if found := page.evaluate(SPILLS):
                spills[f"{username or 'visitor'} {url}"] = found
                ARTIFACTS.mkdir(exist_ok=True)
                name = url.strip("/").replace("/", "-")[:60] or "front-door"
                page.screenshot(path=str(ARTIFACTS / f"overflow-{viewport['width']}-"
                                         f"{username or 'visitor'}-{name}.png"), full_page=True)
    assert spills == {}


def test_the_sites_page_shows_the_long_closed_status_whole(page, every_site_closed_today):
    """The status that spilled: closed today, it names the next opening day in full."""
    page.set_viewport_size(LAPTOP)
    login(page, "directeur")
    page.goto("/c/valombre/offre/sites/")
    status = page.locator("table .status").first
    assert status.inner_text().startswith("Fermé — ouvre ")
    cell = status.locator("xpath=ancestor::td")
    box, inner = cell.bounding_box(), status.bounding_box()
    assert inner["x"] + inner["width"] <= box["x"] + box["width"]
