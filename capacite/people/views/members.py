"""A Cité's members: who has access and as what, invitations, role changes and their history.

The matrix lets the project lead, the director and the label authority in; the director only
manages people once the Cité is open (`may_manage_members`), and reads the page until then.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from capacite.core.models import Membership, Role
from capacite.lib.paging import page_of
from capacite.people import services
from capacite.people.domain.rules import may_manage_members
from capacite.people.forms import InviteForm, RoleForm
from capacite.people.history import role_history
from capacite.people.models import Invitation
from capacite.people.services import AccessRefused
from capacite.people.views.start import send, sent_message


def _may_manage(request: HttpRequest) -> bool:
    return may_manage_members(request.cite_roles, phase=request.cite.phase)


def _not_yet(request: HttpRequest) -> HttpResponse:
    """The director of a Cité not open yet: the project lead manages access until it opens."""
    return render(request, "people/not_manager.html")


def members(request: HttpRequest, cite_slug: str) -> HttpResponse:
    cite = request.cite
    rows = (Membership.objects.filter(cite=cite).select_related("user")
            .order_by("user__last_name", "user__first_name", "user__username", "role", "pk"))
    pending = [invitation for invitation in
               Invitation.objects.filter(accepted_at=None, cancelled_at=None)
               .select_related("invited_by", "organisation").order_by("-created_at")]
    return render(request, "people/members.html", {
        "rows": page_of(request, rows), "may_manage": _may_manage(request),
        "pending": [{"invitation": i, "state": services.state_of(i).value} for i in pending],
        "history": page_of(request, role_history(cite), param="historique"),
    })


def invite(request: HttpRequest, cite_slug: str) -> HttpResponse:
    if not _may_manage(request):
        return _not_yet(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = services.invite(cite=request.cite, email=data["email"], role=Role(data["role"]),
                                   organisation=data.get("organisation"),
                                   invited_by=request.user)
        except AccessRefused as refusal:
            form.add_error("email", str(refusal))
        else:
            if send(request, sent):
                messages.success(request, sent_message(sent))
            return redirect("people:members", cite_slug=cite_slug)
    return render(request, "people/invite.html", {"form": form})


def _membership(request: HttpRequest, membership_id: int) -> Membership:
    membership = (Membership.objects.filter(cite=request.cite, pk=membership_id)
                  .select_related("user").first())
    if membership is None:
        raise Http404
    return membership


def member_edit(request: HttpRequest, cite_slug: str, membership_id: int) -> HttpResponse:
    """Change a person's role, or take it away (after a confirmation); both go in the history."""
    membership = _membership(request, membership_id)
    if not _may_manage(request):
        return _not_yet(request)
    back = reverse("people:members", kwargs={"cite_slug": cite_slug})
    action = request.POST.get("action", "")
    form = RoleForm(request.POST if action == "change" else None,
                    initial={"role": membership.role})
    confirm = False
    if request.method == "POST":
        try:
            if action == "change" and form.is_valid():
                services.change_role(membership, role=Role(form.cleaned_data["role"]),
                                     by=request.user)
                messages.success(request, _("Le rôle de %(name)s est maintenant « %(role)s ».")
                                 % {"name": _name(membership.user),
                                    "role": Role(form.cleaned_data["role"]).label})
                return redirect(back)
            if action == "revoke" and request.POST.get("confirmer") == "oui":
                services.revoke(membership, by=request.user)
                messages.success(request, _("%(name)s n'a plus le rôle « %(role)s » dans la "
                                            "Cité.") % {"name": _name(membership.user),
                                                        "role": membership.get_role_display()})
                return redirect(back)
            confirm = action == "revoke"
        except AccessRefused as refusal:
            messages.error(request, str(refusal))
    return render(request, "people/member_edit.html", {
        "membership": membership, "form": form, "confirm": confirm, "back": back})


def invitation_cancel(request: HttpRequest, cite_slug: str, invitation_id: int) -> HttpResponse:
    """Ask, then cancel: the link stops working at once."""
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    if not _may_manage(request):
        return _not_yet(request)
    if request.method != "POST":
        return render(request, "people/invitation_cancel.html", {"invitation": invitation})
    services.cancel(invitation)
    messages.success(request, _("L'invitation de %(email)s est annulée : son lien ne marche "
                                "plus.") % {"email": invitation.email})
    return redirect("people:members", cite_slug=cite_slug)


def _name(user) -> str:  # type: ignore[no-untyped-def]
    return user.get_full_name() or user.get_username()
