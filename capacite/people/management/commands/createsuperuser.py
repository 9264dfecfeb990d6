"""`capacite createsuperuser`: Django's command, and the new account is the label authority.

On a fresh instance this is the one terminal step: the label authority then opens the Cités
and invites their project leads from the screens.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import createsuperuser

from capacite.core.models import Membership, Role


class Command(createsuperuser.Command):
    help = ("Crée un compte administrateur qui est aussi l'autorité de label de l'instance : "
            "elle ouvre les Cités et invite leurs porteurs de projet depuis les écrans.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        users = get_user_model().objects.db_manager(options["database"])
        before = set(users.filter(is_superuser=True).values_list("pk", flat=True))
        super().handle(*args, **options)
        for user in users.filter(is_superuser=True).exclude(pk__in=before):
            Membership.objects.db_manager(options["database"]).get_or_create(
                user=user, cite=None, role=Role.LABEL_AUTHORITY)
            if options["verbosity"] >= 1:
                self.stdout.write(f"{user.get_username()} : autorité de label de l'instance.")
