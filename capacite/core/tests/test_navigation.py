"""The menu: two levels at most, grouped by what people do, the pages of the Cité's phase."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from capacite.core.models import Phase, Role

pytestmark = pytest.mark.django_db


class _MenuDepth(HTMLParser):
    """The deepest nesting of lists inside the main menu (1 = a flat list)."""

    def __init__(self):
        super().__init__()
        self.in_menu = False
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag == "nav" and ("id", "main-nav") in attrs:
            self.in_menu = True
        elif self.in_menu and tag == "ul":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if self.in_menu and tag == "ul":
            self.depth -= 1
        elif tag == "nav":
            self.in_menu = False


def _menu(client, url_name="core:cite_home", **kwargs) -> tuple[int, list[str], list[str]]:
    page = client.get(reverse(url_name, kwargs={"cite_slug": "alpha", **kwargs})).content.decode()
    parser = _MenuDepth()
    parser.feed(page)
    menu = page.split('id="main-nav"', 1)[1].split("</nav>", 1)[0]
    return (parser.deepest, re.findall(r"<summary[^>]*>([^<]+)</summary>", menu),
            re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a></li>', menu))


@pytest.mark.parametrize("role", list(Role))
def test_the_menu_has_two_levels_at_most_for_every_role(world, role):
    client = Client()
    client.force_login(world.users[role])
    depth, _groups, _links = _menu(client)
    assert depth == 2


def test_a_cite_under_construction_offers_the_project_pages_not_the_open_citys(world):
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    _depth, groups, links = _menu(client)
    assert groups == ["Projet et label", "Partenariat", "Gouvernance", "Territoire et offre",
                      "Équipe", "Budget", "Vie de la Cité", "Réglages"]
    assert "Rétro-planning" in links and "Scénarios" in links
    assert "Mon planning" not in links and "Plannings" not in links
    assert "Comptage des passages" not in links and "Bornes" not in links


def test_an_open_cite_offers_its_rosters_and_leaves_the_backplan_to_all_pages(world):
    world.cite.phase = Phase.OPERATION
    world.cite.save()
    client = Client()
    client.force_login(world.users[Role.DIRECTOR])
    _depth, _groups, links = _menu(client)
    assert "Mon planning" in links and "Plannings" in links
    assert "Rétro-planning" not in links and "Scénarios" not in links
    page = client.get(reverse("core:all_pages", kwargs={"cite_slug": "alpha"})).content.decode()
    assert ('<li><a href="/c/alpha/feuille-de-route/retro-planning/">Rétro-planning</a> '
            '<span class="muted">(autre phase)</span></li>') in page
    assert '<li><a href="/c/alpha/equipe/mon-planning/">Mon planning</a></li>' in page


def test_the_reception_sees_a_short_menu(world):
    client = Client()
    client.force_login(world.users[Role.RECEPTION])
    _depth, groups, links = _menu(client)
    assert len(links) <= 12, links
    assert "Budget" not in groups


def _menu_groups_and_links(client) -> dict[str, list[str]]:
    """Each menu group's label with the labels of its links, as the page shows them."""
    page = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    menu = page.split('id="main-nav"', 1)[1].split("</nav>", 1)[0]
    return {label: re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a></li>', body)
            for label, body in re.findall(r"<summary[^>]*>([^<]+)</summary>(.*?)</details>",
                                          menu, flags=re.S)}


def test_in_english_no_menu_group_is_named_like_a_page_it_holds(world):
    """« Équipe » names a group and its page: English says « Team » for the group and « Staff
    and posts » for the page (two contexts of one French word); the role stays « Staff »."""
    world.cite.phase = Phase.OPERATION
    world.cite.save()
    client = Client()
    client.force_login(world.users[Role.DIRECTOR])
    client.cookies["django_language"] = "en"
    groups = _menu_groups_and_links(client)
    assert groups["Team"] == ["Staff and posts", "Rosters", "My roster", "Partners&#x27; hours"]
    assert {label: [link for link in links if link == label]
            for label, links in groups.items()} == {label: [] for label in groups}
    team = client.get(reverse("staffing:team", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "<h1>Staff and posts</h1>" in team
    with translation.override("en"):
        assert str(Role.STAFF.label) == "Staff"  # the role, a person, keeps its word


def test_in_french_the_group_and_its_page_keep_the_word_equipe(world):
    client = Client()
    client.force_login(world.users[Role.DIRECTOR])
    groups = _menu_groups_and_links(client)
    assert groups["Équipe"][0] == "Équipe"
