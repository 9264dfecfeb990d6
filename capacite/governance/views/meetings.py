"""Meetings and their agenda, sending the agenda, and the decisions register."""

from django.contrib import messages
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.governance.domain.agenda import overrun_minutes
from capacite.governance.forms import (
    AgendaItemForm,
    DecisionForm,
    MeetingForm,
    QuickItemFormSet,
)
from capacite.governance.mail import recipients, send_agenda
from capacite.governance.models import AgendaDocument, AgendaItem, Body, Decision, Meeting
from capacite.governance.services import add_agenda_items, move_agenda_item
from capacite.governance.views import back_url
from capacite.governance.views.seance import settle_and_tell
from capacite.lib.paging import page_of
from capacite.lib.params import id_param


def meeting_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The meetings to come, soonest first, then the past ones fifty at a time, latest first,
    in a fixed number of queries."""
    items = AgendaItem.objects.filter(meeting=OuterRef("pk")).order_by().values("meeting")
    decisions = Decision.objects.filter(meeting=OuterRef("pk")).order_by().values("meeting")
    rows = Meeting.objects.select_related("body").annotate(
        item_count=Coalesce(Subquery(items.annotate(n=Count("pk")).values("n")), 0),
        agenda_minutes=Coalesce(
            Subquery(items.annotate(n=Sum("duration_minutes")).values("n")), 0),
        decision_count=Coalesce(Subquery(decisions.annotate(n=Count("pk")).values("n")), 0),
    )
    now = timezone.now()
    upcoming = list(rows.filter(starts_at__gte=now).order_by("starts_at", "pk"))
    past = page_of(request, rows.filter(starts_at__lt=now).order_by("-starts_at", "-pk"),
                   param="passees")
    for m in [*upcoming, *past.items]:
        m.overrun = overrun_minutes(m.duration_minutes, [m.agenda_minutes])
    return render(request, "governance/meeting_list.html", {"upcoming": upcoming, "past": past})


def meeting_create(request: HttpRequest, cite_slug: str, body_id: int) -> HttpResponse:
    body = get_object_or_404(Body, pk=body_id)
    form = MeetingForm(request.POST or None, instance=Meeting(cite=request.cite, body=body))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La réunion est créée : ajoutez son ordre du jour."))
        return redirect("governance:meeting_detail", cite_slug=cite_slug,
                        meeting_id=form.instance.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Nouvelle réunion : %(body)s") % {"body": body.name},
        "back": back_url("governance:body_detail", cite_slug, body_id=body.pk),
        "back_label": body.name})


def meeting_edit(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La réunion est enregistrée."))
        return redirect("governance:meeting_detail", cite_slug=cite_slug, meeting_id=meeting.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Modifier « %(meeting)s »") % {"meeting": meeting},
        "back": back_url("governance:meeting_detail", cite_slug, meeting_id=meeting.pk),
        "back_label": str(meeting), "changes": changes_of(meeting),
        "delete_url": back_url("governance:meeting_delete", cite_slug, meeting_id=meeting.pk),
        "delete_label": _("Supprimer cette réunion")})


def meeting_delete(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    """Ask, then delete a meeting (a cancelled one): its agenda, documents and attendance go;
    its decisions stay in the register, its positions in the partners' history."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    return confirm_removal(
        request, meeting,
        title=_("Supprimer « %(meeting)s »") % {"meeting": meeting},
        consequence=_("L'ordre du jour, ses documents, les présences et le compte rendu de "
                      "cette réunion seront supprimés. Ses décisions restent dans le registre "
                      "et les positions dans l'historique des partenaires."),
        back=back_url("governance:body_detail", cite_slug, body_id=meeting.body_id),
        back_label=meeting.body.name, button=_("Supprimer la réunion"),
        done=_("La réunion « %(meeting)s » est supprimée.") % {"meeting": meeting})


def meeting_detail(request: HttpRequest, cite_slug: str, meeting_id: int,
                   new_items=None) -> HttpResponse:
    """The agenda of a meeting, its overrun warning, and the links to send, record and print.

    Points are added several at a time and reordered on this page, so building an agenda is
    not one page round trip per point.
    """
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    items = list(meeting.items.prefetch_related("documents"))
    planned = sum(item.duration_minutes for item in items)
    return render(request, "governance/meeting_detail.html", {
        "meeting": meeting, "items": items, "planned": planned,
        "overrun": overrun_minutes(meeting.duration_minutes, [planned]),
        "decisions": meeting.decisions.select_related("task"),
        "new_items": new_items or QuickItemFormSet(prefix="points"),
    })


