"""Every demo account follows every link it is shown on its Cités (issue 13, points 1, 2 and 4).

From `/` (which sends a one-Cité member to their Cité's home), each account follows every link
and notes every form it is shown, inside the site. Every page must answer 200 — no 403 behind a
link, no 500 — with a title free of markup. Then every creation form the account may use must
have been offered by some page: a creation page nobody links to is a button hidden by mistake.

Links are followed once per kind of page (URL name and query parameter names): the next week's
link of a planning leads to another next week forever, and 21 organisations' pages show the same
links. That keeps the crawl near 800 pages for the nine accounts.
"""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from capacite.core.models import Cite
from capacite.core.permissions import MATRIX, Level, level_for
from capacite.core.tenancy import roles_in

pytestmark = pytest.mark.whole_site

ACCOUNTS = ["autorite", "porteur", "elu", "partenaire", "directeur", "conseiller", "accueil",
            "porteur2", "partenaire2"]
NOT_FOLLOWED = ("/static/", "/media/", "/compte/deconnexion/")
TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
CSV_NOTE = "csv-note"  # the class of the note's element in templates/csv_note.html

# Creation forms a page cannot offer in the demo, with why.
NOT_OFFERED_IN_THE_DEMO = {
    # A partner adds commitments to their own organisation only; the crawl opens one
    # organisation page, another one's.
    "partners:commitment_add": {"partenaire", "partenaire2"},
    "partners:contribution_add": {"partenaire", "partenaire2"},
    # Every demo submission to the label authority already has its decision.
    "review:decision_create": {"autorite"},
    # A photo is added to a fitted space; Rivemont, still a project, has none described yet
    # (its spaces page offers to add one, then the photo form).
    "premises:photo_add": {"porteur"},
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from capacite.core.demo import build_demo

    media = tmp_path_factory.mktemp("media")
    with (django_db_blocker.unblock(),
          override_settings(MEDIA_ROOT=media,
                            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
          transaction.atomic()):
        build_demo(password="demo")
        yield media
        transaction.set_rollback(True)


def kind_of(url: str) -> tuple[str, tuple[str, ...]]:
    parts = urlsplit(url)
    try:
        name = resolve(parts.path).view_name
    except Resolver404:
        name = parts.path
    keys = tuple(sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair}))
    return name, keys


def inside(base: str, href: str | None) -> str | None:
    """The site-relative address of `href` on the page at `base`, or None if it leaves."""
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(urljoin(f"http://testserver{base}", href))
    if parts.netloc != "testserver" or parts.path.startswith(NOT_FOLLOWED):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_csv_download(url: str) -> bool:
    """Whether a site-relative address is a CSV download: a path ending in « .csv » or a
    `format=csv` query parameter."""
    parts = urlsplit(url)
    return parts.path.endswith(".csv") or "csv" in parse_qs(parts.query).get("format", [])


def crawl(client: Client) -> tuple[list, set[str]]:
    """Follow every link from `/`: the problems met, and the URL names of the forms shown."""
    problems, kinds, forms, todo = [], set(), set(), ["/"]
    while todo:
        url = todo.pop()
        if kind_of(url) in kinds:
            continue
        kinds.add(kind_of(url))
        response = client.get(url, follow=True)
        if response.status_code != 200:
            problems.append((url, response.status_code))
            continue
        if response["Content-Type"].startswith("text/csv") and not is_csv_download(url):
            problems.append((url, "a CSV file at an address that does not say so"))
        if not response["Content-Type"].startswith("text/html"):
            continue
        here = response.redirect_chain[-1][0] if response.redirect_chain else url
        title = TITLE.search(response.content)
        if title is None or b"<" in title.group(1):
            problems.append((url, "title", title and title.group(1)[:80]))
        page = lxml.html.fromstring(response.content)
        offers_csv = False
        for link in page.iter("a"):
            target = inside(here, link.get("href"))
            if target is not None:
                todo.append(target)
                offers_csv = offers_csv or is_csv_download(target)
        if offers_csv and not page.find_class(CSV_NOTE):
            problems.append((url, "a CSV download without the note on opening it"))
        for form in page.iter("form"):
            target = inside(here, form.get("action") or here)
            if target is not None:
                forms.add(kind_of(target)[0])
    return problems, {name for name, _ in kinds} | forms


@pytest.mark.django_db
@pytest.mark.parametrize("username", ACCOUNTS)
def test_every_link_shown_opens_and_every_creation_form_is_offered(demo, settings, username):
    settings.MEDIA_ROOT = demo  # the demo's files, not the empty folder every test gets
    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    problems, reached = crawl(client)
    assert problems == []
    creatable = {
        name for cite in Cite.objects.all() for name, entry in MATRIX.items()
        if isinstance(entry, dict) and name.endswith(("_add", "_create"))
        and level_for(name, roles_in(user, cite)) >= Level.WRITE
    }
    hidden = sorted(name for name in creatable - reached
                    if username not in NOT_OFFERED_IN_THE_DEMO.get(name, set()))
    assert hidden == []
