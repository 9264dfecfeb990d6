"""Fixtures for the whole suite: the two-Cité world with one persona per role."""

import pytest

from capacite.testing import make_world


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The real hasher takes ~0.3 s a password on purpose; tests create dozens of accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The login throttle counts failures per client address in the cache: each test starts
    # with none.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def world(db):
    return make_world()
