"""The one definition of done, late, due and next (`roadmap.domain.schedule`), on plain data."""

from dataclasses import dataclass, field
from datetime import date

from capacite.roadmap.domain import schedule

TODAY = date(2026, 12, 6)


@dataclass
class Deps:
    items: list = field(default_factory=list)

    def all(self):
        return self.items


@dataclass
class T:
    pk: int
    status: str = "todo"
    due_date: date | None = None
    kind: str = "task"
    phase: str = "construction"
    position: int = 0
    depends_on: Deps = field(default_factory=Deps)


def test_late_means_open_with_a_due_date_before_today_and_nothing_else():
    tasks = [T(1, due_date=date(2026, 12, 5)), T(2, "done", date(2026, 1, 1)),
             T(3, due_date=TODAY), T(4), T(5, "in_progress", date(2026, 11, 1))]
    assert [t.pk for t in schedule.late_tasks(tasks, today=TODAY)] == [5, 1]
    assert [t.pk for t in schedule.due_tasks(tasks, today=TODAY)] == [3]


def test_a_slipping_task_is_never_called_late():
    on_time = T(1, due_date=date(2027, 1, 10))
    assert schedule.state_of(on_time, today=TODAY, start_is_past=True) == "slipping"
    assert schedule.STATE_WORDS["slipping"] == "début au plus tard dépassé"
    overdue = T(2, due_date=date(2026, 12, 1))
    assert schedule.state_of(overdue, today=TODAY, start_is_past=True) == "late"


def test_next_lists_ready_tasks_first_then_those_waiting_and_never_late_ones():
    first = T(1, due_date=date(2026, 11, 1))  # late
    waiting = T(2, due_date=date(2026, 12, 20), depends_on=Deps([first]), position=2)
    ready = T(3, position=3)
    later_phase = T(4, phase="operation", position=4)
    done = T(5, "done", position=5)
    got = schedule.next_tasks([first, waiting, ready, later_phase, done], today=TODAY,
                              phase="construction")
    assert [t.pk for t in got] == [3, 2]


def test_the_next_deadline_is_not_the_validation_already_shown():
    validation = T(1, due_date=date(2026, 12, 10), kind="validation")
    other = T(2, due_date=date(2026, 12, 12))
    tasks = [validation, other]
    shown = schedule.next_validation(tasks, today=TODAY)
    assert shown is validation
    assert schedule.next_deadline(tasks, today=TODAY, besides=[shown]) is other
