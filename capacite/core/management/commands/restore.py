from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacite.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restaure l'archive FICHIER (base et fichiers déposés). Refuse une base ou un dossier de "
        "fichiers qui contient déjà des données, sauf avec --force (les fichiers présents sont "
        "alors mis de côté, pas effacés)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FICHIER", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Remplacer les données déjà présentes."
        )

    def handle(self, *args, file: Path, force: bool, **options):
        try:
            count = restore(file, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Base et {count} fichier(s) déposé(s) restaurés depuis {file}.")
