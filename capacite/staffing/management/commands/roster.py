from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacite.staffing.domain.jsonio import InstanceError
from capacite.staffing.files import solve_file, validate_file


class Command(BaseCommand):
    help = (
        "Plannings hebdomadaires sans base de données. « solve » calcule le meilleur planning "
        "d'une instance JSON dans le temps donné (OR-Tools CP-SAT, démarré depuis un planning "
        "glouton) et écrit la solution : affectations, créneaux non couverts avec leur raison, "
        "objectifs, statut, durées. « validate » revérifie une solution, par exemple après une "
        "retouche à la main. Formats : docs/roster-format.md."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        solve = actions.add_parser("solve", help="calcule un planning",
                                   description="Calcule un planning et l'écrit en JSON.")
        solve.add_argument("--instance", required=True, type=Path, metavar="IN.json")
        solve.add_argument("--time-limit", type=float, default=30.0, metavar="SECONDES",
                           help="durée maximale de recherche (30 s par défaut)")
        solve.add_argument("--out", required=True, type=Path, metavar="OUT.json")
        check = actions.add_parser("validate", help="revérifie une solution",
                                   description="Liste les règles enfreintes par une solution.")
        check.add_argument("--instance", required=True, type=Path, metavar="IN.json")
        check.add_argument("--solution", required=True, type=Path, metavar="OUT.json")

    def handle(self, *args, action: str, **options):
        try:
            if action == "solve":
                self._solve(options["instance"], options["time_limit"], options["out"])
            else:
                self._validate(options["instance"], options["solution"])
        except InstanceError as exc:
            raise CommandError("\n".join(exc.messages)) from exc

    def _solve(self, instance: Path, time_limit: float, out: Path) -> None:
        if time_limit <= 0:
            raise CommandError("--time-limit : un nombre de secondes positif est attendu")
        solution = solve_file(instance, time_limit, out)
        missing = sum(gap.missing for gap in solution.uncovered)
        self.stdout.write(
            f"{solution.status} : {len(solution.assignments)} créneau(x) affecté(s), "
            f"{missing} place(s) non couverte(s) ; solution écrite dans {out}.")

    def _validate(self, instance: Path, solution: Path) -> None:
        errors = validate_file(instance, solution)
        for error in errors:
            self.stdout.write(error)
        if errors:
            raise CommandError(f"{len(errors)} règle(s) enfreinte(s)")
        self.stdout.write("Planning valide : toutes les règles sont respectées.")
