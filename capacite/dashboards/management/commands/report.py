"""`capacite report --cite SLUG --year YYYY --format pdf|docx --out FILE [--lang fr|en]`: the
yearly activity report, as the background job makes it, in the terminal."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from capacite.core.models import Cite
from capacite.dashboards.report import FORMATS, generate_report
from capacite.lib.languages import LANGUAGES


class Command(BaseCommand):
    help = "Génère le rapport d'activité d'une année d'une Cité ouverte (PDF ou DOCX)."

    def add_arguments(self, parser):
        parser.add_argument("--cite", required=True, metavar="SLUG")
        parser.add_argument("--year", required=True, type=int, metavar="AAAA")
        parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
        parser.add_argument("--out", required=True, type=Path, metavar="FICHIER")
        parser.add_argument("--lang", choices=LANGUAGES, default="fr",
                            help="Langue du rapport : fr (par défaut) ou en.")

    def handle(self, *args, cite: str, year: int, fmt: str, out: Path, lang: str = "fr",
               **options):
        found = Cite.objects.filter(slug=cite).first()
        if found is None:
            known = ", ".join(Cite.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"Aucune Cité « {cite} ». Cités connues : {known or 'aucune'}.")
        if not 2000 <= year <= 2100:
            raise CommandError(f"Année « {year} » hors de portée (2000 à 2100).")
        if not out.parent.is_dir():
            raise CommandError(f"Le dossier « {out.parent} » n'existe pas : rien n'a été écrit.")
        with scope(cite=found):
            result = generate_report(found, year=year, fmt=fmt, lang=lang)
        out.write_bytes(result.content)
        pages = f", {result.pages} pages" if result.pages else ""
        self.stdout.write(f"{out} écrit{pages}, en {result.seconds:.1f} s.")
