"""Visits counted per Cité, calendar month and category (`VisitMonth`), kept by the database.

At network scale (five million visits) a year's dashboard cannot group a Cité's rows twenty times
per page; it reads these counts instead (`counts.py`, the one place that reads visits, decides
when). They can never disagree with the rows because the database itself keeps them: triggers
on `activity_visit` and on its pôles' table add 1 for a row written and take 1 away for a row
deleted, in the statement — hence the transaction — that writes the row, whoever writes it (the
tally, the history import, an undo, a bulk insert, a cascade from a deleted site or pôle, raw
SQL). `recount()` recomputes every count from the rows, for the test that compares them after a
sequence of writes; `rebuild()` rewrites them from the rows (the migration that adds them).

A category's value is stored as text: the id for a site, pôle, public, EPCI, commune or partner
('' when none), the code for kind, age band, sex and source, '1'/'0'/'' for first visit,
'1'/'0' for outside the territory, the half-hour ('' when none), the day of the month (« 07 »)
for `day`, and « weekday:hour » (weekday 0 = Sunday, as SQL counts) for `weekday_hour`.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from datetime import date

TABLE = "activity_visitmonth"
VISIT = "activity_visit"
POLES = "activity_visit_poles"

# dimension → SQL of its value from a visit row `{r}` (NEW, OLD or an alias); `{dom}` and
# `{dow}` are the day of the month and of the week in the database's dialect.
_DIMENSIONS = {
    "day": "{dom}",
    "kind": "{r}.kind",
    "site": "COALESCE(CAST({r}.site_id AS TEXT), '')",
    "public": "COALESCE(CAST({r}.public_id AS TEXT), '')",
    "age_band": "{r}.age_band",
    "sex": "{r}.sex",
    "first_visit": "CASE WHEN {r}.first_visit IS NULL THEN '' WHEN {r}.first_visit THEN '1' "
                   "ELSE '0' END",
    "epci": "COALESCE(CAST({r}.residence_epci_id AS TEXT), '')",
    "commune": "COALESCE(CAST({r}.residence_commune_id AS TEXT), '')",
    "outside_territory": "CASE WHEN {r}.outside_territory THEN '1' ELSE '0' END",
    "oriented_to": "COALESCE(CAST({r}.oriented_to_id AS TEXT), '')",
    "source": "{r}.source",
    "slot": "COALESCE(CAST({r}.slot AS TEXT), '')",
    "weekday_hour": "CASE WHEN {r}.slot IS NULL THEN '' ELSE CAST({dow} AS TEXT) || ':' || "
                    "CAST({r}.slot / 2 AS TEXT) END",
}
DIMENSIONS = (*_DIMENSIONS, "pole")

_DIALECTS = {
    "sqlite": {"month": "date({d}, 'start of month')", "dom": "strftime('%d', {d})",
               "dow": "strftime('%w', {d})"},
    "postgresql": {"month": "date_trunc('month', {d})::date", "dom": "to_char({d}, 'DD')",
                   "dow": "extract(dow from {d})::int"},
}
_UPSERT = (f" ON CONFLICT (cite_id, dimension, month, value) DO UPDATE SET "
           f"visits = {TABLE}.visits + excluded.visits")


def _piece(vendor: str, name: str, day: str) -> str:
    return _DIALECTS[vendor][name].format(d=day)


def _value(vendor: str, dimension: str, row: str) -> str:
    day = f"{row}.day"
    return _DIMENSIONS[dimension].format(r=row, dom=_piece(vendor, "dom", day),
                                         dow=_piece(vendor, "dow", day))


def _visit_rows(vendor: str, row: str, sign: int) -> str:
    """INSERT … ON CONFLICT adding `sign` to every category of the visit `row`, and to its pôles
    already linked."""
    month = _piece(vendor, "month", f"{row}.day")
    values = ",\n  ".join(
        f"({row}.cite_id, {month}, '{name}', {_value(vendor, name, row)}, {sign})"
        for name in _DIMENSIONS)
    return (f"INSERT INTO {TABLE} (cite_id, month, dimension, value, visits) VALUES\n  {values}"
            f"{_UPSERT};\n"
            f"INSERT INTO {TABLE} (cite_id, month, dimension, value, visits) "
            f"SELECT {row}.cite_id, {month}, 'pole', CAST(p.pole_id AS TEXT), {sign} "
            f"FROM {POLES} p WHERE p.visit_id = {row}.id{_UPSERT};")


def _pole_rows(vendor: str, row: str, sign: int) -> str:
    """Add `sign` to the pôle of the link `row`, if its visit is there (when the visit comes
    later or went first, the visit's own trigger counts the link)."""
    month = _piece(vendor, "month", "v.day")
    return (f"INSERT INTO {TABLE} (cite_id, month, dimension, value, visits) "
            f"SELECT v.cite_id, {month}, 'pole', CAST({row}.pole_id AS TEXT), {sign} "
            f"FROM {VISIT} v WHERE v.id = {row}.visit_id{_UPSERT};")


def install_sql(vendor: str) -> list[str]:
    """The statements creating the triggers on this database."""
    if vendor == "sqlite":
        statements = []
        for table, rows in ((VISIT, _visit_rows), (POLES, _pole_rows)):
            name = f"{table}_month"
            statements += [
                f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN\n"
                f"{rows(vendor, 'NEW', 1)}\nEND",
                f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN\n"
                f"{rows(vendor, 'OLD', -1)}\nEND",
                f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table} BEGIN\n"
                f"{rows(vendor, 'OLD', -1)}\n{rows(vendor, 'NEW', 1)}\nEND",
            ]
        return statements
    if vendor == "postgresql":
        statements = []
        for table, rows in ((VISIT, _visit_rows), (POLES, _pole_rows)):
            name = f"{table}_month"
            statements += [
                f"CREATE FUNCTION {name}() RETURNS trigger AS $$\nBEGIN\n"
                f"IF TG_OP IN ('DELETE', 'UPDATE') THEN\n{rows(vendor, 'OLD', -1)}\nEND IF;\n"
                f"IF TG_OP IN ('INSERT', 'UPDATE') THEN\n{rows(vendor, 'NEW', 1)}\nEND IF;\n"
                f"RETURN NULL;\nEND\n$$ LANGUAGE plpgsql",
                f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}()",
            ]
        return statements
    raise NotImplementedError(f"Pas de comptes mensuels pour la base « {vendor} ».")


