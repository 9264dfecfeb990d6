"""The roster's sentences in the reader's language (issue 19, point 6): the gaps' details, the
validator's messages and the JSON reader's, written when they are read; French unchanged."""

from django.utils import translation

from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.greedy import first_roster
from capacite.staffing.domain.instance import Assignment, Solution
from capacite.staffing.domain.jsonio import InstanceError, instance_from_json
from capacite.staffing.domain.validate import validate
from capacite.staffing.tests.instances import short_week, small_week


def _details(language: str) -> dict[str, tuple[str, str]]:
    """The first gap of each reason of the greedy roster of `short_week`: (detail, why)."""
    instance = instance_from_json(short_week())
    with translation.override(language):
        gaps = explain_uncovered(instance, first_roster(instance))
    found: dict[str, tuple[str, str]] = {}
    for gap in gaps:
        found.setdefault(gap.reason, (gap.detail, gap.why))
    return found


def test_a_gaps_detail_is_written_in_english_for_an_english_reader():
    assert _details("en") == {
        "nobody_available": (
            "“Droits” Tuesday 10:00: nobody with the skill is available at this time",
            "nobody with the skill is available at this time"),
        "hours_exhausted": (
            "“Emploi” Wednesday 12:00: the people with the skill have used up their hours: "
            "Emma: 2 h already worked",
            "the people with the skill have used up their hours: Emma: 2 h already worked"),
        "rule_conflict": (
            "“Formation” Thursday 10:00: a shift rule prevents it: Fanny: only a block of 1 h "
            "would remain, under the minimum of 2 h",
            "a shift rule prevents it: Fanny: only a block of 1 h would remain, under the "
            "minimum of 2 h"),
        "held_elsewhere": (
            "“Orientation” Friday 10:00: the people with the skill hold another desk: Gilles "
            "holds “Metiers”",
            "the people with the skill hold another desk: Gilles holds “Metiers”")}


def test_a_gaps_detail_stays_the_same_french():
    assert {reason: detail for reason, (detail, _why) in _details("fr").items()} == {
        "nobody_available": "« Droits » mardi 10:00 : personne n'a la compétence et n'est "
                            "disponible à cette heure",
        "hours_exhausted": "« Emploi » mercredi 12:00 : les heures des personnes compétentes "
                           "sont épuisées : Emma : 2 h déjà faites",
        "rule_conflict": "« Formation » jeudi 10:00 : une règle de service l'empêche : Fanny : "
                         "seul un bloc de 1 h resterait, sous le minimum de 2 h",
        "held_elsewhere": "« Orientation » vendredi 10:00 : les personnes compétentes tiennent "
                          "un autre poste : Gilles tient « Metiers »"}


def _broken_roster_errors(language: str) -> list[str]:
    data = small_week()
    data["rules"] = {"min_shift_minutes": 60, "max_shift_minutes": 120, "max_shifts_per_day": 1}
    data["locked"] = [{"staff": "chloe", "desk": "accueil", "day": 1, "start": "10:00"}]
    instance = instance_from_json(data)
    roster = tuple(Assignment("alice", 1, start, "accueil") for start in range(600, 780, 30))
    roster += (Assignment("alice", 2, 600, "emploi"), Assignment("alice", 2, 630, "emploi"),
               Assignment("alice", 2, 720, "emploi"), Assignment("alice", 2, 750, "emploi"),
               Assignment("bruno", 1, 600, "accueil"))
    with translation.override(language):
        return validate(instance, Solution("EDITED", roster, ()))


def test_the_validator_writes_english_for_an_english_reader():
    errors = _broken_roster_errors("en")
    assert errors[:6] == [
        "Bruno does not have the skill “Accueil” (Tuesday 10:00)",
        "Alice: shift Tuesday 10:00–13:00 of 180 min, beyond the maximum of 120 min",
        "Alice: 2 shifts on Wednesday, beyond the maximum of 1",
        "Bruno: shift Tuesday 10:00–10:30 of 30 min, under the minimum of 60 min",
        "locked assignment lost: Chloe at “Accueil” Tuesday 10:00",
        "“Accueil” Tuesday 10:00: 2 people for a need of 1"]
    assert "“Emploi” Tuesday 10:00: 1 place not held, the solution declares 0" in errors
    assert "“Emploi” Tuesday 12:00: 2 places not held, the solution declares 0" in errors


def test_the_validator_writes_the_same_french():
    errors = _broken_roster_errors("fr")
    assert errors[:6] == [
        "Bruno n'a pas la compétence « Accueil » (mardi 10:00)",
        "Alice : service mardi 10:00–13:00 de 180 min, au-delà du maximum de 120 min",
        "Alice : 2 services le mercredi, au-delà du maximum de 1",
        "Bruno : service mardi 10:00–10:30 de 30 min, sous le minimum de 60 min",
        "affectation verrouillée perdue : Chloe à « Accueil » mardi 10:00",
        "« Accueil » mardi 10:00 : 2 personnes pour un besoin de 1"]
    # « place(s) non tenue(s) » gave way to a plural (issue 19, point 4).
    assert "« Emploi » mardi 10:00 : 1 place non tenue, la solution en déclare 0" in errors
    assert "« Emploi » mardi 12:00 : 2 places non tenues, la solution en déclare 0" in errors


def _reading_errors(language: str) -> list[str]:
    data = small_week()
    data["staff"][0]["availability"][0]["end"] = "9h"
    data["staff"][1]["skills"].append("cuisine")
    data["rules"] = {"max_shifts_per_day": 0}
    data["locked"] = [{"staff": "zoe", "desk": "accueil", "day": 1, "start": "10:00"}]
    with translation.override(language):
        try:
            instance_from_json(data)
        except InstanceError as exc:
            return exc.messages
    raise AssertionError("the instance should be refused")


def test_a_roster_files_problems_are_named_in_english_for_an_english_reader():
    assert _reading_errors("en") == [
        "staff[0].availability[0].end: time as HH:MM expected, received '9h'",
        "staff[1].skills[1]: unknown desk 'cuisine'",
        "rules.max_shifts_per_day: at least 1 expected",
        "locked[0].staff: unknown person 'zoe'"]


def test_a_roster_files_problems_are_named_in_the_same_french():
    assert _reading_errors("fr") == [
        "staff[0].availability[0].end : heure au format HH:MM attendue, reçu '9h'",
        "staff[1].skills[1] : poste 'cuisine' inconnu",
        "rules.max_shifts_per_day : au moins 1 attendu",
        "locked[0].staff : personne 'zoe' inconnue"]
