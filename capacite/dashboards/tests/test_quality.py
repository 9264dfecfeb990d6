"""The evaluation plan's indicators: computed ones from the one-truth counts, entered ones per
period, each against the comité de pilotage's target, on the quality page and in the report."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scope

from capacite.activity.models import Visit
from capacite.core.models import Role
from capacite.dashboards import quality, svg
from capacite.dashboards.domain.periods import period_of
from capacite.dashboards.models import IndicatorValue, QualityIndicator
from capacite.dashboards.report import indicator_blocks
from capacite.governance.choices import BodyKind
from capacite.governance.models import Body, Decision
from capacite.offer.models import Site
from capacite.testing import client_for, many_visits


@pytest.fixture
def plan(world):
    """2026: 40 visits (10 first visits, 30 returning); 2025: 5 visits. Three indicators."""
    cite = world.cite
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        for day, first, n in ((date(2026, 3, 10), True, 10), (date(2026, 3, 11), False, 30),
                              (date(2025, 5, 2), None, 5)):
            Visit.objects.bulk_create(
                Visit(cite=cite, site=site, day=day, slot=20, first_visit=first,
                      source="import", client_id=uuid.uuid4()) for _ in range(n))
        body = Body.objects.create(cite=cite, kind=BodyKind.STEERING, name="Comité de pilotage")
        decision = Decision.objects.create(cite=cite, body=body, decided_on=date(2026, 1, 15),
                                           title="Cibles du plan d'évaluation")
        visits = QualityIndicator.objects.create(
            cite=cite, name="Passages", definition="Tous les passages.", computed="visits",
            target=Decimal(30), target_decision=decision, position=1)
        share = QualityIndicator.objects.create(
            cite=cite, name="Premières visites", definition="En %.",
            computed="first_visit_share", target=Decimal(40), position=2)
        wait = QualityIndicator.objects.create(
            cite=cite, name="Délai d'attente", definition="En jours.", frequency="month",
            target=Decimal(7), higher_is_better=False, position=3)
        for month, value in ((4, "9"), (5, "8")):
            IndicatorValue.objects.create(cite=cite, indicator=wait,
                                          period_start=date(2026, month, 1), value=Decimal(value))
    return world, visits, share, wait


def _summary(rows):
    return [(r.indicator.name, [p.text for p in r.points], r.met) for r in rows]


def test_computed_indicators_ask_the_counts_and_entered_ones_read_their_values(plan):
    world = plan[0]
    with scope(cite=world.cite):
        rows = quality.indicator_rows(world.cite, date(2026, 6, 1), protected=False)
        assert _summary(rows) == [
            ("Passages", ["0", "5", "40"], True),
            ("Premières visites", ["—", "—", "25"], False),
            ("Délai d'attente", ["—", "—", "—", "9", "8", "—"], None),
        ]
        assert [quality.period_name(p.period) for p in rows[2].points] == [
            "01/2026", "02/2026", "03/2026", "04/2026", "05/2026", "06/2026"]
        IndicatorValue.objects.create(cite=world.cite, indicator=plan[3],
                                      period_start=date(2026, 6, 1), value=Decimal("6.5"))
        wait = quality.indicator_rows(world.cite, date(2026, 6, 1), protected=False)[2]
        assert (wait.current.text, wait.met, quality.status_text(wait)) == ("6,5", True,
                                                                            "atteinte")
        # Protected (report, dossier): a small count of people is masked, rates are not.
        protected = quality.indicator_rows(world.cite, date(2026, 6, 1), protected=True)
        assert [p.text for p in protected[0].points] == ["0", "< 11", "40"]


def test_the_report_prints_the_indicators_against_their_targets(plan):
    world = plan[0]
    with scope(cite=world.cite):
        heading, table = indicator_blocks(world.cite, period_of("year", date(2026, 1, 1)))
    assert heading.text == "Indicateurs du plan d'évaluation"
    assert table.rows == (
        ("Passages", "2026", "40", "≥\u00a030", "atteinte", "2024 : 0 · 2025 : < 11 · 2026 : 40"),
        ("Premières visites", "2026", "25", "≥\u00a040", "non atteinte",
         "2024 : — · 2025 : — · 2026 : 25"),
        ("Délai d'attente", "12/2026", "—", "≤\u00a07", "—",
         "07/2026 : — · 08/2026 : — · 09/2026 : — · 10/2026 : — · 11/2026 : — · 12/2026 : —"),
    )


def test_the_trend_draws_known_values_and_the_target():
    chart = svg.trend([None, 10.0, 20.0], 15.0, title="Évolution", chart_id="t")
    assert ('<polyline fill="none" stroke="#000091" stroke-width="2" '
            'points="80.0,24.0 150.0,6.0"/>') in chart
    assert '<line x1="10" y1="15.0" x2="150" y2="15.0"' in chart
    assert chart.count("<circle") == 2


def test_the_director_enters_a_value_and_the_staff_read_it(plan):
    world, _visits, _share, wait = plan
    url = reverse("dashboards:quality", kwargs={"cite_slug": world.cite.slug})
    director = client_for(world, Role.DIRECTOR)
    refused = director.post(url, {"indicator": wait.pk, "value": "six"})
    assert refused.status_code == 200  # the form again, with what was typed
    page = refused.content.decode()
    assert "La valeur «\u00a0six\u00a0» n&#x27;est pas un nombre (exemple\u00a0: 12,5)." in page
    assert 'value="six"' in page
    response = director.post(url, {"indicator": wait.pk, "value": "6,5"})
    assert response.status_code == 302
    this_month = period_of("month", timezone.localdate()).start
    with scope(cite=world.cite):
        assert list(IndicatorValue.objects.filter(indicator=wait, period_start=this_month)
                    .values_list("value", flat=True)) == [Decimal("6.50")]
    staff = client_for(world, Role.STAFF).get(url).content.decode()
    row = staff.split(f'data-indicator="{wait.pk}"')[1].split("</tr>")[0]
    assert '<td class="num">6,5</td>' in row and "atteinte" in row
    assert 'name="value"' not in staff  # the staff read, the project team writes
    assert client_for(world, Role.STAFF).post(url, {"indicator": wait.pk,
                                                    "value": "1"}).status_code == 403
    # A computed indicator takes no typed value.
    computed = director.post(url, {"indicator": plan[1].pk, "value": "3"})
    assert "Choisissez un indicateur saisi" in computed.content.decode()



Y = timezone.localdate().year  # the trend of the page ends with the current year


@pytest.fixture
def opened_late(world):
    """The Valombre case: the Cité opened on 21 November last year; 2,717 visits in its 41 days
    of that year, 24,892 this year; the comité de pilotage's target is 20,000 a year."""
    cite = world.cite
    cite.opened_on = date(Y - 1, 11, 21)
    cite.save(update_fields=["opened_on"])
    with scope(cite=cite):
        site = Site.objects.create(cite=cite, name="Site principal", kind="main")
        for day, n in ((date(Y - 1, 11, 21), 2717), (date(Y, 1, 2), 24892)):
            many_visits(cite, site, day, n)
        QualityIndicator.objects.create(
            cite=cite, name="Passages", definition="Tous les passages.", computed="visits",
            target=Decimal(20000), position=1)
        QualityIndicator.objects.create(
            cite=cite, name="Délai d'attente", definition="En jours.", target=Decimal(7),
            higher_is_better=False, position=2)
    return world