@require_POST
def items_add(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    """Add the points typed in the rows under the agenda; nothing is added while a row is wrong."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    formset = QuickItemFormSet(request.POST, prefix="points")
    if not formset.is_valid():
        return meeting_detail(request, cite_slug, meeting_id, new_items=formset)
    rows = [row for row in (form.row() for form in formset) if row]
    added = add_agenda_items(meeting, rows)
    if added:
        messages.success(request, ngettext(
            "%(count)d point ajouté à l'ordre du jour.",
            "%(count)d points ajoutés à l'ordre du jour.", len(added)) % {"count": len(added)})
    else:
        messages.info(request, _("Aucun point ajouté : toutes les lignes étaient vides."))
    return redirect(reverse("governance:meeting_detail", kwargs={
        "cite_slug": cite_slug, "meeting_id": meeting.pk}) + "#agenda")


@require_POST
def item_move(request: HttpRequest, cite_slug: str, item_id: int) -> HttpResponse:
    """Move one point up or down the agenda (« Monter » / « Descendre »)."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=item_id)
    step = {"monter": -1, "descendre": 1}.get(request.POST.get("sens", ""))
    if step is None:
        messages.error(request, _("Déplacement inconnu : choisissez « Monter » ou "
                                  "« Descendre »."))
    else:
        move_agenda_item(item, step)
    return redirect(reverse("governance:meeting_detail", kwargs={
        "cite_slug": cite_slug, "meeting_id": item.meeting_id}) + f"#point-{item.pk}")


def _save_item(request, form, meeting) -> bool:
    if not save_form_atomically(form):
        return False
    upload = form.cleaned_data.get("document")
    if upload:
        AgendaDocument.objects.create(cite=request.cite, item=form.instance, file=upload,
                                      filename=upload.name.rsplit("/", 1)[-1][:200])
    return True


def item_create(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    item = AgendaItem(cite=request.cite, meeting=meeting, position=meeting.items.count() + 1)
    form = AgendaItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and _save_item(request, form, meeting):
        messages.success(request, _("Le point « %(title)s » est ajouté à l'ordre du jour.") % {
            "title": form.instance.title})
        return redirect("governance:meeting_detail", cite_slug=cite_slug, meeting_id=meeting.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "multipart": True, "title": _("Nouveau point de l'ordre du jour"),
        "back": back_url("governance:meeting_detail", cite_slug, meeting_id=meeting.pk),
        "back_label": str(meeting)})


def item_edit(request: HttpRequest, cite_slug: str, item_id: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=item_id)
    form = AgendaItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and _save_item(request, form, item.meeting):
        messages.success(request, _("Le point « %(title)s » est enregistré.") % {
            "title": item.title})
        return redirect("governance:meeting_detail", cite_slug=cite_slug,
                        meeting_id=item.meeting_id)
    return render(request, "governance/form_page.html", {
        "form": form, "multipart": True,
        "title": _("Modifier « %(title)s »") % {"title": item.title},
        "back": back_url("governance:meeting_detail", cite_slug, meeting_id=item.meeting_id),
        "back_label": str(item.meeting), "changes": changes_of(item),
        "delete_url": back_url("governance:item_delete", cite_slug, item_id=item.pk),
        "delete_label": _("Retirer ce point de l'ordre du jour")})


def item_delete(request: HttpRequest, cite_slug: str, item_id: int) -> HttpResponse:
    """Ask, then take a point off the agenda; its history keeps the deletion."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body"), pk=item_id)
    documents = item.documents.count()
    return confirm_removal(
        request, item,
        title=_("Retirer « %(title)s » de l'ordre du jour") % {"title": item.title},
        consequence=(_("Le point, son compte rendu et ses %(count)d documents joints seront "
                       "supprimés de la réunion « %(meeting)s ».") if documents else
                     _("Le point et son compte rendu seront supprimés de la réunion "
                       "« %(meeting)s ».")) % {"count": documents, "meeting": item.meeting},
        back=back_url("governance:meeting_detail", cite_slug, meeting_id=item.meeting_id),
        back_label=str(item.meeting), button=_("Retirer ce point"),
        done=_("Le point « %(title)s » est retiré de l'ordre du jour.") % {"title": item.title})


def meeting_send(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    """Confirm, then e-mail the agenda with its calendar invitation to the members."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        sent = send_agenda(meeting)
        if sent:
            messages.success(request, _(
                "L'ordre du jour et l'invitation ont été envoyés à %(count)d destinataires.")
                % {"count": len(sent)})
        else:
            messages.error(request, _("Aucun membre n'a de courriel : rien n'a été envoyé."))
        return redirect("governance:meeting_detail", cite_slug=cite_slug, meeting_id=meeting.pk)
    return render(request, "governance/meeting_send.html", {
        "meeting": meeting, "recipients": recipients(meeting), "items": meeting.items.all()})


def decision_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The decisions register of the Cité, filterable by body, fifty at a time."""
    decisions = Decision.objects.select_related("body", "meeting", "task")
    bodies = Body.objects.all()
    chosen = id_param(request.GET, "instance")
    if chosen is not None:
        decisions = decisions.filter(body_id=chosen)
    return render(request, "governance/decision_list.html", {
        "decisions": page_of(request, decisions), "bodies": bodies, "chosen": chosen})


def decision_edit(request: HttpRequest, cite_slug: str, decision_id: int) -> HttpResponse:
    """A decision with its history; writers may correct it here."""
    decision = get_object_or_404(Decision.objects.select_related("body", "task"),
                                 pk=decision_id)
    form = DecisionForm(request.POST or None, instance=decision)
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("La décision est enregistrée."))
        settle_and_tell(request, decision)
        return redirect("governance:decision_edit", cite_slug=cite_slug, decision_id=decision.pk)
    return render(request, "governance/decision_edit.html", {
        "decision": decision, "form": form, "changes": changes_of(decision)})
