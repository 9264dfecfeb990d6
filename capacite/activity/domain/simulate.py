"""A plausible year of anonymous visits, as plain data: the demo and the benchmarks draw from it.

The shape follows what Cités report: more visitors on Tuesday to Thursday, a Saturday effect
where the Cité opens on Saturday, Wednesday afternoons busier with pupils, a morning peak at 10
and an afternoon peak at 14-15, summer and Christmas lulls, other school holidays bringing young
people. Everything is drawn from one seeded `random.Random`, so a seed gives the same year.
"""

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

WEEKDAY_FACTOR = (0.85, 1.05, 1.15, 1.0, 0.9, 1.3, 0.0)  # Monday … Sunday
# Relative attendance of each hour of the day (the hour an opening slot starts in).
HOUR_FACTOR = {8: 0.4, 9: 0.9, 10: 1.3, 11: 1.1, 12: 0.5, 13: 0.7, 14: 1.25, 15: 1.2, 16: 1.0,
               17: 0.7, 18: 0.4, 19: 0.3}
# French school holidays, roughly (zone-independent): (first month-day, last month-day, factor).
HOLIDAYS = (((10, 19), (11, 3), 1.1), ((12, 20), (12, 31), 0.5), ((1, 1), (1, 4), 0.5),
            ((2, 14), (3, 2), 1.1), ((4, 11), (4, 27), 1.1), ((7, 5), (7, 31), 0.75),
            ((8, 1), (8, 31), 0.45))

KIND_WEIGHTS = (("reception", 0.38), ("interview", 0.34), ("documentation", 0.16),
                ("event", 0.06), ("kiosk", 0.06))
PUBLIC_WEIGHTS = (("jobseekers", 0.30), ("young_people", 0.20), ("employees", 0.16),
                  ("pupils", 0.08), ("students", 0.08), ("creators", 0.06), ("seniors", 0.04),
                  ("disabled", 0.03), ("women", 0.02), (None, 0.03))
AGE_BY_PUBLIC = {"pupils": "under_16", "young_people": "16_25", "students": "16_25",
                 "seniors": "55_plus"}
AGE_WEIGHTS = (("26_44", 0.5), ("45_54", 0.25), ("16_25", 0.12), ("55_plus", 0.08), ("", 0.05))
# Where visitors live: most in the Cité's territory, about one in seven from outside it (the
# neighbouring agglomérations), a few who do not say.
OUTSIDE_SHARE = 0.15
RESIDENCE_NOT_GIVEN = 0.04


@dataclass(frozen=True)
class DrawnVisit:
    day: date
    slot: int
    kind: str
    pole_indexes: tuple[int, ...]
    public_key: str | None
    age_band: str
    sex: str
    first_visit: bool | None
    outside_territory: bool
    oriented_index: int | None
    client_int: int


def season_factor(day: date) -> float:
    for (m1, d1), (m2, d2), factor in HOLIDAYS:
        if (m1, d1) <= (day.month, day.day) <= (m2, d2):
            return factor
    return 1.0


def _pick(rng: random.Random, weighted: Sequence[tuple]) -> object:
    values = [v for v, _w in weighted]
    return rng.choices(values, weights=[w for _v, w in weighted])[0]


def open_slots(spans: Sequence[tuple[time, time]]) -> list[int]:
    """The half-hour slots during which a site is open, from its spans of the day."""
    slots: list[int] = []
    for opens, closes in spans:
        first = (opens.hour * 60 + opens.minute) // 30
        last = (closes.hour * 60 + closes.minute + 29) // 30
        slots.extend(range(first, last))
    return slots


def day_weight(day: date, slots: Sequence[int]) -> float:
    """How many visitors `day` would get relative to an ordinary full day (0 when closed)."""
    if not slots:
        return 0.0
    hours = sum(HOUR_FACTOR.get(s // 2, 0.2) for s in slots) / 2
    return WEEKDAY_FACTOR[day.weekday()] * season_factor(day) * hours


def draw_day(rng: random.Random, *, day: date, slots: Sequence[int], count: int, poles: int,
             partners: int) -> list[DrawnVisit]:
    """`count` visits on `day` spread over `slots` by the hourly curve."""
    if not slots or count <= 0:
        return []
    weights = [HOUR_FACTOR.get(s // 2, 0.2) * (1.6 if day.weekday() == 2 and s >= 26 else 1)
               for s in slots]
    drawn = []
    for slot in rng.choices(list(slots), weights=weights, k=count):
        kind = str(_pick(rng, KIND_WEIGHTS))
        public = _pick(rng, PUBLIC_WEIGHTS)
        if day.weekday() == 2 and slot >= 26 and rng.random() < 0.3:
            public = "pupils"
        age = AGE_BY_PUBLIC.get(public) or str(_pick(rng, AGE_WEIGHTS))  # type: ignore[arg-type]
        pole_indexes: tuple[int, ...] = ()
        if poles and kind in ("reception", "interview", "event"):
            first = rng.randrange(poles)
            pole_indexes = (first,) if rng.random() > 0.1 or poles == 1 else tuple(
                sorted({first, rng.randrange(poles)}))
        drawn.append(DrawnVisit(
            day=day, slot=slot, kind=kind, pole_indexes=pole_indexes,
            public_key=public if rng.random() > 0.05 else None,  # type: ignore[arg-type]
            age_band=age if rng.random() > 0.04 else "",
            sex=_pick(rng, (("female", 0.53), ("male", 0.43), ("", 0.04))),  # type: ignore[arg-type]
            first_visit=_pick(rng, ((True, 0.38), (False, 0.55), (None, 0.07))),  # type: ignore[arg-type]
            outside_territory=rng.random() < OUTSIDE_SHARE,
            oriented_index=rng.randrange(partners) if partners and kind == "reception"
            and rng.random() < 0.35 else None,
            client_int=rng.getrandbits(128)))
    return drawn


def draw_residence(rng: random.Random, weights: Sequence[float]) -> int | None:
    """The index of the commune of the territory a visitor from inside it lives in, drawn by
    `weights` (the communes' populations), or None when the visitor does not say."""
    if not weights or rng.random() < RESIDENCE_NOT_GIVEN:
        return None
    return rng.choices(range(len(weights)), weights=weights)[0]


def spread(total: int, weights: Sequence[float], rng: random.Random) -> list[int]:
    """Share `total` between days by `weights`, with day-to-day noise, summing to `total`."""
    mass = sum(weights)
    if mass <= 0:
        return [0] * len(weights)
    noisy = [w * (1 + rng.gauss(0, 0.15)) if w else 0.0 for w in weights]
    noisy = [max(n, 0.0) for n in noisy]
    scale = total / sum(noisy)
    counts = [math.floor(n * scale) for n in noisy]
    remainders = sorted(range(len(noisy)), key=lambda i: noisy[i] * scale - counts[i],
                        reverse=True)
    for i in remainders[: total - sum(counts)]:
        counts[i] += 1
    return counts