def test_years_before_the_opening_are_not_zeros_and_the_first_year_gets_no_verdict(
        opened_late):
    world = opened_late
    with scope(cite=world.cite):
        _heading, table = indicator_blocks(world.cite, period_of("year", date(Y - 1, 1, 1)))
        assert table.rows == (
            ("Passages", f"{Y - 1}", "2\u202f717", "≥\u00a020\u202f000",
             f"année incomplète (ouverture le 21/11/{Y - 1})",
             f"{Y - 3}–{Y - 2} : Cité non ouverte · {Y - 1} : 2\u202f717 (année incomplète)"),
            ("Délai d'attente", f"{Y - 1}", "—", "≤\u00a07", "—",
             f"{Y - 3}–{Y - 2} : Cité non ouverte · {Y - 1} : —"),
        )
        row = quality.indicator_rows(world.cite, date(Y - 1, 12, 31), protected=True)[0]
        assert (row.met, [p.value for p in row.points]) == (None, [None, None, 2717.0])
        # The next year is a whole one: judged, and its trend says why the first one is low.
        _heading, table = indicator_blocks(world.cite, period_of("year", date(Y, 1, 1)))
        assert table.rows[0] == (
            "Passages", f"{Y}", "24\u202f892", "≥\u00a020\u202f000", "atteinte",
            f"{Y - 2} : Cité non ouverte · {Y - 1} : 2\u202f717 (année incomplète) · "
            f"{Y} : 24\u202f892")
    with translation.override("en"), scope(cite=world.cite):
        _heading, table = indicator_blocks(world.cite, period_of("year", date(Y - 1, 1, 1)))
        assert table.headers == ("Indicator", "Period", "Value", "Target", "Status", "Trend")
        assert table.rows[0][2:] == (
            "2,717", "≥\u00a020,000", f"incomplete year (opened on 21/11/{Y - 1})",
            f"{Y - 3}–{Y - 2}: Cité not open · {Y - 1}: 2,717 (incomplete year)")


def test_the_quality_page_says_what_the_report_says(opened_late):
    world = opened_late
    url = reverse("dashboards:quality", kwargs={"cite_slug": world.cite.slug})
    with scope(cite=world.cite):
        passages = QualityIndicator.objects.get(name="Passages")
    page = client_for(world, Role.DIRECTOR).get(url).content.decode()
    row = page.split(f'data-indicator="{passages.pk}"')[1].split("</tr>")[0]
    assert '<td class="num">≥&nbsp;20\u202f000' in row
    assert '<td class="num">24\u202f892</td>' in row
    assert '<td class="status-met">atteinte</td>' in row
    assert (f"<small>{Y - 2}\u00a0: Cité non ouverte · {Y - 1}\u00a0: 2\u202f717 (année "
            f"incomplète) · {Y}\u00a0: 24\u202f892</small>") in row
