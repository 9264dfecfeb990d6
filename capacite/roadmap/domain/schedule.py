"""The one definition of done, late, due and next for a roadmap task.

Every page and document that says a task is late, due or next asks these functions: the
project home, the roadmap, the task page, the rétro-planning, the sponsor's page and the label
dossiers (issue 17: the home listed ten late tasks where the roadmap marked two). They read plain
attributes (`status`, `due_date`, `kind`, `phase`, `position`, `depends_on`) so a `Task` or a
test's dataclass will do.

- **done**: its status is « Fait ». Nothing else makes a task done (a decision marks its task
  done through `governance`, which writes the status; see `decisions.md`). The day it was done
  is its `done_on` (kept by `Task.save`); **done late** when that day is after its due date.
- **late**: not done, and its due date (échéance) is before today.
- **due**: not done, with a due date today or later; the soonest is the next deadline.
- **slipping**: not done, not late, but the rétro-planning's latest start is already past: it
  should have started to keep the target date. Shown as « début au plus tard dépassé », never
  as « en retard », so the two words never disagree.
- **next**: not done and not late, in the current or next phase; those whose dependencies are
  all done come first (ready to start), then those waiting on one, soonest due date first. So
  « À faire ensuite » is empty only when every task is done or late.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

DONE = "done"
PHASE_ORDER = ("emergence", "construction", "implementation", "operation")


class TaskLike(Protocol):
    status: str
    due_date: date | None


def is_done(task: TaskLike) -> bool:
    return task.status == DONE


def done_on(task: TaskLike) -> date | None:
    """The day a done task was done; None while it is not done."""
    return getattr(task, "done_on", None) if is_done(task) else None


def is_done_late(task: TaskLike) -> bool:
    """Done, on a day after its due date."""
    day = done_on(task)
    return day is not None and task.due_date is not None and day > task.due_date


def is_late(task: TaskLike, *, today: date) -> bool:
    """Not done and its due date is before today."""
    return not is_done(task) and task.due_date is not None and task.due_date < today


def is_due(task: TaskLike, *, today: date) -> bool:
    """Not done and due today or later."""
    return not is_done(task) and task.due_date is not None and task.due_date >= today


def late_tasks(tasks: Iterable[Any], *, today: date) -> list:
    """The late tasks, the longest overdue first (the home's and the roadmap's list)."""
    return sorted((t for t in tasks if is_late(t, today=today)),
                  key=lambda t: (t.due_date, getattr(t, "position", 0)))


def due_tasks(tasks: Iterable[Any], *, today: date) -> list:
    """The tasks still on time with a due date, soonest first."""
    return sorted((t for t in tasks if is_due(t, today=today)),
                  key=lambda t: (t.due_date, getattr(t, "position", 0)))


def pending_dependencies(task: Any) -> list:
    """The dependencies of `task` that are not done (loaded `depends_on`)."""
    return [d for d in task.depends_on.all() if not is_done(d)]


def next_tasks(tasks: Sequence[Any], *, today: date, phase: str, limit: int = 5) -> list:
    """What to do next: open, not late tasks of the current or next phase, ready ones first."""
    current = PHASE_ORDER.index(phase) if phase in PHASE_ORDER else 0
    candidates = [
        t for t in tasks
        if not is_done(t) and not is_late(t, today=today)
        and PHASE_ORDER.index(t.phase) <= current + 1
    ]

    def key(t):
        return (bool(pending_dependencies(t)), t.due_date or date.max,
                PHASE_ORDER.index(t.phase), t.position)

    return sorted(candidates, key=key)[:limit]


def next_validation(tasks: Iterable[Any], *, today: date):
    """The soonest validation moment still due (None without one)."""
    return next((t for t in due_tasks(tasks, today=today) if t.kind == "validation"), None)


def next_deadline(tasks: Iterable[Any], *, today: date, besides: Iterable[Any] = ()):
    """The soonest due task other than those already shown (`besides`), or None."""
    shown = {getattr(t, "pk", id(t)) for t in besides if t is not None}
    return next((t for t in due_tasks(tasks, today=today)
                 if getattr(t, "pk", id(t)) not in shown), None)


def state_of(task: TaskLike, *, today: date, start_is_past: bool = False) -> str:
    """One word for a task's state: done, late, slipping, due or open."""
    if is_done(task):
        return "done"
    if is_late(task, today=today):
        return "late"
    if start_is_past:
        return "slipping"
    return "due" if task.due_date is not None else "open"


# The words each state is written with, in French, for documents (the dossiers); the screens
# translate the same words in their templates.
STATE_WORDS = {"done": "faite", "late": "en retard", "slipping": "début au plus tard dépassé",
               "due": "à venir", "open": "à venir"}
