"""SQLite under concurrent writers: no 'database is locked', no lost update.

Four processes each run 50 read-then-write transactions on the same row of a file database,
with the project's own database settings (WAL, busy timeout, IMMEDIATE transactions).
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the suite runs on PostgreSQL: this checks the SQLite settings",
)

WRITER = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "capacite.settings"
django.setup()
from django.db import transaction
from capacite.core.models import Cite
for _ in range(50):
    with transaction.atomic():
        cite = Cite.objects.get(slug="course")
        cite.version += 1
        cite.save(update_fields=["version"])
"""


def test_four_concurrent_writers_lose_nothing(tmp_path):
    env = {**os.environ, "CAPACITE_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "CAPACITE_VAR_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run = [sys.executable, "-m", "capacite"]
    subprocess.run([*run, "migrate", "-v0"], env=env, check=True, timeout=120)
    subprocess.run([*run, "shell", "--no-imports", "-c",
                    "from capacite.core.models import Cite; "
                    "Cite.objects.create(slug='course', name='Course')"],
                   env=env, check=True, timeout=60)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER], env=env,
                                stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [w.communicate(timeout=180)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0, 0], errors
    result = subprocess.run(
        [*run, "shell", "--no-imports", "-c",
         "from capacite.core.models import Cite; print(Cite.objects.get(slug='course').version)"],
        env=env, capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "201"
