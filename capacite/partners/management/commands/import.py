"""`capacite import organisations --cite SLUG FICHIER`: load a CSV or XLSX list, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from capacite.core.models import Cite
from capacite.partners import services
from capacite.partners.domain.importing import parse_file


class Command(BaseCommand):
    help = (
        "Importe des données dans une Cité. « organisations » : une liste d'organisations en "
        "CSV ou XLSX ; à la moindre erreur, rien n'est enregistré."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        organisations = sub.add_parser(
            "organisations", help="Importer une liste d'organisations (CSV ou XLSX).")
        organisations.add_argument("--cite", required=True, metavar="IDENTIFIANT",
                                   help="L'identifiant de la Cité (par exemple rivemont).")
        organisations.add_argument("file", metavar="FICHIER", type=Path)

    def handle(self, *args, what: str, cite: str, file: Path, **options):
        target = Cite.objects.filter(slug=cite).first()
        if target is None:
            raise CommandError(f"Aucune Cité n'a l'identifiant « {cite} ».")
        try:
            data = file.read_bytes()
        except FileNotFoundError as exc:
            raise CommandError(f"Le fichier « {file} » n'existe pas.") from exc
        with scope(cite=target):
            result = parse_file(data, file.name, services.import_vocabulary())
            if result.errors:
                raise CommandError(
                    "Rien n'a été importé :\n" + "\n".join(str(e) for e in result.errors))
            summary = services.import_rows(result.rows, cite=target)
        self.stdout.write(
            f"{target.name} : {len(summary.created)} organisation(s) ajoutée(s), "
            f"{len(summary.existing)} déjà présente(s)."
        )
