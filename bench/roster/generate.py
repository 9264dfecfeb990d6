"""Seeded roster instances for the benchmark, as JSON dicts (docs/roster-format.md).

- S: 15 staff, 4 partners, 3 pôles + reception, Monday–Friday 9:00–17:00 (40 h/week).
- M "Paris-like": 60 staff, 12 partners, 7 pôles + reception + documentation, Tuesday–Friday
  10:00–18:00 and Saturday 12:00–18:00 (38 h/week), demand 1–4 per desk with an afternoon peak.
- L "network": 300 staff, 20 partners, 5 sites × 7–9 desks, Monday–Friday 9:00–19:00
  (50 h/week); each person works at one site, so the instance splits by site.

`short=True` makes an instance infeasible by construction: one extra desk nobody can hold,
and demand raised by half on the others.

Issue 20's shapes, written apart from the engine's tuning (`generate_shape`): the weeks real
Cités run, where S, M and L are regular — shares that follow the staff's hours, full days.

- P "Paris, part-time": closed Monday, Tuesday–Friday 10:00–18:00 and a Saturday half-day
  12:00–18:00; 5 pôles + reception + documentation; 12 partners with committed shares that do
  not follow their staff (one 22 %, several 3–5 %); about 60 mostly part-time secondments
  (mornings only, two days a week, never on Saturday); peaks at lunchtime and on Saturday; two
  locked 2-hour blocks.
- N "network, tiny shares": Monday–Friday 10:00–18:00, 41 partners (a few large, most of them
  under 1.5 %), about 90 staff, many part-time; one pôle nobody can hold on Monday afternoon
  (an unreachable pocket, explained `nobody_available`); one locked 2-hour block.
"""

import random
from typing import Any

