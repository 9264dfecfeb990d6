"""The monthly counts the database keeps beside the visits (`rollups.py`) never disagree with the
rows: after every kind of write — a tally, a retried tally, an undo, a history import, a bulk
insert, an edit moving a visit to another month, a deleted pôle or site, a queryset delete —
they equal the counts recomputed from scratch, and the dashboards' figures read through them
equal the figures read from the rows."""

import uuid
from datetime import date

import pytest
from django.db import connection
from django_scopes import scope

from capacite.activity import counts, rollups
from capacite.activity.models import Visit, VisitMonth
from capacite.activity.services import import_history, record_visit, undo_token, undo_visit
from capacite.offer.models import Pole, Site
from capacite.partners.models import Public


def tally(cite, site, poles, day, **extra) -> Visit:
    data = {"client_id": uuid.uuid4(), "site": site.pk, "day": day, "slot": 20,
            "kind": "reception", "poles": [p.pk for p in poles], **extra}
    visit, stored = record_visit(cite=cite, data=data)
    assert stored
    return visit


def agree(cite) -> None:
    assert rollups.stored([cite.pk]) == rollups.recount([cite.pk])


@pytest.mark.django_db
def test_the_counts_equal_a_recount_after_every_kind_of_write(world):
    cite = world.cite
    with scope(cite=cite):
        main = Site.objects.create(cite=cite, name="Site principal", kind="main")
        annex = Site.objects.create(cite=cite, name="Antenne", kind="site")
        job, create = (Pole.objects.create(cite=cite, name=n, position=i)
                       for i, n in enumerate(["Trouver un emploi", "Créer son activité"]))
        young = Public.objects.create(cite=cite, key="jeunes", label="Jeunes")
        agree(cite)
        assert VisitMonth.objects.filter(cite_id=cite.pk).count() == 0

        # The tally: two pôles, a public, a first visit, outside the territory.
        first = tally(cite, main, [job, create], date(2026, 3, 31), public=young.pk,
                      age_band="16_25", sex="female", first_visit="yes", residence="outside")
        agree(cite)
        assert rollups.stored([cite.pk])[(cite.pk, date(2026, 3, 1), "pole", str(job.pk))] == 1
        # 31 March 2026 is a Tuesday (SQL weekday 2), slot 20 is 10 h.
        assert rollups.stored([cite.pk])[(cite.pk, date(2026, 3, 1), "weekday_hour", "2:10")] == 1
        # A retry stores nothing; an undo takes the visit back.
        again, stored = record_visit(cite=cite, data={
            "client_id": first.client_id, "site": main.pk, "day": date(2026, 3, 31),
            "slot": 20, "kind": "interview"})
        assert (again.pk, stored) == (first.pk, False)
        undone = tally(cite, annex, [job], date(2026, 4, 1), kind="interview")
        assert undo_visit(token=undo_token(undone))
        agree(cite)

        # A history import (all or nothing, bulk-written), some rows without a half-hour.
        import_history(cite, ("date;site;nature;pôles;public;nombre\n"
                              "02/11/2026;Site principal;Accueil et orientation;;Jeunes;12\n"
                              "03/11/2026;Antenne;Entretien conseil;Trouver un emploi;;3\n"
                              ).encode(), "passages.csv")
        agree(cite)
        # A large one (above BULK_VISITS): the counts rebuilt once, the other Cité's untouched.
        with scope(cite=world.foreign):
            foreign_site = Site.objects.create(cite=world.foreign, name="Ailleurs", kind="main")
            tally(world.foreign, foreign_site, [], date(2026, 11, 2))
        foreign_counts = rollups.stored([world.foreign.pk])
        import_history(cite, ("date;site;nature;pôles;public;nombre\n"
                              "04/11/2026;Site principal;Accueil et orientation;;Jeunes;2500\n"
                              ).encode(), "annee.csv")
        agree(cite)
        assert rollups.stored([world.foreign.pk]) == foreign_counts
        assert counts.visits_by("kind", cite=cite, start=date(2026, 11, 1),
                                end=date(2026, 12, 1)) == {"reception": 2512, "interview": 3}
        tally(cite, main, [job], date(2026, 11, 4))  # the triggers are back
        agree(cite)
        Visit.objects.filter(day=date(2026, 11, 4)).delete()
        agree(cite)

        # Rows written in bulk, their pôles linked after them.
        rows = Visit.objects.bulk_create(
            Visit(cite=cite, site=annex, day=date(2026, 5, d), slot=None if d % 3 else 30,
                  kind="documentation", client_id=uuid.uuid4()) for d in range(1, 21))
        Visit.poles.through.objects.bulk_create(
            Visit.poles.through(visit_id=v.pk, pole_id=create.pk) for v in rows[:8])
        agree(cite)

        # An edit moving a visit to another month and changing what it was.
        first.day, first.kind, first.slot = date(2026, 4, 2), "interview", None
        first.save()
        first.poles.remove(create)
        agree(cite)

        # A pôle and a site deleted: their visits lose them, the counts follow.
        create.delete()
        agree(cite)
        annex.delete()
        agree(cite)
        assert counts.visits_by("site", cite=cite, start=date(2026, 1, 1),
                                end=date(2027, 1, 1)) == {main.pk: 13, None: 23}

        # Visits deleted by a queryset.
        Visit.objects.filter(day__month=11, kind="interview").delete()
        agree(cite)
    assert sum(n for (_c, _m, dimension, _v), n in rollups.recount([cite.pk]).items()
               if dimension == "day") == 33


