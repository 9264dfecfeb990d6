"""`capacite backup` and `capacite restore`, end to end through the console script.

Runs against the engine the suite runs on: two SQLite files, or two fresh PostgreSQL databases
on the server of CAPACITE_DATABASE_URL.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def capacite(*args: str, url: str, var: Path) -> subprocess.CompletedProcess:
    """Run the console script against `url`, with the uploaded files of that database apart."""
    media = var / ("media-" + url.rsplit("/", 1)[-1])
    env = {**os.environ, "CAPACITE_DATABASE_URL": url, "CAPACITE_VAR_DIR": str(var),
           "CAPACITE_MEDIA_ROOT": str(media)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, "-m", "capacite", *args], env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """One database of the suite's engine with every migration applied, copied by each test
    that needs a migrated database: migrating takes ~25 s of CPU, five times in this file."""
    var = tmp_path_factory.mktemp("backup-template")
    if not POSTGRES:
        path = var / "modele.sqlite3"
        assert capacite("migrate", "-v0", url=f"sqlite:///{path}", var=var).returncode == 0
        yield path
        return
    name = f"capacite_bk_tpl_{uuid.uuid4().hex[:8]}"
    with _postgres_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    assert capacite("migrate", "-v0", url=_postgres_url(name), var=var).returncode == 0
    yield name
    with _postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_admin():
    import psycopg

    db = settings.DATABASES["default"]
    return psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                           password=db["PASSWORD"], dbname="postgres", autocommit=True)


def _postgres_url(name: str) -> str:
    db = settings.DATABASES["default"]
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    return f"postgres://{auth}{db['HOST']}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def migrate(migrated_template):
    """Give the empty database at `url` the schema, as `capacite migrate` would, by copying the
    migrated template (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL)."""
    def migrate_into(url: str) -> None:
        if not POSTGRES:
            shutil.copyfile(migrated_template, url.removeprefix("sqlite:///"))
            return
        name = url.rsplit("/", 1)[-1]
        with _postgres_admin() as admin:
            admin.execute(f'DROP DATABASE "{name}"')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{migrated_template}"')
    return migrate_into


@pytest.fixture
def two_databases(tmp_path):
    """URLs of two empty databases of the suite's engine, dropped afterwards."""
    if not POSTGRES:
        yield (f"sqlite:///{tmp_path / 'source.sqlite3'}",
               f"sqlite:///{tmp_path / 'copie.sqlite3'}")
        return
    names = [f"capacite_bk_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    with _postgres_admin() as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    yield tuple(_postgres_url(name) for name in names)
    with _postgres_admin() as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def dump(url: str, var: Path) -> str:
    result = capacite("dumpdata", "--natural-foreign", "--indent", "1", "--exclude",
                      "sessions", url=url, var=var)
    assert result.returncode == 0, result.stderr
    return result.stdout


def canonical(dumped: str) -> list:
    """The dump's objects sorted by model and key: with --natural-foreign, Django orders models
    whose dependencies do not order them (history tables of many-to-many fields) differently from
    one process to the next, so the raw text may differ while the data is the same."""
    return sorted(json.loads(dumped), key=lambda o: (o["model"], json.dumps(o["pk"])))


ATTACH_EVIDENCE = """
from django.core.files.base import ContentFile
from capacite.roadmap.models import Task
task = Task.objects.get(cite__slug="rivemont", key="designer-porteur-politique")
task.evidence_filename = "Délibération.pdf"
task.evidence_file.save("Délibération.pdf", ContentFile(b"%PDF-1.4 deliberation"))
print(task.evidence_file.name)
"""


def test_a_backup_restored_into_an_empty_database_gives_the_same_data(
        tmp_path, two_databases, migrate):
    source, copy = two_databases
    migrate(source)
    assert capacite("demo", url=source, var=tmp_path).returncode == 0
    attached = capacite("shell", "--no-imports", "-c", ATTACH_EVIDENCE, url=source, var=tmp_path)
    evidence = attached.stdout.strip()
    backup_file = tmp_path / "sauvegarde.zip"
    made = capacite("backup", str(backup_file), url=source, var=tmp_path)
    assert made.returncode == 0, made.stderr
    # The evidence just attached, the dossier Valombre submitted in the demo (review app), the
    # fitting-out plan of Rivemont's premises (label demo), and the four files of Valombre's
    # label fonctionnement demo (issue 16: plan, photos, signed act).
    assert made.stdout.startswith(
        f"Sauvegarde écrite dans {backup_file} : la base et 7 fichier(s) déposé(s), ")

    restored = capacite("restore", str(backup_file), url=copy, var=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == f"Base et 7 fichier(s) déposé(s) restaurés depuis {backup_file}.\n"
    original = dump(source, tmp_path)
    assert '"model": "roadmap.task"' in original
    assert canonical(dump(copy, tmp_path)) == canonical(original)
    copy_media = tmp_path / ("media-" + copy.rsplit("/", 1)[-1])
    assert (copy_media / evidence).read_bytes() == b"%PDF-1.4 deliberation"


def test_restore_refuses_a_database_that_already_has_data(tmp_path, two_databases, migrate):
    source, copy = two_databases
    migrate(source)
    migrate(copy)
    backup_file = tmp_path / "sauvegarde.zip"
    assert capacite("backup", str(backup_file), url=source, var=tmp_path).returncode == 0
    refused = capacite("restore", str(backup_file), url=copy, var=tmp_path)
    assert refused.returncode == 1
    assert ("La base configurée ou le dossier des fichiers déposés contient déjà des données : "
            "la restauration les remplacerait. Relancez avec --force si c'est bien ce que vous "
            "voulez.") in refused.stderr
    forced = capacite("restore", "--force", str(backup_file), url=copy, var=tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, two_databases):
    _, copy = two_databases
    junk = tmp_path / "notes.txt"
    junk.write_text("pas une sauvegarde")
    refused = capacite("restore", str(junk), url=copy, var=tmp_path)
    assert refused.returncode == 1
    assert f"« {junk} » n'est pas une sauvegarde capacite." in refused.stderr
    missing = capacite("restore", str(tmp_path / "absent.bak"), url=copy, var=tmp_path)
    assert f"Le fichier de sauvegarde « {tmp_path / 'absent.bak'} » n'existe pas." in \
        missing.stderr


def _copy_with(backup_file: Path, target: Path, *, extra: tuple[str, bytes] | None = None,
               damage: str | None = None) -> Path:
    """A copy of the archive with one more member, or with one member's bytes flipped (its CRC
    then fails)."""
    import zipfile

    with zipfile.ZipFile(backup_file) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == damage:
                info.compress_type = zipfile.ZIP_STORED  # raw bytes: only the CRC can tell
            out.writestr(info, data)
        if extra:
            out.writestr(*extra)
    if damage:
        raw = bytearray(target.read_bytes())
        with zipfile.ZipFile(target) as archive:
            info = archive.getinfo(damage)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 100
        raw[start] ^= 0xFF
        target.write_bytes(bytes(raw))
    return target


KEEP_MARK = """
from capacite.core.models import Cite
Cite.objects.create(slug="gardee", name="Cité gardée")
"""


def test_restore_checks_every_member_name_and_checksum_before_touching_anything(
        tmp_path, two_databases, migrate):
    source, copy = two_databases
    migrate(source)
    migrate(copy)
    assert capacite("shell", "--no-imports", "-c", KEEP_MARK, url=copy,
                    var=tmp_path).returncode == 0
    copy_media = tmp_path / ("media-" + copy.rsplit("/", 1)[-1])
    (copy_media / "cites").mkdir(parents=True)
    (copy_media / "cites" / "lettre.pdf").write_bytes(b"%PDF gardee")
    backup_file = tmp_path / "sauvegarde.zip"
    assert capacite("backup", str(backup_file), url=source, var=tmp_path).returncode == 0
    escaping = _copy_with(backup_file, tmp_path / "evasion.zip",
                          extra=("media/../../x.txt", b"dehors"))
    dump_name = "base.pgdump" if POSTGRES else "base.sqlite3"
    damaged = _copy_with(backup_file, tmp_path / "abimee.zip", damage=dump_name)

    refused = capacite("restore", "--force", str(escaping), url=copy, var=tmp_path)
    assert (refused.returncode, refused.stderr.strip().splitlines()[-1]) == (1, (
        f"CommandError: « {escaping} » contient un nom de fichier refusé : "
        "« media/../../x.txt ». Rien n'a été restauré."))
    refused = capacite("restore", "--force", str(damaged), url=copy, var=tmp_path)
    assert (refused.returncode, refused.stderr.strip().splitlines()[-1]) == (1, (
        f"CommandError: « {damaged} » est endommagée : « {dump_name} » ne correspond pas à sa "
        "somme de contrôle (CRC). Rien n'a été restauré ; reprenez une autre sauvegarde."))

    assert not (tmp_path.parent / "x.txt").exists() and not (tmp_path / "x.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("media")) == [
        copy_media.name]
    assert (copy_media / "cites" / "lettre.pdf").read_bytes() == b"%PDF gardee"
    kept = capacite("shell", "--no-imports", "-c", "from capacite.core.models import Cite; "
                    "print(list(Cite.objects.values_list('slug', flat=True)))",
                    url=copy, var=tmp_path)
    assert kept.stdout.strip() == "['gardee']"
