"""Backup and restore of a whole instance: the database and the uploaded files, in one archive.

The archive is a zip holding a manifest, the database (SQLite: a copy taken with SQLite's online
backup API, consistent while the application keeps serving; PostgreSQL: a pg_dump custom-format
dump, consistent by MVCC) and every file under MEDIA_ROOT. A restore refuses, changing nothing,
an archive that is not a capacite backup or was made for the other engine, a member whose name
would write outside the files' folder or whose checksum fails, and a database or file area that
already holds data unless forced: every check comes before the first change, the files are
unpacked beside the folder and swapped in only once the database is restored.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "capacite-sauvegarde.json"
DUMP_NAMES = {"sqlite": "base.sqlite3", "postgresql": "base.pgdump"}
FORMAT = 1


class BackupError(Exception):
    """A backup or restore could not be done; the message says why, in French."""


def engine() -> str:
    return connection.vendor


def backup(path: Path) -> int:
    """Write the database and uploaded files to the archive `path`; return the files count."""
    if engine() not in DUMP_NAMES:
        raise BackupError(f"Base de données « {engine()} » non prise en charge.")
    media = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
    partial = path.with_name(path.name + ".partiel")
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DUMP_NAMES[engine()]
        _dump_database(dump)
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, json.dumps({
                    "format": FORMAT, "engine": engine(),
                    "created": datetime.now().astimezone().isoformat(timespec="seconds"),
                    "media_files": len(files),
                }, ensure_ascii=False))
                archive.write(dump, dump.name)
                for file in files:
                    archive.write(file, "media/" + file.relative_to(media).as_posix())
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise BackupError(f"Impossible d'écrire « {path} » : {exc.strerror}.") from exc
    partial.replace(path)
    return len(files)


def restore(path: Path, *, force: bool = False) -> int:
    """Replace the database and uploaded files with those of the archive `path`.

    Returns how many files were restored. Without `force`, refuses when the database has tables
    or MEDIA_ROOT has files. With it, the files already there are moved aside, not deleted.
    """
    manifest = _read_manifest(path)
    if manifest["engine"] != engine():
        raise BackupError(
            f"« {path} » est une sauvegarde {manifest['engine']} ; la base configurée est "
            f"{engine()}. Restaurez-la dans une base du même type."
        )
    media = Path(settings.MEDIA_ROOT)
    has_files = media.is_dir() and any(p.is_file() for p in media.rglob("*"))
    if not force and (connection.introspection.table_names() or has_files):
        raise BackupError(
            "La base configurée ou le dossier des fichiers déposés contient déjà des données : "
            "la restauration les remplacerait. Relancez avec --force si c'est bien ce que vous "
            "voulez."
        )
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        members = _checked_members(archive, path, media)  # nothing is touched before this
        dump_name = DUMP_NAMES[engine()]
        archive.extract(dump_name, tmp)
        _check_dump(Path(tmp) / dump_name, path)
        staging = media.with_name(f"{media.name}.restauration-en-cours")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            for member, relative in members:
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
            _restore_database(Path(tmp) / dump_name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if has_files:
            stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
            media.rename(media.with_name(f"{media.name}-avant-restauration-{stamp}"))
        elif media.exists():
            shutil.rmtree(media)  # folders without a file
        if staging.exists():
            staging.rename(media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    return len(members)


def _checked_members(archive: zipfile.ZipFile, path: Path,
                     media: Path) -> list[tuple[str, Path]]:
    """Every uploaded file of the archive as (member, path under MEDIA_ROOT), after checking
    every member's name and checksum: a restore is all or nothing, so an archive with a name
    that would write outside the files' folder, an unexpected member or a damaged member is
    refused before the database or the files are touched."""
    allowed = {MANIFEST, DUMP_NAMES[engine()]}
    files: list[tuple[str, Path]] = []
    root = media.resolve()
    for info in archive.infolist():
        name = info.filename
        if name in allowed or (info.is_dir() and name.startswith("media/")):
            continue
        relative = Path(name.removeprefix("media/"))
        if (not name.startswith("media/") or "\\" in name or relative.is_absolute()
                or ".." in relative.parts or not (root / relative).resolve().is_relative_to(root)):
            raise BackupError(
                f"« {path} » contient un nom de fichier refusé : « {name} ». Rien n'a été "
                "restauré.")
        files.append((name, relative))
    try:
        damaged = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        raise BackupError(f"« {path} » est endommagée ({exc}). Rien n'a été restauré ; reprenez "
                          "une autre sauvegarde.") from exc
    if damaged is not None:
        raise BackupError(
            f"« {path} » est endommagée : « {damaged} » ne correspond pas à sa somme de contrôle "
            "(CRC). Rien n'a été restauré ; reprenez une autre sauvegarde.")
    return files


def _check_dump(dump: Path, path: Path) -> None:
    """A SQLite copy must be a database SQLite reads whole (PostgreSQL's pg_restore checks its
    own dump with --exit-on-error, inside its transaction)."""
    if engine() != "sqlite":
        return
    try:
        source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        try:
            result = source.execute("PRAGMA integrity_check").fetchone()
        finally:
            source.close()
    except sqlite3.Error as exc:
        result = (str(exc),)
    if result != ("ok",):
        raise BackupError(f"La base contenue dans « {path} » est illisible ({result[0]}). Rien "
                          "n'a été restauré.")


def _read_manifest(path: Path) -> dict:
    if not path.is_file():
        raise BackupError(f"Le fichier de sauvegarde « {path} » n'existe pas.")
    not_a_backup = BackupError(f"« {path} » n'est pas une sauvegarde capacite.")
    if not zipfile.is_zipfile(path):
        raise not_a_backup
    with zipfile.ZipFile(path) as archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (KeyError, ValueError) as exc:
            raise not_a_backup from exc
        if manifest.get("format") != FORMAT or manifest.get("engine") not in DUMP_NAMES \
                or DUMP_NAMES[manifest["engine"]] not in archive.namelist():
            raise not_a_backup
    return manifest


def _dump_database(target: Path) -> None:
    if engine() == "sqlite":
        connection.ensure_connection()
        try:
            copy = sqlite3.connect(target)
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
        except sqlite3.Error as exc:
            raise BackupError(f"La copie de la base SQLite a échoué : {exc}.") from exc
    else:
        _run_pg(["pg_dump", "--format=custom", "--no-owner", "--file", str(target),
                 "--dbname", connection.settings_dict["NAME"]])


def _restore_database(dump: Path) -> None:
    if engine() == "sqlite":
        try:
            source = sqlite3.connect(dump)
            try:
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        except sqlite3.Error as exc:
            raise BackupError(f"La restauration de la base SQLite a échoué : {exc}.") from exc
    else:
        _run_pg(["pg_restore", "--no-owner", "--clean", "--if-exists", "--exit-on-error",
                 "--single-transaction",
                 "--dbname", connection.settings_dict["NAME"], str(dump)])


def _run_pg(command: list[str]) -> None:
    """Run a PostgreSQL client tool against the configured database."""
    db = connection.settings_dict
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
                     ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    connection.close()  # pg_restore --clean drops tables this connection may hold locks on
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(
            f"La commande « {command[0]} » est introuvable : installez le client PostgreSQL "
            "(paquet Debian postgresql-client)."
        ) from exc
    if result.returncode != 0:
        raise BackupError(f"« {command[0]} » a échoué : {result.stderr.strip()}")
