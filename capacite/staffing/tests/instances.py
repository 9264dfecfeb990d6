"""Small hand-made roster instances (as JSON dicts) shared by the tests."""

from typing import Any


def span(day: int, start: str, end: str) -> dict[str, Any]:
    return {"day": day, "start": start, "end": end}


def person(pid: str, partner: str, hours: float, skills: list[str],
           availability: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": pid.capitalize(), "partner": partner,
            "weekly_minutes": int(hours * 60), "availability": availability,
            "skills": skills} | extra


def small_week() -> dict[str, Any]:
    """Tuesday and Wednesday 10:00–14:00, reception (1) and one pôle (1 then 2 at noon).

    Demand: reception 16 slots, emploi 8 + 4×2 + 8 = … 24 units; staff enough to cover all.
    """
    return {
        "week_start": "2026-11-23",
        "slot_minutes": 30,
        "opening": [span(1, "10:00", "14:00"), span(2, "10:00", "14:00")],
        "desks": [{"id": "accueil", "name": "Accueil", "kind": "reception"},
                  {"id": "emploi", "name": "Emploi", "kind": "pole"}],
        "demand": [
            {"desk": "accueil", "people": 1} | span(1, "10:00", "14:00"),
            {"desk": "accueil", "people": 1} | span(2, "10:00", "14:00"),
            {"desk": "emploi", "people": 1} | span(1, "10:00", "12:00"),
            {"desk": "emploi", "people": 2} | span(1, "12:00", "14:00"),
            {"desk": "emploi", "people": 1} | span(2, "10:00", "14:00"),
        ],
        "partners": [{"id": "ft", "name": "France Travail", "fte_share": 0.5},
                     {"id": "ml", "name": "Mission locale", "fte_share": 0.5}],
        "staff": [
            person("alice", "ft", 8, ["accueil", "emploi"],
                   [span(1, "10:00", "14:00"), span(2, "10:00", "14:00")]),
            person("bruno", "ft", 4, ["emploi"], [span(1, "10:00", "14:00")]),
            person("chloe", "ml", 8, ["accueil", "emploi"],
                   [span(1, "10:00", "14:00"), span(2, "10:00", "14:00")]),
            person("david", "ml", 4, ["accueil"], [span(2, "10:00", "14:00")]),
        ],
        "rules": {"min_shift_minutes": 120, "max_shift_minutes": 240, "max_shifts_per_day": 2},
    }


def short_week() -> dict[str, Any]:
    """Demand that cannot be met, one day per reason (Tuesday to Friday, 10:00–14:00).

    - Tuesday, « Droits » 10:00–12:00: nobody has the skill → nobody_available.
    - Wednesday, « Emploi » 10:00–14:00: only Emma can, with 2 h left → hours_exhausted.
    - Thursday, « Formation » 10:00–11:00: Fanny is free but a 1 h block is below the 2 h
      minimum shift → rule_conflict.
    - Friday, « Orientation » and « Métiers » 10:00–12:00: Gilles alone can hold either →
      the other is held_elsewhere.
    """
    days = [span(day, "10:00", "14:00") for day in (1, 2, 3, 4)]
    return {
        "week_start": "2026-11-23",
        "slot_minutes": 30,
        "opening": days,
        "desks": [{"id": d, "name": d.capitalize()} for d in
                  ("droits", "emploi", "formation", "orientation", "metiers")],
        "demand": [
            {"desk": "droits", "people": 1} | span(1, "10:00", "12:00"),
            {"desk": "emploi", "people": 1} | span(2, "10:00", "14:00"),
            {"desk": "formation", "people": 1} | span(3, "10:00", "11:00"),
            {"desk": "orientation", "people": 1} | span(4, "10:00", "12:00"),
            {"desk": "metiers", "people": 1} | span(4, "10:00", "12:00"),
        ],
        "partners": [{"id": "cd", "name": "Département", "fte_share": 1.0}],
        "staff": [
            person("emma", "cd", 2, ["emploi"], days),
            person("fanny", "cd", 10, ["formation"], days),
            person("gilles", "cd", 10, ["orientation", "metiers"], days),
        ],
    }


# A cap, not a duration: these instances are proven optimal in about half a second on an idle
# machine, but the OPTIMAL assertions must also hold on a loaded 2-core runner.
PROOF_LIMIT = 20
