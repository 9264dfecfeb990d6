"""Bodies (instances) and their members."""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.governance.choices import SUGGESTED_FREQUENCY, BodyKind
from capacite.governance.forms import BodyForm, MemberForm
from capacite.governance.models import Body, BodyMember
from capacite.governance.views import back_url


def body_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every body with its members count, next to the guide's table of instances."""
    bodies = Body.objects.annotate(member_count=Count("members", distinct=True),
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
    """A body: its members (added and removed here), its meetings and its decisions."""
    body = get_object_or_404(Body, pk=body_id)
    form = MemberForm(request.POST if request.POST.get("action") == "add_member" else None,
                      instance=BodyMember(cite=request.cite, body=body))
    if request.method == "POST":
        if request.POST.get("action") == "remove_member":
            member = get_object_or_404(BodyMember, pk=request.POST.get("member") or 0,
                                       body=body)
            member.delete()
            messages.success(request, _("%(member)s ne siège plus dans cette instance.") % {
                "member": member})
            return redirect("governance:body_detail", cite_slug=cite_slug, body_id=body.pk)
        if request.POST.get("action") == "add_member" and save_form_atomically(form):
            messages.success(request, _("%(member)s siège désormais dans cette instance.") % {
                "member": form.instance})
            return redirect("governance:body_detail", cite_slug=cite_slug, body_id=body.pk)
    return render(request, "governance/body_detail.html", {
        "body": body, "form": form,
        "members": body.members.select_related("organisation", "contact"),
        "meetings": body.meetings.all(),
        "decisions": body.decisions.all()[:10],
    })
