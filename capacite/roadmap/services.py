"""Roadmap operations on the database: create a Cité's roadmap, compute its plan and summary.

Call them inside the Cité's scope (a request's, or `django_scopes.scope(cite=...)`).
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Prefetch
from django_scopes import scope
from simple_history.utils import bulk_create_with_history

from capacite.core.models import Cite, Membership, Phase
from capacite.roadmap.domain import schedule
from capacite.roadmap.domain.backplan import CycleError, PlanItem, PlannedTask, backplan
from capacite.roadmap.domain.graph import find_cycle
from capacite.roadmap.domain.method import Method, load_method
from capacite.roadmap.models import BackplanTarget, Task, VigilancePoint
from capacite.roadmap.vigilance import point_states


class RoadmapLoopError(ValueError):
    """Adding the method's tasks would make this Cité's dependencies loop."""

    def __init__(self, loop: list[str]):
        self.loop = loop
        super().__init__(
            "Les dépendances de la méthode, ajoutées à celles de la Cité, tourneraient en rond : "
            + " → ".join(loop)
        )


def create_roadmap(*, cite: Cite, method: Method | None = None) -> int:
    """Give `cite` the method's tasks and vigilance points; return how many tasks were added.

    Idempotent: tasks and points whose key the Cité already has are left as they are, so it can
    run again after the method file gained new tasks.
    """
    method = method or load_method()
    owners = {}
    for membership in Membership.objects.filter(cite=cite).order_by("pk"):
        owners.setdefault(membership.role, membership.user)
    with scope(cite=cite), transaction.atomic():
        existing = {t.key: t for t in Task.objects.filter(cite=cite)}
        added = [
            Task(
                cite=cite, key=mt.key, position=index, phase=mt.phase, volet=mt.volet,
                kind=mt.kind, title=mt.title, description=mt.description,
                guide_section=mt.guide_section, duration_days=mt.duration_days,
                is_target=mt.target, owner=owners.get(mt.owner_role),
            )
            for index, mt in enumerate(method.tasks)
            if mt.key not in existing
        ]
        Task.objects.bulk_create(added)
        by_key = {t.key: t for t in Task.objects.filter(cite=cite)}
        through = Task.depends_on.through
        through.objects.bulk_create(
            [
                through(from_task_id=by_key[mt.key].pk, to_task_id=by_key[dep].pk)
                for mt in method.tasks
                for dep in mt.depends_on
                if mt.key not in existing or dep not in existing  # a link touching a new task
            ]
        )
        graph: dict[str, list[str]] = {}
        for task_key, dep_key in through.objects.filter(from_task__cite=cite).values_list(
            "from_task__key", "to_task__key"
        ):
            graph.setdefault(task_key, []).append(dep_key)
        if loop := find_cycle(graph):
            raise RoadmapLoopError(loop)  # rolls the whole addition back
        _record_creation(added)
        known_points = set(
            VigilancePoint.objects.filter(cite=cite).values_list("key", flat=True)
        )
        bulk_create_with_history(
            [
                VigilancePoint(
                    cite=cite, key=p.key, position=index, phase=p.phase, title=p.title,
                    description=p.description, guide_section=p.guide_section,
                )
                for index, p in enumerate(method.vigilance_points)
                if p.key not in known_points
            ],
            VigilancePoint,
        )
    return len(added)


def _record_creation(tasks: list[Task]) -> None:
    """Start each new task's history with its dependencies, as if created one by one.

    Bulk inserts send no signals, so the creation records and their snapshot of `depends_on` are
    written here; otherwise the first edit would show every dependency as newly added.
    """
    records = Task.history.bulk_history_create(tasks)
    snapshot = Task.history.model.depends_on.model
    links = Task.depends_on.through.objects.filter(from_task__in=tasks)
    by_task = {record.id: record for record in records}
    snapshot.objects.bulk_create(
        [
            snapshot(history=by_task[link.from_task_id], id=link.pk, from_task_id=link.from_task_id,
                     to_task_id=link.to_task_id)
            for link in links
        ]
    )


def tasks_with_dependencies():
    """All tasks of the current Cité with their dependencies loaded in one extra query."""
    return Task.objects.select_related("owner").prefetch_related(
        Prefetch("depends_on", queryset=Task.objects.only("pk", "key", "status", "title"))
    )


@dataclass(frozen=True)
class PlanRow:
    task: Task
    planned: PlannedTask


@dataclass(frozen=True)
class Plan:
    """The rétro-planning toward the Cité's target; `loop` names tasks whose dependencies loop."""

    target: BackplanTarget | None
    rows: list[PlanRow]
    loop: list[str] | None = None


