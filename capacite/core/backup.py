"""Backup and restore of the whole database, for SQLite and PostgreSQL.

SQLite uses its online backup API, which copies a consistent snapshot while the application keeps
serving. PostgreSQL uses pg_dump / pg_restore (custom format), consistent by MVCC. A backup file
says what it is by its first bytes, so a restore refuses a file made for the other engine.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore could not be done; the message says why, in French."""


def engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def backup(path: Path) -> None:
    """Write a consistent copy of the current database to `path` (replaced if it exists)."""
    if engine() == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif engine() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path)])
    else:
        raise BackupError(f"Base de données « {connection.vendor} » non prise en charge.")


def database_is_empty() -> bool:
    """True when the database has no table yet (never migrated)."""
    return not connection.introspection.table_names()


def restore(path: Path, *, force: bool = False) -> None:
    """Replace the current database's content with the backup at `path`.

    Refuses, changing nothing, when the file is missing or made for another engine, and when the
    database already holds tables unless `force` is given.
    """
    if not path.is_file():
        raise BackupError(f"Le fichier de sauvegarde « {path} » n'existe pas.")
    head = path.read_bytes()[:16]
    kind = "sqlite" if head == SQLITE_MAGIC else "postgresql" if head.startswith(PG_MAGIC) else None
    if kind is None:
        raise BackupError(f"« {path} » n'est pas une sauvegarde capacite (SQLite ou pg_dump).")
    if kind != engine():
        raise BackupError(
            f"« {path} » est une sauvegarde {kind} ; la base configurée est {engine()}. "
            "Restaurez-la dans une base du même type."
        )
    if not force and not database_is_empty():
        raise BackupError(
            "La base configurée contient déjà des données : la restauration les remplacerait. "
            "Relancez avec --force si c'est bien ce que vous voulez."
        )
    if kind == "sqlite":
        source = sqlite3.connect(path)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        _run(["pg_restore", "--no-owner", "--clean", "--if-exists", "--exit-on-error",
              "--dbname", _pg_dbname(), str(path)], with_dbname=False)


def _pg_env() -> dict[str, str]:
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
                     ("PASSWORD", "PGPASSWORD")):
        if settings.get(key):
            env[var] = str(settings[key])
    return env


def _pg_dbname() -> str:
    return connection.settings_dict["NAME"]


def _run(command: list[str], *, with_dbname: bool = True) -> None:
    if with_dbname:
        command = [*command, _pg_dbname()]
    connection.close()  # pg_restore --clean drops tables this connection may hold locks on
    try:
        result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(
            f"La commande « {command[0]} » est introuvable : installez le client PostgreSQL "
            "(paquet Debian postgresql-client)."
        ) from exc
    if result.returncode != 0:
        raise BackupError(f"« {command[0]} » a échoué : {result.stderr.strip()}")
