"""The label authority's pages, outside any Cité: the queue and the committee sessions.

The middleware lets only the authority in (Audience.LABEL_AUTHORITY). These are the only views
that read across Cités; they do it through the services' explicit `scopes_disabled()` reads.
"""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.lib.params import id_param
from capacite.review.forms import ScheduleForm, SessionForm
from capacite.review.models import CommitteeSession
from capacite.review.services import (
    authority_queue,
    reserves_awaiting_authority,
    schedule,
    session_agenda,
    unschedule,
)
from capacite.review.services_followup import network_deadlines


def queue(request: HttpRequest) -> HttpResponse:
    """Dossiers awaiting a decision and reserves awaiting a ruling, in every Cité."""
    return render(request, "review/queue.html", {
        "rows": authority_queue(), "reserves": reserves_awaiting_authority(),
        "deadlines": network_deadlines(),
        "sessions": CommitteeSession.objects.all()[:6],
    })


def sessions(request: HttpRequest) -> HttpResponse:
    form = SessionForm(request.POST or None, instance=CommitteeSession())
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La séance est créée ; inscrivez-y les dossiers."))
        return redirect("authority:session", committee_id=form.instance.pk)
    return render(request, "review/sessions.html", {
        "form": form, "sessions": CommitteeSession.objects.annotate(dossiers=Count("entries"))
        .order_by("-held_on", "-pk")})  # Meta.ordering is not applied to GROUP BY queries


def session_detail(request: HttpRequest, committee_id: int) -> HttpResponse:
    session = get_object_or_404(CommitteeSession, pk=committee_id)
    action = request.POST.get("action") if request.method == "POST" else None
    waiting = [row for row in authority_queue() if row.session != session]
    form = SessionForm(request.POST if action == "edit" else None, instance=session,
                       prefix="edit")
    add = ScheduleForm(request.POST if action == "add" else None, rows=waiting, prefix="add")
    here = redirect("authority:session", committee_id=session.pk)
    if action == "edit" and save_form_atomically(form):
        messages.success(request, _("La séance est enregistrée."))
        return here
    if action == "add" and add.is_valid():
        schedule(session, add.cleaned_data["submission"])
        messages.success(request, _("Le dossier est inscrit à l'ordre du jour."))
        return here
    if action == "remove":
        unschedule(session, id_param(request.POST, "entry") or 0)
        messages.success(request, _("Le dossier est retiré de l'ordre du jour."))
        return here
    return render(request, "review/session.html", {
        "session": session, "form": form, "add": add, "waiting": waiting,
        "entries": session_agenda(session), "changes": changes_of(session)})
