"""The label's dossier page (issue 19): p50/p95 of the preview of every dossier with its
pre-flight, as the director of the open Cité (three dossiers) and the project lead of the Cité
under construction (two), on the demo.

    CAPACITE_VAR_DIR=/tmp/bench-dossier .venv/bin/python bench/dossier_page.py [--repeat 10]

Builds the demo in CAPACITE_VAR_DIR when it has none (`migrate`, `load_territories`, `demo`),
then asks each page once to warm up and `--repeat` times through Django's test client, in
process. p95 is the nearest rank. Figures go in bench/README.md by hand.
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = [("directeur", "/c/valombre/label/dossier/"), ("porteur", "/c/rivemont/label/dossier/")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capacite.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    if not get_user_model().objects.filter(username="directeur").exists():
        call_command("migrate", verbosity=0)
        call_command("load_territories", if_missing=True)
        call_command("demo")
    settings.ALLOWED_HOSTS = ["*"]
    for username, url in PAGES:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        assert client.get(url).status_code == 200, url
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
        times.sort()
        p95 = times[math.ceil(0.95 * len(times)) - 1]
        print(f"{username:10} {url:32} p50 {statistics.median(times):6.0f} ms  "
              f"p95 {p95:6.0f} ms  max {times[-1]:6.0f} ms  ({len(times)} requests)")


if __name__ == "__main__":
    main()
