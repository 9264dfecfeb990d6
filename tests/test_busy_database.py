"""Issue 13, points 7 and 8, reproduced as reported: another process holds SQLite's write lock
for longer than the busy timeout (shortened here to 1 s). The worker survives and runs the job
once the lock is gone; a web write answers the French « réessayez » page, 503 with Retry-After,
never a 500. One migrated database file serves both (migrating takes the most time)."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="reproduces SQLite's write lock")

SETUP = """
from capacite.core.models import Cite, Membership, Role
from capacite.jobs.services import start_job
from django.contrib.auth import get_user_model
import capacite.jobs.testing
cite = Cite.objects.create(slug="c", name="C")
user = get_user_model().objects.create_user(username="lead", password="x")
Membership.objects.create(user=user, cite=cite, role=Role.PROJECT_LEAD)
start_job(cite=cite, kind="exemple", params={"text": "bonjour"})
"""

# `capacite db_worker`, with the test job kind registered
WORKER = """
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "capacite.settings"
import django
django.setup()
import capacite.jobs.testing
from django.core.management import call_command
call_command("db_worker", "--interval", "0.2", "--no-reload", "--no-startup-delay")
"""

# A signed-in project lead adds an organisation while the lock is held.
WEB_WRITE = """
import os, sqlite3, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "capacite.settings"
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
client = Client(raise_request_exception=False)
client.force_login(get_user_model().objects.get(username="lead"))
lock = sqlite3.connect(sys.argv[1], isolation_level=None)
lock.execute("BEGIN IMMEDIATE")
response = client.post("/c/c/partenaires/nouvelle/", {"name": "CIO", "kind": "operator",
                                                     "version": 0})
page = client.get("/c/c/partenaires/")  # a page that reads, then saves the session
lock.execute("ROLLBACK")
print(page.status_code, page["Retry-After"], end=" ")
print(response.status_code, response["Retry-After"])
print(response.content.decode())
"""


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("busy")
    database = folder / "base.sqlite3"
    env = _env(folder, database)
    run = [sys.executable, "-m", "capacite"]
    subprocess.run([*run, "migrate", "-v0"], env=env, check=True, timeout=600)
    subprocess.run([*run, "shell", "--no-imports", "-c", SETUP], env=env, check=True,
                   timeout=120)
    return database


def _env(folder, database):
    env = {**os.environ, "CAPACITE_DATABASE_URL": f"sqlite:///{database}",
           "CAPACITE_VAR_DIR": str(folder), "CAPACITE_SQLITE_TIMEOUT": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def _copy(migrated, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated, database)
    return database, _env(tmp_path, database)


def test_the_worker_survives_a_write_lock_longer_than_the_busy_timeout_then_runs_the_job(
        migrated, tmp_path):
    database, env = _copy(migrated, tmp_path)
    lock = sqlite3.connect(database, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another process holds the write lock for 4 s
    worker = subprocess.Popen([sys.executable, "-c", WORKER], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(4)
        assert worker.poll() is None, worker.communicate()[0]
        lock.execute("ROLLBACK")
        state = ()
        for _ in range(60):
            reader = sqlite3.connect(database)
            state = (reader.execute("SELECT status FROM jobs_job").fetchone()[0],
                     reader.execute("SELECT COUNT(*) FROM jobs_workerbeat").fetchone()[0])
            reader.close()
            if state == ("done", 1):
                break
            time.sleep(0.5)
        assert (state, worker.poll()) == (("done", 1), None)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_a_web_write_on_a_locked_database_answers_503_retry_in_french(migrated, tmp_path):
    database, env = _copy(migrated, tmp_path)
    result = subprocess.run([sys.executable, "-c", WEB_WRITE, str(database)], env=env,
                            capture_output=True, text=True, timeout=120)
    status, page = result.stdout.split("\n", 1)
    assert status == "503 10 503 10", result.stderr
    assert "<h1>Base de données occupée, réessayez</h1>" in page
    assert ("rien de ce que vous venez d'envoyer n'a été enregistré. Réessayez dans 10 "
            "secondes") in page
    names = sqlite3.connect(database).execute("SELECT name FROM partners_organisation")
    assert names.fetchall() == []
