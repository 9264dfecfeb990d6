"""The "séance" page: everything recorded during or after a meeting, on one screen.

One form, one button (issue 13, point 3): attendance with the members' positions, the minutes
of every agenda item and, when its fields are filled, a new decision are saved together. With
three forms and three buttons, typing the minutes and then saving the attendance threw the
minutes away. When a part cannot be saved, the page comes back with everything as typed.

Minutes are saved item by item with each item's version, and only the items whose text changed:
two people taking notes on different items never clash, and on the same item the second one sees
the conflict instead of overwriting.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.core.concurrency import save_form_atomically
from capacite.governance.choices import AttendanceStatus
from capacite.governance.forms import AttendanceForm, DecisionForm, MinutesForm
from capacite.governance.models import Attendance, Decision, Meeting, members_at
from capacite.governance.positions import positions_at, record_position
from capacite.governance.services import complete_validated_tasks, settle_decision


def _members(meeting: Meeting) -> list:
    status = {a.member_id: a.status for a in Attendance.objects.filter(meeting=meeting)}
    labels = dict(AttendanceStatus.choices)
    members = list(members_at(meeting).select_related("organisation", "contact"))
    for member in members:
        member.current_status = status.get(member.pk, "")
        member.current_status_label = labels.get(member.current_status, "")
    return members


def _save_attendance(request, meeting: Meeting, form: AttendanceForm) -> int:
    """Store attendance and positions; returns how many positions were added."""
    added = 0
    with transaction.atomic():
        for member in form.members:
            status = form.cleaned_data[f"attendance_{member.pk}"]
            if status:
                Attendance.objects.update_or_create(
                    meeting=meeting, member=member,
                    defaults={"status": status, "cite": request.cite})
            else:
                Attendance.objects.filter(meeting=meeting, member=member).delete()
        for organisation in form.organisations:
            stance = form.cleaned_data[f"stance_{organisation.pk}"]
            if stance:
                added += record_position(
                    meeting, organisation, stance=stance, user=request.user,
                    reason=form.cleaned_data[f"reason_{organisation.pk}"].strip())
    return added


def _decision_form(request, meeting: Meeting, data=None) -> DecisionForm:
    new_decision = Decision(cite=request.cite, body=meeting.body, meeting=meeting,
                            recorded_by=request.user)
    return DecisionForm(
        data, instance=new_decision, prefix="decision",
        initial={"body": meeting.body.pk,
                 "decided_on": timezone.localtime(meeting.starts_at).date()})


def seance(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    data = request.POST if request.method == "POST" else None
    members = _members(meeting)
    attendance = AttendanceForm(data, members=members, positions=positions_at(meeting),
                                prefix="presence")
    items = list(meeting.items.all())
    minutes_forms = [MinutesForm(data, instance=item, prefix=f"item{item.pk}") for item in items]
    decision_form = _decision_form(request, meeting, data)
    if data is not None:
        saved_all, decision_saved = _save(request, meeting, attendance, minutes_forms,
                                          decision_form)
        if saved_all:
            return redirect("governance:seance", cite_slug=cite_slug, meeting_id=meeting.pk)
        if decision_saved:  # kept; the page shows a fresh form so it is not recorded twice
            decision_form = _decision_form(request, meeting)
    member_rows, organisation_rows = attendance.rows()
    return render(request, "governance/seance.html", {
        "meeting": meeting, "attendance": attendance, "member_rows": member_rows,
        "organisation_rows": organisation_rows,
        "minutes": list(zip(items, minutes_forms, strict=True)),
        "decision_form": decision_form,
        "decisions": meeting.decisions.select_related("task"),
    })


def _decision_typed(form: DecisionForm) -> bool:
    """Whether the person filled the new decision (its body and date come prefilled)."""
    return any(str(form.data.get(form.add_prefix(name), "")).strip()
               for name in ("title", "details", "validates", "task"))


def _save(request, meeting: Meeting, attendance: AttendanceForm, minutes_forms: list,
          decision_form: DecisionForm) -> tuple[bool, bool]:
    """Save the séance's three parts; returns (everything saved, the decision saved).

    Nothing is saved while a field is wrong, so the person corrects it and saves once. A minutes
    conflict (someone saved the same item meanwhile) keeps the other parts saved and the page
    shows the typed text beside the conflict.
    """
    wants_decision = _decision_typed(decision_form)
    if not (attendance.is_valid() and all(f.is_valid() for f in minutes_forms)
            and (not wants_decision or decision_form.is_valid())):
        messages.error(request, _("Rien n'a été enregistré : corrigez les champs signalés, "
                                  "ce que vous avez saisi est conservé."))
        return False, False
    added = _save_attendance(request, meeting, attendance)
    complete_validated_tasks(today=timezone.localdate())  # the meeting has taken place
    messages.success(request, ngettext(
        "Présences enregistrées ; %(count)d position ajoutée à l'historique des partenaires.",
        "Présences enregistrées ; %(count)d positions ajoutées à l'historique des "
        "partenaires.", added) % {"count": added})
    changed = [f for f in minutes_forms if f.edited()]
    failed = [f for f in changed if not save_form_atomically(f)]
    if changed and not failed:
        messages.success(request, ngettext(
            "Compte rendu enregistré (%(count)d point modifié).",
            "Compte rendu enregistré (%(count)d points modifiés).", len(changed))
            % {"count": len(changed)})
    decision_saved = wants_decision and save_form_atomically(decision_form, lock=request.cite)
    if decision_saved:
        decision = decision_form.instance
        messages.success(request, _("La décision « %(title)s » est inscrite au registre.") % {
            "title": decision.title})
        settle_and_tell(request, decision)
    if failed:
        messages.error(request, _("Une partie du compte rendu n'a pas été enregistrée : "
                                  "voyez les points signalés."))
    return not failed and (decision_saved or not wants_decision), decision_saved


def settle_and_tell(request: HttpRequest, decision) -> None:
    """Complete the decision's roadmap task, or say it waits for the meeting."""
    if not settle_decision(decision, today=timezone.localdate()):
        messages.info(request, _(
            "La réunion n'a pas encore eu lieu : la tâche « %(task)s » sera marquée faite "
            "quand la présence y sera enregistrée.") % {"task": decision.task.get_title_display()})
