"""`capacite treasury --cite SLUG [--delay FUNDER:MONTHS] [--cut FUNDER:PERCENT] --format json`:
the 36-month treasury plan of the chosen scenario (else the first), optionally stressed, from
the same functions as the treasury page. FUNDER is the funder's short identifier (its « clé »
on the funding round page, e.g. REGION), case ignored."""

import json
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from capacite.lib.money import format_money
from capacite.planning import services
from capacite.planning.domain.money import month_label
from capacite.planning.domain.treasury import stressed_disbursements, treasury_plan
from capacite.planning.management.commands._common import cite_or_error, money


def _split(option: str, value: str, unit: str) -> tuple[str, str]:
    key, sep, amount = value.rpartition(":")
    if not sep or not key or not amount:
        raise CommandError(f"--{option} attend FINANCEUR:{unit}, par exemple REGION:3 ; "
                           f"reçu « {value} ».")
    return key, amount


class Command(BaseCommand):
    help = ("Plan de trésorerie sur 36 mois ; --delay REGION:3 retarde de 3 mois les "
            "versements du financeur REGION, --cut REGION:20 les réduit de 20 %. Les mois "
            "sous zéro sont signalés (une erreur pour un GIP).")

    def add_arguments(self, parser):
        parser.add_argument("--cite", required=True, metavar="IDENTIFIANT",
                            help="L'identifiant de la Cité (par exemple rivemont).")
        parser.add_argument("--delay", action="append", default=[], metavar="FINANCEUR:MOIS",
                            help="Retarder les versements d'un financeur (son identifiant "
                                 "court) de MOIS mois.")
        parser.add_argument("--cut", action="append", default=[],
                            metavar="FINANCEUR:POURCENTAGE",
                            help="Réduire les versements d'un financeur de POURCENTAGE %%.")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, cite: str, delay: list[str], cut: list[str], format: str,
               **options):
        target = cite_or_error(cite)
        with scope(cite=target):
            inputs = services.treasury_inputs(target)
            if inputs is None:
                raise CommandError(f"{target.name} : aucun scénario, donc aucun budget à "
                                   "mettre en trésorerie.")
            calendar = inputs.disbursements
            try:
                for value in delay:
                    key, amount = _split("delay", value, "MOIS")
                    if not amount.isdigit():
                        raise CommandError(f"--delay {value} : le nombre de mois doit être un "
                                           "entier positif.")
                    funder = services.resolve_funder(key)
                    calendar = stressed_disbursements(calendar, funder=funder.name,
                                                      delay_months=int(amount))
                for value in cut:
                    key, amount = _split("cut", value, "POURCENTAGE")
                    try:
                        percent = Decimal(amount.replace(",", "."))
                    except InvalidOperation as exc:
                        raise CommandError(f"--cut {value} : le pourcentage n'est pas un "
                                           "nombre.") from exc
                    funder = services.resolve_funder(key)
                    calendar = stressed_disbursements(calendar, funder=funder.name,
                                                      cut_percent=percent)
                plan = treasury_plan(replace(inputs, disbursements=calendar))
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        if format == "json":
            self.stdout.write(json.dumps({
                "months": [{"month": f"{m.month:%Y-%m}", "inflows": money(m.inflows),
                            "outflows": money(m.outflows), "balance": money(m.balance)}
                           for m in plan.months],
                "alerts": [{"month": f"{a.month:%Y-%m}", "level": a.level,
                            "message": a.message} for a in plan.alerts],
            }, ensure_ascii=False, indent=2))
            return
        for m in plan.months:
            self.stdout.write(f"{month_label(m.month):>15} : "
                              f"entrées {format_money(m.inflows, 'fr')}, "
                              f"sorties {format_money(m.outflows, 'fr')}, fin de mois "
                              f"{format_money(m.balance, 'fr')}")
        for a in plan.alerts:
            self.stdout.write(("ERREUR " if a.level == "error" else "ATTENTION ") + a.message)
