"""`capacite import organisations --cite SLUG FICHIER`: load a CSV or XLSX list, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from capacite.core.models import Cite
from capacite.lib.importers import ImportRefused, importers
from capacite.lib.tables import bounded
from capacite.partners import services
from capacite.partners.domain.importing import parse_file


class Command(BaseCommand):
    help = (
        "Importe des données dans une Cité. « organisations » : une liste d'organisations en "
        "CSV ou XLSX ; « indicators » : des indicateurs du diagnostic ; à la moindre erreur, "
        "rien n'est enregistré."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        organisations = sub.add_parser(
            "organisations", help="Importer une liste d'organisations (CSV ou XLSX).")
        organisations.add_argument("--cite", required=True, metavar="IDENTIFIANT",
                                   help="L'identifiant de la Cité (par exemple rivemont).")
        organisations.add_argument("file", metavar="FICHIER", type=Path)
        for importer in importers():  # registered by other apps (indicators…)
            other = sub.add_parser(importer.kind, help=importer.help)
            other.add_argument("--cite", required=True, metavar="IDENTIFIANT",
                               help="L'identifiant de la Cité (par exemple rivemont).")
            other.add_argument("file", metavar="FICHIER", type=Path)

    def handle(self, *args, what: str, cite: str, file: Path, **options):
        target = Cite.objects.filter(slug=cite).first()
        if target is None:
            raise CommandError(f"Aucune Cité n'a l'identifiant « {cite} ».")
        try:
            data = file.read_bytes()
        except FileNotFoundError as exc:
            raise CommandError(f"Le fichier « {file} » n'existe pas.") from exc
        if what != "organisations":
            importer = {i.kind: i for i in importers()}[what]
            with scope(cite=target):
                try:
                    summary_line = importer.run(target, data, file.name)
                except ImportRefused as refused:
                    raise CommandError(
                        "Rien n'a été importé :\n" + "\n".join(refused.errors)) from refused
            self.stdout.write(f"{target.name} : {summary_line}")
            return
        with scope(cite=target):
            result = parse_file(data, file.name, services.import_vocabulary())
            if result.errors:
                raise CommandError(
                    "Rien n'a été importé :\n" + "\n".join(bounded(result.errors)))
            summary = services.import_rows(result.rows, cite=target)
        self.stdout.write(
            f"{target.name} : {len(summary.created)} organisation(s) ajoutée(s), "
            f"{len(summary.existing)} déjà présente(s)."
        )
