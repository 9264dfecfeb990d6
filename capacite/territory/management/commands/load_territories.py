"""`capacite load_territories [--year ANNÉE] [--file FICHIER]`: load the territory reference."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacite.territory.domain.reference import (
    ReferenceError,
    available_years,
    file_for_year,
    read_reference,
)
from capacite.territory.services import latest_year, load_reference

LABELS = {
    "regions": "régions",
    "departements": "départements",
    "epcis": "EPCI",
    "communes": "communes",
}


class Command(BaseCommand):
    help = (
        "Charge le référentiel territorial (régions, départements, EPCI, communes) d'une année. "
        "Sans option : le fichier livré le plus récent. Peut être relancé sans risque : les "
        "lignes déjà à jour ne changent pas."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, metavar="ANNÉE",
                            help="millésime à charger parmi les fichiers livrés avec capacite")
        parser.add_argument("--file", type=Path, metavar="FICHIER",
                            help="fichier territoires-<année>.json.gz à charger")
        parser.add_argument("--if-missing", action="store_true",
                            help="ne rien faire si un référentiel est déjà chargé (make run)")

    def handle(self, *args, year: int | None = None, file: Path | None = None,
               if_missing: bool = False, **options):
        if if_missing and latest_year() is not None:
            self.stdout.write(f"Référentiel territorial {latest_year()} déjà chargé.")
            return
        if file is None:
            years = available_years()
            if year is None:
                if not years:
                    raise CommandError("Aucun fichier de référentiel territorial n'est livré.")
                year = years[-1]
            elif year not in years:
                shipped = ", ".join(map(str, years)) or "aucune"
                raise CommandError(
                    f"Aucun référentiel livré pour {year} (années disponibles : {shipped})."
                )
            file = file_for_year(year)
        started = time.monotonic()
        try:
            reference = read_reference(file)
        except FileNotFoundError as exc:
            raise CommandError(f"Le fichier « {file} » n'existe pas.") from exc
        except ReferenceError as exc:
            raise CommandError(str(exc)) from exc
        if year is not None and reference.year != year:
            raise CommandError(
                f"Le fichier « {file} » contient le millésime {reference.year}, pas {year}."
            )
        report = load_reference(reference)
        elapsed = time.monotonic() - started
        self.stdout.write(f"Référentiel territorial {report.year} ({file.name}) :")
        for key, label in LABELS.items():
            c = report.counts[key]
            line = (f"  {label} : {c.created} ajout(s), {c.updated} mise(s) à jour, "
                    f"{c.unchanged} sans changement, {c.deleted} suppression(s)")
            if c.kept:
                line += (f", {c.kept} absent(s) du fichier mais gardé(s) car encore utilisé(s) "
                         f"par le territoire d'une Cité")
            self.stdout.write(line + ".")
        self.stdout.write(f"Terminé en {elapsed:.1f} s.".replace(".", ",", 1))
