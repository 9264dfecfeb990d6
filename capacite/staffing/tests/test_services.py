"""Instances built from the database: exact slots, demand, partners and staff."""

import json
from datetime import date, time
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django_scopes import scope

from capacite.jobs.testing import run_pending_jobs
from capacite.offer.models import DayException, Pole, Site, WeeklyHours
from capacite.partners.models import Contribution, Organisation
from capacite.staffing import services
from capacite.staffing.domain.instance import Assignment, Span
from capacite.staffing.domain.jsonio import instance_from_json, solution_from_json
from capacite.staffing.domain.validate import validate
from capacite.staffing.models import DeskDemand, RunStatus, StaffMember

pytestmark = pytest.mark.django_db

WEEK = date(2026, 11, 9)  # Wednesday 11 November is a public holiday


def small_cite(cite):
    """Tuesday 9:45–12:10, Wednesday 10–12 (a holiday), Thursday 14–16 cut to 14–15 that week."""
    pole = Pole.objects.create(cite=cite, name="Trouver un emploi")
    site = Site.objects.create(cite=cite, name="Site principal")
    site.poles.set([pole])
    WeeklyHours.objects.create(cite=cite, site=site, weekday=1, opens=time(9, 45),
                               closes=time(12, 10))
    WeeklyHours.objects.create(cite=cite, site=site, weekday=2, opens=time(10), closes=time(12))
    WeeklyHours.objects.create(cite=cite, site=site, weekday=3, opens=time(14), closes=time(16))
    DayException.objects.create(cite=cite, site=site, day=date(2026, 11, 12),
                                hours="14:00-15:00")
    return site, pole


def test_slots_follow_hours_holidays_and_exceptions(world):
    with scope(cite=world.cite):
        site, _pole = small_cite(world.cite)
        assert services.opening(site, WEEK) == (Span(1, 600, 720), Span(3, 840, 900))
        instance = services.build_instance(site, WEEK)
        assert instance.slots == ((1, 600), (1, 630), (1, 660), (1, 690), (3, 840), (3, 870))


def test_demand_defaults_and_slot_overrides(world):
    with scope(cite=world.cite):
        site, pole = small_cite(world.cite)
        key = f"pole-{pole.pk}"
        DeskDemand.objects.create(cite=world.cite, site=site, desk="reception", people=2)
        DeskDemand.objects.create(cite=world.cite, site=site, desk="documentation", people=0)
        DeskDemand.objects.create(cite=world.cite, site=site, desk=key, weekday=1,
                                  start=time(10, 30), people=3)
        instance = services.build_instance(site, WEEK)
        assert [d.id for d in instance.desks] == [key, "reception", "documentation"]
        by_desk = {}
        for item in instance.demand:
            by_desk.setdefault(item.desk, []).append(
                (item.span.day, item.span.start, item.span.end, item.people))
        assert by_desk == {
            key: [(1, 600, 630, 1), (1, 630, 660, 3), (1, 660, 720, 1), (3, 840, 900, 1)],
            "reception": [(1, 600, 720, 2), (3, 840, 900, 2)],
        }


def test_partner_shares_from_contributions_and_hours(world):
    with scope(cite=world.cite):
        site, pole = small_cite(world.cite)
        cio = Organisation.objects.create(cite=world.cite, name="CIO", kind="operator")
        ml = Organisation.objects.create(cite=world.cite, name="Mission locale", kind="operator")
        Contribution.objects.create(cite=world.cite, organisation=cio, year=2026,
                                    function="counselling", fte=Decimal("1.5"))
        common = {"cite": world.cite, "availability": {"1": "9:00-13:00"},
                  "desks": [f"pole-{pole.pk}", "reception"]}
        StaffMember.objects.create(name="Ana", partner=cio, weekly_hours=Decimal("17.5"),
                                   **common)
        StaffMember.objects.create(name="Bob", partner=ml, weekly_hours=Decimal("17.5"),
                                   **common)
        StaffMember.objects.create(name="Céline", weekly_hours=Decimal("35"), **common)
        instance = services.build_instance(site, WEEK)
        # CIO: 1.5 committed; Mission locale: 17.5 h / 35 = 0.5; the Cité: 35 h = 1 → of 3.
        assert {p.name: p.fte_share for p in instance.partners} == {
            "CIO": 0.5, "Mission locale": 0.1667, "La Cité (salariés)": 0.3333}
        ana = next(s for s in instance.staff if s.name == "Ana")
        assert ana.weekly_minutes == 1050
        assert ana.availability == (Span(1, 540, 780),)


def solved_run(world):
    site, pole = small_cite(world.cite)
    StaffMember.objects.create(cite=world.cite, name="Ana", weekly_hours=10,
                               availability={"1": "9:00-13:00", "3": "14:00-16:00"},
                               desks=[f"pole-{pole.pk}"])
    StaffMember.objects.create(cite=world.cite, name="Bob", weekly_hours=10,
                               availability={"1": "9:00-13:00"}, desks=["reception"])
    run = services.new_run(site=site, week_start=WEEK, time_limit=5)
    services.start_solve(run)
    run_pending_jobs()
    run.refresh_from_db()
    return run, pole


