"""Fixtures for the whole suite: the two-Cité world with one persona per role."""

import pytest

from capacite.testing import make_world


def pytest_collection_modifyitems(config, items):
    """Whole-site walks (every page of the demo as every account) and the browser journeys run
    on one engine: SQLite.

    They check pages, links, words and what a browser does with them, which do not depend on
    the database; every view, query and transaction they go through is also run by the rest of
    the suite on PostgreSQL. Running them twice would take the CI past its 40-minute budget
    (docs/decisions.md).
    """
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return
    skip = pytest.mark.skip(reason="whole-site walk: run on SQLite only")
    for item in items:
        if item.get_closest_marker("whole_site") or item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The real hasher takes ~0.3 s a password on purpose; tests create dozens of accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The login throttle counts failures per client address in the cache: each test starts
    # with none.
    from django.core.cache import cache

    cache.clear()
    # A test that asked for English pages (a language cookie) leaves English active in the
    # thread: every test starts in French, the interface's language.
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(db):
    return make_world()
