"""What the Cité and the authority do, as functions the views, the demo and the tests share.

Cité-side functions run inside the Cité's scope (the middleware opened it). The authority's
instance-wide reads (`authority_queue`, session agendas) disable the scope explicitly and are
only called from the authority's own views.
"""

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scopes_disabled

from capacite.core.models import Cite
from capacite.lib.days import day_and_time
from capacite.review.domain.label import (
    DecisionFact,
    LabelStatus,
    label_status,
    next_number,
    phase_after,
)
from capacite.review.domain.label import Stage as StageValue
from capacite.review.domain.reserves import Move, ReserveState, after
from capacite.review.models import (
    AgendaEntry,
    CommitteeSession,
    DossierKind,
    LabelDecision,
    Reserve,
    ReserveStatus,
    Stage,
    Submission,
)


class SubmissionRefused(ValueError):
    """The job cannot be submitted (message in French)."""


@dataclass(frozen=True)
class Dossier:
    """A generated dossier, as read from a finished generation job."""

    kind: str
    filename: str
    content: bytes
    generated_at: object = None


def dossier_of_job(job) -> Dossier:
    """The dossier a generation job produced; refuses a job that is not a finished dossier."""
    if job.kind != "dossier":
        raise SubmissionRefused(_("Ce travail n'est pas une génération de dossier."))
    if job.status != "done" or not job.result_file:
        raise SubmissionRefused(_("La génération de ce dossier n'est pas terminée : attendez "
                                  "qu'elle le soit avant de le déposer."))
    kind = (job.params or {}).get("kind", "")
    if kind not in DossierKind.values:
        raise SubmissionRefused(_("Ce dossier (« %(kind)s ») ne se dépose pas auprès de "
                                  "l'autorité de label.") % {"kind": kind})
    with job.result_file.open("rb") as handle:
        content = handle.read()
    return Dossier(kind=kind, filename=job.result_name or Path(job.result_file.name).name,
                   content=content,
                   generated_at=job.finished_at)


def submit(*, cite: Cite, dossier: Dossier, user, message: str = "", job=None,
           at=None) -> Submission:
    """Freeze `dossier` as the Cité's next submission: own copy of the file, number, hash.

    The Cité row is locked so two submissions at once get 1 and 2, not 1 twice. `at` is for
    the demo's past dossiers only; a real submission is dated now. A label fonctionnement
    dossier is refused (SubmissionRefused, nothing written) until the authority's opinion on the
    draft is answered and every gap with the label projet has its explanation and measure; a
    label projet keeps its key figures as the reference of the label fonctionnement.
    """
    if dossier.kind == DossierKind.LABEL_FONCTIONNEMENT:
        refuse_fonctionnement(cite)
    with transaction.atomic():
        Cite.objects.select_for_update().filter(pk=cite.pk).first()
        numbers = Submission.objects.filter(cite=cite).values_list("number", flat=True)
        number = next_number(numbers)
        suffix = Path(dossier.filename).suffix.lower() or ".pdf"
        submission = Submission(
            cite=cite, number=number, kind=dossier.kind,
            filename=f"{cite.slug}-{dossier.kind}-v{number}{suffix}",
            sha256=hashlib.sha256(dossier.content).hexdigest(), size=len(dossier.content),
            generated_at=dossier.generated_at, submitted_by=user, message=message,
            submitted_at=at or timezone.now())
        if job is not None:
            submission.job = job
        submission.file.save(submission.filename, ContentFile(dossier.content), save=False)
        submission.save()
        if dossier.kind == DossierKind.LABEL_PROJET:
            from capacite.label.conformity import take_snapshot

            take_snapshot(cite, on=timezone.localtime(submission.submitted_at).date(),
                          submission_number=number, user=user)
        return submission


def refuse_fonctionnement(cite: Cite) -> None:
    """Raise SubmissionRefused (in French, saying what is missing) unless the label
    fonctionnement dossier may be deposited."""
    from capacite.label.conformity import snapshot, unanswered
    from capacite.review.models import OpinionRequest, OpinionSubject

    if snapshot() is None:
        raise SubmissionRefused(_(
            "Les chiffres du label projet ne sont pas connus : saisissez-les d'après la lettre "
            "de décision (page « Conformité avec le label projet ») avant de déposer."))
    open_gaps = unanswered(cite)
    if open_gaps:
        raise SubmissionRefused(ngettext(
            "%(count)s écart avec le label projet n'a pas encore son explication et sa mesure "
            "corrective (page « Conformité avec le label projet ») : %(gaps)s.",
            "%(count)s écarts avec le label projet n'ont pas encore leur explication et leur "
            "mesure corrective (page « Conformité avec le label projet ») : %(gaps)s.",
            len(open_gaps))
            % {"count": len(open_gaps), "gaps": " ; ".join(g.text for g in open_gaps)})
    opinions = OpinionRequest.objects.filter(subject=OpinionSubject.LABEL_FONCTIONNEMENT)
    if not any(o.state == "answered" for o in opinions):
        raise SubmissionRefused(_(
            "Le projet de dossier doit d'abord être présenté pour avis à l'autorité de label, "
            "et son avis recevoir la réponse de la Cité (page « Avis de l'autorité de "
            "label »)."))


def file_matches(submission: Submission) -> bool:
    """True when the stored file still has the hash recorded when it was submitted."""
    digest = hashlib.sha256()
    with submission.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest() == submission.sha256


class DecisionRefused(ValueError):
    """The decision cannot be recorded (message in French)."""


