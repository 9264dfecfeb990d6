"""The `capacite` console script: the project's manage.py.

Every subcommand a user or operator runs from a terminal (demo, backup, restore, …) is a Django
management command reached through this entry point.

Terminal commands are the instance operator's tools and act on every Cité (dumpdata, loaddata,
shell, demo…), so they run with django-scopes' tenant check disabled. Serving is the exception:
request threads start with a fresh context anyway, and the middleware opens one Cité's scope per
request, but `runserver` keeps the check on in its own thread too.
"""

import os
import sys
from contextlib import nullcontext

SERVING_COMMANDS = {"runserver"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capacite.settings")
    from django.core.management import execute_from_command_line
    from django_scopes import scopes_disabled

    argv = argv if argv is not None else sys.argv
    command = argv[1] if len(argv) > 1 else ""
    with nullcontext() if command in SERVING_COMMANDS else scopes_disabled():
        execute_from_command_line(argv)
