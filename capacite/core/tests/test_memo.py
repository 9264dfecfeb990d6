"""`read_once` keeps a source's result only inside `reading_once()`, per language and Cité."""

from django.utils import translation
from django_scopes import scope

from capacite.core.memo import read_once, reading_once

calls: list[tuple] = []


@read_once
def source(n: int, *, step: int = 1) -> list:
    calls.append((n, step, translation.get_language()))
    return [n + step]


def test_outside_reading_once_each_call_reads_again():
    calls.clear()
    assert source(1) == [2] and source(1) == [2]
    assert len(calls) == 2


def test_inside_each_source_is_read_once_per_arguments_language_and_cite():
    calls.clear()
    with reading_once():
        first = source(1)
        assert source(1) is first
        assert source(1, step=2) == [3]
        with reading_once():  # nested: the same store
            assert source(1) is first
        with translation.override("en"):
            assert source(1) == [2] and source(1) is not first
        with scope(cite=7):
            assert source(1) is not first
    assert calls == [(1, 1, "fr"), (1, 2, "fr"), (1, 1, "en"), (1, 1, "fr")]
    source(1)
    assert len(calls) == 5  # closed: nothing kept
