"""The workshops planner: groups, sessions on a calendar, warnings, tagged proposals."""

from itertools import groupby

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.governance.forms import (
    WorkshopGroupForm,
    WorkshopProposalForm,
    WorkshopSessionForm,
)
from capacite.governance.models import (
    WorkshopGroup,
    WorkshopProposal,
    WorkshopSession,
)
from capacite.governance.services import workshop_plan
from capacite.governance.views import back_url


def workshop_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The plan: groups, their sessions month by month, and the guide's warnings."""
    groups, warnings = workshop_plan()
    sessions = sorted(((s, g) for g in groups for s in g.sessions.all()),
                      key=lambda pair: pair[0].date)
    calendar = [(month, list(pairs)) for month, pairs in
                groupby(sessions, key=lambda pair: pair[0].date.replace(day=1))]
    proposals = WorkshopProposal.objects.select_related("group").order_by("dossier_part", "pk")
    return render(request, "governance/workshop_list.html", {
        "groups": groups, "warnings": warnings, "calendar": calendar, "proposals": proposals})


def workshop_create(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = WorkshopGroupForm(request.POST or None, instance=WorkshopGroup(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le groupe « %(theme)s » est créé.") % {
            "theme": form.instance.theme})
        return redirect("governance:workshop_detail", cite_slug=cite_slug,
                        group_id=form.instance.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Nouveau groupe de travail"),
        "back": back_url("governance:workshops", cite_slug),
        "back_label": _("Ateliers")})


def workshop_edit(request: HttpRequest, cite_slug: str, group_id: int) -> HttpResponse:
    group = get_object_or_404(WorkshopGroup, pk=group_id)
    form = WorkshopGroupForm(request.POST or None, instance=group)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le groupe « %(theme)s » est enregistré.") % {
            "theme": group.theme})
        return redirect("governance:workshop_detail", cite_slug=cite_slug, group_id=group.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Modifier « %(theme)s »") % {"theme": group.theme},
        "back": back_url("governance:workshop_detail", cite_slug, group_id=group.pk),
        "back_label": group.theme, "changes": changes_of(group)})


def workshop_detail(request: HttpRequest, cite_slug: str, group_id: int) -> HttpResponse:
    """A group: participants, sessions and proposals (both added here)."""
    group = get_object_or_404(WorkshopGroup, pk=group_id)
    action = request.POST.get("action") if request.method == "POST" else None
    session_form = WorkshopSessionForm(
        request.POST if action == "session" else None,
        instance=WorkshopSession(cite=request.cite, group=group), prefix="session")
    proposal_form = WorkshopProposalForm(
        request.POST if action == "proposal" else None,
        instance=WorkshopProposal(cite=request.cite, group=group), prefix="proposal")
    if action == "session" and save_form_atomically(session_form):
        messages.success(request, _("La séance est ajoutée au calendrier."))
        return redirect("governance:workshop_detail", cite_slug=cite_slug, group_id=group.pk)
    if action == "proposal" and save_form_atomically(proposal_form):
        messages.success(request, _("La proposition est enregistrée."))
        return redirect("governance:workshop_detail", cite_slug=cite_slug, group_id=group.pk)
    return render(request, "governance/workshop_detail.html", {
        "group": group, "session_form": session_form, "proposal_form": proposal_form,
        "contacts": group.contacts.select_related("organisation"),
        "organisations": group.organisations.all(),
        "sessions": group.sessions.all(), "proposals": group.proposals.all()})


def session_delete(request: HttpRequest, cite_slug: str, session_id: int) -> HttpResponse:
    """Ask, then take a session off the group's calendar."""
    session = get_object_or_404(WorkshopSession.objects.select_related("group"), pk=session_id)
    when = f"{session.date:%d/%m/%Y}"
    return confirm_removal(
        request, session,
        title=_("Supprimer la séance du %(date)s") % {"date": when},
        consequence=_("La séance du %(date)s du groupe « %(theme)s » sera retirée du "
                      "calendrier des ateliers.") % {"date": when, "theme": session.group.theme},
        back=back_url("governance:workshop_detail", cite_slug, group_id=session.group_id),
        back_label=session.group.theme, button=_("Supprimer la séance"),
        done=_("La séance du %(date)s est supprimée.") % {"date": when})


def proposal_edit(request: HttpRequest, cite_slug: str, proposal_id: int) -> HttpResponse:
    proposal = get_object_or_404(WorkshopProposal.objects.select_related("group"),
                                 pk=proposal_id)
    form = WorkshopProposalForm(request.POST or None, instance=proposal)
    back = back_url("governance:workshop_detail", cite_slug, group_id=proposal.group_id)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La proposition est enregistrée."))
        return redirect(back)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Modifier la proposition"), "back": back,
        "back_label": proposal.group.theme, "changes": changes_of(proposal),
        "delete_url": back_url("governance:proposal_delete", cite_slug,
                               proposal_id=proposal.pk),
        "delete_label": _("Supprimer cette proposition")})


def proposal_delete(request: HttpRequest, cite_slug: str, proposal_id: int) -> HttpResponse:
    """Ask, then delete a proposal; its history keeps the deletion."""
    proposal = get_object_or_404(WorkshopProposal.objects.select_related("group"),
                                 pk=proposal_id)
    return confirm_removal(
        request, proposal,
        title=_("Supprimer la proposition « %(title)s »") % {"title": proposal.title},
        consequence=_("La proposition ne sera plus rattachée au dossier de label."),
        back=back_url("governance:workshop_detail", cite_slug, group_id=proposal.group_id),
        back_label=proposal.group.theme, button=_("Supprimer la proposition"),
        done=_("La proposition est supprimée."))