def record_decision(decision: LabelDecision) -> LabelDecision:
    """Save a new decision and move the Cité's phase as the decision says (never backwards)."""
    with transaction.atomic():
        cite = Cite.objects.select_for_update().get(pk=decision.cite_id)
        if LabelDecision.objects.filter(submission=decision.submission_id).exists():
            raise DecisionRefused(_("Ce dossier a déjà sa décision : modifiez-la plutôt."))
        decision.save()
        apply_phase(cite, decision)
    return decision


def apply_phase(cite: Cite, decision: LabelDecision) -> None:
    """Set the Cité's phase from `decision` (through its history, with a new version)."""
    phase = phase_after(StageValue(decision.stage), cite.phase)
    if phase != cite.phase:
        cite.phase = phase
        cite.version += 1
        cite.save(update_fields=["phase", "version"])


def move_reserve(reserve: Reserve, move: Move, *, expected_version: int, text: str = "",
                 upload=None, upload_name: str = "", today: date | None = None) -> Reserve:
    """Apply `move` to `reserve` if nobody changed it since the page was shown.

    ASK adds the Cité's evidence (text, and a file replacing the previous one); ACCEPT lifts the
    reserve today; SEND_BACK reopens it with the authority's comment. Raises MoveRefused or
    ConcurrentEditError and writes nothing then.
    """
    from capacite.core.concurrency import save_versioned

    with transaction.atomic():
        state = after(ReserveState(reserve.status), move)
        if move == Move.ASK:
            reserve.evidence_text = text
            if upload is not None:
                reserve.evidence_file.save(upload_name or upload.name, upload, save=False)
                reserve.evidence_filename = upload_name or upload.name
            reserve.requested_at = timezone.now()
        elif move == Move.ACCEPT:
            reserve.lifted_on = today or timezone.localdate()
            reserve.authority_comment = text
        else:
            reserve.authority_comment = text
        reserve.status = state.value
        save_versioned(reserve, expected_version=expected_version)
    return reserve


def status_of_cite() -> LabelStatus:
    """The current Cité's label (inside its scope)."""
    facts = [
        DecisionFact(stage=StageValue(d.stage), decided_on=d.decided_on.isoformat(),
                     open_reserves=sum(1 for r in d.reserves.all()
                                       if r.status != ReserveStatus.LIFTED))
        for d in LabelDecision.objects.prefetch_related("reserves")
    ]
    return label_status(facts)


def home_context(request) -> dict:
    """The home panel: current label, open reserves, the last submission awaiting decision."""
    status = status_of_cite()
    return {
        "status": status,
        "stage_label": Stage(status.stage.value).label if status.stage else "",
        "open_reserves": list(Reserve.objects.exclude(status=ReserveStatus.LIFTED)
                              .select_related("decision")),
        "waiting": Submission.objects.filter(decision__isnull=True).first(),
    }


# --- The authority's instance-wide reads (only from the authority's views) -------------------

@dataclass(frozen=True)
class QueueRow:
    submission: Submission
    cite: Cite
    session: CommitteeSession | None


def authority_queue() -> list[QueueRow]:
    """Every Cité's submitted dossiers awaiting a decision, oldest first: instance-wide."""
    with scopes_disabled():
        rows = (Submission.objects.filter(decision__isnull=True)
                .select_related("cite", "submitted_by", "agenda_entry__session")
                .order_by("submitted_at", "pk"))
        return [QueueRow(s, s.cite, getattr(getattr(s, "agenda_entry", None), "session", None))
                for s in rows]


def reserves_awaiting_authority() -> list[Reserve]:
    """Every Cité's reserves whose lifting is asked: instance-wide."""
    with scopes_disabled():
        return list(Reserve.objects.filter(status=ReserveStatus.REQUESTED)
                    .select_related("cite", "decision").order_by("requested_at", "pk"))


def session_agenda(session: CommitteeSession) -> list[AgendaEntry]:
    """The dossiers on a session's agenda, across Cités, with their decision if any."""
    with scopes_disabled():
        return list(AgendaEntry.objects.filter(session=session)
                    .select_related("cite", "submission", "submission__decision")
                    .order_by("cite__name", "submission__number"))


def schedule(session: CommitteeSession, submission_id: int) -> AgendaEntry:
    """Put a dossier awaiting decision on `session`'s agenda (moving it from another)."""
    with scopes_disabled(), transaction.atomic():
        submission = Submission.objects.select_related("cite").get(
            pk=submission_id, decision__isnull=True)
        AgendaEntry.objects.filter(submission=submission).delete()
        return AgendaEntry.objects.create(cite=submission.cite, session=session,
                                          submission=submission)


def unschedule(session: CommitteeSession, entry_id: int) -> None:
    with scopes_disabled():
        AgendaEntry.objects.filter(session=session, pk=entry_id,
                                   submission__decision__isnull=True).delete()


def submittable_jobs() -> list[tuple]:
    """The Cité's finished dossier generations not submitted yet, newest first, with a label."""
    from capacite.jobs.models import Job

    submitted = set(Submission.objects.exclude(job=None).values_list("job_id", flat=True))
    jobs = Job.objects.filter(kind="dossier", status="done").order_by("-finished_at", "-pk")
    rows = []
    for job in jobs:
        params = job.params or {}
        if (job.pk in submitted or params.get("kind") not in DossierKind.values
                or not job.result_file):
            continue
        when = timezone.localtime(job.finished_at) if job.finished_at else None
        rows.append((job, _("%(kind)s (%(format)s), généré le %(day)s") % {
            "kind": DossierKind(params["kind"]).label,
            "format": str(params.get("format", "")).upper(),
            "day": day_and_time(when) if when else "—"}))
    return rows
