"""Agenda arithmetic: does the sum of the items' durations exceed the meeting's planned length?"""


def overrun_minutes(planned_minutes: int, item_minutes: list[int]) -> int:
    """Minutes by which the items exceed the planned length; 0 when they fit."""
    return max(0, sum(item_minutes) - planned_minutes)
