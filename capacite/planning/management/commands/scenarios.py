"""`capacite scenarios --cite SLUG --format json`: the comparison of the Cité's scenarios,
computed by the same functions as the comparison page."""

import json

from django.core.management.base import BaseCommand
from django_scopes import scope

from capacite.lib.money import format_money, format_number
from capacite.planning import services
from capacite.planning.management.commands._common import cite_or_error, money


class Command(BaseCommand):
    help = ("Compare les scénarios d'une Cité (pôles, heures, ETP, charges, produits, reste à "
            "financer ou excédent prévisionnel) pour la première année du budget ; en json, "
            "chaque scénario donne aussi toutes les lignes de son budget Cerfa 12156 par "
            "compte et par année, lignes d'équilibre et contributions en nature comprises. "
            "Montants en euros, arrondis à l'euro.")

    def add_arguments(self, parser):
        parser.add_argument("--cite", required=True, metavar="IDENTIFIANT",
                            help="L'identifiant de la Cité (par exemple rivemont).")
        parser.add_argument("--format", choices=["json", "text"], default="text",
                            help="json : une liste d'objets ; text : un tableau lisible.")

    def handle(self, *args, cite: str, format: str, **options):
        target = cite_or_error(cite)
        with scope(cite=target):
            plans = services.all_plans(target)
        items = [{
            "name": p.figures.name,
            "poles": list(p.figures.poles),
            "hours_per_week": money(p.figures.hours_per_week),
            "counselling_hours_per_week": money(p.figures.counselling_hours_per_week),
            "fte_needed": money(p.figures.fte_needed),
            "fte_partners": money(p.figures.fte_partners),
            "fte_to_recruit": money(p.figures.fte_to_recruit),
            "operating_charges": money(p.figures.operating_charges),
            "operating_resources": money(p.figures.operating_resources),
            "gap": money(p.figures.gap),
            "shortfall": money(p.figures.shortfall),
            "surplus": money(p.figures.surplus),
            "chosen": p.figures.chosen,
            "budget": services.budget_lines(p.budget),
        } for p in plans]
        if format == "json":
            self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))
            return
        if not plans:
            self.stdout.write(f"{target.name} : aucun scénario.")
        for p in plans:
            f = p.figures
            self.stdout.write(
                f"{f.name}{' (retenu)' if f.chosen else ''} : {len(f.poles)} pôles, "
                f"{format_number(f.hours_per_week)} h par semaine, "
                f"{format_number(f.fte_needed)} ETP nécessaires dont "
                f"{format_number(f.fte_to_recruit)} à recruter, "
                + (f"excédent prévisionnel {format_money(f.surplus, 'fr')}" if f.surplus else
                   f"reste à financer {format_money(f.shortfall, 'fr')}"))
