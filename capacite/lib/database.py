"""Turn CAPACITE_DATABASE_URL into Django's DATABASES entry, with safe SQLite settings."""

from pathlib import Path
from typing import Any

import dj_database_url


# A default SQLite loses writes under concurrent requests ("database is locked"): WAL lets
# readers run beside one writer, the busy timeout makes a writer wait instead of failing, and
# IMMEDIATE takes the write lock when a transaction starts, not half-way through it (a deferred
# transaction that reads then writes cannot wait for the lock and fails at once).
# The wait is CAPACITE_SQLITE_TIMEOUT seconds (tests shorten it to reproduce a lock quickly).
def sqlite_options(timeout: int = 20) -> dict[str, Any]:
    return {
        "timeout": timeout,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA busy_timeout={timeout * 1000}; PRAGMA foreign_keys=ON;"
        ),
    }


SQLITE_OPTIONS = sqlite_options()


def database_from_url(url: str, *, sqlite_timeout: int = 20) -> dict[str, Any]:
    """Django settings for the database at `url` (sqlite:////abs/path or postgres://…)."""
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = sqlite_options(sqlite_timeout)
        if config["NAME"] not in ("", ":memory:"):
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    return config


# PostgreSQL's codes for « try again »: lock not available, deadlock, serialization failure.
BUSY_SQLSTATES = frozenset({"55P03", "40P01", "40001"})


def is_busy_database(error: BaseException | None) -> bool:
    """True when `error`, or the error it was raised from, means another writer holds the
    database for now (SQLite « database is locked », PostgreSQL lock timeout or deadlock): the
    same request may succeed in a moment. (Django turns a session that cannot be saved into a
    « bad request »: its cause is looked at too.)"""
    from django.db import OperationalError

    for _level in range(5):  # the error, or what it was raised from (a session's save…)
        if error is None:
            return False
        if isinstance(error, OperationalError):
            text = str(error).lower()
            if getattr(error.__cause__, "sqlstate", None) in BUSY_SQLSTATES or \
                    "database is locked" in text or "database table is locked" in text:
                return True
        error = error.__cause__ or error.__context__
    return False
