"""A large network for benchmarks: `capacite demo --visits 5000000 --cites 30`.

Adds open Cités (« Cité de charge NN ») with two sites and four pôles each, then their visits
over the last 365 days and questionnaire answers for about 6 % of the visits. Rows are built in
memory a batch at a time and written with bulk_create (one pôle per visit, through the M2M
table), so five million visits take minutes, not hours, and memory stays flat. The figures are
plain random draws: enough to weigh on the dashboards' queries, not a plausible year (that is
`demo.py`'s job for Valombre).
"""

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

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
                  seed: int = 14) -> NetworkCounts:
    """Create `cites` new open Cités sharing `visits` visits; returns what was written."""
    from capacite.core.models import Cite
    from capacite.offer.models import Pole, Site

    start = Cite.objects.filter(slug__startswith="charge-").count()
    # A run after an earlier one draws other ids (client ids are unique across the network).
    rng = random.Random(f"capacite-bench-{seed}-{start}")
    responses = 0
    for n, cite_visits in enumerate(shares(visits, cites), start=start + 1):
        cite = Cite.objects.create(slug=f"charge-{n:03d}", name=f"Cité de charge {n:03d}",
                                   phase="operation", territory="Territoire fictif")
        sites = [Site.objects.create(cite=cite, name="Site principal", kind="main"),
                 Site.objects.create(cite=cite, name="Antenne", kind="site")]
        poles = Pole.objects.bulk_create(Pole(cite=cite, name=name, position=i)
                                         for i, name in enumerate(POLES))
        survey = Survey.objects.create(cite=cite, title="Questionnaire de satisfaction")
        _visits(cite=cite, sites=[s.pk for s in sites], poles=[p.pk for p in poles],
                count=cite_visits, today=today, rng=rng, batch=batch)
        answered = round(cite_visits * RESPONSE_SHARE)
        _responses(cite=cite, survey=survey, count=answered, today=today, rng=rng, batch=batch)
        responses += answered
    return NetworkCounts(cites=cites, visits=visits, responses=responses)


def _visits(*, cite, sites: list[int], poles: list[int], count: int, today: date,
            rng: random.Random, batch: int) -> None:
    through = Visit.poles.through
    first = today - timedelta(days=364)
    for size in shares(count, max(1, -(-count // batch))):
        rows = [Visit(cite=cite, site_id=sites[0] if rng.random() < 0.7 else sites[1],
                      day=first + timedelta(days=rng.randrange(365)),
                      slot=rng.randrange(18, 36), kind=rng.choices(KINDS, KIND_WEIGHTS)[0],
                      first_visit=rng.random() < 0.6, source=Source.DEMO,
                      client_id=uuid.UUID(int=rng.getrandbits(128), version=4))
                for _ in range(size)]
        Visit.objects.bulk_create(rows, batch_size=batch)
        through.objects.bulk_create((through(visit_id=v.pk, pole_id=rng.choice(poles))
                                     for v in rows), batch_size=batch)


def _responses(*, cite, survey: Survey, count: int, today: date, rng: random.Random,
               batch: int) -> None:
    first = today - timedelta(days=364)
    for size in shares(count, max(1, -(-count // batch))):
        SurveyResponse.objects.bulk_create(
            (SurveyResponse(cite=cite, survey=survey,
                            day=first + timedelta(days=rng.randrange(365)),
                            channel=rng.choice((Channel.QR, Channel.LINK, Channel.KIOSK)),
                            found_answer=rng.random() < 0.84, welcome=rng.randint(3, 5),
                            overall=rng.randint(2, 5), would_recommend=rng.random() < 0.9,
                            client_id=uuid.UUID(int=rng.getrandbits(128), version=4))
             for _ in range(size)), batch_size=batch)
