"""Demo planning data."""


def build_planning_demo(*, cite, today) -> None:
    pass