def drop_sql(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_month_{op}" for table in (VISIT, POLES)
                for op in ("insert", "delete", "update")]
    return [statement for table in (VISIT, POLES) for statement in (
        f"DROP TRIGGER IF EXISTS {table}_month ON {table}",
        f"DROP FUNCTION IF EXISTS {table}_month()")]


@contextmanager
def suspended(connection, cite_ids: list[int]):
    """Bulk loads only (the benchmark network): the triggers dropped while the block writes
    millions of rows, then put back and the counts of `cite_ids` rebuilt from the rows — the
    same counts, in a fraction of the time. Run it inside a transaction, and write no visit of
    another Cité meanwhile."""
    with connection.cursor() as cursor:
        for statement in drop_sql(connection.vendor):
            cursor.execute(statement)
    yield
    with connection.cursor() as cursor:
        for statement in install_sql(connection.vendor):
            cursor.execute(statement)
    rebuild(connection, cite_ids)


def rebuild(connection, cite_ids: list[int] | None = None) -> None:
    """Rewrite the counts of `cite_ids` (every Cité when None) from the rows, in SQL."""
    if cite_ids is not None and not cite_ids:
        return
    vendor = connection.vendor
    where = "" if cite_ids is None else f" WHERE cite_id IN ({', '.join(map(str, cite_ids))})"
    v_where = where.replace("cite_id", "v.cite_id")
    month = _piece(vendor, "month", "v.day")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}{where}")  # noqa: S608 (ids are integers)
        for name in _DIMENSIONS:
            cursor.execute(
                f"INSERT INTO {TABLE} (cite_id, month, dimension, value, visits) "  # noqa: S608
                f"SELECT v.cite_id, {month}, '{name}', {_value(vendor, name, 'v')}, COUNT(*) "
                f"FROM {VISIT} v{v_where} GROUP BY 1, 2, 3, 4")
        cursor.execute(
            f"INSERT INTO {TABLE} (cite_id, month, dimension, value, visits) "  # noqa: S608
            f"SELECT v.cite_id, {month}, 'pole', CAST(p.pole_id AS TEXT), "
            f"COUNT(*) FROM {POLES} p JOIN {VISIT} v ON v.id = p.visit_id{v_where} "
            f"GROUP BY 1, 2, 3, 4")


def stored(cite_ids: list[int] | None = None) -> Counter:
    """The counts the database keeps, zeros left out: {(cite id, month, dimension, value): n}."""
    from capacite.activity.models import VisitMonth

    rows = VisitMonth.objects.exclude(visits=0)
    if cite_ids is not None:
        rows = rows.filter(cite_id__in=cite_ids)
    found: Counter = Counter()
    for row in rows.values_list("cite_id", "month", "dimension", "value", "visits"):
        found[row[:4]] += row[4]
    return +found


def recount(cite_ids: list[int] | None = None) -> Counter:
    """The same counts recomputed from the rows in Python, independently of the triggers' SQL."""
    from django_scopes import scopes_disabled

    from capacite.activity.models import Visit

    def flag(value) -> str:
        return "" if value is None else ("1" if value else "0")

    def key(value) -> str:
        return "" if value is None else str(value)

    found: Counter = Counter()
    with scopes_disabled():
        rows = Visit.objects.all()
        if cite_ids is not None:
            rows = rows.filter(cite_id__in=cite_ids)
        poles: dict[int, list[int]] = {}
        for visit_id, pole_id in Visit.poles.through.objects.filter(
                visit__in=rows).values_list("visit_id", "pole_id"):
            poles.setdefault(visit_id, []).append(pole_id)
        for v in rows.order_by():
            month = v.day.replace(day=1)
            values = {
                "day": f"{v.day.day:02d}", "kind": v.kind, "site": key(v.site_id),
                "public": key(v.public_id), "age_band": v.age_band, "sex": v.sex,
                "first_visit": flag(v.first_visit), "epci": key(v.residence_epci_id),
                "commune": key(v.residence_commune_id),
                "outside_territory": flag(v.outside_territory),
                "oriented_to": key(v.oriented_to_id), "source": v.source, "slot": key(v.slot),
                "weekday_hour": "" if v.slot is None
                else f"{(v.day.weekday() + 1) % 7}:{v.slot // 2}"}
            for name, value in values.items():
                found[(v.cite_id, month, name, value)] += 1
            for pole_id in poles.get(v.pk, []):
                found[(v.cite_id, month, "pole", str(pole_id))] += 1
    return found


def month_span(start: date, end: date) -> tuple[date, date] | None:
    """The whole calendar months inside [start, end), as [first month's 1st, end month's 1st);
    None when there is none."""
    first = start if start.day == 1 else _next_month(start)
    last = end.replace(day=1)
    return (first, last) if first < last else None


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
