"""The label's dossier page (issue 19): p50/p95 of the preview of every dossier with its
pre-flight, as the director of the open Cité (three dossiers) and the project lead of the Cité
under construction (two), on the demo.

    CAPACITE_VAR_DIR=/tmp/bench-dossier .venv/bin/python bench/dossier_page.py [--repeat 10]

Builds the demo in CAPACITE_VAR_DIR when it has none (`migrate`, `load_territories`, `demo`),
then asks each page once to warm up and `--repeat` times through Django's test client, in
process. p95 is the nearest rank. Figures go in bench/README.md by hand.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from run import demo_in, nearest_rank  # noqa: E402

PAGES = [("directeur", "/c/valombre/label/dossier/"), ("porteur", "/c/rivemont/label/dossier/")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    demo_in(os.environ.get("CAPACITE_VAR_DIR", "/tmp/bench-dossier"))
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

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
        p95 = nearest_rank(times, 0.95)
        print(f"{username:10} {url:32} p50 {statistics.median(times):6.0f} ms  "
              f"p95 {p95:6.0f} ms  max {times[-1]:6.0f} ms  ({len(times)} requests)")


if __name__ == "__main__":
    main()
