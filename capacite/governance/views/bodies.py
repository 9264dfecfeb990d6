"""Bodies (instances) and their members."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.governance.choices import SUGGESTED_FREQUENCY, BodyKind
from capacite.governance.forms import BodyForm, MemberEditForm, MemberForm
from capacite.governance.models import Body, BodyMember, current_members
from capacite.governance.views import back_url
from capacite.lib.paging import page_of


def body_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every body with its members count, next to the guide's table of instances."""
    bodies = Body.objects.annotate(member_count=Count("members", distinct=True,
                                                      filter=Q(members__left_on__isnull=True)),
                                   meeting_count=Count("meetings", distinct=True))
    guide = [(label, SUGGESTED_FREQUENCY[BodyKind(kind)]) for kind, label in BodyKind.choices]
    return render(request, "governance/body_list.html", {"bodies": bodies, "guide": guide})


def body_create(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = BodyForm(request.POST or None, instance=Body(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'instance « %(name)s » est créée.") % {
            "name": form.instance.name})
        return redirect("governance:body_detail", cite_slug=cite_slug, body_id=form.instance.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Nouvelle instance"),
        "back": back_url("governance:bodies", cite_slug),
        "back_label": _("Instances")})


def body_edit(request: HttpRequest, cite_slug: str, body_id: int) -> HttpResponse:
    body = get_object_or_404(Body, pk=body_id)
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'instance « %(name)s » est enregistrée.") % {
            "name": body.name})
        return redirect("governance:body_detail", cite_slug=cite_slug, body_id=body.pk)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Modifier « %(name)s »") % {"name": body.name},
        "back": back_url("governance:body_detail", cite_slug, body_id=body.pk),
        "back_label": body.name,
        "changes": changes_of(body)})


def body_detail(request: HttpRequest, cite_slug: str, body_id: int) -> HttpResponse:
    """A body: its members (added here, each with links to edit or remove it), its meetings
    and its decisions."""
    body = get_object_or_404(Body, pk=body_id)
    form = MemberForm(request.POST if request.POST.get("action") == "add_member" else None,
                      instance=BodyMember(cite=request.cite, body=body))
    if (request.method == "POST" and request.POST.get("action") == "add_member"
            and save_form_atomically(form)):
        messages.success(request, _("%(member)s siège désormais dans cette instance.") % {
            "member": form.instance})
        return redirect("governance:body_detail", cite_slug=cite_slug, body_id=body.pk)
    return render(request, "governance/body_detail.html", {
        "body": body, "form": form,
        "members": current_members(body).select_related("organisation", "contact"),
        "former": body.members.filter(left_on__isnull=False).select_related("organisation"),
        "meetings": page_of(request, body.meetings.order_by("-starts_at", "-pk"),
                            param="reunions"),
        "decisions": body.decisions.all()[:10],
    })


def _seated(member_id: int) -> BodyMember:
    return get_object_or_404(BodyMember.objects.select_related("body", "organisation"),
                             pk=member_id, left_on__isnull=True)


def member_edit(request: HttpRequest, cite_slug: str, member_id: int) -> HttpResponse:
    """Change a member's role in the body, or the person who sits for the organisation."""
    member = _seated(member_id)
    form = MemberEditForm(request.POST or None, instance=member)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le membre %(member)s est enregistré.") % {"member": member})
        return redirect("governance:body_detail", cite_slug=cite_slug, body_id=member.body_id)
    return render(request, "governance/form_page.html", {
        "form": form,
        "title": _("%(organisation)s au sein de « %(body)s »") % {
            "organisation": member.organisation.name, "body": member.body.name},
        "back": back_url("governance:body_detail", cite_slug, body_id=member.body_id),
        "back_label": member.body.name, "changes": changes_of(member)})


def member_remove(request: HttpRequest, cite_slug: str, member_id: int) -> HttpResponse:
    """Ask, then record that the member no longer sits on the body (its past attendance stays)."""
    member = _seated(member_id)

    def leave(seat) -> None:
        seat.left_on = timezone.localdate()
        seat.version += 1
        seat.save()

    return confirm_removal(
        request, member,
        title=_("Retirer « %(organisation)s » de l'instance « %(body)s »") % {
            "organisation": member.organisation.name, "body": member.body.name},
        consequence=_("Cette organisation ne sera plus convoquée ni comptée parmi les membres. "
                      "Ses présences aux réunions passées restent dans les comptes rendus."),
        back=back_url("governance:body_detail", cite_slug, body_id=member.body_id),
        back_label=member.body.name, button=_("Retirer ce membre"), remove=leave,
        done=_("« %(organisation)s » ne siège plus dans cette instance.") % {
            "organisation": member.organisation.name})
