"""Shifts as runs of consecutive worked slots, shared by the greedy baseline and `explain`."""

from collections.abc import Iterable

from capacite.staffing.domain.instance import Instance


def shifts(instance: Instance, worked: Iterable[int]) -> list[list[int]]:
    """Runs of consecutive slot indexes (same day, no gap), in time order."""
    runs: list[list[int]] = []
    for index in sorted(worked):
        if runs and instance.previous[index] == runs[-1][-1]:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def day_fits(instance: Instance, worked: set[int], day: int) -> bool:
    """Whether one person's worked slots on `day` respect the shift-length and count rules."""
    slot = instance.slot_minutes
    rules = instance.rules
    runs = shifts(instance, (i for i in worked if instance.slots[i][0] == day))
    return len(runs) <= rules.max_shifts_per_day and all(
        rules.min_shift_minutes <= len(run) * slot <= rules.max_shift_minutes for run in runs)
