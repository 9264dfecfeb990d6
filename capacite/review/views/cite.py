"""The Cité's side: submit a dossier, follow its decision, answer reserves, get the letter.

The authority also opens these pages (it holds its role in every Cité) to record a decision and
rule on reserves; the matrix gives it write access to those actions only.
"""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.core.concurrency import ConcurrentEditError, save_form_atomically
from capacite.core.history import changes_of
from capacite.core.models import Role
from capacite.lib.uploads import original_name
from capacite.review.domain.reserves import Move, MoveRefused
from capacite.review.forms import DecisionForm, LiftRequestForm, ReserveForm, RuleForm, SubmitForm
from capacite.review.letter import letter_filename, render_letter_pdf
from capacite.review.models import LabelDecision, Reserve, ReserveStatus, Submission
from capacite.review.services import (
    DecisionRefused,
    SubmissionRefused,
    apply_phase,
    dossier_of_job,
    file_matches,
    move_reserve,
    record_decision,
    submit,
    submittable_jobs,
)

CONFLICT = gettext_lazy("Quelqu'un a changé cette réserve pendant que vous rédigiez : "
                        "rechargez la page, puis refaites votre réponse.")


def cite_review(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Submissions, decisions and reserves of the Cité; the project team submits here."""
    jobs = submittable_jobs()
    form = SubmitForm(request.POST or None, jobs=jobs)
    if request.method == "POST" and form.is_valid():
        job = dict((j.pk, j) for j, _label in jobs)[form.cleaned_data["job"]]
        try:
            submission = submit(cite=request.cite, dossier=dossier_of_job(job),
                                user=request.user, message=form.cleaned_data["message"], job=job)
        except SubmissionRefused as refusal:
            form.add_error("job", str(refusal))
        else:
            messages.success(request, _(
                "Le dossier est déposé auprès de l'autorité de label (version %(number)s). "
                "Il ne peut plus être modifié.") % {"number": submission.number})
            return redirect("review:submission", cite_slug=cite_slug,
                            submission_id=submission.pk)
    return render(request, "review/cite_review.html", {
        "form": form, "jobs": jobs,
        "submissions": Submission.objects.select_related("submitted_by", "decision",
                                                         "agenda_entry__session"),
        "reserves": Reserve.objects.select_related("decision"),
        "is_authority": Role.LABEL_AUTHORITY in request.cite_roles,
    })


def submission_detail(request: HttpRequest, cite_slug: str, submission_id: int) -> HttpResponse:
    submission = get_object_or_404(Submission.objects.select_related("submitted_by"),
                                   pk=submission_id)
    decision = LabelDecision.objects.filter(submission=submission).first()
    return render(request, "review/submission.html", {
        "submission": submission, "decision": decision,
        "intact": file_matches(submission) if submission.file else False,
        "session": getattr(getattr(submission, "agenda_entry", None), "session", None),
        "is_authority": Role.LABEL_AUTHORITY in request.cite_roles,
    })


def submission_file(request: HttpRequest, cite_slug: str, submission_id: int) -> FileResponse:
    submission = get_object_or_404(Submission, pk=submission_id)
    return _stream(submission.file, submission.filename)


def _stream(file, filename: str) -> FileResponse:
    if not file or not file.storage.exists(file.name):
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename)


def decision_create(request: HttpRequest, cite_slug: str, submission_id: int) -> HttpResponse:
    """The authority records the committee's decision on a submitted dossier."""
    submission = get_object_or_404(Submission, pk=submission_id)
    existing = LabelDecision.objects.filter(submission=submission).first()
    if existing:
        messages.info(request, _("Ce dossier a déjà sa décision."))
        return redirect("review:decision", cite_slug=cite_slug, label_decision_id=existing.pk)
    session = getattr(getattr(submission, "agenda_entry", None), "session", None)
    decision = LabelDecision(cite=request.cite, submission=submission, recorded_by=request.user,
                             session=session)
    initial = {"session": session.pk if session else None,
               "decided_on": session.held_on if session else None}
    form = DecisionForm(request.POST or None, instance=decision, initial=initial)
    reserve_texts = request.POST.get("reserves", "") if request.method == "POST" else ""
    if request.method == "POST" and form.is_valid():
        decision = form.instance  # filled by is_valid(); record_decision saves it
        try:
            record_decision(decision)
        except DecisionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            for line in reserve_texts.splitlines():
                if line.strip(" -•\t"):
                    Reserve.objects.create(cite=request.cite, decision=decision,
                                           text=line.strip(" -•\t"))
            messages.success(request, _("La décision est enregistrée ; la Cité la voit, avec "
                                        "ses réserves."))
            return redirect("review:decision", cite_slug=cite_slug, label_decision_id=decision.pk)
    return render(request, "review/decision_form.html", {
        "form": form, "submission": submission, "reserve_texts": reserve_texts,
        "title": _("Décision sur : %(dossier)s") % {"dossier": submission},
        "back": reverse("review:submission", kwargs={"cite_slug": cite_slug,
                                                     "submission_id": submission.pk}),
    })


def decision_detail(request: HttpRequest, cite_slug: str, label_decision_id: int) -> HttpResponse:
    decision = get_object_or_404(
        LabelDecision.objects.select_related("submission", "session", "recorded_by"),
        pk=label_decision_id)
    return render(request, "review/decision.html", {
        "decision": decision, "reserves": decision.reserves.all(),
        "is_authority": Role.LABEL_AUTHORITY in request.cite_roles,
        "changes": changes_of(decision),
    })


def decision_edit(request: HttpRequest, cite_slug: str, label_decision_id: int) -> HttpResponse:
    decision = get_object_or_404(LabelDecision, pk=label_decision_id)
    stage_before = decision.stage
    form = DecisionForm(request.POST or None, instance=decision)
    if request.method == "POST" and save_form_atomically(form):
        if form.instance.stage != stage_before:
            apply_phase(request.cite, form.instance)
        messages.success(request, _("La décision est enregistrée."))
        return redirect("review:decision", cite_slug=cite_slug, label_decision_id=decision.pk)
    return render(request, "review/form_page.html", {
        "form": form, "title": _("Modifier la décision : %(decision)s") % {"decision": decision},
        "back": reverse("review:decision", kwargs={"cite_slug": cite_slug,
                                                   "label_decision_id": decision.pk}),
        "back_label": _("La décision"), "changes": changes_of(decision)})


def decision_letter(request: HttpRequest, cite_slug: str, label_decision_id: int) -> HttpResponse:
    decision = get_object_or_404(LabelDecision.objects.select_related("submission", "session"),
                                 pk=label_decision_id)
    response = HttpResponse(render_letter_pdf(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(decision)}"'
    return response


def reserve_add(request: HttpRequest, cite_slug: str, label_decision_id: int) -> HttpResponse:
    decision = get_object_or_404(LabelDecision, pk=label_decision_id)
    form = ReserveForm(request.POST or None,
                       instance=Reserve(cite=request.cite, decision=decision))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La réserve est ajoutée à la décision."))
        return redirect("review:decision", cite_slug=cite_slug, label_decision_id=decision.pk)
    return render(request, "review/form_page.html", {
        "form": form, "title": _("Nouvelle réserve : %(decision)s") % {"decision": decision},
        "back": reverse("review:decision", kwargs={"cite_slug": cite_slug,
                                                   "label_decision_id": decision.pk}),
        "back_label": _("La décision"), "changes": None})


def reserve_detail(request: HttpRequest, cite_slug: str, reserve_id: int) -> HttpResponse:
    reserve = get_object_or_404(Reserve.objects.select_related("decision"), pk=reserve_id)
    roles = request.cite_roles
    can_ask = bool(roles & {Role.PROJECT_LEAD, Role.DIRECTOR}) and \
        reserve.status != ReserveStatus.LIFTED
    can_rule = Role.LABEL_AUTHORITY in roles and reserve.status == ReserveStatus.REQUESTED
    return render(request, "review/reserve.html", {
        "reserve": reserve,
        # The stored file name is generated; the readable name has its own line in the history.
        "changes": changes_of(reserve, ignore=("version", "evidence_file")),
        "lift_form": LiftRequestForm(initial={"version": reserve.version,
                                              "evidence_text": reserve.evidence_text})
        if can_ask else None,
        "rule_form": RuleForm(initial={"version": reserve.version}) if can_rule else None,
    })


def reserve_lift(request: HttpRequest, cite_slug: str, reserve_id: int) -> HttpResponse:
    """The Cité posts its evidence and asks the authority to lift the reserve."""
    reserve = get_object_or_404(Reserve.objects.select_related("decision"), pk=reserve_id)
    form = LiftRequestForm(request.POST or None, request.FILES or None,
                           initial={"version": reserve.version,
                                    "evidence_text": reserve.evidence_text})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["evidence_file"]
        try:
            move_reserve(reserve, Move.ASK, expected_version=form.cleaned_data["version"],
                         text=form.cleaned_data["evidence_text"], upload=upload,
                         upload_name=original_name(upload) if upload else "")
        except MoveRefused as refusal:
            form.add_error(None, str(refusal))
        except ConcurrentEditError:
            form.add_error(None, CONFLICT)
        else:
            messages.success(request, _("La demande de levée est envoyée à l'autorité de "
                                        "label."))
            return redirect("review:reserve", cite_slug=cite_slug, reserve_id=reserve.pk)
    return render(request, "review/form_page.html", {
        "form": form, "multipart": True,
        "title": _("Demander la levée de la réserve : %(reserve)s") % {"reserve": reserve},
        "back": reverse("review:reserve", kwargs={"cite_slug": cite_slug,
                                                  "reserve_id": reserve.pk}),
        "back_label": _("La réserve"), "changes": None,
        "submit_label": _("Demander la levée")})


def reserve_rule(request: HttpRequest, cite_slug: str, reserve_id: int) -> HttpResponse:
    """The authority lifts the reserve or sends it back to the Cité."""
    reserve = get_object_or_404(Reserve.objects.select_related("decision"), pk=reserve_id)
    form = RuleForm(request.POST or None, initial={"version": reserve.version})
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == RuleForm.ACCEPT
        try:
            move_reserve(reserve, Move.ACCEPT if accept else Move.SEND_BACK,
                         expected_version=form.cleaned_data["version"],
                         text=form.cleaned_data["comment"])
        except MoveRefused as refusal:
            form.add_error(None, str(refusal))
        except ConcurrentEditError:
            form.add_error(None, CONFLICT)
        else:
            messages.success(request, _("La réserve est levée.") if accept else
                             _("La réserve est renvoyée à la Cité avec votre commentaire."))
            return redirect("review:reserve", cite_slug=cite_slug, reserve_id=reserve.pk)
    return render(request, "review/form_page.html", {
        "form": form, "title": _("Statuer sur la réserve : %(reserve)s") % {"reserve": reserve},
        "back": reverse("review:reserve", kwargs={"cite_slug": cite_slug,
                                                  "reserve_id": reserve.pk}),
        "back_label": _("La réserve"), "changes": None})


def reserve_evidence(request: HttpRequest, cite_slug: str, reserve_id: int) -> FileResponse:
    reserve = get_object_or_404(Reserve, pk=reserve_id)
    return _stream(reserve.evidence_file, reserve.evidence_filename)