def test_a_solved_week_from_the_database_passes_the_validator(world):
    with scope(cite=world.cite):
        run, pole = solved_run(world)
        assert run.status == RunStatus.DONE
        instance = instance_from_json(run.instance)
        solution = solution_from_json(run.solution, instance)
        assert validate(instance, solution) == [] == run.violations
        assert solution.status == "OPTIMAL"
        ana = [a for a in solution.assignments if a.desk == f"pole-{pole.pk}"]
        assert len(ana) == 4  # Tuesday 10–12; Thursday's single hour is below the 2 h minimum
        reasons = {(g.desk, g.day, g.start): g.reason for g in solution.uncovered}
        assert reasons[(f"pole-{pole.pk}", 3, 840)] == "rule_conflict"
        assert reasons[("documentation", 1, 600)] == "nobody_available"


def test_a_first_roster_without_search_stores_an_unknown_bound(world):
    """The GREEDY week (the demo's, no search) proves nothing: its bound is null, not 0."""
    with scope(cite=world.cite):
        site, _pole = small_cite(world.cite)
        run = services.solve_run_greedy(services.new_run(site=site, week_start=WEEK))
        run.refresh_from_db()
        assert run.solution["status"] == "GREEDY"
        assert "best_bound" in run.solution["objective"]
        assert run.solution["objective"]["best_bound"] is None


def test_hand_edits_are_checked_by_the_validator(world):
    with scope(cite=world.cite):
        run, pole = solved_run(world)
        loaded = services.load(run)
        person = next(s.id for s in loaded.instance.staff if s.name == "Bob")
        run = services.add_assignments(loaded, staff=person, desk="reception", day=3,
                                       start=840, end=870, expected_version=run.version)
        assert "Bob n'est pas disponible jeudi 14:00" in run.violations
        assert "Bob : service jeudi 14:00–14:30 de 30 min, sous le minimum de 120 min" \
            in run.violations
        loaded = services.load(run)
        run = services.remove_assignments(loaded, staff=person, day=3, start=840, end=870,
                                          expected_version=run.version)
        assert run.violations == []
        loaded = services.load(run)
        ana = next(s.id for s in loaded.instance.staff if s.name == "Ana")
        run = services.set_lock(loaded, staff=ana, desk=f"pole-{pole.pk}", day=1, start=600,
                                end=720, locked=True, expected_version=run.version)
        assert len(run.locks) == 4
        loaded = services.load(run)
        run = services.remove_assignments(loaded, staff=ana, day=1, start=600, end=660,
                                          expected_version=run.version)
        assert run.locks == [{"staff": ana, "desk": f"pole-{pole.pk}", "day": 1, "start": 660},
                             {"staff": ana, "desk": f"pole-{pole.pk}", "day": 1, "start": 690}]
        assert "Ana : service mardi 11:00–12:00 de 60 min, sous le minimum de 120 min" \
            in run.violations


def test_locks_are_kept_by_the_next_solve(world):
    with scope(cite=world.cite):
        run, pole = solved_run(world)
        ana = next(s["id"] for s in run.instance["staff"] if s["name"] == "Ana")
        lock = Assignment(ana, 1, 600, f"pole-{pole.pk}")
        again = services.new_run(site=run.site, week_start=WEEK, locks=[services.lock_json(lock)],
                                 time_limit=5)
        services.start_solve(again)
        run_pending_jobs()
        again.refresh_from_db()
        as_json = {"staff": ana, "desk": f"pole-{pole.pk}", "day": 1, "start": "10:00"}
        assert again.instance["locked"] == [as_json]
        assert as_json in again.solution["assignments"]
        assert again.locks == [services.lock_json(lock)]


def test_export_instance_round_trip(world, tmp_path):
    with scope(cite=world.cite):
        site, pole = small_cite(world.cite)
        StaffMember.objects.create(cite=world.cite, name="Ana", weekly_hours=10,
                                   availability={"1": "9:00-13:00"}, desks=[f"pole-{pole.pk}"])
        expected = services.build_instance(site, WEEK)
    out = tmp_path / "in.json"
    said = StringIO()
    call_command("roster", "export-instance", "--cite", "alpha", "--week", "2026-11-09",
                 "--out", str(out), stdout=said)
    # One person: the singular, not « personne(s) ».
    assert said.getvalue() == ("Site principal, semaine du 09/11/2026 : 6 créneaux, 1 personne ; "
                               f"instance écrite dans {out}.\n")
    assert instance_from_json(json.loads(out.read_text(encoding="utf-8"))) == expected
    solved = tmp_path / "out.json"
    call_command("roster", "solve", "--instance", str(out), "--time-limit", "5",
                 "--out", str(solved))
    call_command("roster", "validate", "--instance", str(out), "--solution", str(solved))