@pytest.mark.django_db
def test_the_figures_read_through_the_counts_equal_the_rows_for_any_period(world):
    cite = world.cite
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        poles = [Pole.objects.create(cite=cite, name=n, position=i)
                 for i, n in enumerate(["Trouver un emploi", "Se former"])]
        for n in range(120):
            day = date(2025, 11, 1).fromordinal(date(2025, 11, 1).toordinal() + 3 * n)
            tally(cite, site, poles[: 1 + n % 2], day, slot=18 + n % 14 if n % 5 else None,
                  kind=["reception", "interview", "event"][n % 3],
                  first_visit=["yes", "no", ""][n % 3], age_band=["", "16_25", "26_44"][n % 3])
        periods = [(date(2026, 1, 1), date(2027, 1, 1)), (date(2026, 2, 1), date(2026, 3, 1)),
                   (date(2026, 2, 10), date(2026, 4, 20)), (date(2026, 3, 2), date(2026, 3, 9)),
                   (date.min, date(2026, 6, 15)), (date(2025, 11, 17), date(2026, 1, 1))]
        for start, end in periods:
            for breakdown in counts.ROLLED:
                assert counts.visits_by(breakdown, cite=cite, start=start, end=end) == \
                    counts._rows_by(breakdown, cite=cite, start=start, end=end), (breakdown,
                                                                                  start, end)
            assert counts.visit_count(cite=cite, start=start, end=end) == counts.visits(
                cite=cite, start=start, end=end).count()
            grid: dict = {}
            for day, slot in counts.visits(cite=cite, start=start, end=end).filter(
                    slot__isnull=False).values_list("day", "slot"):
                grid[(day.weekday(), slot // 2)] = grid.get((day.weekday(), slot // 2), 0) + 1
            assert counts.visits_by_weekday_and_hour(cite=cite, start=start, end=end) == grid
        assert counts.visit_count(cite=cite, start=date(2026, 1, 1), end=date(2027, 1, 1)) == 99


@pytest.mark.django_db
def test_rebuild_rewrites_the_counts_from_the_rows(world):
    cite = world.cite
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        for d in range(1, 11):
            tally(cite, site, [], date(2026, 6, d))
        VisitMonth.objects.filter(cite_id=cite.pk, dimension="kind").update(visits=99)
        assert rollups.stored([cite.pk]) != rollups.recount([cite.pk])
        rollups.rebuild(connection, [cite.pk])
        agree(cite)
        assert rollups.stored([cite.pk])[(cite.pk, date(2026, 6, 1), "kind", "reception")] == 10
