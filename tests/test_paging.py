"""Every list that grows without bound comes fifty rows at a time (issue 13, point 20).

An import fills the organisations list with 10,000 rows; decisions, meetings, events, jobs and
the role history grow every week. Each such page is filled past one page here and read as a
person reads it: page 1 shows fifty rows and links to page 2, page 2 shows the rest, and an odd
page number reads as page 1 (the refusal of odd values every query parameter gets). Counts,
the first-circle checklist and exports stay computed over the whole list.
"""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scope

from capacite.core.models import Membership, Role
from capacite.lib.paging import PER_PAGE, page_of
from capacite.testing import client_for

ROWS = 61  # a full page and eleven more
COUNT = re.compile(r"Page 1 sur 2 \((\d+) éléments\)")


@dataclass(frozen=True)
class ListPage:
    route: str
    rows: str  # xpath of the list's rows on the page
    make: Callable  # fills the list; returns the URL's other parameters
    param: str = "page"
    role: Role = Role.PROJECT_LEAD

    def __str__(self) -> str:
        return f"{self.route}?{self.param}" if self.param != "page" else self.route


def organisations(world):
    from capacite.partners.models import Organisation

    Organisation.objects.bulk_create(
        Organisation(cite=world.cite, name=f"Marqueur n° {n:03d}", kind="operator")
        for n in range(ROWS))
    return {}


def decisions(world):
    from capacite.governance.models import Body, Decision

    body = Body.objects.create(cite=world.cite, kind="steering", name="Comité de pilotage")
    Decision.objects.bulk_create(
        Decision(cite=world.cite, body=body, decided_on=date(2026, 1, 1) + timedelta(days=n),
                 title=f"Décision n° {n}") for n in range(ROWS))
    return {}


def meetings(world):
    from capacite.governance.models import Body, Meeting

    body = Body.objects.create(cite=world.cite, kind="steering", name="Comité de pilotage")
    start = datetime(2020, 1, 6, 14, tzinfo=UTC)
    Meeting.objects.bulk_create(
        Meeting(cite=world.cite, body=body, starts_at=start + timedelta(weeks=n),
                place=f"Salle n° {n}") for n in range(ROWS))
    return body


def past_meetings(world):
    meetings(world)
    return {}


def a_body_s_meetings(world):
    return {"body_id": meetings(world).pk}


def events(world):
    from capacite.events.models import Event

    soon = datetime.now(UTC) + timedelta(days=1)
    Event.objects.bulk_create(
        Event(cite=world.cite, title=f"Atelier n° {n}", starts_at=soon + timedelta(days=n),
              ends_at=soon + timedelta(days=n, hours=2)) for n in range(ROWS))
    return {}


def resources(world):
    from capacite.documentation.models import Resource

    Resource.objects.bulk_create(Resource(cite=world.cite, title=f"Guide n° {n:03d}")
                                 for n in range(ROWS))
    return {}


def jobs(world):
    from capacite.jobs.models import Job

    Job.objects.bulk_create(Job(cite=world.cite, kind="dossier", status="done")
                            for _n in range(ROWS))
    return {}


def accounts(world):
    get_user_model().objects.bulk_create(
        get_user_model()(username=f"compte{n:03d}", last_name=f"Compte n° {n:03d}")
        for n in range(ROWS))
    return {}


def members(world):
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"membre{n:03d}", last_name=f"Membre n° {n:03d}")
        for n in range(ROWS))
    for user in users:  # one by one: each role given is a line of the role history
        Membership.objects.create(user=user, cite=world.cite, role=Role.PARTNER)
    return {}


def indicators(world):
    from capacite.diagnosis.models import Indicator

    Indicator.objects.bulk_create(
        Indicator(cite=world.cite, theme="economy", label=f"Indicateur n° {n:03d}", value=n,
                  unit="number", observed_on=date(2025, 12, 31)) for n in range(ROWS))
    return {}


def rosters(world):
    from capacite.offer.models import Site
    from capacite.staffing.models import RosterRun

    site = Site.objects.create(cite=world.cite, name="Site de la Halle")
    RosterRun.objects.bulk_create(
        RosterRun(cite=world.cite, site=site, week_start=date(2026, 1, 5) + timedelta(weeks=n))
        for n in range(ROWS))
    return {}


def actions(world):
    from capacite.communication.models import Action

    Action.objects.bulk_create(
        Action(cite=world.cite, title=f"Action n° {n}", tool="website",
               date=date(2026, 1, 1) + timedelta(days=n), budget=Decimal("10.00"))
        for n in range(ROWS))
    return {}


