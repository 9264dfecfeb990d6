"""Dashboard figures on a small data set whose counts are known: each cell exact, small groups
masked for readers outside the staff and in exports, and none recoverable from the totals."""

import uuid
from datetime import date

import pytest
from django.urls import reverse
from django_scopes import scope

from capacite.activity.models import Visit
from capacite.core.models import Role
from capacite.dashboards import figures
from capacite.dashboards.domain.periods import period_of, year_before
from capacite.offer.models import Pole, Site
from capacite.partners.models import Public
from capacite.testing import client_for


def add(cite, site, day, n, *, kind="reception", public=None, poles=()):
    """`n` visits on `day`, spread over the half-hours from 10:00 to 11:59 in turn."""
    for i in range(n):
        visit = Visit.objects.create(cite=cite, site=site, day=day, slot=20 + i % 4, kind=kind,
                                     public=public, source="import", client_id=uuid.uuid4())
        visit.poles.set(poles)


@pytest.fixture
def known(world):
    """November 2026: 30 reception visits of young people and 4 interviews of adults at the
    main site; 12 more at the annexe. November 2025: 20 visits."""
    cite = world.cite
    with scope(cite=cite):
        main = Site.objects.create(cite=cite, name="Site principal", kind="main")
        annexe = Site.objects.create(cite=cite, name="Antenne", kind="annex")
        job = Pole.objects.create(cite=cite, name="Trouver un emploi", position=1)
        # A new Cité starts with the guide's publics; the test keeps two of them.
        Public.objects.filter(cite=cite).delete()
        young = Public.objects.create(cite=cite, key="jeunes", label="Jeunes", position=1)
        adults = Public.objects.create(cite=cite, key="adultes", label="Adultes", position=2)
        add(cite, main, date(2026, 11, 3), 30, public=young, poles=[job])  # a Tuesday
        add(cite, main, date(2026, 11, 5), 4, kind="interview", public=adults, poles=[job])
        add(cite, annexe, date(2026, 11, 6), 12, public=young)
        add(cite, main, date(2025, 11, 4), 20, public=young)
    return {"cite": cite}


def rows(table):
    return [(r.label, *[c.text for c in r.counts]) for r in table.rows] + (
        [(table.total.label, *[c.text for c in table.total.counts])] if table.total else [])


def test_the_staff_read_every_count_against_the_year_before(known):
    november = period_of("month", date(2026, 11, 17))
    assert year_before(november) == period_of("month", date(2025, 11, 1))
    with scope(cite=known["cite"]):
        by_site = figures.breakdown(known["cite"], november, "site", protected=False)
        by_kind = figures.breakdown(known["cite"], november, "kind", protected=False)
        by_public = figures.breakdown(known["cite"], november, "public", protected=False)
    assert by_site.columns == ("novembre 2026", "novembre 2025")
    assert rows(by_site) == [("Antenne", "12", "0"), ("Site principal", "34", "20"),
                             ("Total", "46", "20")]
    assert rows(by_kind)[:2] == [("Accueil et orientation", "42", "20"),
                                 ("Entretien conseil", "4", "0")]
    assert rows(by_public) == [("Jeunes", "42", "20"), ("Adultes", "4", "0"),
                               ("Non renseigné", "0", "0"), ("Total", "46", "20")]


def test_outside_the_staff_small_counts_are_masked_and_cannot_be_subtracted(known):
    november = period_of("month", date(2026, 11, 1))
    with scope(cite=known["cite"]):
        by_public = figures.breakdown(known["cite"], november, "public", protected=True)
    # 4 adults: masked; alone it would be 46 − 42, so the 42 is masked too; zero stays zero.
    assert rows(by_public) == [("Jeunes", "s", "20"), ("Adultes", "< 11", "0"),
                               ("Non renseigné", "0", "0"), ("Total", "46", "20")]


def test_the_heat_map_is_protected_for_everybody(known):
    november = period_of("month", date(2026, 11, 1))
    with scope(cite=known["cite"]):
        days, hours, cells, hidden = figures.heat_map(known["cite"], november)
    assert days == ["mar.", "jeu.", "ven."]
    assert hours == ["10 h", "11 h"]
    # Tuesday: 30 visits over 10:00-11:59 (16 + 14); Thursday 4 (2 + 2); Friday 12 (6 + 6).
    # Every Thursday and Friday cell is small; with four of them hidden, the columns' totals
    # (24 and 22) leave Thursday's cells anywhere from 1 to 3: no secondary mask is needed.
    assert [[c.text for c in row] for row in cells] == [["16", "14"], ["< 11", "< 11"],
                                                         ["< 11", "< 11"]]
    assert hidden is True


