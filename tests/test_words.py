"""Words and numbers on the demo's pages, as a user reads them (issue 19).

One walk through every menu page of both demo Cités, as the person who sees most of each (the
project lead of Rivemont, the director of Valombre), in French and in English: no « (s) »
(plurals go through ngettext), no capitalised month abbreviation, no hours to the cent, no whole
euros written with « ,00 ».
"""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.whole_site]

TELL_TALES = {
    "« (s) » instead of a plural": re.compile(r"\w\(s\)|\(x\)"),
    "a capitalised month abbreviation":
        re.compile(r"\b\d{1,2} (Jan|Fév|Mar|Avr|Juil|Aoû|Sep|Oct|Nov|Déc)\b"),
    "hours to the cent": re.compile(r"\d,00(\s|&nbsp;|\u202f|\u00a0)?h\b"),
    # Money to the cent only where cents exist (capacite/lib/money.py).
    "whole euros to the cent": re.compile(r"\d,00(\s|&nbsp;|\u202f|\u00a0)?€|€\d[\d,]*\.00\b"),
}


# The Cerfa 12156*06's own line names, quoted as the form prints them (funding page).
QUOTED = ("Région(s)", "Region(s)", "Département(s)", "Intercommunalité(s)", "Commune(s)")


def _text(html: str) -> str:
    for quote in QUOTED:
        html = html.replace(quote, "")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _menu_urls(client: Client, slug: str) -> list[str]:
    page = client.get(reverse("core:all_pages", kwargs={"cite_slug": slug})).content.decode()
    body = page.split('<div class="all-pages">', 1)[1]
    return [reverse("core:cite_home", kwargs={"cite_slug": slug}),
            *re.findall(r'<li><a href="(/c/[^"]+)">', body)]


def test_no_page_of_the_demo_writes_plurals_months_or_hours_the_engineers_way(db):
    from capacite.core.demo import build_demo

    build_demo(password="demo")
    found = []
    for username, slug in (("porteur", "rivemont"), ("directeur", "valombre")):
        client = Client()
        client.force_login(User.objects.get(username=username))
        urls = _menu_urls(client, slug)
        assert len(urls) >= 25
        for language in ("fr", "en"):
            client.cookies["django_language"] = language
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, url
                text = _text(response.content.decode())
                found += [f"{language} {url}: {what} « {m.group(0)} »"
                          for what, pattern in TELL_TALES.items()
                          for m in pattern.finditer(text)]
    assert found == []
