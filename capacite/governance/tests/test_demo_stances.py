"""The demo tells one story of positions: the séances of the eight committees, the organisation
pages and the position chart all follow the shared trajectory (partners/demo_stances.py)."""

import re
from collections import Counter
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_scopes import scope

from capacite.core.demo import build_demo
from capacite.core.models import Cite
from capacite.governance.models import Meeting
from capacite.governance.positions import positions_at
from capacite.lib.days import is_working_day
from capacite.partners import services
from capacite.partners.demo_stances import (
    MEETING_DAYS_AGO,
    TRAJECTORY,
    individual_day,
    meeting_day,
    stance_at,
)
from capacite.partners.models import Organisation, Position

pytestmark = pytest.mark.django_db
TODAY = date(2027, 6, 15)


@pytest.fixture
def rivemont():
    build_demo(password="demo", today=TODAY)
    return Cite.objects.get(slug="rivemont")


def test_every_seance_records_the_trajectorys_position_of_each_organisation(rivemont):
    with scope(cite=rivemont):
        past = list(Meeting.objects.filter(starts_at__date__lt=TODAY).order_by("starts_at"))
        # On the trajectory's days, moved back to a working day (issue 17: no committee on a
        # Sunday or a public holiday).
        assert [timezone.localtime(m.starts_at).date() for m in past] == [
            meeting_day(TODAY, step) for step in range(1, len(MEETING_DAYS_AGO) + 1)]
        assert all(is_working_day(timezone.localtime(m.starts_at).date()) for m in past)
        recorded = 0
        for step, meeting in enumerate(past, start=1):
            for organisation_id, position in positions_at(meeting).items():
                name = Organisation.objects.get(pk=organisation_id).name
                assert (position.stance, position.reason) == stance_at(name, step), (
                    name, step)
                recorded += 1
        assert recorded >= 40


def test_each_organisation_page_shows_the_trajectorys_last_position(rivemont):
    client = Client()
    client.force_login(get_user_model().objects.get(username="porteur"))
    with scope(cite=rivemont):
        for organisation in Organisation.objects.all():
            latest = Position.objects.filter(organisation=organisation).order_by(
                "-assessed_on", "-assessed_at", "-pk").first()
            final = stance_at(organisation.name, len(MEETING_DAYS_AGO))
            assert (latest.stance if latest else None) == (final[0] if final else None), (
                organisation.name)
        france_travail = Organisation.objects.get(name="France Travail — agence de Rivemont")
    page = " ".join(client.get(
        f"/c/rivemont/partenaires/{france_travail.pk}/").content.decode().split())
    assert re.search(r'Position actuelle</dt> ?<dd><span class="[^"]*">Allié</span>', page)
    assert "Accord de la direction régionale pour un conseiller à mi-temps." in page
    assert "Comité de pilotage du" in page  # its séance positions are on its page too


def test_the_position_chart_counts_what_the_trajectory_says_month_by_month(rivemont):
    with scope(cite=rivemont):
        counts = services.stance_history(today=TODAY)
    for count in counts:
        expected: Counter = Counter()
        for entries in TRAJECTORY.values():
            known = [stance for step, stance, _reason in entries
                     if individual_day(TODAY, step) <= count.on]
            if known:
                expected[known[-1]] += 1
        assert (count.ally, count.hesitant, count.refusal) == (
            expected["ally"], expected["hesitant"], expected["refusal"]), count.on
    assert (counts[-1].ally, counts[-1].hesitant, counts[-1].refusal) == (15, 4, 1)


def test_building_the_demo_again_adds_no_position(rivemont):
    with scope(cite=rivemont):
        before = Position.objects.count()
    build_demo(password="demo", today=TODAY)
    with scope(cite=rivemont):
        assert Position.objects.count() == before