def current_plan(*, today: date) -> Plan:
    """The rétro-planning of the current Cité toward its target (no rows without a target)."""
    target = BackplanTarget.objects.select_related("task").first()
    if target is None:
        return Plan(None, [])
    tasks = {t.key: t for t in tasks_with_dependencies()}
    items = [
        PlanItem(
            key=t.key, duration_days=t.duration_days,
            depends_on=tuple(d.key for d in t.depends_on.all()), done=t.is_done,
        )
        for t in tasks.values()
    ]
    try:
        planned = backplan(items, target_key=target.task.key, target_date=target.date,
                           today=today)
    except CycleError as loop:
        return Plan(target, [], [tasks[key].get_title_display() for key in loop.cycle])
    return Plan(target, [PlanRow(tasks[p.key], p) for p in planned])


@dataclass(frozen=True)
class HomeSummary:
    phase: str
    progress: list[dict]
    late: list[Task]
    start_past: list[PlanRow]
    next_tasks: list[Task]
    open_points: list[VigilancePoint]
    next_validation: Task | None
    next_deadline: Task | None  # the soonest due task other than the next validation
    plan: Plan


def home_summary(*, cite: Cite, today: date) -> HomeSummary:
    """What the Cité's home answers at a glance: phase, late and next tasks, risks, next dates.

    Late, due and next are `roadmap.domain.schedule`'s, the roadmap page's own definition.
    """
    tasks = list(tasks_with_dependencies())
    phases = [p.value for p in Phase]
    current_index = phases.index(cite.phase)
    progress = []
    for phase in Phase:
        in_phase = [t for t in tasks if t.phase == phase]
        progress.append({
            "phase": phase.label, "current": phase == cite.phase,
            "done": sum(t.is_done for t in in_phase), "total": len(in_phase),
        })
    late = schedule.late_tasks(tasks, today=today)
    plan = current_plan(today=today)
    start_past = [row for row in plan.rows
                  if schedule.state_of(row.task, today=today,
                                       start_is_past=row.planned.start_is_past) == "slipping"]
    validation = schedule.next_validation(tasks, today=today)
    shown = [validation, plan.target.task if plan.target else None]
    points = [s.point for s in point_states(
        cite=cite, today=today,
        points=VigilancePoint.objects.filter(phase__in=phases[: current_index + 1])
        .order_by("position", "pk")) if s.open]
    return HomeSummary(
        phase=Phase(cite.phase).label, progress=progress, late=late, start_past=start_past,
        next_tasks=schedule.next_tasks(tasks, today=today, phase=cite.phase),
        open_points=points[:5], next_validation=validation,
        next_deadline=schedule.next_deadline(tasks, today=today, besides=shown), plan=plan,
    )


def backplan_chart(plan: Plan, *, today: date) -> str:
    """The rétro-planning's Gantt as inline SVG ("" without rows), its tasks grouped by phase,
    each done task with the day it was done (`schedule.done_on`, red when `is_done_late`): the
    page and the label dossiers draw the same chart from this one function."""
    from django.utils.dates import MONTHS_AP
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from capacite.lib.charts import GanttRow, gantt_svg

    if not plan.rows or plan.target is None:
        return ""
    order = {phase.value: index for index, phase in enumerate(Phase)}
    rows = sorted(plan.rows, key=lambda row: order.get(row.task.phase, len(order)))
    first = min(row.planned.latest_start for row in rows)
    return gantt_svg(
        [
            GanttRow(
                label=row.task.get_title_display(),
                start=row.planned.latest_start,
                end=row.planned.latest_finish,
                state=_chart_state(row, today),
                group=Phase(row.task.phase).label,
                done_on=schedule.done_on(row.task),
                done_late=schedule.is_done_late(row.task),
                due=row.task.due_date,
            )
            for row in rows
        ],
        today=today,
        target_date=plan.target.date,
        title=_("Rétro-planning vers « %(target)s » le %(date)s")
        % {"target": plan.target.task.get_title_display(),
           "date": plan.target.date.strftime("%d/%m/%Y")},
        description=ngettext(
            "%(count)s tâche rangée par phase, du %(first)s au %(target)s ; le tableau qui suit "
            "donne ses dates.",
            "%(count)s tâches rangées par phase, du %(first)s au %(target)s ; le tableau qui "
            "suit donne les dates de chacune.", len(rows))
        % {"count": len(rows), "first": first.strftime("%d/%m/%Y"),
           "target": plan.target.date.strftime("%d/%m/%Y")},
        today_label=_("aujourd'hui"),
        target_label=_("date visée"),
        months=tuple(str(MONTHS_AP[number]) for number in range(1, 13)),  # « jan. », « Jan. »
        words={
            "planned": _("à venir"),
            "late": _("en retard ou début au plus tard dépassé"),
            "window": _("dates prévues d'une tâche faite"),
            "done": _("faite le"),
            "done_late": _("faite en retard le"),
            "due": _("échéance"),
            "legend_done": _("jour où elle a été faite"),
            "legend_done_late": _("faite après son échéance"),
        },
    )


def _chart_state(row: PlanRow, today: date) -> str:
    """The Gantt's colour from the one definition: late and slipping both show red."""
    state = schedule.state_of(row.task, today=today, start_is_past=row.planned.start_is_past)
    return {"done": "done", "late": "late", "slipping": "late"}.get(state, "planned")
