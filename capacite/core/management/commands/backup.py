from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacite.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Sauvegarde la base et les fichiers déposés dans l'archive FICHIER (SQLite : API de "
        "sauvegarde en ligne, cohérente pendant que l'application tourne ; PostgreSQL : pg_dump)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FICHIER", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            count = backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Sauvegarde écrite dans {file} : la base et {count} fichier(s) déposé(s), "
            f"{file.stat().st_size} octets."
        )