LIST_PAGES = [
    ListPage("partners:organisations", "//table[@id='liste']/tbody/tr", organisations),
    ListPage("partners:without_letter", "//table[@id='liste']/tbody/tr", organisations),
    ListPage("partners:alerts", "//h3[@id='sans-echange']/following-sibling::ul[1]/li",
             organisations, param="sans-echange"),
    ListPage("diagnosis:offer_map", "//ul[@class='missing-actors']/li", organisations,
             param="a-renseigner"),
    ListPage("governance:decisions", "//table[@id='decisions']/tbody/tr", decisions),
    ListPage("governance:meetings", "//section[@aria-labelledby='past']//tbody/tr",
             past_meetings, param="passees"),
    ListPage("governance:body_detail", "//section[@aria-labelledby='meetings']/ul/li",
             a_body_s_meetings, param="reunions"),
    ListPage("events:events", "//table[@id='evenements']/tbody/tr", events),
    ListPage("documentation:resources", "//table[@id='catalogue']/tbody/tr", resources),
    ListPage("jobs:list", "//table[@id='travaux']/tbody/tr", jobs),
    ListPage("people:accounts", "//div[@id='comptes']//tbody/tr", accounts,
             role=Role.LABEL_AUTHORITY),
    ListPage("people:members", "//div[@id='membres']//tbody/tr", members),
    ListPage("people:members", "//section[@aria-labelledby='historique-roles']//tbody/tr",
             members, param="historique"),
    ListPage("diagnosis:overview", "//section[@id='theme-economy']//tbody/tr", indicators,
             param="page-economy"),
    ListPage("staffing:rosters", "//table[@id='calcules']/tbody/tr", rosters),
    ListPage("communication:plan", "//table[@id='actions']/tbody/tr", actions),
]


def rows_of(page: ListPage, response) -> list[str]:
    """Each row's text and link addresses (two jobs of one kind read alike but for their link)."""
    assert response.status_code == 200
    html = lxml.html.fromstring(response.content)
    return [" ".join([*row.text_content().split(), *(a.get("href") for a in row.iter("a"))])
            for row in html.xpath(page.rows)]


def next_link(response, param: str) -> str | None:
    html = lxml.html.fromstring(response.content)
    links = [a.get("href") for a in html.xpath("//nav[@class='pager']//a[@rel='next']")
             if f"{param}=2" in a.get("href")]
    return links[0] if links else None


@pytest.mark.django_db
@pytest.mark.parametrize("page", LIST_PAGES, ids=str)
def test_a_long_list_comes_fifty_rows_at_a_time(world, page):
    with scope(cite=world.cite):
        kwargs = page.make(world)
    cite_kwargs = {} if page.route == "people:accounts" else {"cite_slug": world.cite.slug}
    address = reverse(page.route, kwargs={**cite_kwargs, **kwargs})
    client = client_for(world, page.role)

    first = client.get(address)
    shown = rows_of(page, first)
    assert len(shown) == PER_PAGE
    total = int(COUNT.search(first.content.decode()).group(1))
    assert total >= ROWS
    link = next_link(first, page.param)
    assert link is not None and link.startswith(address)

    second = client.get(link)
    rest = rows_of(page, second)
    assert len(rest) == total - PER_PAGE
    assert set(rest).isdisjoint(shown)
    assert "Page 2 sur 2" in second.content.decode()

    for odd in ("²", "0", "-1", "9223372036854775808", "abc"):
        assert rows_of(page, client.get(f"{address}?{page.param}={odd}")) == shown
    assert rows_of(page, client.get(f"{address}?{page.param}=99")) == rest  # past the end


def test_the_pager_keeps_the_page_s_other_parameters():
    request = RequestFactory().get("/c/alpha/partenaires/",
                                   {"type": "operator", "q": "Mission", "page": "2"})
    paged = page_of(request, list(range(160)))
    assert paged.page.number == 2
    assert paged.next_url == "/c/alpha/partenaires/?type=operator&q=Mission&page=3"
    assert paged.previous_url == "/c/alpha/partenaires/?type=operator&q=Mission"
    assert paged.last_url == "/c/alpha/partenaires/?type=operator&q=Mission&page=4"

    third = page_of(RequestFactory().get("/liste/", {"page": "3"}), list(range(160)))
    nav = lxml.html.fromstring(render_to_string("pager.html", {"paged": third,
                                                               "anchor": "liste"}))
    assert [(a.text_content().strip(), a.get("href")) for a in nav.iter("a")] == [
        ("« première page", "/liste/#liste"), ("← page précédente", "/liste/?page=2#liste"),
        ("page suivante →", "/liste/?page=4#liste")]
    assert " ".join(nav.text_content().split()).count("Page 3 sur 4 (160 éléments)") == 1