SIZES = {
    "S": {"staff": 15, "partners": 4, "sites": 1, "poles": (3, 3), "documentation": False,
          "days": [(d, 9, 17) for d in range(5)], "demand": (1, 2)},
    "M": {"staff": 60, "partners": 12, "sites": 1, "poles": (7, 7), "documentation": True,
          "days": [(d, 10, 18) for d in range(1, 5)] + [(5, 12, 18)], "demand": (1, 4)},
    "L": {"staff": 300, "partners": 20, "sites": 5, "poles": (5, 7), "documentation": True,
          "days": [(d, 9, 19) for d in range(5)], "demand": (1, 3)},
}
CONTRACTS = (1050, 1260, 1470, 1680, 2100)  # 17 h 30 … 35 h a week


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def generate(size: str, seed: int, *, short: bool = False) -> dict[str, Any]:
    """A reproducible instance of `size` (S, M or L) for `seed`."""
    spec = SIZES[size]
    rng = random.Random(f"{size}-{seed}-{short}")
    desks: list[dict[str, Any]] = []
    for site in range(spec["sites"]):
        prefix = f"s{site}-" if spec["sites"] > 1 else ""
        site_name = f"site {site + 1}" if spec["sites"] > 1 else ""
        desks.append({"id": f"{prefix}accueil", "name": f"Accueil {site_name}".strip(),
                      "kind": "reception", "site": site_name})
        if spec["documentation"]:
            desks.append({"id": f"{prefix}doc", "name": f"Documentation {site_name}".strip(),
                          "kind": "documentation", "site": site_name})
        for pole in range(rng.randint(*spec["poles"])):
            desks.append({"id": f"{prefix}pole{pole + 1}",
                          "name": f"Pôle {pole + 1} {site_name}".strip(), "kind": "pole",
                          "site": site_name})
    opening = [{"day": d, "start": hhmm(a * 60), "end": hhmm(b * 60)} for d, a, b in spec["days"]]
    demand = []
    low, high = spec["demand"]
    for desk in desks:
        base = rng.randint(low, max(low, high - 1))
        for day, opens, closes in spec["days"]:
            for hour in range(opens, closes):
                # Afternoon peak: one more person from 14:00 to 17:00, up to the maximum.
                people = min(high, base + (1 if 14 <= hour < 17 else 0))
                if desk["kind"] != "pole":
                    people = min(people, 2)
                if short:
                    people += (people + 1) // 2
                demand.append({"desk": desk["id"], "people": people, "day": day,
                               "start": hhmm(hour * 60), "end": hhmm(hour * 60 + 60)})
    partners = [f"p{i + 1}" for i in range(spec["partners"])]
    staff = []
    for i in range(spec["staff"]):
        # Partner i % partners, site spread so that every partner staffs every site.
        site = (i // spec["partners"]) % spec["sites"]
        mine = [desk for desk in desks if spec["sites"] == 1
                or desk["id"].startswith(f"s{site}-")]
        poles = [desk["id"] for desk in mine if desk["kind"] == "pole"]
        skills = rng.sample(poles, rng.randint(1, min(2, len(poles))))
        if rng.random() < 0.6:
            skills.append(mine[0]["id"])  # reception
        if spec["documentation"] and rng.random() < 0.3:
            skills.append(mine[1]["id"])
        days = rng.sample(spec["days"], rng.randint(min(3, len(spec["days"])),
                                                     len(spec["days"])))
        availability = []
        for day, opens, closes in sorted(days):
            part = rng.random()
            start, end = opens, closes
            if part < 0.2:
                end = (opens + closes) // 2 + 1
            elif part < 0.4:
                start = (opens + closes) // 2 - 1
            availability.append({"day": day, "start": hhmm(start * 60), "end": hhmm(end * 60)})
        staff.append({"id": f"e{i + 1}", "name": f"Personne {i + 1}",
                      "partner": partners[i % len(partners)],
                      "weekly_minutes": rng.choice(CONTRACTS), "availability": availability,
                      "skills": sorted(set(skills)),
                      "preferences": {"desks": skills[:1]} if rng.random() < 0.3 else {}})
    hours = {p: sum(s["weekly_minutes"] for s in staff if s["partner"] == p) for p in partners}
    total = sum(hours.values())
    shares = {p: round(hours[p] / total, 3) for p in partners}
    shares[partners[0]] = round(1 - sum(shares[p] for p in partners[1:]), 3)
    if short:
        desks.append({"id": "juridique", "name": "Permanence juridique", "kind": "pole",
                      "site": desks[0]["site"]})
        demand.append({"desk": "juridique", "people": 1, "day": spec["days"][0][0],
                       "start": hhmm(spec["days"][0][1] * 60),
                       "end": hhmm(spec["days"][0][1] * 60 + 180)})
    return {"week_start": "2026-11-23", "slot_minutes": 30, "opening": opening, "desks": desks,
            "demand": demand,
            "partners": [{"id": p, "name": f"Partenaire {p[1:]}", "fte_share": shares[p]}
                         for p in partners],
            "staff": staff,
            "rules": {"min_shift_minutes": 120, "max_shift_minutes": 360,
                      "max_shifts_per_day": 2}}


SHAPES = ("P", "N")
PATTERNS = ("full", "mornings", "two_days", "no_saturday", "afternoons")


def generate_shape(shape: str, seed: int) -> dict[str, Any]:
    """A reproducible instance of issue 20's `shape` (P or N, see the module docstring)."""
    rng = random.Random(f"shape-{shape}-{seed}")
    if shape == "P":
        days = [(d, 10, 18) for d in range(1, 5)] + [(5, 12, 18)]
        poles, staff_count = 5, 60
        shares = [0.22] + [round(rng.uniform(0.03, 0.05), 3) for _ in range(5)]
        rest = 1 - sum(shares)
        big = [rng.uniform(1, 2) for _ in range(6)]
        shares += [rest * b / sum(big) for b in big]
        weights = {"full": 3, "mornings": 2, "two_days": 3, "no_saturday": 3, "afternoons": 1}
    else:
        days = [(d, 10, 18) for d in range(5)]
        poles, staff_count = 6, 90
        big = [rng.uniform(0.08, 0.12) for _ in range(5)]
        tiny = [rng.uniform(0.004, 0.015) for _ in range(36)]
        scale = (1 - sum(big)) / sum(tiny)
        shares = big + [t * scale for t in tiny]
        weights = {"full": 4, "mornings": 2, "two_days": 2, "no_saturday": 0, "afternoons": 2}
    partners = [f"p{i + 1}" for i in range(len(shares))]
    permille = [round(1000 * share) for share in shares]
    permille[0] += 1000 - sum(permille)
    desks = [{"id": "accueil", "name": "Accueil", "kind": "reception", "site": ""},
             {"id": "doc", "name": "Documentation", "kind": "documentation", "site": ""}]
    desks += [{"id": f"pole{k + 1}", "name": f"Pôle {k + 1}", "kind": "pole", "site": ""}
              for k in range(poles)]
    target: dict[tuple[str, int, int], int] = {}  # (desk, day, half hour) -> people wanted
    for desk in desks:
        base = 1 if desk["kind"] != "pole" else rng.randint(2, 3 if shape == "P" else 4)
        for day, opens, closes in days:
            for half in range(2 * opens, 2 * closes):
                people = base + (12 <= half // 2 < 14) + (day == 5)  # lunchtime, Saturday
                target[(desk["id"], day, half)] = 1 if desk["kind"] == "documentation" \
                    else people
    # Staff: every partner has at least one person, the rest drawn by committed share, so a
    # partner's staff only roughly matches its share (the floor of the deviation is not 0).
    owners = list(partners) + rng.choices(partners, weights=permille,
                                          k=staff_count - len(partners))
    poles_ids = [desk["id"] for desk in desks if desk["kind"] == "pole"]
    staff = []
    for i, partner in enumerate(owners):
        pattern = rng.choices(list(weights), weights=list(weights.values()))[0]
        mine = days
        if pattern == "two_days":
            mine = sorted(rng.sample(days, 2))
        elif pattern == "no_saturday":
            mine = [d for d in days if d[0] != 5]
        availability = []
        for day, opens, closes in mine:
            start, end = opens, closes
            if pattern == "mornings":
                end = min(closes, 14) if opens < 14 else closes
            elif pattern == "afternoons":
                start = max(opens, 13)
            availability.append({"day": day, "start": hhmm(start * 60), "end": hhmm(end * 60)})
        skills = rng.sample(poles_ids, rng.randint(1, 2))
        if rng.random() < 0.55:
            skills.append("accueil")
        if rng.random() < 0.25:
            skills.append("doc")
        contract = rng.choice((420, 630, 840, 1050, 1260) if pattern != "full"
                              else (1050, 1260, 1470, 1680, 2100))
        staff.append({"id": f"e{i + 1}", "name": f"Personne {i + 1}", "partner": partner,
                      "weekly_minutes": contract, "availability": availability,
                      "skills": sorted(set(skills)),
                      "preferences": {"desks": skills[:1]} if rng.random() < 0.3 else {}})
    if shape == "N":  # the unreachable pocket: pôle 1 on Monday afternoon
        for person in staff:
            if "pole1" in person["skills"]:
                person["availability"] = [
                    span if span["day"] != 0 else span | {"end": min(span["end"], "13:00")}
                    for span in person["availability"]
                    if span["day"] != 0 or span["start"] < "13:00"]
    planted = plant(staff, target, rng)
    people_at: dict[tuple[str, int, int], int] = {}
    for desk, day, half, _pid in planted:
        people_at[(desk, day, half)] = people_at.get((desk, day, half), 0) + 1
    if shape == "N":
        for half in range(26, 36):
            people_at[("pole1", 0, half)] = target[("pole1", 0, half)]
    demand = [{"desk": desk, "people": people, "day": day, "start": hhmm(half * 30),
               "end": hhmm(half * 30 + 30)}
              for (desk, day, half), people in sorted(people_at.items())]
    # Locks: the first two hours of planted stints of 2 h or more at one desk, so that a roster
    # covering everything coverable keeps them.
    runs: dict[tuple[str, str, int], list[int]] = {}
    for desk, day, half, pid in planted:
        runs.setdefault((pid, desk, day), []).append(half)
    long_runs = sorted(key + (halves[0],) for key, halves in runs.items()
                       if len(halves) >= 4 and halves[3] - halves[0] == 3)
    locked = []
    for pid, desk, day, first in rng.sample(long_runs, 2 if shape == "P" else 1):
        locked += [{"staff": pid, "desk": desk, "day": day, "start": hhmm((first + k) * 30)}
                   for k in range(4)]
    return {"week_start": "2026-11-23", "slot_minutes": 30,
            "opening": [{"day": d, "start": hhmm(a * 60), "end": hhmm(b * 60)}
                        for d, a, b in days],
            "desks": desks, "demand": demand,
            "partners": [{"id": p, "name": f"Partenaire {p[1:]}", "fte_share": share / 1000}
                         for p, share in zip(partners, permille, strict=True)],
            "staff": staff, "locked": locked,
            "rules": {"min_shift_minutes": 120, "max_shift_minutes": 360,
                      "max_shifts_per_day": 2}}


def plant(staff: list[dict[str, Any]], target: dict[tuple[str, int, int], int],
          rng: random.Random) -> list[tuple[str, int, int, str]]:
    """A valid roster toward `target`: (desk, day, half hour, staff id) per worked slot.

    The shapes' demand is what this roster holds, so every such week can be covered in full
    (but for N's unreachable pocket, added after): the benchmark then knows the least
    shortfall, which the flow floor alone does not prove on part-time weeks. Each person, in
    random order, takes at most one shift a day (2–6 h inside their availability, within
    their contract), desk by desk where people are still wanted; a shift that cannot reach
    2 h is dropped, so every shift of the planted roster keeps the rules.
    """
    left = dict(target)
    planted = []
    for person in rng.sample(staff, len(staff)):
        budget = person["weekly_minutes"] // 30
        for span in rng.sample(person["availability"], len(person["availability"])):
            opens, closes = (int(span[key][:2]) * 2 + int(span[key][3:]) // 30
                             for key in ("start", "end"))
            length = rng.randint(4, 12)
            if budget < 4 or closes - opens < 4:
                continue
            length = min(length, budget, closes - opens)
            start = rng.randint(opens, closes - length)
            shift: list[tuple[str, int, int, str]] = []
            desk = None
            for half in range(start, start + length):
                wanted = [d for d in person["skills"] if left.get((d, span["day"], half), 0)]
                if not wanted:
                    break
                if desk not in wanted:
                    desk = rng.choice(wanted)
                shift.append((desk, span["day"], half, person["id"]))
                left[(desk, span["day"], half)] -= 1
            if len(shift) < 4:  # below the minimum shift: given back
                for desk_id, day, half, _pid in shift:
                    left[(desk_id, day, half)] += 1
                continue
            planted += shift
            budget -= len(shift)
    return planted
