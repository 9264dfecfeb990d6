"""The layout, error pages and Cité settings."""

import pytest
from django.test import Client
from django.urls import reverse

from capacite.core.models import Role

pytestmark = pytest.mark.django_db


def test_an_unknown_page_gives_the_french_404_inside_the_layout(client, world):
    client.force_login(world.users[Role.PROJECT_LEAD])
    response = client.get("/nulle-part/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in page
    assert 'aria-label="Navigation principale"' in page


def test_a_read_only_role_gets_the_french_403_inside_the_layout(client, world):
    client.force_login(world.users[Role.SPONSOR])
    url = reverse("core:cite_settings", kwargs={"cite_slug": "alpha"})
    response = client.post(url, {"name": "x"})
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()


def test_a_server_error_gives_the_french_500_page(world, settings):
    from django.test import RequestFactory

    from capacite.core.views import server_error

    request = RequestFactory().get("/")
    request.user = world.users[Role.STAFF]
    response = server_error(request)
    assert response.status_code == 500
    assert "<h1>Erreur du serveur</h1>" in response.content.decode()


def test_the_language_switch_turns_the_interface_to_english(client, world):
    client.force_login(world.users[Role.PROJECT_LEAD])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("core:home"), follow=True).content.decode()
    assert '<html lang="en">' in page
    assert ">Home</a>" in page
    # The choice outlives the browser's session: a cookie kept a year (issue 19).
    assert client.cookies["django_language"]["max-age"] == 365 * 24 * 3600
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert ">Accueil de la Cité</a>" in client.get(reverse("core:home"),
                                                   follow=True).content.decode()


def test_the_navigation_shows_only_capabilities_the_role_may_read(world):
    client = Client()
    client.force_login(world.users[Role.RECEPTION])
    page = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    assert "Feuille de route" not in page
    assert "Paramètres de la Cité" not in page
    client.force_login(world.users[Role.PARTNER])
    page = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    assert ">Feuille de route</a>" in page
    assert "Paramètres de la Cité" not in page
    client.force_login(world.users[Role.SPONSOR])
    page = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    assert '<a href="/c/alpha/parametres/">Paramètres de la Cité</a>' in page


def test_the_project_lead_renames_the_cite_and_the_change_is_in_its_history(client, world):
    client.force_login(world.users[Role.PROJECT_LEAD])
    url = reverse("core:cite_settings", kwargs={"cite_slug": "alpha"})
    response = client.post(url, {"name": "Cité des métiers d'Alpha-Nord", "territory": "Nord",
                                 "phase": "construction", "version": 1})
    assert response["Location"] == url
    world.cite.refresh_from_db()
    assert (world.cite.name, world.cite.version) == ("Cité des métiers d'Alpha-Nord", 2)
    page = client.get(url).content.decode()
    assert "<td>project_lead</td><td>modification</td><td>nom</td>" \
           "<td>Cité des métiers d&#x27;Alpha</td><td>Cité des métiers d&#x27;Alpha-Nord</td>" \
        in page.replace("\n", "")


def test_the_menu_groups_links_by_capability_and_opens_the_current_section(world):
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    page = client.get(reverse("roadmap:backplan", kwargs={"cite_slug": "alpha"})).content.decode()
    section = page.split('<nav class="section-nav" aria-label="Projet et label">', 1)[1]
    section = section.split("</nav>", 1)[0]
    assert ('<a href="/c/alpha/feuille-de-route/retro-planning/" aria-current="page">'
            "Rétro-planning</a>") in section
    assert ">Feuille de route</a>" in section and ">Organisations</a>" not in section
    assert '<summary class="current">Projet et label</summary>' in page
    assert "<summary>Partenariat</summary>" in page
