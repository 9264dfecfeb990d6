"""Roadmap pages: the task list by phase, a task, the rétro-planning and the vigilance points.

The middleware has already checked the permission matrix and opened the Cité's scope, so every
query here only sees the current Cité; another Cité's id gives a 404.
"""

import uuid
from itertools import groupby

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.models import Phase
from capacite.roadmap.domain import schedule
from capacite.roadmap.domain.method import method_phases
from capacite.roadmap.forms import (
    BackplanTargetForm,
    TaskForm,
    TeamVigilancePointForm,
    VigilancePointForm,
)
from capacite.roadmap.models import BackplanTarget, Task, TaskStatus, VigilancePoint, Volet
from capacite.roadmap.services import backplan_chart, current_plan, tasks_with_dependencies
from capacite.roadmap.vigilance import TEAM_PREFIX, point_states, state_of


def roadmap(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every task of the method, by phase, filterable by status and volet."""
    tasks = tasks_with_dependencies()
    status = request.GET.get("etat", "")
    volet = request.GET.get("volet", "")
    if status in TaskStatus.values:
        tasks = tasks.filter(status=status)
    if volet in Volet.values:
        tasks = tasks.filter(volet=volet)
    if request.GET.get("mes") == "1":
        tasks = tasks.filter(owner=request.user)
    order = {p.value: i for i, p in enumerate(Phase)}
    ordered = sorted(tasks, key=lambda t: (order[t.phase], t.position))
    phases = method_phases()
    language = get_language()
    groups = [
        {"number": order[phase] + 1, "phase": phases[phase].in_language(language),
         "tasks": list(items)}
        for phase, items in groupby(ordered, key=lambda t: t.phase)
    ]
    return render(
        request,
        "roadmap/roadmap.html",
        {
            "groups": groups,
            "count": len(ordered),
            "late_ids": {t.pk for t in schedule.late_tasks(ordered, today=timezone.localdate())},
            "today": timezone.localdate(),
            "statuses": TaskStatus.choices,
            "volets": Volet.choices,
            "filters": {"etat": status, "volet": volet, "mes": request.GET.get("mes", "")},
        },
    )


def task_detail(request: HttpRequest, cite_slug: str, task_id: int) -> HttpResponse:
    task = get_object_or_404(tasks_with_dependencies(), pk=task_id)
    return render(
        request,
        "roadmap/task_detail.html",
        {
            "task": task,
            "required_by": task.required_by.all(),
            "changes": changes_of(task),
            "late": schedule.is_late(task, today=timezone.localdate()),
            "done_late": schedule.is_done_late(task),
        },
    )


def task_edit(request: HttpRequest, cite_slug: str, task_id: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=task_id)
    form = TaskForm(request.POST or None, request.FILES or None, instance=task)
    # Locking the Cité makes the dependency-loop check and the save one request at a time.
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("La tâche « %(title)s » est enregistrée.") % {
            "title": task.get_title_display()})
        return redirect("roadmap:task_detail", cite_slug=cite_slug, task_id=task.pk)
    return render(request, "roadmap/task_edit.html", {"task": task, "form": form})


def task_evidence(request: HttpRequest, cite_slug: str, task_id: int) -> FileResponse:
    """The evidence file, only through this view: media files are never served directly."""
    task = get_object_or_404(Task, pk=task_id)
    if not task.evidence_file or not task.evidence_file.storage.exists(task.evidence_file.name):
        raise Http404
    return FileResponse(
        task.evidence_file.open("rb"),
        as_attachment=True,
        filename=task.evidence_filename or task.evidence_file.name.rsplit("/", 1)[-1],
    )


def backplan(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The rétro-planning toward the target date, as a Gantt and as a table."""
    target = BackplanTarget.objects.first() or BackplanTarget(cite=request.cite)
    form = BackplanTargetForm(request.POST or None, instance=target)
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("Le rétro-planning est recalculé."))
        return redirect("roadmap:backplan", cite_slug=cite_slug)
    today = timezone.localdate()
    plan = current_plan(today=today)
    saved_target, rows = plan.target, plan.rows
    chart = backplan_chart(plan, today=today)
    return render(
        request,
        "roadmap/backplan.html",
        {
            "form": form,
            "target": saved_target,
            "rows": rows,
            "loop": plan.loop,
            "chart": chart,
            "late_count": sum(r.planned.start_is_past for r in rows),
            "late_ids": {r.task.pk for r in rows if schedule.is_late(r.task, today=today)},
            "done_late_ids": {r.task.pk for r in rows if schedule.is_done_late(r.task)},
            "today": today,
        },
    )


def vigilance(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every point by phase: measured ones with the data's evidence, manual ones with the
    team's status, and the team's own points."""
    states = point_states(cite=request.cite, today=timezone.localdate())
    order = {p.value: i for i, p in enumerate(Phase)}
    ordered = sorted(states, key=lambda s: (order[s.point.phase], s.point.position, s.point.pk))
    groups = [
        {"phase": Phase(phase).label, "points": list(items)}
        for phase, items in groupby(ordered, key=lambda s: s.point.phase)
    ]
    return render(request, "roadmap/vigilance.html", {"groups": groups})


def vigilance_edit(request: HttpRequest, cite_slug: str, point_id: int) -> HttpResponse:
    point = get_object_or_404(VigilancePoint, pk=point_id)
    state = state_of(point, cite=request.cite, today=timezone.localdate())
    if state.by_team:
        form = TeamVigilancePointForm(request.POST or None, instance=point)
    else:
        form = VigilancePointForm(request.POST or None, instance=point, measured=state.measured)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le point de vigilance est enregistré."))
        return redirect("roadmap:vigilance", cite_slug=cite_slug)
    return render(
        request,
        "roadmap/vigilance_edit.html",
        {"point": point, "state": state, "form": form, "changes": changes_of(point)},
    )


def vigilance_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The team adds a difficulty of its own."""
    point = VigilancePoint(cite=request.cite, key=f"{TEAM_PREFIX}{uuid.uuid4().hex[:12]}",
                           phase=request.cite.phase, position=1000)
    form = TeamVigilancePointForm(request.POST or None, instance=point)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le point de vigilance « %(title)s » est ajouté.") % {
            "title": point.get_title_display()})
        return redirect("roadmap:vigilance", cite_slug=cite_slug)
    return render(request, "roadmap/vigilance_edit.html", {"point": None, "form": form})
