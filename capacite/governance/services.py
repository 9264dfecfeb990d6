"""Governance operations on the database; call them inside the Cité's scope."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from capacite.core.concurrency import save_versioned
from capacite.governance.choices import AttendanceStatus, BodyKind, DeliberationStatus
from capacite.governance.domain.agenda import moved
from capacite.governance.domain.alerts import missing_categories, trailing_absences
from capacite.governance.domain.workshops import GroupPlan, plan_warnings
from capacite.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    BodyMember,
    Meeting,
    ValidationStep,
    WorkshopGroup,
)
from capacite.partners.choices import FirstCircle

STATUTES_VOTE_TASK = "faire-voter-statuts"
PREFECTURE_TASK = "enregistrer-structure-prefecture"


def absence_threshold() -> int:
    return getattr(settings, "CAPACITE_ABSENCE_ALERT_MEETINGS", 3)


@dataclass(frozen=True)
class Absence:
    organisation: str
    body: Body
    meetings: int


def repeated_absences(*, now=None) -> list[Absence]:
    """Organisations that missed the last N meetings in a row of a body they sit on.

    An organisation attends a meeting when one of its members is present there.
    """
    now = now or timezone.now()
    threshold = absence_threshold()
    seats: dict[tuple[int, int], str] = {}
    for member in BodyMember.objects.filter(left_on__isnull=True).select_related("organisation"):
        seats[(member.body_id, member.organisation_id)] = member.organisation.name
    meetings_by_body: dict[int, list[int]] = {}
    for meeting_id, body_id in Meeting.objects.filter(starts_at__lte=now).order_by(
            "starts_at").values_list("pk", "body_id"):
        meetings_by_body.setdefault(body_id, []).append(meeting_id)
    status_of: dict[tuple[int, int], str] = {}
    for meeting_id, organisation_id, status in Attendance.objects.values_list(
            "meeting_id", "member__organisation_id", "status"):
        key = (meeting_id, organisation_id)
        if status_of.get(key) != AttendanceStatus.PRESENT:
            status_of[key] = status
    bodies = {b.pk: b for b in Body.objects.all()}
    found = []
    for (body_id, organisation_id), name in seats.items():
        statuses = [status_of.get((m, organisation_id)) for m in meetings_by_body.get(body_id, [])]
        run = trailing_absences(statuses)
        if run >= threshold:
            found.append(Absence(name, bodies[body_id], run))
    return sorted(found, key=lambda a: (a.body.name, a.organisation))


def missing_first_circle() -> list[str]:
    """The guide's first-circle categories with no member organisation on a steering committee."""
    present = BodyMember.objects.filter(body__kind=BodyKind.STEERING, left_on__isnull=True).exclude(
        organisation__first_circle="").values_list("organisation__first_circle", flat=True)
    labels = dict(FirstCircle.choices)
    return [str(labels[c]) for c in missing_categories(FirstCircle.values, present)]


def home_alerts() -> dict:
    return {
        "missing_first_circle": missing_first_circle(),
        "has_steering": Body.objects.filter(kind=BodyKind.STEERING).exists(),
        "absences": repeated_absences(),
        "threshold": absence_threshold(),
        "next_meetings": list(Meeting.objects.filter(starts_at__gte=timezone.now())
                              .select_related("body").order_by("starts_at")[:3]),
    }


def workshop_plan() -> tuple[list[WorkshopGroup], list[str]]:
    """The Cité's workshop groups with their sessions, and the guide's warnings on the plan."""
    groups = list(WorkshopGroup.objects.prefetch_related("sessions", "contacts",
                                                         "organisations"))
    plans = []
    for group in groups:
        named = {c.organisation_id for c in group.contacts.all()}
        extra = [o for o in group.organisations.all() if o.pk not in named]
        group.participant_count = len(group.contacts.all()) + len(extra)
        plans.append(GroupPlan(group.theme, group.participant_count,
                               tuple(s.date for s in group.sessions.all())))
    return groups, plan_warnings(plans)


def latest_expected_vote() -> date | None:
    """The latest expected deliberation among the institutions that have not refused."""
    dates = ValidationStep.objects.exclude(status=DeliberationStatus.REFUSED).values_list(
        "expected_on", flat=True)
    return max(dates, default=None)


def sync_statutes_tasks() -> None:
    """Feed the rétro-planning: the statutes vote ends with the latest expected deliberation,
    and the prefecture registration comes after it (its own duration later).

    Does nothing when the roadmap has no such task (a Cité may have edited its method).
    """
    from capacite.roadmap.models import Task

    latest = latest_expected_vote()
    if latest is None:
        return
    with transaction.atomic():
        vote = Task.objects.filter(key=STATUTES_VOTE_TASK).first()
        if vote is None:
            return
        _set_due(vote, latest)
        prefecture = Task.objects.filter(key=PREFECTURE_TASK).first()
        if prefecture is not None:
            _set_due(prefecture, latest + timedelta(days=prefecture.duration_days))


