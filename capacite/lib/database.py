"""Turn CAPACITE_DATABASE_URL into Django's DATABASES entry, with safe SQLite settings."""

from pathlib import Path
from typing import Any

import dj_database_url

# A default SQLite loses writes under concurrent requests ("database is locked"): WAL lets
# readers run beside one writer, the busy timeout makes a writer wait instead of failing, and
# IMMEDIATE takes the write lock when a transaction starts, not half-way through it (a deferred
# transaction that reads then writes cannot wait for the lock and fails at once).
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
    ),
}


def database_from_url(url: str) -> dict[str, Any]:
    """Django settings for the database at `url` (sqlite:////abs/path or postgres://…)."""
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = dict(SQLITE_OPTIONS)
        if config["NAME"] not in ("", ":memory:"):
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    return config
