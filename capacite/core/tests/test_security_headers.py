"""Defence-in-depth headers (issue 13, point 18), read from real answers."""

import pytest
from django.test import Client
from django.urls import reverse

from capacite.core.models import Role
from capacite.testing import client_for

pytestmark = pytest.mark.django_db


def test_every_page_forbids_inline_script_and_powerful_features(world):
    response = Client().get(reverse("login"))
    csp = response["Content-Security-Policy"]
    script_src = next(part.strip() for part in csp.split(";") if "script-src" in part)
    assert script_src == "script-src 'self'"
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["Permissions-Policy"].startswith("camera=(), microphone=(), geolocation=()")


def test_signed_in_pages_are_never_stored(world):
    response = client_for(world, Role.PROJECT_LEAD).get(
        reverse("core:cite_home", args=[world.cite.slug]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_no_template_holds_an_inline_script():
    from capacite.core.tests.test_templates import TEMPLATES

    inline = [str(path) for path in TEMPLATES
              if "<script>" in path.read_text() or "<script " in path.read_text()
              and "src=" not in path.read_text().split("<script ", 1)[1].split(">", 1)[0]]
    assert inline == []
