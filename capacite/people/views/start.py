"""Opening a Cité space (the label authority, or anybody on a self-service instance) and
accepting an invitation."""

import logging
import smtplib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.models import Role
from capacite.lib.days import day_and_time
from capacite.people import services
from capacite.people.forms import AuthorityStartForm, CiteStartForm, NewAccountForm, SelfStartForm
from capacite.people.services import AccessRefused

logger = logging.getLogger(__name__)
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def send(request: HttpRequest, sent: services.Sent) -> bool:
    """E-mail an invitation; on a mail server failure, say so (the invitation stays pending and
    can be sent again from the members page)."""
    url = request.build_absolute_uri(reverse("people:accept", args=[sent.token]))
    try:
        services.send_invitation(sent, accept_url=url)
    except (smtplib.SMTPException, OSError):
        logger.exception("invitation %s not sent", sent.invitation.pk)
        messages.error(request, _("Le courriel d'invitation à %(email)s n'a pas pu partir (le "
                                  "serveur de courrier ne répond pas). Invitez de nouveau "
                                  "depuis la page des membres.") % {
            "email": sent.invitation.email})
        return False
    return True


def sent_message(sent: services.Sent) -> str:
    return _("Invitation envoyée à %(email)s (%(role)s), valable jusqu'au %(date)s.") % {
        "email": sent.invitation.email, "role": Role(sent.invitation.role).label,
        "date": day_and_time(timezone.localtime(sent.invitation.expires_at))}


def authority_start(request: HttpRequest) -> HttpResponse:
    """The label authority opens a Cité space and invites its project lead."""
    form = AuthorityStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                cite = services.start_cite(form.start())
                sent = services.invite(cite=cite, email=form.cleaned_data["lead_email"],
                                       role=Role.PROJECT_LEAD, invited_by=request.user)
        except AccessRefused as refusal:
            form.add_error("slug", str(refusal))
        else:
            messages.success(request, _("La Cité « %(name)s » est ouverte, avec les tâches et "
                                        "les points de vigilance de la méthode.") % {
                "name": cite.name})
            if send(request, sent):
                messages.success(request, sent_message(sent))
            return redirect("people:members", cite_slug=cite.slug)
    return render(request, "people/start.html", {"form": form, "authority": True})


def self_start(request: HttpRequest) -> HttpResponse:
    """Self-service start, on an instance whose operator opened it (CAPACITE_SELF_SERVICE_START).

    Signed in, the person becomes the new Cité's project lead at once; otherwise the Cité waits
    in an invitation e-mailed to them, and is created when they open the link.
    """
    if not settings.CAPACITE_SELF_SERVICE_START:
        return render(request, "people/start_closed.html")
    signed_in = request.user.is_authenticated
    form = (CiteStartForm if signed_in else SelfStartForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if signed_in:
            try:
                cite = services.start_as_project_lead(form.start(), user=request.user)
            except AccessRefused as refusal:
                form.add_error("slug", str(refusal))
            else:
                messages.success(request, _("La Cité « %(name)s » est ouverte : vous en êtes le "
                                            "porteur de projet.") % {"name": cite.name})
                return redirect("core:cite_home", cite_slug=cite.slug)
        else:
            sent = services.invite(cite=None, email=form.cleaned_data["lead_email"],
                                   role=Role.PROJECT_LEAD, cite_request=form.start())
            if send(request, sent):
                return render(request, "people/start_sent.html", {"sent": sent})
    return render(request, "people/start.html", {"form": form, "authority": False})


def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Open an invitation: create one's account (or use the one signed in) and take the role.

    A link that is unknown, used, cancelled or expired gets a page saying so and what to do; it
    is not a 404, so the person reads why rather than a dead end.
    """
    invitation = services.find_invitation(token)
    refusal = services.refusal_message(invitation)
    if refusal:
        return render(request, "people/accept.html", {"refusal": refusal})
    assert invitation is not None
    context = {"invitation": invitation, "role": Role(invitation.role).label,
               "cite_name": (invitation.cite.name if invitation.cite_id
                             else invitation.cite_request["name"])}
    if request.user.is_authenticated:
        if request.method == "POST":
            return _accepted(request, invitation, request.user)
        return render(request, "people/accept.html", {**context, "mode": "signed_in"})
    if services.account_for(invitation.email):
        return render(request, "people/accept.html", {
            **context, "mode": "sign_in",
            "login_url": f"{reverse('login')}?next={request.path}"})
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                user = services.create_account(
                    email=invitation.email, first_name=data["first_name"],
                    last_name=data["last_name"], password=data["password1"])
                cite = services.accept(invitation, user=user)
        except AccessRefused as refusal:
            return render(request, "people/accept.html", {"refusal": str(refusal)})
        login(request, user, backend=LOGIN_BACKEND)
        messages.success(request, _("Bienvenue : votre compte est créé. Votre identifiant de "
                                    "connexion est %(username)s.") % {"username": user.username})
        return redirect("core:cite_home", cite_slug=cite.slug)
    return render(request, "people/accept.html", {**context, "mode": "new", "form": form})


def _accepted(request: HttpRequest, invitation, user) -> HttpResponse:  # type: ignore[no-untyped-def]
    try:
        cite = services.accept(invitation, user=user)
    except AccessRefused as refusal:
        return render(request, "people/accept.html", {"refusal": str(refusal)})
    messages.success(request, _("Vous avez maintenant le rôle « %(role)s » dans %(cite)s.") % {
        "role": Role(invitation.role).label, "cite": cite.name})
    return redirect("core:cite_home", cite_slug=cite.slug)
