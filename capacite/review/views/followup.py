"""The network's follow-up inside a Cité: opinions asked of the authority before a deposit, and
the dated links with the network (each completes its roadmap task)."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.models import Role
from capacite.core.permissions import Level, level_for
from capacite.review.domain.network import TASK_OF_LINK
from capacite.review.forms_followup import (
    NetworkLinkForm,
    OpinionAnswerForm,
    OpinionForm,
    OpinionRequestForm,
)
from capacite.review.models_followup import NetworkLink, OpinionRequest
from capacite.review.services import submittable_jobs
from capacite.review.services_followup import complete_task, deadline_of
from capacite.review.views.cite import _stream


def opinions(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The opinions asked, given and answered; the team asks a new one here."""
    can_ask = level_for("review:opinions", request.cite_roles) >= Level.WRITE \
        and Role.LABEL_AUTHORITY not in request.cite_roles
    form = None
    if can_ask:
        jobs = submittable_jobs()
        form = OpinionRequestForm(
            request.POST or None, request.FILES or None, jobs=jobs,
            instance=OpinionRequest(cite=request.cite, asked_by=request.user,
                                    asked_on=timezone.localdate()))
        if request.method == "POST" and save_form_atomically(form):
            messages.success(request, _("La demande d'avis est transmise à l'autorité de "
                                        "label."))
            return redirect("review:opinion", cite_slug=cite_slug,
                            opinion_id=form.instance.pk)
    return render(request, "review/opinions.html", {
        "opinions": OpinionRequest.objects.select_related("asked_by", "job"), "form": form,
        "deadline": deadline_of(request.cite)})


def opinion_detail(request: HttpRequest, cite_slug: str, opinion_id: int) -> HttpResponse:
    """The request, the authority's opinion (written here by the authority) and the team's
    answer (written here by the team once the opinion is given)."""
    opinion = get_object_or_404(OpinionRequest.objects.select_related("asked_by", "job"),
                                pk=opinion_id)
    writes = level_for("review:opinion", request.cite_roles) >= Level.WRITE
    is_authority = Role.LABEL_AUTHORITY in request.cite_roles
    form = None
    if writes and is_authority:
        form = OpinionForm(request.POST or None, instance=opinion)
    elif writes and opinion.opinion.strip():
        form = OpinionAnswerForm(request.POST or None, instance=opinion)
    if request.method == "POST" and form is not None:
        # Dated the day it is written (set on the POST only: the page shows the stored date).
        if is_authority:
            form.instance.opinion_on = timezone.localdate()
        else:
            form.instance.answered_on = timezone.localdate()
    if request.method == "POST" and form is not None and save_form_atomically(form):
        messages.success(request, _("L'avis est enregistré ; la Cité peut y répondre.")
                         if is_authority else _("La réponse à l'avis est enregistrée."))
        return redirect("review:opinion", cite_slug=cite_slug, opinion_id=opinion.pk)
    return render(request, "review/opinion.html", {
        "opinion": opinion, "form": form, "is_authority": is_authority,
        "changes": changes_of(opinion, ignore=("version", "file"))})


def opinion_file(request: HttpRequest, cite_slug: str, opinion_id: int) -> FileResponse:
    opinion = get_object_or_404(OpinionRequest, pk=opinion_id)
    return _stream(opinion.file, opinion.filename)


def network(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The dated links with the network; recording one completes its roadmap task."""
    writes = level_for("review:network", request.cite_roles) >= Level.WRITE
    form = NetworkLinkForm(request.POST or None,
                           instance=NetworkLink(cite=request.cite, recorded_by=request.user)) \
        if writes else None
    if request.method == "POST" and form is not None and save_form_atomically(form):
        complete_task(form.instance)
        messages.success(request, _("« %(link)s » est enregistré.") % {"link": form.instance})
        return redirect("review:network", cite_slug=cite_slug)
    from capacite.roadmap.models import Task

    tasks = {t.key: t for t in Task.objects.filter(key__in=set(TASK_OF_LINK.values()))}
    links = [(link, tasks.get(TASK_OF_LINK.get(link.kind, ""))) for link in
             NetworkLink.objects.all()]
    return render(request, "review/network.html", {"links": links, "form": form,
                                                   "can_write": writes})


def network_link_edit(request: HttpRequest, cite_slug: str, network_link_id: int) -> HttpResponse:
    link = get_object_or_404(NetworkLink, pk=network_link_id)
    form = NetworkLinkForm(request.POST or None, instance=link)
    if request.method == "POST" and save_form_atomically(form):
        complete_task(link)
        messages.success(request, _("« %(link)s » est enregistré.") % {"link": link})
        return redirect("review:network", cite_slug=cite_slug)
    return render(request, "review/form_page.html", {
        "form": form, "title": str(link),
        "back": reverse("review:network", args=[cite_slug]),
        "back_label": _("Liens avec le réseau"), "changes": changes_of(link)})
