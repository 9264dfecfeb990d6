"""The demo's activity: Valombre gets about 25,000 visits a year and 1,500 answers to its
questionnaire from the day it opened (`Cite.opened_on`) to the demo's day, its events'
headcounts, its documentation use since its opening month, a kiosk and its allowed links.

Drawn from a seed (same demo every time for a given day) and written with bulk_create, so
`make run` stays fast: the whole builder takes about a second on SQLite.
"""

import random
import uuid
from datetime import date, datetime, time, timedelta

from capacite.activity.domain import simulate
from capacite.activity.models import (
    AllowedLink,
    Channel,
    DocumentationUse,
    EventHeadcount,
    Kiosk,
    QuestionKind,
    Source,
    Survey,
    SurveyAnswer,
    SurveyLink,
    SurveyQuestion,
    SurveyResponse,
    Visit,
)

YEAR_VISITS = 25_000  # a year's worth: the demo draws them pro rata of the days since opening
YEAR_RESPONSES = 1_500
SITE_SHARE = {"main": 1.0, "site": 0.5, "associated": 0.15, "relay": 0.05}
ALLOWED_LINKS = [
    ("France Travail", "https://www.francetravail.fr/"),
    ("Onisep : les métiers et les formations", "https://www.onisep.fr/"),
    ("Mon compte formation", "https://www.moncompteformation.gouv.fr/"),
    ("L'apprentissage et l'alternance", "https://www.alternance.emploi.gouv.fr/"),
    ("Service-public.fr", "https://www.service-public.fr/"),
]
HEARD_OF = ["Le bouche-à-oreille", "France Travail", "La Mission locale", "Les réseaux sociaux",
            "La presse", "Autre"]


def build_activity_demo(*, cite, today: date) -> None:
    if cite.phase != "operation" or Visit.objects.filter(cite=cite).exists():
        return
    rng = random.Random(f"capacite-activity-{cite.slug}-{today.isoformat()}")
    first = opening_day(cite, today)
    days = (today - first).days + 1
    visits = build_visits(cite=cite, today=today, total=round(YEAR_VISITS * days / 365), rng=rng,
                          days=days) if days > 0 else {}
    survey = _survey(cite)
    _responses(cite=cite, survey=survey, visits_by_day=visits, rng=rng, today=today,
               total=round(YEAR_RESPONSES * max(days, 0) / 365))
    _headcounts(cite=cite, today=today, rng=rng)
    _documentation(cite=cite, first=first, today=today, rng=rng)
    from capacite.offer.models import Site

    main = Site.objects.filter(kind="main").first()
    if main is not None:
        Kiosk.objects.create(cite=cite, site=main, name="Borne de l'entrée", survey=survey)
    AllowedLink.objects.bulk_create(AllowedLink(cite=cite, label=label, url=url, position=i)
                                    for i, (label, url) in enumerate(ALLOWED_LINKS))


def opening_day(cite, today: date) -> date:
    """The first day of the demo's activity: the day the Cité opened (`Cite.opened_on`, the one
    opening date), or a year before `today` for an open Cité without one."""
    return cite.opened_on or today - timedelta(days=364)


