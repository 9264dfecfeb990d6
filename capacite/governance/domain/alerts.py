"""Governance alerts computed from plain data: missing first-circle seats, repeated absences."""

from collections.abc import Iterable, Sequence

ABSENT_STATUSES = frozenset({"absent", "excused"})


def missing_categories(required: Sequence[str], present: Iterable[str]) -> list[str]:
    """The required categories (in their order) that no present member covers."""
    seen = set(present)
    return [category for category in required if category not in seen]


def trailing_absences(statuses: Sequence[str | None]) -> int:
    """How many of the latest meetings in a row a member missed (absent or excused).

    `statuses` runs oldest to newest, one per meeting of the body held since the member sat on
    it; None (attendance not recorded) neither counts nor breaks the run.
    """
    run = 0
    for status in reversed(statuses):
        if status is None:
            continue
        if status not in ABSENT_STATUSES:
            break
        run += 1
    return run
