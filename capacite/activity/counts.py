"""Every figure read from the activity rows, and only here: the tally screen, the homes, the
dashboards (issue 15), the exports and the label dossier all ask these functions.

Each takes the Cité explicitly and filters on it (inside that Cité's scope, or inside
`scopes_disabled()` for the network's comparisons), a half-open period `[start, end)` of days,
and returns plain numbers or dicts of plain numbers. None returns a single visit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractIsoWeekDay

from capacite.activity.domain.questions import CORE_QUESTIONS, SCALE
from capacite.activity.models import (
    DocumentationUse,
    EventHeadcount,
    SurveyResponse,
    Visit,
    VisitMonth,
)
from capacite.activity.rollups import month_span

# What a visit can be broken down by: the name used by callers → the lookup that groups it.
BREAKDOWNS = {
    "kind": "kind",
    "site": "site_id",
    "pole": "poles",
    "public": "public_id",
    "age_band": "age_band",
    "sex": "sex",
    "first_visit": "first_visit",
    "epci": "residence_epci_id",
    "commune": "residence_commune_id",
    "outside_territory": "outside_territory",
    "oriented_to": "oriented_to_id",
    "day": "day",
    "slot": "slot",
    "source": "source",
}


def visits(*, cite, start: date, end: date, site=None, kinds: Iterable[str] | None = None,
           pole=None) -> QuerySet:
    """The visits of `cite` on days in [start, end), optionally of one site, kinds or pôle.

    A queryset for the other functions of this module to aggregate; callers outside it ask
    for numbers (`visit_count`, `visits_by`), never rows."""
    rows = Visit.objects.filter(cite=cite, day__gte=start, day__lt=end)
    if site is not None:
        rows = rows.filter(site=site)
    if kinds is not None:
        rows = rows.filter(kind__in=list(kinds))
    if pole is not None:
        rows = rows.filter(poles=pole)
    return rows


def visit_count(*, cite, start: date, end: date, site=None, kinds=None, pole=None) -> int:
    """How many visits: a visit asking for two pôles counts once."""
    if site is None and kinds is None and pole is None:
        return visit_counts(cites=[cite], start=start, end=end)[cite.pk]
    return visits(cite=cite, start=start, end=end, site=site, kinds=kinds, pole=pole).count()


def visit_counts(*, cites, start: date, end: date) -> dict[int, int]:
    """`visit_count` of each of `cites` ({cite id: visits}), in one or two queries: the whole
    months from the monthly counts (every visit has exactly one kind, so its kinds' counts sum
    to its visits), the days around them from the rows. Across Cités (the network's
    benchmarks), call inside `scopes_disabled()`."""
    found = {cite.pk: 0 for cite in cites}
    edges, months = _periods_and_months(start, end)
    for a, b in edges:
        rows = (Visit.objects.filter(cite__in=cites, day__gte=a, day__lt=b).order_by()
                .values_list("cite_id").annotate(n=Count("pk")))
        for cite_id, n in rows:
            found[cite_id] += n
    if months is not None:
        rows = (VisitMonth.objects.filter(cite_id__in=list(found), dimension="kind",
                                          month__gte=months[0], month__lt=months[1])
                .order_by().values_list("cite_id").annotate(n=Sum("visits")))
        for cite_id, n in rows:
            found[cite_id] += n
    return found


def visits_by(breakdown: str, *, cite, start: date, end: date, site=None, kinds=None,
              pole=None) -> dict:
    """Visits counted by one of `BREAKDOWNS` ("public", "day"…): {value: count}.

    Empty categories are keyed None (or "" for age band and sex): « non renseigné ». By pôle,
    a visit asking for two pôles counts in each, so the values may sum above `visit_count`.

    Without a filter, the whole calendar months of the period are read from the monthly counts
    the database keeps beside the rows (`rollups.py`), and only the days before the first and
    after the last whole month from the rows: a year is twelve small reads, not a scan."""
    if site is None and kinds is None and pole is None and breakdown in ROLLED:
        return _rolled_by(breakdown, cite=cite, start=start, end=end)
    return _rows_by(breakdown, cite=cite, start=start, end=end, site=site, kinds=kinds,
                    pole=pole)


def _rows_by(breakdown: str, *, cite, start: date, end: date, site=None, kinds=None,
             pole=None) -> dict:
    field = BREAKDOWNS[breakdown]
    rows = visits(cite=cite, start=start, end=end, site=site, kinds=kinds, pole=pole).order_by()
    if breakdown == "pole" or pole is not None:  # the pôles' join repeats a visit
        rows = rows.values(field).annotate(n=Count("pk", distinct=True))
    else:
        rows = rows.values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in rows}


# The breakdowns the monthly counts hold, and how a stored value reads back.
def _key(value: str):
    return int(value) if value else None


ROLLED = {
    "kind": str, "site": _key, "pole": _key, "public": _key, "age_band": str, "sex": str,
    "first_visit": {"1": True, "0": False, "": None}.get, "epci": _key, "commune": _key,
    "outside_territory": lambda value: value == "1", "oriented_to": _key, "slot": _key,
    "source": str, "day": None,  # the day of the month, read with its month
}


def _periods_and_months(start: date, end: date) -> tuple[list[tuple[date, date]],
                                                         tuple[date, date] | None]:
    """[start, end) as the days read from the rows and the whole months read from the counts."""
    months = month_span(start, end)
    if months is None:
        return [(start, end)], None
    edges = [(a, b) for a, b in ((start, months[0]), (months[1], end)) if a < b]
    return edges, months


def _rolled_by(breakdown: str, *, cite, start: date, end: date) -> dict:
    edges, months = _periods_and_months(start, end)
    found: dict = {}
    for a, b in edges:
        for value, n in _rows_by(breakdown, cite=cite, start=a, end=b).items():
            found[value] = found.get(value, 0) + n
    if months is not None:
        rows = (VisitMonth.objects.filter(cite_id=cite.pk, dimension=breakdown,
                                          month__gte=months[0], month__lt=months[1])
                .exclude(visits=0).order_by().values_list("month", "value")
                .annotate(n=Sum("visits")))
        read = ROLLED[breakdown]
        for month, value, n in rows:
            key = month.replace(day=int(value)) if read is None else read(value)
            found[key] = found.get(key, 0) + n
    return {key: n for key, n in found.items() if n}


def visits_by_weekday_and_hour(*, cite, start: date, end: date) -> dict[tuple[int, int], int]:
    """Visits per weekday (0 = Monday) and hour of the day; visits without a half-hour are left
    out (the heat map)."""
    edges, months = _periods_and_months(start, end)
    found: dict[tuple[int, int], int] = {}
    for a, b in edges:
        rows = (visits(cite=cite, start=a, end=b).filter(slot__isnull=False).order_by()
                .values_list("day", "slot").annotate(n=Count("pk")))
        for day, slot, n in rows:
            key = (day.weekday(), slot // 2)
            found[key] = found.get(key, 0) + n
    if months is not None:
        rows = (VisitMonth.objects.filter(cite_id=cite.pk, dimension="weekday_hour",
                                          month__gte=months[0], month__lt=months[1])
                .exclude(value="").exclude(visits=0).order_by().values_list("value")
                .annotate(n=Sum("visits")))
        for value, n in rows:
            sunday_first, hour = (int(part) for part in value.split(":"))
            key = ((sunday_first + 6) % 7, hour)
            found[key] = found.get(key, 0) + n
    return {key: n for key, n in found.items() if n}


def visits_by_pole_and_half_hour(*, cite, start: date, end: date, site=None,
                                 kinds=None) -> dict[tuple[int, int, int], int]:
    """Visits per pôle, weekday (0 = Monday) and half-hour of the day: {(pôle id, weekday,
    slot): count}. Visits without a half-hour or a pôle are left out; a visit asking for two
    pôles counts in each (the opening-hours advice weighs each pôle's desk)."""
    rows = (visits(cite=cite, start=start, end=end, site=site, kinds=kinds)
            .filter(slot__isnull=False, poles__isnull=False)
            .annotate(weekday=ExtractIsoWeekDay("day")).order_by()
            .values("poles", "weekday", "slot").annotate(n=Count("pk", distinct=True)))
    return {(row["poles"], row["weekday"] - 1, row["slot"]): row["n"] for row in rows}


def visits_by_month(*, cite, start: date, end: date, site=None, kinds=None) -> dict[date, int]:
    """Visits per calendar month, keyed by the month's first day (months without visits are
    absent)."""
    months: dict[date, int] = {}
    for day, n in visits_by("day", cite=cite, start=start, end=end, site=site,
                            kinds=kinds).items():
        key = day.replace(day=1)
        months[key] = months.get(key, 0) + n
    return months


def today_at_site(*, cite, site, day: date) -> int:
    """Today's count on the tally screen of `site`."""
    return visit_count(cite=cite, start=day, end=date.fromordinal(day.toordinal() + 1),
                       site=site)


def event_headcounts(*, cite, start: date, end: date) -> dict[int, int]:
    """{event id: people counted} for the events starting in [start, end) that have a count."""
    rows = (EventHeadcount.objects.filter(cite=cite, event__starts_at__date__gte=start,
                                          event__starts_at__date__lt=end)
            .order_by().values("event_id").annotate(n=Sum("count")))
    return {row["event_id"]: row["n"] for row in rows}


def event_headcount_by_public(*, cite, start: date, end: date) -> dict[int | None, int]:
    """People counted at events in the period, by public category id (None: not noted)."""
    rows = (EventHeadcount.objects.filter(cite=cite, event__starts_at__date__gte=start,
                                          event__starts_at__date__lt=end)
            .order_by().values("public_id").annotate(n=Sum("count")))
    return {row["public_id"]: row["n"] for row in rows}


@dataclass(frozen=True)
class DocumentationMonth:
    month: date
    consultations: int
    loans: int


def documentation_use(*, cite, start: date, end: date) -> list[DocumentationMonth]:
    """Consultations and loans per month whose first day is in [start, end), oldest first."""
    return [DocumentationMonth(row.month, row.consultations, row.loans)
            for row in DocumentationUse.objects.filter(cite=cite, month__gte=start,
                                                       month__lt=end).order_by("month")]


def responses(*, cite, start: date, end: date, survey=None, pole=None, event=None) -> QuerySet:
    rows = SurveyResponse.objects.filter(cite=cite, day__gte=start, day__lt=end)
    if survey is not None:
        rows = rows.filter(survey=survey)
    if pole is not None:
        rows = rows.filter(pole=pole)
    if event is not None:
        rows = rows.filter(event=event)
    return rows


def response_count(*, cite, start: date, end: date, survey=None, pole=None, event=None) -> int:
    return responses(cite=cite, start=start, end=end, survey=survey, pole=pole,
                     event=event).count()


@dataclass(frozen=True)
class CoreResult:
    """One common-core question's result: how many answered it and either the mean score
    (1-5 questions) or the share of « oui » (yes/no questions), None when nobody answered."""

    key: str
    answered: int
    mean: float | None = None
    yes_share: float | None = None


def _core_aggregates() -> dict:
    aggregates = {}
    for question in CORE_QUESTIONS:
        key = question.key
        aggregates[f"{key}__n"] = Count("pk", filter=Q(**{f"{key}__isnull": False}))
        if question.kind == SCALE:
            aggregates[f"{key}__mean"] = Avg(key)
        else:
            aggregates[f"{key}__yes"] = Count("pk", filter=Q(**{key: True}))
    return aggregates


def _core_from(values: dict) -> list[CoreResult]:
    results = []
    for question in CORE_QUESTIONS:
        key, answered = question.key, values[f"{question.key}__n"]
        if question.kind == SCALE:
            mean = values[f"{key}__mean"]
            results.append(CoreResult(key, answered, mean=round(mean, 2) if answered else None))
        else:
            share = values[f"{key}__yes"] / answered if answered else None
            results.append(CoreResult(key, answered,
                                      yes_share=round(share, 3) if share is not None else None))
    return results


def core_results(*, cite, start: date, end: date, survey=None, pole=None,
                 event=None) -> list[CoreResult]:
    """The common core's results over the period, in the questionnaire's order."""
    rows = responses(cite=cite, start=start, end=end, survey=survey, pole=pole, event=event)
    return _core_from(rows.aggregate(**_core_aggregates()))


@dataclass(frozen=True)
class SurveySummary:
    responses: int
    results: list[CoreResult]


def core_results_by_cite(*, cites, start: date, end: date) -> dict[int, SurveySummary]:
    """`response_count` and `core_results` of each of `cites` over the period, in one query (the
    network's benchmarks); call inside `scopes_disabled()`."""
    found = {cite.pk: SurveySummary(0, _core_from({**{k: 0 for k in _core_aggregates()},
                                                   **{f"{q.key}__mean": None
                                                      for q in CORE_QUESTIONS}}))
             for cite in cites}
    rows = (SurveyResponse.objects.filter(cite__in=cites, day__gte=start, day__lt=end)
            .order_by().values("cite_id").annotate(responses__all=Count("pk"),
                                                   **_core_aggregates()))
    for row in rows:
        found[row["cite_id"]] = SurveySummary(row["responses__all"], _core_from(row))
    return found


def own_question_results(*, cite, survey, start: date, end: date) -> dict[int, dict]:
    """The Cité's own questions: {question id: {"answered": n, "mean": …} or {"counts": {choice:
    n}}}. Free-text answers are counted, never returned here."""
    from capacite.activity.models import QuestionKind, SurveyAnswer

    results: dict[int, dict] = {}
    answers = SurveyAnswer.objects.filter(cite=cite, response__survey=survey,
                                          response__day__gte=start, response__day__lt=end)
    for question in survey.questions.all():
        mine = answers.filter(question=question)
        if question.kind == QuestionKind.SCALE:
            agg = mine.filter(scale__isnull=False).aggregate(n=Count("pk"), mean=Avg("scale"))
            results[question.pk] = {"answered": agg["n"],
                                    "mean": round(agg["mean"], 2) if agg["n"] else None}
        elif question.kind == QuestionKind.CHOICE:
            counts = dict(mine.exclude(choice="").order_by().values_list("choice")
                          .annotate(n=Count("pk")))
            results[question.pk] = {"answered": sum(counts.values()), "counts": counts}
        elif question.kind == QuestionKind.YES_NO:
            counts = dict(mine.filter(yes_no__isnull=False).order_by().values_list("yes_no")
                          .annotate(n=Count("pk")))
            results[question.pk] = {"answered": sum(counts.values()),
                                    "counts": {True: counts.get(True, 0),
                                               False: counts.get(False, 0)}}
        else:
            results[question.pk] = {"answered": mine.exclude(text="").count()}
    return results
