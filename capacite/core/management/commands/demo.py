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

    def handle(self, *args, **options):
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
