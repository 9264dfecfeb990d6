"""The `capacite` console script: the project's manage.py.

Every subcommand a user or operator runs from a terminal (demo, backup, restore, …) is a Django
management command reached through this entry point.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capacite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv if argv is not None else sys.argv)