def build_visits(*, cite, today: date, total: int, rng: random.Random,
                 days: int = 365, batch: int = 5000) -> dict[date, int]:
    """`total` visits over the `days` days up to today (today's up to its current half-hour),
    spread over the Cité's sites by their opening hours as the offer app defines them (weekly
    hours, exceptions, closures, public holidays: `offer.services.schedule_of`), so no visit
    falls outside them. Returns the count per day."""
    from django.db import connection, transaction
    from django.utils import timezone

    from capacite.activity import rollups
    from capacite.activity.domain.slots import slot_of
    from capacite.offer.domain.hours import spans_on
    from capacite.offer.models import Pole, Site
    from capacite.offer.services import schedule_of
    from capacite.partners.models import Organisation, Public
    from capacite.territory.services import communes_of

    poles = list(Pole.objects.filter(cite=cite).values_list("pk", flat=True))
    partners = list(Organisation.objects.filter(cite=cite).order_by("name")
                    .values_list("pk", flat=True)[:12])
    publics = dict(Public.objects.filter(cite=cite).values_list("key", "pk"))
    # Residences come from their own seeded draw, so the rest of the year stays as it was drawn.
    communes = list(communes_of(cite).values_list("pk", "epci_id", "population"))
    homes = random.Random(f"capacite-residence-{cite.slug}-{today.isoformat()}")
    populations = [population or 1 for _pk, _epci, population in communes]
    first = today - timedelta(days=days - 1)
    now_slot = slot_of(timezone.localtime().time()) if today == timezone.localdate() else 48
    plan: list[tuple[object, date, list[int]]] = []
    weights: list[float] = []
    for site in Site.objects.filter(cite=cite).prefetch_related("weekly_hours", "exceptions",
                                                                "closures"):
        schedule = schedule_of(site, years=list(range(first.year, today.year + 1)))
        share = SITE_SHARE.get(site.kind, 0.1)
        for offset in range(days):
            day = first + timedelta(days=offset)
            slots = simulate.open_slots([(s.opens, s.closes) for s in spans_on(schedule, day)])
            if day == today:
                slots = [s for s in slots if s <= now_slot]
            plan.append((site, day, slots))
            weights.append(share * simulate.day_weight(day, slots))
    counts = simulate.spread(total, weights, rng)
    through = Visit.poles.through
    per_day: dict[date, int] = {}
    rows: list[Visit] = []
    links: list[list[int]] = []

    def flush() -> None:
        Visit.objects.bulk_create(rows, batch_size=batch)
        through.objects.bulk_create(
            [through(visit_id=v.pk, pole_id=poles[i]) for v, idx in zip(rows, links, strict=True)
             for i in idx], batch_size=batch)
        rows.clear()
        links.clear()

    # A year of visits in one transaction: the monthly counts' triggers would update the same
    # rows tens of thousands of times (minutes on PostgreSQL, whose every update leaves a row
    # version behind); they are suspended and the counts rebuilt from the rows once.
    with transaction.atomic(), rollups.suspended(connection, [cite.pk]):
        for (site, day, slots), count in zip(plan, counts, strict=True):
            if not count:
                continue
            per_day[day] = per_day.get(day, 0) + count
            for drawn in simulate.draw_day(rng, day=day, slots=slots, count=count, poles=len(poles),
                                           partners=len(partners)):
                home = (None if drawn.outside_territory
                        else simulate.draw_residence(homes, populations))
                rows.append(Visit(
                    cite=cite, site=site, day=drawn.day, slot=drawn.slot, kind=drawn.kind,
                    public_id=publics.get(drawn.public_key) if drawn.public_key else None,
                    age_band=drawn.age_band, sex=drawn.sex, first_visit=drawn.first_visit,
                    outside_territory=drawn.outside_territory,
                    residence_commune_id=communes[home][0] if home is not None else None,
                    residence_epci_id=communes[home][1] if home is not None else None,
                    oriented_to_id=partners[drawn.oriented_index]
                    if drawn.oriented_index is not None else None,
                    source=Source.DEMO if drawn.kind != "kiosk" else Source.KIOSK,
                    client_id=uuid.UUID(int=drawn.client_int, version=4)))
                links.append(list(drawn.pole_indexes))
            if len(rows) >= batch:
                flush()
        if rows:
            flush()
    return per_day


def _survey(cite) -> Survey:
    from capacite.offer.models import Pole

    survey = Survey.objects.create(cite=cite, title="Questionnaire de satisfaction des publics")
    SurveyQuestion.objects.create(cite=cite, survey=survey, position=1,
                                  text="Comment avez-vous connu la Cité des métiers ?",
                                  kind=QuestionKind.CHOICE, choices=HEARD_OF)
    SurveyQuestion.objects.create(cite=cite, survey=survey, position=2,
                                  text="Pensez-vous revenir à la Cité des métiers ?",
                                  kind=QuestionKind.YES_NO)
    SurveyLink.objects.create(cite=cite, survey=survey)
    SurveyLink.objects.bulk_create(SurveyLink(cite=cite, survey=survey, pole=pole)
                                   for pole in Pole.objects.filter(cite=cite))
    return survey


