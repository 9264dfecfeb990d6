"""Roster JSON files: round trips, French errors on a bad instance, the `roster` command."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from capacite.staffing.domain.jsonio import (
    InstanceError,
    instance_from_json,
    instance_to_json,
    solution_from_json,
    solution_to_json,
)
from capacite.staffing.domain.solve import solve
from capacite.staffing.files import solve_file, validate_file
from capacite.staffing.management.commands.roster import Command
from capacite.staffing.tests.instances import PROOF_LIMIT, short_week, small_week


def test_an_instance_survives_a_json_round_trip():
    data = small_week()
    data["staff"][0]["preferences"] = {"desks": ["accueil"],
                                       "times": [{"day": 1, "start": "10:00", "end": "12:00"}]}
    data["locked"] = [{"staff": "alice", "desk": "accueil", "day": 1, "start": "10:00"}]
    instance = instance_from_json(data)
    again = instance_from_json(json.loads(json.dumps(instance_to_json(instance))))
    assert again == instance
    assert len(instance.slots) == 16
    assert instance.need[("emploi", 4)] == 2


def test_a_solution_survives_a_json_round_trip():
    instance = instance_from_json(short_week())
    solution, _progress = solve(instance, time_limit=PROOF_LIMIT)
    text = json.dumps(solution_to_json(solution))
    again = solution_from_json(json.loads(text), instance)
    assert again.assignments == solution.assignments
    assert again.uncovered == solution.uncovered
    assert again.status == "OPTIMAL"
    assert solution_to_json(again) == json.loads(text)


def test_a_bad_instance_is_refused_with_every_problem_named_in_french():
    data = small_week()
    data["staff"][3]["availability"][0]["end"] = "09:00"
    data["staff"][1]["skills"].append("cuisine")
    data["staff"][2]["weekly_minutes"] = "huit heures"
    data["partners"][1]["fte_share"] = 0.7
    data["demand"][0]["start"] = "10:15"
    data["desks"].append({"id": "accueil", "name": "Accueil bis", "kind": "buvette"})
    with pytest.raises(InstanceError) as caught:
        instance_from_json(data)
    assert caught.value.messages == [
        "desks[2].id : identifiant 'accueil' déjà utilisé",
        "desks[2].kind : 'buvette' inconnu (pole, reception ou documentation)",
        "partners : la somme des fte_share doit valoir 1, elle vaut 1.200",
        "staff[1].skills[1] : poste 'cuisine' inconnu",
        "staff[2].weekly_minutes : type inattendu (str)",
        "staff[3].availability[0].end : la fin (09:00) doit suivre le début (10:00)",
        "demand[0].start : 10:15 ne tombe pas sur un créneau de 30 min",
    ]


def test_a_lock_outside_availability_is_refused():
    data = small_week()
    data["locked"] = [{"staff": "bruno", "desk": "emploi", "day": 2, "start": "10:00"}]
    with pytest.raises(InstanceError) as caught:
        instance_from_json(data)
    assert caught.value.messages == ["locked[0] : Bruno n'est pas disponible mercredi 10:00"]


def test_solve_file_writes_a_solution_that_validate_file_accepts(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(short_week()), encoding="utf-8")
    solution = solve_file(source, PROOF_LIMIT, tmp_path / "out.json")
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert written["status"] == "OPTIMAL"
    assert len(written["uncovered"]) == 14
    assert written["objective"]["uncovered"] == 14
    assert set(written["timings"]) == {"greedy_seconds", "build_seconds", "solve_seconds",
                                       "first_solution_seconds"}
    assert len(written["assignments"]) == len(solution.assignments) == 8
    assert validate_file(source, tmp_path / "out.json") == []


def test_the_roster_command_solves_then_validates_without_the_database(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(small_week()), encoding="utf-8")
    out = StringIO()
    call_command(Command(), "solve", "--instance", str(source), "--time-limit", str(PROOF_LIMIT),
                 "--out", str(tmp_path / "out.json"), stdout=out)
    # French takes the singular for 0: « 0 place non couverte ».
    assert out.getvalue() == (f"OPTIMAL : 36 créneaux affectés, 0 place non couverte ; "
                              f"solution écrite dans {tmp_path / 'out.json'}.\n")
    out = StringIO()
    call_command(Command(), "validate", "--instance", str(source), "--solution",
                 str(tmp_path / "out.json"), stdout=out)
    assert out.getvalue() == "Planning valide : toutes les règles sont respectées.\n"


def test_the_roster_command_reports_a_hand_edit_that_breaks_a_rule(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(small_week()), encoding="utf-8")
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps({"status": "EDITED", "assignments": [
        {"staff": "david", "desk": "accueil", "day": 2, "start": "10:00"}]}), encoding="utf-8")
    out = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(Command(), "validate", "--instance", str(source), "--solution",
                     str(edited), stdout=out)
    assert str(caught.value) == "32 règles enfreintes"
    assert out.getvalue().splitlines()[0] == (
        "David : service mercredi 10:00–10:30 de 30 min, sous le minimum de 120 min")


def test_the_roster_command_names_the_problems_of_a_bad_file(tmp_path):
    source = tmp_path / "in.json"
    source.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command(Command(), "solve", "--instance", str(source), "--out",
                     str(tmp_path / "out.json"))
    assert str(caught.value) == (f"{source} : JSON invalide, ligne 1 colonne 2 "
                                 f"(Expecting property name enclosed in double quotes)")