def test_an_export_is_protected_even_for_the_director(world, known):
    client = client_for(world, Role.DIRECTOR)
    url = reverse("dashboards:export_csv", args=[world.cite.slug])
    text = client.get(url + "?tableau=by_public&periode=mois&date=2026-11-01").content.decode(
        "utf-8-sig")
    lines = [line for line in text.splitlines() if line]
    assert lines[1:] == ["Jeunes;s;20", "Adultes;< 11;0", "Non renseigné;0;0", "Total;46;20"]


def test_the_page_shows_raw_counts_to_the_director_and_masked_ones_to_a_partner(world, known):
    url = reverse("dashboards:dashboard", args=[world.cite.slug]) + "?periode=mois&date=2026-11-01"
    director = client_for(world, Role.DIRECTOR).get(url).content.decode()
    partner = client_for(world, Role.PARTNER).get(url).content.decode()
    adults = '<th scope="row">Adultes</th><td class="num">4</td>'
    assert adults in director
    assert '<th scope="row">Adultes</th><td class="num masked">&lt; 11</td>' in partner
    assert adults not in partner


def test_a_first_year_is_compared_with_nothing_and_says_so(world, known):
    """Opened on 2 November 2026 (its visits of November 2025 were never counted: none here):
    November 2026 has no year before — no « contre 0 », no empty column, the page says why."""
    cite = known["cite"]
    november = period_of("month", date(2026, 11, 1))
    with scope(cite=cite):
        Visit.objects.filter(day__lt=date(2026, 1, 1)).delete()
        cite.opened_on = date(2026, 11, 2)
        cite.save(update_fields=["opened_on"])
        compare = figures.comparison(cite, november)
        board = figures.dashboard(cite, november, protected=False)
    assert (compare.available, compare.first_year, compare.opened_during) == (False, True, None)
    assert compare.versus("0") == ("première année d'ouverture : pas de comparaison avec la "
                                   "même période un an plus tôt")
    by_site = board.table("by_site")
    assert by_site.columns == ("novembre 2026",)
    assert rows(by_site) == [("Antenne", "12"), ("Site principal", "34"), ("Total", "46")]
    assert rows(board.table("over_time"))[-1] == ("Total", "46")
    url = reverse("dashboards:dashboard", args=[cite.slug]) + "?periode=mois&date=2026-11-01"
    page = client_for(world, Role.DIRECTOR).get(url).content.decode()
    assert ("<p>Première année d&#x27;ouverture\u00a0: pas de comparaison avec la même période un "
            "an plus tôt.") in page
    assert "novembre 2025" not in page
    export = client_for(world, Role.DIRECTOR).get(
        reverse("dashboards:export_csv", args=[cite.slug])
        + "?tableau=by_site&periode=mois&date=2026-11-01").content.decode("utf-8-sig")
    assert [line for line in export.splitlines() if line] == [
        "Site;novembre 2026", "Antenne;12", "Site principal;34", "Total;46"]


def test_without_an_opening_date_nothing_counted_a_year_before_is_no_comparison(known):
    cite = known["cite"]
    with scope(cite=cite):
        Visit.objects.filter(day__lt=date(2026, 1, 1)).delete()
        compare = figures.comparison(cite, period_of("year", date(2026, 5, 1)))
    assert cite.opened_on is None
    assert (compare.available, compare.first_year) == (False, False)
    assert compare.versus("0") == ("aucun passage compté sur la même période un an plus tôt : "
                                   "pas de comparaison")
    assert compare.page_note() == ("Aucun passage compté sur la même période un an plus tôt "
                                   "(2025) : pas de comparaison.")


def test_a_year_before_partly_open_is_compared_and_names_the_opening_day(known):
    """Opened on 3 November 2025 with 20 visits the next day: November 2026 is set against them,
    and the text says the year before was open from the 3rd only."""
    cite = known["cite"]
    november = period_of("month", date(2026, 11, 1))
    with scope(cite=cite):
        cite.opened_on = date(2025, 11, 3)
        cite.save(update_fields=["opened_on"])
        compare = figures.comparison(cite, november)
        by_site = figures.breakdown(cite, november, "site", protected=False)
    assert (compare.available, compare.opened_during) == (True, date(2025, 11, 3))
    assert compare.versus("20") == ("contre 20 sur la même période un an plus tôt (la Cité a "
                                    "ouvert le 3 novembre 2025)")
    assert compare.page_note() == ("Chaque tableau met la période en regard de la même période "
                                   "un an plus tôt (novembre 2025). La Cité a ouvert le "
                                   "3 novembre 2025.")
    assert rows(by_site)[-1] == ("Total", "46", "20")
