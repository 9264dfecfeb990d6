"""Browser fixtures: Debian's Chromium driven by Playwright, and an axe check for every page.

No browser is downloaded: Playwright launches /usr/bin/chromium (`make test` installs it).
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls that tests make from
# here (fixtures, assertions) are ordinary synchronous calls all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="fr-FR",
                                   viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


class AccessibilityChecker:
    """Runs axe on a page; fails on any serious or critical violation (RGAA / WCAG 2.1 AA)."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.pages_checked: list[str] = []

    def check(self, page, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        results = self.axe.run(page, options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"],
        })
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], f"axe on {name} ({page.url}):\n" + "\n".join(bad)
        self.pages_checked.append(name)


@pytest.fixture
def axe():
    return AccessibilityChecker()


class _DemoSnapshot:
    """The test database and uploaded files right after the first `build_demo` of the session.

    Building the demo takes ~15 s of CPU and every journey starts from it; the database is
    flushed after each journey (transactional), so the first one builds the demo and copies it
    aside, and the next ones copy it back (SQLite's backup API, then the files) in a fraction of
    a second. The journeys run on SQLite only (conftest.py); elsewhere the demo is built.
    """

    database = None  # an in-memory sqlite3 connection holding the copy
    media: Path | None = None


@pytest.fixture
def demo(transactional_db, settings, tmp_path_factory):
    import shutil
    import sqlite3

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from capacite.core.demo import build_demo

    if connection.vendor != "sqlite":
        build_demo(password="demo")
        return
    connection.ensure_connection()
    if _DemoSnapshot.database is None:
        build_demo(password="demo")
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _DemoSnapshot.media = tmp_path_factory.mktemp("demo-media") / "media"
        shutil.copytree(settings.MEDIA_ROOT, _DemoSnapshot.media)
        _DemoSnapshot.database = copy
        return
    _DemoSnapshot.database.backup(connection.connection)
    # The flush after the previous journey re-created the content types under new ids; the
    # copy brings back the demo's own.
    ContentType.objects.clear_cache()
    shutil.copytree(_DemoSnapshot.media, settings.MEDIA_ROOT, dirs_exist_ok=True)


def login(page, username: str, password: str = "demo") -> None:
    page.goto("/compte/connexion/")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")


def open_from_menu(page, link_name: str) -> None:
    """Open a capability page as a person does: unfold its menu group, then follow the link."""
    nav = page.get_by_role("navigation", name="Navigation principale")
    group = nav.locator("li.nav-group").filter(
        has=page.get_by_role("link", name=link_name, exact=True, include_hidden=True))
    group.locator("summary").click()
    group.get_by_role("link", name=link_name, exact=True).click()


def see_job_finish(page) -> None:
    """Run the queued background jobs, then wait for the job page to show them finished.

    The job page reloads itself every 2 s while its job runs (capacite/static/capacite/
    refresh.js); a `page.reload()` from the test could race that reload and abort
    (net::ERR_ABORTED, seen on CI). Waiting for the page's own refresh is also what a person does.
    """
    from playwright.sync_api import expect

    from capacite.jobs.testing import run_pending_jobs

    run_pending_jobs()
    expect(page.get_by_test_id("job-status")).to_have_text("terminé", timeout=15_000)
