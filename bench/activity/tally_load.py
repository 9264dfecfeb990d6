"""Tally load: N clients post tallies to the tally screen's JSON endpoint for D seconds.

Run against a running server whose database this script can also open (to count the rows):

    export CAPACITE_DATABASE_URL=sqlite:////tmp/bench/bench.sqlite3
    capacite migrate --noinput && capacite load_territories --if-missing && capacite demo
    capacite runserver 127.0.0.1:8114 --noreload --skip-checks &
    python bench/activity/tally_load.py --base http://127.0.0.1:8114 --clients 16 --seconds 60

Each client logs in as `accueil` (its own session), then posts tallies as tally.js does
(JSON, X-CSRFToken, a client id made here; the page's first pôle and first public ticked, as
an agent's three taps send). With `--pace S` each client waits S seconds after an answer
before its next tally (an agent's time between two visitors; the tally screen's goal is a
visitor counted in under three seconds), first tallies spread over the first S seconds;
without it the clients post back to back, which measures the server's throughput. One post
in twenty is sent twice with the same id, as a tablet retrying after a lost answer does. At
the end the script compares the distinct ids the server acknowledged (201 or 200) with the
rows added to the database: lost = acknowledged but not stored, doubled = stored more than
once. Standard library only.
"""

import argparse
import http.cookiejar
import json
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for run.py
from run import demo_account_options, nearest_rank, visits_stored  # noqa: E402


def _opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def _csrf(jar) -> str:
    return next(c.value for c in jar if c.name == "csrftoken")


def login(base: str, user: str, password: str):
    opener, jar = _opener()
    page = opener.open(f"{base}/compte/connexion/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": user,
                                   "password": password}).encode()
    request = urllib.request.Request(f"{base}/compte/connexion/", data=data,
                                     headers={"Referer": f"{base}/compte/connexion/"})
    opener.open(request).read()
    return opener, jar


def client(base, cite, choice, opener, jar, stop, out, pace=0.0, start=0.0):
    url = f"{base}/c/{cite}/activite/comptage/"
    n = 0
    stop.wait(start)
    while not stop.is_set():
        item = {"client_id": str(uuid.uuid4()), "kind": "reception", **choice}
        for _attempt in range(2 if n % 20 == 0 else 1):
            request = urllib.request.Request(url, data=json.dumps(item).encode(), headers={
                "Content-Type": "application/json", "Accept": "application/json",
                "X-CSRFToken": _csrf(jar), "Referer": url})
            began = time.perf_counter()
            try:
                with opener.open(request, timeout=30) as response:
                    status = response.status
                    response.read()
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0
            out.append((time.perf_counter() - began, status, item["client_id"]))
        n += 1
        if pace:
            stop.wait(pace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    demo_account_options(parser, base="http://127.0.0.1:8114")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pace", type=float, default=0.0,
                        help="seconds each client waits after an answer (0: back to back)")
    args = parser.parse_args()
    sessions = [login(args.base, args.user, args.password) for _ in range(args.clients)]
    page = sessions[0][0].open(f"{args.base}/c/{args.cite}/activite/comptage/").read().decode()
    choice = {field: int(re.search(rf'name="{field}".*?value="(\d+)"', page, re.S).group(1))
              for field in ("site", "poles", "public")}
    choice["poles"] = [choice["poles"]]
    before = visits_stored(args.cite)[0]
    stop, results = threading.Event(), []
    threads = [threading.Thread(target=client, args=(
        args.base, args.cite, choice, o, j, stop, results, args.pace,
        args.pace * n / args.clients)) for n, (o, j) in enumerate(sessions)]
    began = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    stored = visits_stored(args.cite)[0] - before
    acked = {cid for _s, status, cid in results if status in (200, 201)}
    created = sum(1 for _s, status, _c in results if status == 201)
    failed = [status for _s, status, _c in results if status not in (200, 201)]
    latencies = sorted(s for s, _st, _c in results)
    p95 = nearest_rank(latencies, 0.95) if latencies else 0
    print(f"{args.clients} clients (pace {args.pace:g} s), {elapsed:.0f} s: {len(results)} posts "
          f"({len(results) / elapsed:.0f}/s), {len(acked)} distinct tallies acknowledged, "
          f"{created} answered 201 (created), {stored} rows added to the database; "
          f"lost {max(0, len(acked) - stored)}, "
          f"extra rows {max(0, stored - len(acked))}, failed posts {len(failed)} "
          f"{sorted(set(failed))}; latency median {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