def _set_due(task, due: date) -> None:
    if task.due_date != due:
        task.due_date = due
        save_versioned(task, expected_version=task.version)


def has_taken_place(decision, *, today: date) -> bool:
    """A decision counts once its meeting has taken place (its date without a meeting)."""
    if decision.meeting_id:
        return timezone.localtime(decision.meeting.starts_at).date() <= today
    return decision.decided_on <= today


def mark_task_done(task, *, note: str, reason: str = "", on: date | None = None) -> None:
    """Mark a roadmap task done (a validation recorded as a decision) on the day `on` (today
    without one); `reason` goes to its history (why it is done before a dependency, when it
    is)."""
    if task.status == "done":
        return
    task.status = "done"
    task.done_on = on
    task.evidence_note = f"{task.evidence_note}\n{note}".strip()
    if reason:
        task._change_reason = reason[:100]
    save_versioned(task, expected_version=task.version)


def settle_decision(decision, *, today: date) -> bool:
    """Mark the decision's roadmap task done when its meeting has taken place; False while the
    meeting is still to come (the task waits). The history says which decision did it."""
    if decision.task_id is None:
        return True
    if not has_taken_place(decision, today=today):
        return False
    where = f" ({decision.meeting})" if decision.meeting_id else ""
    mark_task_done(decision.task, note=f"Validé : {decision.title}{where}",
                   reason=f"Décision du {decision.decided_on:%d/%m/%Y} au registre",
                   on=(timezone.localtime(decision.meeting.starts_at).date()
                       if decision.meeting_id else decision.decided_on))
    return True


def complete_validated_tasks(*, today: date) -> int:
    """Mark done the roadmap task of every decision whose meeting has taken place, so the
    register and the roadmap agree (issue 17); a decision for a meeting still to come leaves
    its task as it is. Returns how many tasks changed. Idempotent."""
    from capacite.governance.models import Decision

    changed = 0
    for decision in (Decision.objects.filter(task__isnull=False).exclude(task__status="done")
                     .select_related("task", "meeting__body").order_by("decided_on", "pk")):
        changed += settle_decision(decision, today=today)
    return changed


def register_disagreements(*, today: date) -> list[tuple[str, str]]:
    """(decision, task) titles where the register and the roadmap disagree: a decision taken
    whose task is not done, or a task done by a decision still to come."""
    from capacite.governance.models import Decision

    found = []
    for decision in Decision.objects.filter(task__isnull=False).select_related("task",
                                                                               "meeting"):
        done = decision.task.status == "done"
        taken = has_taken_place(decision, today=today)
        done_by_it = f"Validé : {decision.title}" in decision.task.evidence_note
        if (taken and not done) or (not taken and done and done_by_it):
            found.append((decision.title, decision.task.title))
    return found


def next_meetings(*, now, organisations: set[int] | None = None, kinds: set[str] | None = None,
                  limit: int = 3) -> list[Meeting]:
    """The meetings to come, soonest first: of the bodies where one of `organisations` sits
    today (a partner's invitations), or of the bodies of `kinds`; all bodies when neither."""
    meetings = Meeting.objects.filter(starts_at__gte=now).select_related("body")
    if organisations is not None:
        meetings = meetings.filter(body__members__organisation_id__in=organisations,
                                   body__members__left_on__isnull=True)
    if kinds is not None:
        meetings = meetings.filter(body__kind__in=kinds)
    return list(meetings.order_by("starts_at").distinct()[:limit])


def _lock_meeting(meeting: Meeting) -> list[AgendaItem]:
    """Lock the meeting's row so agenda changes run one at a time; its items, in order."""
    list(Meeting._base_manager.select_for_update().filter(pk=meeting.pk).values_list("pk"))
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))


def _renumber(items: list[AgendaItem], order: list[int]) -> None:
    """Positions 1, 2, 3… in `order`; only the items whose position changes are written."""
    by_id = {item.pk: item for item in items}
    changed = []
    for position, pk in enumerate(order, start=1):
        if by_id[pk].position != position:
            by_id[pk].position = position
            changed.append(by_id[pk])
    AgendaItem.objects.bulk_update(changed, ["position"])


def add_agenda_items(meeting: Meeting, rows: list[dict]) -> list[AgendaItem]:
    """Append `rows` (title, duration_minutes, presenter) to the agenda, in the order typed."""
    with transaction.atomic():
        items = _lock_meeting(meeting)
        _renumber(items, [item.pk for item in items])
        added = [AgendaItem(cite=meeting.cite, meeting=meeting, position=len(items) + index,
                            **row) for index, row in enumerate(rows, start=1)]
        for item in added:  # one by one: each keeps its history record
            item.save()
        return added


def move_agenda_item(item: AgendaItem, step: int) -> None:
    """Move one point up (−1) or down (+1) the agenda of its meeting."""
    with transaction.atomic():
        items = _lock_meeting(item.meeting)
        _renumber(items, moved([i.pk for i in items], item.pk, step))
