"""Days and moments as people read them (`capacite.lib.days`)."""

from datetime import datetime

from django.utils import translation

from capacite.lib.days import WEEKDAY_NAMES, day_and_time


def test_a_moment_reads_with_a_at_in_english_and_a_a_in_french():
    moment = datetime(2026, 4, 3, 10, 5)
    assert day_and_time(moment) == "03/04/2026 à 10:05"
    with translation.override("en"):
        assert day_and_time(moment) == "03/04/2026 at 10:05"


def test_the_days_follow_the_readers_language():
    assert [str(day) for day in WEEKDAY_NAMES[:2]] == ["lundi", "mardi"]
    with translation.override("en"):
        assert [str(day) for day in WEEKDAY_NAMES[:2]] == ["Monday", "Tuesday"]
