from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacite.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restaure la sauvegarde FICHIER dans la base configurée. Refuse une base qui contient "
        "déjà des données, sauf avec --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FICHIER", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Remplacer les données déjà présentes."
        )

    def handle(self, *args, file: Path, force: bool, **options):
        try:
            restore(file, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Base restaurée depuis {file}.")
