"""Odd query parameters never crash a list page (issue 13, point 15).

Every Cité page without an object in its address is asked with every query parameter name the
code reads or the page's filter forms send, all set at once to one odd value: the page may
refuse the value (a 404 for an unknown theme) but never crashes (500).
"""

import re
from pathlib import Path
from urllib.parse import urlencode

import lxml.html
import pytest
from django.urls import reverse

import capacite
from capacite.core.models import Role
from capacite.testing import all_routes, client_for

LIST_PAGES = [r for r in all_routes() if r.kwargs == ("cite_slug",)]
ODD_VALUES = ["9223372036854775808", "²", "-1", "0", "abc", "1e5", " 3", "٣", "2026-13-45",
              "x" * 300]
READ_IN_CODE = re.compile(
    r"""(?:GET|POST)(?:\.get\(|, )\s*["'](\w+)["']|["'](\w+)["'] in request\.GET""")


def names_read_in_code() -> set[str]:
    root = Path(capacite.__file__).parent
    return {a or b for path in root.glob("**/*.py") if "tests" not in path.parts
            for a, b in READ_IN_CODE.findall(path.read_text())}


def test_the_parameter_names_are_found():
    assert {"instance", "scenario", "semaine", "theme", "q"} <= names_read_in_code()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PROJECT_LEAD, Role.DIRECTOR], ids=str)
def test_every_list_page_answers_odd_query_parameters(world, role):
    client = client_for(world, role)
    code_names = names_read_in_code()
    crashes = []
    for route in LIST_PAGES:
        address = reverse(route.name, kwargs={"cite_slug": world.cite.slug})
        page = client.get(address)
        if page.status_code != 200 or not page["Content-Type"].startswith("text/html"):
            continue
        names = set(code_names)
        for form in lxml.html.fromstring(page.content).forms:
            if (form.method or "GET").upper() == "GET":
                names |= {field.name for field in form.inputs if field.name}
        for value in ODD_VALUES:
            status = client.get(f"{address}?{urlencode(dict.fromkeys(names, value))}").status_code
            if status >= 500:
                crashes.append((route.name, value, status))
    assert crashes == []
