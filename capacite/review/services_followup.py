"""The network's follow-up: opinions, links with the network, and the label fonctionnement's
deadline of each open Cité — the ONE place the homes, the label pages and the authority's
queue ask for it."""

from dataclasses import dataclass

from django.utils import timezone
from django_scopes import scopes_disabled

from capacite.core.models import Cite
from capacite.review.domain.deadline import NONE, Deadline, deadline
from capacite.review.domain.network import TASK_OF_LINK


def confirmed(cite: Cite) -> bool:
    """True once a committee confirmed the Cité's label fonctionnement."""
    from capacite.review.models import LabelDecision, Stage

    with scopes_disabled():
        return LabelDecision.objects.filter(cite=cite,
                                            stage=Stage.LABEL_FONCTIONNEMENT).exists()


def deadline_of(cite: Cite, *, today=None) -> Deadline:
    """Where `cite` stands toward its label fonctionnement (due a year after opening)."""
    return deadline(opened_on=cite.opened_on, today=today or timezone.localdate(),
                    confirmed=confirmed(cite))


@dataclass(frozen=True)
class DeadlineRow:
    cite: Cite
    deadline: Deadline


def network_deadlines(*, today=None) -> list[DeadlineRow]:
    """Every open Cité's deadline with a warning (9 or 11 months, overdue), soonest first:
    instance-wide, for the authority's queue."""
    from capacite.review.models import LabelDecision, Stage

    today = today or timezone.localdate()
    with scopes_disabled():
        done = set(LabelDecision.objects.filter(stage=Stage.LABEL_FONCTIONNEMENT)
                   .values_list("cite_id", flat=True))
        rows = [DeadlineRow(c, deadline(opened_on=c.opened_on, today=today,
                                        confirmed=c.pk in done))
                for c in Cite.objects.filter(opened_on__isnull=False)]
    return sorted([r for r in rows if r.deadline.level not in (NONE, "confirmed")],
                  key=lambda r: r.deadline.due)


def complete_task(link) -> None:
    """Mark done the roadmap task a link with the network completes, through governance's
    `mark_task_done` (the one place a task is validated by a record)."""
    from capacite.governance.services import mark_task_done
    from capacite.roadmap.models import Task

    key = TASK_OF_LINK.get(link.kind)
    task = Task.objects.filter(key=key).first() if key else None
    if task is not None:
        mark_task_done(task, note=f"{link.get_kind_display()} — {link.on:%d/%m/%Y}"
                                  + (f" ({link.counterpart})" if link.counterpart else ""),
                       on=min(link.on, timezone.localdate()))
