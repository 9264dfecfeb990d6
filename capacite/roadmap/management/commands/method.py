"""`capacite method check [FICHIER]` and `capacite method sync`: the guide's method file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacite.core.models import Cite
from capacite.roadmap.domain.method import DEFAULT_METHOD_FILE, MethodError, load_method
from capacite.roadmap.services import RoadmapLoopError, create_roadmap


class Command(BaseCommand):
    help = (
        "Vérifie le fichier de la méthode (check) ou ajoute aux feuilles de route des Cités "
        "existantes les tâches et points de vigilance nouveaux du fichier (sync)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="Vérifier un fichier de méthode sans rien changer.")
        check.add_argument("file", metavar="FICHIER", type=Path, nargs="?",
                           default=DEFAULT_METHOD_FILE)
        sub.add_parser("sync", help="Ajouter aux Cités les tâches nouvelles de la méthode.")

    def handle(self, *args, action: str, **options):
        try:
            method = load_method(options.get("file") or DEFAULT_METHOD_FILE)
        except MethodError as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        except FileNotFoundError as exc:
            raise CommandError(f"Le fichier « {exc.filename} » n'existe pas.") from exc
        if action == "check":
            self.stdout.write(
                f"Méthode correcte : {len(method.tasks)} tâches, "
                f"{len(method.vigilance_points)} points de vigilance."
            )
            return
        for cite in Cite.objects.order_by("slug"):
            try:
                added = create_roadmap(cite=cite, method=method)
            except RoadmapLoopError as exc:
                raise CommandError(f"{cite.name} : {exc} (rien n'a été ajouté).") from exc
            self.stdout.write(f"{cite.name} : {added} tâche(s) ajoutée(s).")
