"""A large network for benchmarks: `capacite demo --visits 5000000 --cites 30`.

Adds open Cités (« Cité de charge NN ») with two sites and four pôles each, then their visits
over the last 365 days (or `years` × 365) and questionnaire answers for about 6 % of the
visits. Rows are built in memory a batch at a time and written straight to the tables (COPY on
PostgreSQL, executemany on SQLite; one pôle per visit, through the M2M table), so five million
visits take minutes, not hours, and memory stays flat. The figures are
plain random draws: enough to weigh on the dashboards' queries, not a plausible year (that is
`demo.py`'s job for Valombre).
"""

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from capacite.activity import rollups
from capacite.activity.models import Channel, Source, Survey, SurveyResponse, Visit, VisitKind

RESPONSE_SHARE = 0.06
POLES = ["Choisir son orientation", "Trouver un emploi", "Se former", "Créer son activité"]
KINDS = [VisitKind.RECEPTION, VisitKind.INTERVIEW, VisitKind.DOCUMENTATION, VisitKind.EVENT,
         VisitKind.KIOSK]
KIND_WEIGHTS = [45, 25, 15, 10, 5]


@dataclass(frozen=True)
class NetworkCounts:
    cites: int
    visits: int
    responses: int


def shares(total: int, parts: int) -> list[int]:
    """`total` split into `parts` whole numbers that differ by one at most and sum to `total`."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def build_network(*, visits: int, cites: int, today: date, batch: int = 20_000,
                  seed: int = 14, years: int = 1) -> NetworkCounts:
    """Create `cites` new open Cités sharing `visits` visits over the last `years` × 365 days;
    returns what was written. Call inside a transaction (the monthly counts' triggers are
    dropped meanwhile, `rollups.suspended`)."""
    from django.db import connection

    from capacite.core.models import Cite

    start = Cite.objects.filter(slug__startswith="charge-").count()
    # A run after an earlier one draws other ids (client ids are unique across the network).
    rng = random.Random(f"capacite-bench-{seed}-{start}")
    created: list[int] = []
    with rollups.suspended(connection, created):
        responses = _cites(visits=visits, cites=cites, start=start, today=today, rng=rng,
                           batch=batch, years=years, created=created)
    return NetworkCounts(cites=cites, visits=visits, responses=responses)


def _cites(*, visits: int, cites: int, start: int, today: date, rng: random.Random, batch: int,
           years: int, created: list[int]) -> int:
    from capacite.core.models import Cite
    from capacite.offer.models import Pole, Site

    responses = 0
    for n, cite_visits in enumerate(shares(visits, cites), start=start + 1):
        cite = Cite.objects.create(slug=f"charge-{n:03d}", name=f"Cité de charge {n:03d}",
                                   phase="operation", territory="Territoire fictif")
        created.append(cite.pk)
        sites = [Site.objects.create(cite=cite, name="Site principal", kind="main"),
                 Site.objects.create(cite=cite, name="Antenne", kind="site")]
        poles = Pole.objects.bulk_create(Pole(cite=cite, name=name, position=i)
                                         for i, name in enumerate(POLES))
        survey = Survey.objects.create(cite=cite, title="Questionnaire de satisfaction")
        _visits(cite=cite, sites=[s.pk for s in sites], poles=[p.pk for p in poles],
                count=cite_visits, today=today, rng=rng, batch=batch, days=365 * years)
        answered = round(cite_visits * RESPONSE_SHARE)
        _responses(cite=cite, survey=survey, count=answered, today=today, rng=rng, batch=batch,
                   days=365 * years)
        responses += answered
    return responses


AGE_BANDS = ["", "16_25", "26_44", "45_54", "55_plus", "under_16"]
SEXES = ["", "female", "male"]


def _next_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {table}")  # noqa: S608 (a model's table name)
        return (cursor.fetchone()[0] or 0) + 1


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Rows written straight to the table, ids given: COPY on PostgreSQL, executemany on
    SQLite — a tenth of bulk_create's time, which matters at five million visits."""
    from django.db import connection

    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608


def _reset_sequence(model) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
                cursor.execute(sql)


def _uuid(rng: random.Random, vendor: str):
    value = uuid.UUID(int=rng.getrandbits(128), version=4)
    return value if vendor == "postgresql" else value.hex


def _visits(*, cite, sites: list[int], poles: list[int], count: int, today: date,
            rng: random.Random, batch: int, days: int = 365) -> None:
    from django.db import connection

    vendor = connection.vendor
    through = Visit.poles.through
    first = today - timedelta(days=days - 1)
    all_days = [first + timedelta(days=n) for n in range(days)]
    visit_id, link_id = _next_id(Visit._meta.db_table), _next_id(through._meta.db_table)
    columns = ["id", "cite_id", "site_id", "day", "slot", "kind", "age_band", "sex",
               "first_visit", "outside_territory", "source", "client_id"]
    for size in shares(count, max(1, -(-count // batch))):
        kinds = rng.choices(KINDS, KIND_WEIGHTS, k=size)
        rows, links = [], []
        for n in range(size):
            rows.append((visit_id, cite.pk, sites[0] if rng.random() < 0.7 else sites[1],
                         rng.choice(all_days), rng.randrange(18, 36), kinds[n],
                         rng.choice(AGE_BANDS), rng.choice(SEXES), rng.random() < 0.6, False,
                         Source.DEMO, _uuid(rng, vendor)))
            links.append((link_id, visit_id, rng.choice(poles)))
            visit_id += 1
            link_id += 1
        _insert(Visit, columns, rows)
        _insert(through, ["id", "visit_id", "pole_id"], links)
    _reset_sequence(Visit)
    _reset_sequence(through)


def _responses(*, cite, survey: Survey, count: int, today: date, rng: random.Random,
               batch: int, days: int = 365) -> None:
    from django.db import connection

    vendor = connection.vendor
    first = today - timedelta(days=days - 1)
    all_days = [first + timedelta(days=n) for n in range(days)]
    response_id = _next_id(SurveyResponse._meta.db_table)
    columns = ["id", "cite_id", "survey_id", "day", "channel", "found_answer", "welcome",
               "overall", "would_recommend", "client_id"]
    for size in shares(count, max(1, -(-count // batch))):
        rows = []
        for _n in range(size):
            rows.append((response_id, cite.pk, survey.pk, rng.choice(all_days),
                         rng.choice((Channel.QR, Channel.LINK, Channel.KIOSK)),
                         rng.random() < 0.84, rng.randint(3, 5), rng.randint(2, 5),
                         rng.random() < 0.9, _uuid(rng, vendor)))
            response_id += 1
        _insert(SurveyResponse, columns, rows)
    _reset_sequence(SurveyResponse)
