"""Agenda arithmetic: does the sum of the items' durations exceed the meeting's planned length?"""


def overrun_minutes(planned_minutes: int, item_minutes: list[int]) -> int:
    """Minutes by which the items exceed the planned length; 0 when they fit."""
    return max(0, sum(item_minutes) - planned_minutes)


def moved(order: list[int], item_id: int, step: int) -> list[int]:
    """`order` (item ids, first to last) with `item_id` moved `step` places (−1 up, +1 down).

    A move past either end stops there, so pressing « Monter » on the first point changes nothing
    rather than failing: two people reordering at once both see a sensible result.
    """
    if item_id not in order:
        return list(order)
    result = [pk for pk in order if pk != item_id]
    index = min(max(order.index(item_id) + step, 0), len(result))
    result.insert(index, item_id)
    return result
