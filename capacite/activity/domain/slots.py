"""Half-hour slots: the finest time a visit ever carries."""

from datetime import time

SLOT_MINUTES = 30


def slot_of(moment: time) -> int:
    """The slot a clock time falls in: 0 for 00:00-00:29, 19 for 09:30-09:59."""
    return (moment.hour * 60 + moment.minute) // SLOT_MINUTES


def slot_label(slot: int | None) -> str:
    """« 9 h 30 – 10 h 00 » for slot 19; an empty string when only the day is known."""
    if slot is None:
        return ""
    start = slot * SLOT_MINUTES
    end = start + SLOT_MINUTES
    return (f"{start // 60} h {start % 60:02d} – {end // 60 % 24} h {end % 60:02d}")