@pytest.mark.django_db
def test_the_organisations_pages_keep_their_filters_and_the_checklist_reads_every_one(world):
    from capacite.partners.models import Organisation

    with scope(cite=world.cite):
        organisations(world)
        Organisation.objects.bulk_create(
            Organisation(cite=world.cite, name=f"Autre n° {n:03d}", kind="economic",
                         fields=["employment"]) for n in range(3))
        # Sorted last: on page 2, yet the checklist of page 1 names it.
        Organisation.objects.create(cite=world.cite, name="Zz Rectorat", kind="first_circle",
                                    first_circle="education")
        Organisation.objects.exclude(name="Marqueur n° 060").filter(kind="operator").update(
            fields=["orientation", "employment"])
    address = reverse("partners:organisations", args=[world.cite.slug])
    client = client_for(world)
    page = next(p for p in LIST_PAGES if p.route == "partners:organisations")

    first = client.get(address)
    html = first.content.decode()
    assert "65 organisations" in html  # the caption counts the whole list
    checklist = lxml.html.fromstring(first.content).xpath(
        "//section[@aria-labelledby='first-circle']")[0].text_content()
    assert "Zz Rectorat" in checklist
    assert not any("Zz Rectorat" in row for row in rows_of(page, first))

    filtered = client.get(f"{address}?type=operator&champ=employment")
    assert len(rows_of(page, filtered)) == PER_PAGE
    link = next_link(filtered, "page")
    assert link == f"{address}?type=operator&champ=employment&page=2#liste"
    assert len(rows_of(page, client.get(link))) == 60 - PER_PAGE
    assert "Page 2 sur 2 (60 éléments)" in client.get(link).content.decode()
    link = next_link(client.get(f"{address}?champ=employment"), "page")
    assert len(rows_of(page, client.get(link))) == 63 - PER_PAGE

    export = client.get(reverse("partners:export_csv", args=[world.cite.slug])
                        + "?champ=employment&page=2")
    lines = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert len(lines) - 1 == 63  # the whole filtered list, not its second page
    assert 'href="/c/alpha/partenaires/export.csv?champ=employment"' in client.get(
        link).content.decode()


@pytest.mark.django_db
def test_the_public_catalogue_shows_each_theme_s_first_twelve_and_pages_its_search(world):
    from capacite.documentation.models import Resource, Theme
    from capacite.public.models import PublicProfile

    with scope(cite=world.cite):
        PublicProfile.objects.create(cite=world.cite, published=True)
        theme = Theme.objects.create(cite=world.cite, name="Métiers et secteurs")
        resources(world)
        for resource in Resource.objects.all():
            resource.themes.add(theme)
    address = reverse("public:documentation", kwargs={"public_slug": world.cite.slug})
    client = client_for(world)

    shelf = client.get(address).content.decode()
    assert shelf.count("Guide n° ") == 12
    assert f'href="?theme={theme.pk}#resultats"' in shelf
    assert "Voir les 61 ressources du thème «\u00a0Métiers et secteurs\u00a0»" in shelf

    found = client.get(f"{address}?theme={theme.pk}")
    assert found.content.decode().count("Guide n° ") == PER_PAGE
    link = next_link(found, "page")
    assert link == f"{address}?theme={theme.pk}&page=2#resultats"
    assert client.get(link).content.decode().count("Guide n° ") == ROWS - PER_PAGE


@pytest.mark.django_db
def test_the_kiosk_s_documentation_search_comes_fifty_results_at_a_time(client, world):
    from capacite.activity.models import Kiosk
    from capacite.activity.public_views import activation_code
    from capacite.offer.models import Site

    with scope(cite=world.cite):
        site = Site.objects.create(cite=world.cite, name="Site principal", kind="main")
        kiosk = Kiosk.objects.create(cite=world.cite, site=site, name="Borne de l'entrée")
        resources(world)
    client.get(reverse("kiosk:activate", args=[activation_code(kiosk)]))
    address = reverse("kiosk:documentation")

    first = client.get(f"{address}?q=guide")
    assert first.content.decode().count("Guide n° ") == PER_PAGE
    link = next_link(first, "page")
    assert link == f"{address}?q=guide&page=2"
    assert client.get(link).content.decode().count("Guide n° ") == ROWS - PER_PAGE
