"""The rétro-planning's Gantt on the demo Cités: the chart alone and the whole page.

    .venv/bin/python bench/gantt.py [VAR_DIR]

Builds the demo in VAR_DIR (a new temporary folder by default; an existing one is reused, which
skips the minute the demo takes). Figures go in bench/README.md by hand, with the machine.
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import demo_in, timed  # noqa: E402

# (Cité, the demo account that opens its rétro-planning)
CITES = (("rivemont", "porteur"), ("valombre", "directeur"))


def main(var: str) -> None:
    demo_in(var)
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone
    from django_scopes import scope

    from capacite.core.models import Cite
    from capacite.roadmap.services import backplan_chart, current_plan

    print("Gantt du rétro-planning, médiane / min en ms sur 20")
    for slug, username in CITES:
        cite = Cite.objects.get(slug=slug)
        with scope(cite=cite):
            plan = current_plan(today=timezone.localdate())
            chart = timed(lambda plan=plan: backplan_chart(plan, today=timezone.localdate()),
                          repeat=20)
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        path = f"/c/{slug}/feuille-de-route/retro-planning/"
        client.get(path)
        page = timed(lambda path=path, client=client: client.get(path), repeat=20)
        print(f"  {slug:<9} {len(plan.rows):>3} tâches  graphique {chart[0]:7.1f} / "
              f"{chart[1]:7.1f}   page {page[0]:7.1f} / {page[1]:7.1f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="capacite-bench-"))
