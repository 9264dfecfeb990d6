"""Tally round trip: from the tap on « Compter » to the screen showing the new count, in Chromium.

Issue 14 (« Speed ») asks that a tally screen's round trip — tap, saved, count updated — take
at most 100 ms on an idle machine. tally_load.py measures the server under many clients; this
script measures what one reception agent sees: a real browser on the real screen, tally.js
included (queue in localStorage, JSON post, the answer rendered).

Run against a running server whose database this script can also open (to count the rows):

    export CAPACITE_VAR_DIR=/tmp/bench-round-trip   # or CAPACITE_DATABASE_URL=...
    capacite migrate --noinput && capacite load_territories --if-missing && capacite demo
    capacite runserver 127.0.0.1:8241 --noreload --skip-checks &
    python bench/activity/round_trip.py --base http://127.0.0.1:8241 --visitors 50

Debian's /usr/bin/chromium is driven by Playwright (headless, locale fr-FR). The script logs in
as `accueil`, opens the demo Cité's tally screen (its first site) and counts N visitors the way
an agent does, three taps each: a pôle, a public, « Compter » (the nature of the visit stays
« Accueil et orientation »; the screen keeps the pôles for the next visitor, so the previous
visitor's pôle is unticked first when it differs). The pôles and publics are taken in turn.

For each visitor, the page itself measures with performance.now(): a click listener (capture)
takes the tap's event time, a MutationObserver on the count notes when its text becomes the
expected number, and a requestAnimationFrame callback then notes the start of the frame that
paints it. The script waits for that with page.wait_for_function (no sleeps). The server time
of the POST is Playwright's timing of the response (request sent → first byte of the answer).

At the end it compares the rows added to the database with N (lost / doubled), checks that
every client id the server acknowledged is stored once, and that the screen's count moved by N.
"""

import argparse
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for run.py
from run import demo_account_options, nearest_rank, visits_stored  # noqa: E402

CHROMIUM = "/usr/bin/chromium"

# Armed just before each tap on « Compter »: records the tap, the count's change, the next frame.
ARM = r"""(expected) => {
  const count = document.getElementById("today-count");
  const probe = window.__roundTrip = {tap: null, shown: null, painted: null};
  document.addEventListener("click", (event) => { probe.tap = event.timeStamp; },
                            {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (probe.shown === null && count.textContent.replace(/\D/g, "") === expected) {
      probe.shown = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { probe.painted = performance.now(); });
    }
  });
  observer.observe(count, {childList: true, characterData: true, subtree: true});
}"""


def summary(name: str, values: list[float]) -> str:
    return (f"{name}: median {statistics.median(values):.1f} ms, "
            f"p95 {nearest_rank(values, 0.95):.1f} ms, max {max(values):.1f} ms")


def login(page, user: str, password: str) -> None:
    page.goto("/compte/connexion/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    if "/compte/connexion/" in page.url:
        sys.exit(f"login as {user} failed")


def count_visitors(page, cite: str, visitors: int) -> tuple[list[dict], int, int]:
    """Counts `visitors` visitors; returns one measure per visitor and the count before/after."""
    path = f"/c/{cite}/activite/comptage/"
    page.goto(path)
    count = page.locator("#today-count")
    poles = page.locator("fieldset[data-field=poles] label.chip")
    publics = page.locator("fieldset[data-field=public] label.chip")
    # The publics but « Non renseigné », the first chip and the one the screen comes back to.
    public_names = [publics.nth(i).inner_text().strip() for i in range(1, publics.count())]
    n_poles = poles.count()
    start = int(re.sub(r"\D", "", count.inner_text()))  # « 1 236 » is grouped
    measures, previous_pole = [], None
    for i in range(visitors):
        pole = i % n_poles
        if previous_pole is not None and previous_pole != pole:
            poles.nth(previous_pole).click()  # untick the pôle kept from the last visitor
        if previous_pole != pole:
            poles.nth(pole).click()
        previous_pole = pole
        publics.filter(has_text=public_names[i % len(public_names)]).first.click()
        expected = str(start + i + 1)
        page.evaluate(ARM, expected)
        with page.expect_response(lambda r: r.request.method == "POST"
                                  and r.url.endswith(path)) as answer:
            page.get_by_test_id("count").click()
        page.wait_for_function("() => window.__roundTrip.painted !== null")
        probe = page.evaluate("() => window.__roundTrip")
        response = answer.value
        timing = response.request.timing
        measures.append({
            "shown": probe["shown"] - probe["tap"],
            "painted": probe["painted"] - probe["tap"],
            "server": timing["responseStart"] - timing["requestStart"],
            "status": response.status,
            "client_id": response.json()["client_id"],
        })
    return measures, start, int(re.sub(r"\D", "", count.inner_text()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    demo_account_options(parser, base="http://127.0.0.1:8241")
    parser.add_argument("--visitors", type=int, default=50)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    before, _ = visits_stored(args.cite, [])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--headless=new", "--no-sandbox"])
        context = browser.new_context(base_url=args.base, locale="fr-FR",
                                      viewport={"width": 1280, "height": 900})
        page = context.new_page()
        login(page, args.user, args.password)
        measures, start, end = count_visitors(page, args.cite, args.visitors)
        browser.close()

    ids = [m["client_id"] for m in measures]
    after, stored = visits_stored(args.cite, ids)
    added = after - before
    statuses = sorted({m["status"] for m in measures})
    print(f"{args.visitors} visitors counted at {args.base}/c/{args.cite}/activite/comptage/ "
          f"(answers {statuses})")
    print(summary("tap → count shown (DOM)       ", [m["shown"] for m in measures]))
    print(summary("tap → frame painting the count", [m["painted"] for m in measures]))
    print(summary("server, POST alone (→ 1st byte)", [m["server"] for m in measures]))
    print(f"rows added {added}, lost {max(0, args.visitors - added)}, "
          f"doubled {max(0, added - args.visitors)}; acknowledged ids {len(set(ids))}, "
          f"stored {stored}; screen's count {start} → {end} ({end - start:+d})")
    if (added, stored, len(set(ids)), end - start) != (args.visitors,) * 4:
        sys.exit("MISMATCH: the database or the screen does not hold exactly N new visits")


if __name__ == "__main__":
    main()
