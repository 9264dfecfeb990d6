"""Roster files for the terminal: read an instance, solve or validate it, write the result.

The `roster` management command is a thin shell over these two functions, which need no
database and are tested directly.
"""

import json
from pathlib import Path

from django.utils.translation import gettext as _

from capacite.staffing.domain.instance import Solution
from capacite.staffing.domain.jsonio import (
    InstanceError,
    instance_from_json,
    solution_from_json,
    solution_to_json,
)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstanceError([_("%(path)s : lecture impossible (%(error)s)") % {
            "path": path, "error": exc.strerror}]) from exc
    except json.JSONDecodeError as exc:
        raise InstanceError([_("%(path)s : JSON invalide, ligne %(line)s colonne %(column)s "
                               "(%(error)s)") % {"path": path, "line": exc.lineno,
                                                 "column": exc.colno, "error": exc.msg}]) from exc


def solve_file(instance_path: Path, time_limit: float, out_path: Path) -> Solution:
    """Solve the instance in `instance_path` and write the solution JSON to `out_path`.

    Raises `InstanceError` (French messages) for an unreadable or invalid instance.
    """
    from capacite.staffing.domain.sites import solve_by_site

    instance = instance_from_json(_read_json(instance_path))
    # A network week whose people each work at one site is solved site by site (sites.py).
    solution, _progress = solve_by_site(instance, time_limit=time_limit)
    out_path.write_text(json.dumps(solution_to_json(solution), ensure_ascii=False, indent=1)
                        + "\n", encoding="utf-8")
    return solution


def validate_file(instance_path: Path, solution_path: Path) -> list[str]:
    """Every violation of the hard rules and of the coverage claim, in French (empty: valid)."""
    from capacite.staffing.domain.validate import validate

    instance = instance_from_json(_read_json(instance_path))
    return validate(instance, solution_from_json(_read_json(solution_path), instance))
