"""`capacite demo`: build the fictional demo Cités and their users (idempotent)."""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from capacite.core.demo import DEMO_USERS, build_demo


class Command(BaseCommand):
    help = (
        "Crée les Cités de démonstration (fictives) et un compte pour chaque rôle. "
        "Sans effet sur une Cité de démonstration déjà présente."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--visits", type=int, default=0,
            help="Pour les mesures de charge : ajoute ce nombre de passages, répartis entre les "
                 "Cités de charge de --cites (avec ~6 %% de réponses au questionnaire).")
        parser.add_argument("--cites", type=int, default=30,
                            help="Nombre de Cités de charge ouvertes à créer avec --visits.")
        parser.add_argument("--years", type=int, default=1,
                            help="Nombre d'années (de 365 jours) sur lesquelles répartir "
                                 "les passages de --visits.")

    def handle(self, *args, **options):
        if options["visits"]:
            return self._network(options["visits"], options["cites"], options["years"])
        password = os.environ.get("CAPACITE_DEMO_PASSWORD", "demo")
        with transaction.atomic():
            created = build_demo(password=password)
        for name, was_created in created:
            state = "créée" if was_created else "déjà présente, inchangée"
            self.stdout.write(f"Cité de démonstration « {name} » : {state}.")
        self.stdout.write("\nComptes de démonstration (mot de passe : %s) :" % (
            "celui de CAPACITE_DEMO_PASSWORD" if "CAPACITE_DEMO_PASSWORD" in os.environ
            else password))
        for username, description in DEMO_USERS:
            self.stdout.write(f"  {username:<11} {description}")

    def _network(self, visits: int, cites: int, years: int = 1) -> None:
        """The large benchmark network (activity/bench_data.py), beside the demo Cités."""
        import time

        from django.core.management.base import CommandError
        from django.utils import timezone
        from django_scopes import scopes_disabled

        from capacite.activity.bench_data import build_network

        if cites < 1 or visits < 0 or years < 1:
            raise CommandError("--cites et --years doivent valoir au moins 1 et --visits être "
                               "positif.")
        began = time.monotonic()
        with scopes_disabled(), transaction.atomic():
            counts = build_network(visits=visits, cites=cites, today=timezone.localdate(),
                                   years=years)
        self.stdout.write(
            f"Réseau de charge : {counts.cites} Cités, {counts.visits} passages, "
            f"{counts.responses} réponses au questionnaire, en {time.monotonic() - began:.0f} s.")
