"""Benchmarks (`make bench`): rétro-planning on generated task graphs, and the main pages.

Figures go in bench/README.md by hand, with the machine they were measured on; nothing here is
asserted by the test suite.
"""

import math
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def generated_graph(size: int, *, seed: int = 7):
    """A layered dependency graph like a large roadmap: each task depends on 1–3 earlier ones."""
    from capacite.roadmap.domain.backplan import PlanItem

    rng = random.Random(seed)
    items = [PlanItem("t0", rng.randint(1, 60), ())]
    for index in range(1, size):
        deps = tuple({f"t{rng.randrange(max(0, index - 50), index)}"
                      for _ in range(rng.randint(1, 3))})
        items.append(PlanItem(f"t{index}", rng.randint(1, 60), deps))
    items.append(PlanItem("target", 1, tuple(f"t{i}" for i in range(max(0, size - 20), size))))
    return items


def nearest_rank(samples: list[float], share: float) -> float:
    """The smallest sample at or above `share` of them (nearest rank: p95 of 20 is the 19th)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def demo_in(var: str) -> None:
    """Start Django on the SQLite database of `var` (CAPACITE_VAR_DIR), migrated, with the demo
    built unless it already is: the benchmarks that read demo pages share it."""
    os.environ["CAPACITE_VAR_DIR"] = var
    os.environ["DJANGO_SETTINGS_MODULE"] = "capacite.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from capacite.core.models import Cite

    with scopes_disabled(), open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0)
        call_command("load_territories", if_missing=True, stdout=quiet)
        if not Cite.objects.filter(slug="valombre").exists():
            call_command("demo", stdout=quiet)


def demo_account_options(parser, *, base: str) -> None:
    """--base, --cite, --user, --password: the server, Cité and demo account a client-side
    benchmark (the tally's load and round trip) drives."""
    parser.add_argument("--base", default=base)
    parser.add_argument("--cite", default="valombre")
    parser.add_argument("--user", default="accueil")
    parser.add_argument("--password", default=os.environ.get("CAPACITE_DEMO_PASSWORD", "demo"))


def visits_stored(cite: str, client_ids=()) -> tuple[int, int]:
    """Visits of the Cité in the database the server writes to, and those among them carrying
    one of `client_ids`: what a client-side benchmark compares with what was acknowledged."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capacite.settings")
    import django

    django.setup()
    from django_scopes import scopes_disabled

    from capacite.activity.models import Visit

    with scopes_disabled():
        visits = Visit.objects.filter(cite__slug=cite)
        return visits.count(), visits.filter(client_id__in=list(client_ids)).count()


def timed(function, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, min(samples) * 1000


def bench_backplan() -> None:
    from capacite.roadmap.domain.backplan import backplan

    print("rétro-planning (fonction pure), médiane / min en ms")
    for size in (69, 1_000, 10_000, 100_000):
        items = generated_graph(size)
        median, best = timed(lambda items=items: backplan(
            items, target_key="target", target_date=date(2030, 1, 1), today=date(2026, 1, 1)),
            repeat=5 if size >= 100_000 else 20)
        print(f"  {size:>7} tâches : {median:8.2f} / {best:8.2f}")


def bench_pages() -> None:
    var = tempfile.mkdtemp(prefix="capacite-bench-")
    os.environ["CAPACITE_VAR_DIR"] = var
    os.environ["DJANGO_SETTINGS_MODULE"] = "capacite.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django_scopes import scopes_disabled

    with scopes_disabled(), open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0)
        call_command("demo", stdout=quiet)
    client = Client()
    client.force_login(get_user_model().objects.get(username="porteur"))
    print("pages de la démo (client de test Django, SQLite fichier), médiane / min en ms")
    for path in ("/c/rivemont/", "/c/rivemont/feuille-de-route/",
                 "/c/rivemont/feuille-de-route/retro-planning/"):
        client.get(path)
        median, best = timed(lambda path=path: client.get(path), repeat=20)
        print(f"  {path:<45} {median:8.2f} / {best:8.2f}")


if __name__ == "__main__":
    bench_backplan()
    bench_pages()