def _score(rng: random.Random, mean_shift: float = 0.0) -> int | None:
    if rng.random() < 0.05:
        return None
    return rng.choices((1, 2, 3, 4, 5), weights=(2, 4, 12 + mean_shift * 10, 40, 42))[0]


def _responses(*, cite, survey: Survey, visits_by_day: dict[date, int], rng: random.Random,
               today: date, total: int) -> None:
    from capacite.offer.models import Pole

    poles = list(Pole.objects.filter(cite=cite).values_list("pk", flat=True))
    questions = list(survey.questions.all())
    days = sorted(visits_by_day)
    if not days:
        return
    chosen = rng.choices(days, weights=[visits_by_day[d] for d in days], k=total)
    responses = []
    for day in sorted(chosen):
        responses.append(SurveyResponse(
            cite=cite, survey=survey, day=day,
            channel=rng.choices((Channel.QR, Channel.LINK, Channel.KIOSK), (55, 25, 20))[0],
            pole_id=rng.choice(poles) if poles and rng.random() < 0.6 else None,
            found_answer=rng.random() < 0.84, welcome=_score(rng), advice=_score(rng),
            documentation=_score(rng, 0.8), waiting=_score(rng, 1.5),
            would_recommend=rng.random() < 0.91, overall=_score(rng),
            client_id=uuid.UUID(int=rng.getrandbits(128), version=4)))
    SurveyResponse.objects.bulk_create(responses, batch_size=2000)
    answers = []
    for response in responses:
        for question in questions:
            if rng.random() < 0.1:
                continue  # questions are never compulsory
            if question.kind == QuestionKind.CHOICE:
                answers.append(SurveyAnswer(cite=cite, response=response, question=question,
                                            choice=rng.choices(HEARD_OF,
                                                               (35, 20, 15, 15, 5, 10))[0]))
            else:
                answers.append(SurveyAnswer(cite=cite, response=response, question=question,
                                            yes_no=rng.random() < 0.8))
    SurveyAnswer.objects.bulk_create(answers, batch_size=2000)


def _headcounts(*, cite, today: date, rng: random.Random) -> None:
    from django.utils import timezone

    from capacite.events.models import Event, EventStatus
    from capacite.partners.models import Public

    publics = list(Public.objects.filter(cite=cite).order_by("position"))
    # Every event held by now has its count, those of today already started too (the
    # dashboards list the events started by now; the demo may be built for a day before it).
    held_by = max(timezone.now(), timezone.make_aware(datetime.combine(today, time())))
    rows = []
    for event in Event.objects.filter(cite=cite, status=EventStatus.RETAINED,
                                      starts_at__lte=held_by).prefetch_related("publics"):
        total = max(3, round((event.capacity or 40) * rng.uniform(0.55, 1.0)))
        targeted = list(event.publics.all()) or publics[:1]
        noted = 0
        for public in targeted:
            part = round(total * rng.uniform(0.25, 0.4))
            rows.append(EventHeadcount(cite=cite, event=event, public=public, count=part))
            noted += part
        if total > noted:
            rows.append(EventHeadcount(cite=cite, event=event, public=None, count=total - noted))
    EventHeadcount.objects.bulk_create(rows)


def _documentation(*, cite, first: date, today: date, rng: random.Random) -> None:
    """Each full month's documentation use, from the opening month (pro rata of its open days)
    to the month before today's."""
    month = today.replace(day=1)
    rows = []
    while (month - timedelta(days=1)).replace(day=1) >= first.replace(day=1):
        month = (month - timedelta(days=1)).replace(day=1)
        factor = simulate.season_factor(month.replace(day=15))
        if month < first:  # the opening month counts from the opening day
            following = (month + timedelta(days=31)).replace(day=1)
            factor *= (following - first).days / (following - month).days
        rows.append(DocumentationUse(cite=cite, month=month,
                                     consultations=round(420 * factor * rng.uniform(0.85, 1.15)),
                                     loans=round(65 * factor * rng.uniform(0.8, 1.2))))
    DocumentationUse.objects.bulk_create(rows)
