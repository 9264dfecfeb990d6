from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.lib.money import format_count
from capacite.staffing.domain.jsonio import InstanceError
from capacite.staffing.files import solve_file, validate_file


class Command(BaseCommand):
    help = (
        "Plannings hebdomadaires sans base de données. « solve » calcule le meilleur planning "
        "d'une instance JSON dans le temps donné (OR-Tools CP-SAT, démarré depuis un planning "
        "glouton) et écrit la solution : affectations, créneaux non couverts avec leur raison, "
        "objectifs, statut, durées. « validate » revérifie une solution, par exemple après une "
        "retouche à la main. « export-instance » écrit l'instance d'une semaine d'une Cité "
        "depuis la base. Formats : docs/roster-format.md."
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
        export = actions.add_parser(
            "export-instance", help="écrit l'instance d'une semaine depuis la base",
            description="Écrit en JSON la semaine à planifier d'un site d'une Cité : créneaux "
                        "d'ouverture, besoins par poste, équipe, parts des partenaires, règles.")
        export.add_argument("--cite", required=True, metavar="SLUG")
        export.add_argument("--week", required=True, metavar="AAAA-MM-JJ",
                            help="un jour de la semaine (le lundi est pris)")
        export.add_argument("--site", metavar="NOM",
                            help="le site (par défaut le site principal)")
        export.add_argument("--out", required=True, type=Path, metavar="IN.json")

    def handle(self, *args, action: str, **options):
        try:
            if action == "export-instance":
                self._export(options["cite"], options["week"], options["site"], options["out"])
            elif action == "solve":
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
        assigned = len(solution.assignments)
        self.stdout.write(_("%(status)s : %(assigned)s, %(uncovered)s ; solution écrite dans "
                            "%(out)s.") % {
            "status": solution.status,
            "assigned": ngettext("%(n)s créneau affecté", "%(n)s créneaux affectés", assigned)
            % {"n": format_count(assigned)},
            "uncovered": ngettext("%(n)s place non couverte", "%(n)s places non couvertes",
                                  missing) % {"n": format_count(missing)},
            "out": out})

    def _validate(self, instance: Path, solution: Path) -> None:
        errors = validate_file(instance, solution)
        for error in errors:
            self.stdout.write(error)
        if errors:
            raise CommandError(ngettext("%(n)s règle enfreinte", "%(n)s règles enfreintes",
                                        len(errors)) % {"n": format_count(len(errors))})
        self.stdout.write(_("Planning valide : toutes les règles sont respectées."))

    def _export(self, slug: str, week: str, site_name: str | None, out: Path) -> None:
        import json
        from datetime import date

        from django_scopes import scope

        from capacite.core.models import Cite
        from capacite.staffing.domain.jsonio import instance_to_json
        from capacite.staffing.services import build_instance, default_site, monday_of

        cite = Cite.objects.filter(slug=slug).first()
        if cite is None:
            raise CommandError(f"--cite : aucune Cité « {slug} »")
        try:
            monday = monday_of(date.fromisoformat(week))
        except ValueError as exc:
            raise CommandError(f"--week : date AAAA-MM-JJ attendue, reçu « {week} »") from exc
        with scope(cite=cite):
            site = default_site(site_name)
            if site is None:
                raise CommandError(f"--site : aucun site « {site_name} » dans {cite.name}"
                                   if site_name else f"{cite.name} n'a aucun site")
            instance = build_instance(site, monday)
        out.write_text(json.dumps(instance_to_json(instance), ensure_ascii=False, indent=1)
                       + "\n", encoding="utf-8")
        self.stdout.write(_("%(site)s, semaine du %(monday)s : %(slots)s, %(staff)s ; instance "
                            "écrite dans %(out)s.") % {
            "site": site.name, "monday": f"{monday:%d/%m/%Y}",
            "slots": ngettext("%(n)s créneau", "%(n)s créneaux", len(instance.slots))
            % {"n": format_count(len(instance.slots))},
            "staff": ngettext("%(n)s personne", "%(n)s personnes", len(instance.staff))
            % {"n": format_count(len(instance.staff))},
            "out": out})
