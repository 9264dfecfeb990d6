"""Starting a Cité, inviting people, changing and taking away their roles.

Every write runs in one transaction; those that could leave a Cité without anybody to manage it
lock the Cité's row first, so two people taking roles away at once cannot both succeed.
"""

import hashlib
import secrets
from dataclasses import asdict, dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite, Membership, Phase, Role
from capacite.lib.days import day_and_time
from capacite.people.domain.rules import (
    Holding,
    InvitationState,
    expiry,
    invitation_state,
    leaves_no_manager,
)
from capacite.people.models import Invitation

User = get_user_model()


class AccessRefused(ValueError):
    """A change the rules forbid; the message says why, in French, for the page."""


# --- starting a Cité ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CiteStart:
    """What it takes to open a Cité space: as plain data, so a self-service request can wait
    in its invitation until the future project lead accepts."""

    name: str
    slug: str
    phase: str = Phase.EMERGENCE
    epci_codes: tuple[str, ...] = ()
    commune_codes: tuple[str, ...] = ()
    target_date: date | None = None

    def as_json(self) -> dict:
        data = asdict(self)
        data["epci_codes"], data["commune_codes"] = list(self.epci_codes), list(self.commune_codes)
        data["target_date"] = self.target_date.isoformat() if self.target_date else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> "CiteStart":
        target = data.get("target_date")
        return cls(name=data["name"], slug=data["slug"], phase=data.get("phase", Phase.EMERGENCE),
                   epci_codes=tuple(data.get("epci_codes", ())),
                   commune_codes=tuple(data.get("commune_codes", ())),
                   target_date=date.fromisoformat(target) if target else None)


def slug_taken(slug: str) -> bool:
    return Cite.objects.filter(slug=slug).exists()


def start_cite(start: CiteStart) -> Cite:
    """Create the Cité as the demo's are: the method's tasks and vigilance points (the roadmap
    app gives them to every new Cité), its territory from the reference, and its rétro-planning
    aimed at `start.target_date`. Raises AccessRefused if the identifier is taken."""
    from capacite.roadmap.models import BackplanTarget, Task
    from capacite.territory.models import CiteTerritory, Commune, Epci
    from capacite.territory.services import latest_year

    year = latest_year()
    with transaction.atomic():
        if slug_taken(start.slug):
            raise AccessRefused(_("L'identifiant « %(slug)s » est déjà celui d'une autre Cité : "
                                  "choisissez-en un autre.") % {"slug": start.slug})
        epcis = list(Epci.objects.filter(year=year, code__in=start.epci_codes).order_by("name"))
        communes = list(Commune.objects.filter(year=year, code__in=start.commune_codes)
                        .order_by("name"))
        cite = Cite.objects.create(slug=start.slug, name=start.name, phase=start.phase,
                                   territory=territory_label(epcis, communes))
        with scope(cite=cite):
            if epcis or communes:
                territory = CiteTerritory.objects.create(cite=cite)
                territory.epcis.add(*epcis)
                territory.communes.add(*communes)
            if start.target_date:
                target = target_task(Task.objects.filter(is_target=True), phase=start.phase)
                if target is not None:
                    BackplanTarget.objects.create(cite=cite, task=target, date=start.target_date)
    return cite


def territory_label(epcis: list, communes: list) -> str:
    """The Cité's territory in a few words, for lists and headers ("CA du Bassin…, Bonneville")."""
    names = [e.name for e in epcis] + [c.name for c in communes]
    label = ", ".join(names[:3])
    if len(names) > 3:
        label += " " + _("et %(count)s autres") % {"count": len(names) - 3}
    return label[:200]


def target_task(targets, *, phase: str):  # type: ignore[no-untyped-def]
    """The method's milestone the rétro-planning aims at from `phase`: the label projet
    committee before it, the opening, then the label fonctionnement."""
    order = [p.value for p in Phase]
    ahead = [t for t in targets if order.index(t.phase) >= order.index(phase)]
    return min(ahead, key=lambda t: (order.index(t.phase), t.position), default=None)


# --- invitations -------------------------------------------------------------------------------

def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Sent:
    invitation: Invitation
    token: str  # the secret of the link: only ever in the e-mail


def invite(*, cite: Cite | None, email: str, role: Role, invited_by=None,  # type: ignore[no-untyped-def]
           organisation=None, cite_request: CiteStart | None = None) -> Sent:
    """Record an invitation valid for seven days; a pending one for the same address and role
    in the same Cité is cancelled, so only the newest link works. Raises AccessRefused when the
    person already holds that role there."""
    email = User.objects.normalize_email(email).strip()
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic(), scopes_disabled():
        if cite is not None and Membership.objects.filter(
                cite=cite, role=role, user__email__iexact=email).exists():
            raise AccessRefused(_("%(email)s a déjà le rôle « %(role)s » dans cette Cité.") % {
                "email": email, "role": Role(role).label})
        if cite is not None:
            Invitation.objects.filter(cite=cite, email__iexact=email, role=role,
                                      accepted_at=None, cancelled_at=None).update(cancelled_at=now)
        invitation = Invitation.objects.create(
            cite=cite, email=email, role=role, organisation=organisation,
            token_hash=_hash(token), invited_by=invited_by, created_at=now, expires_at=expiry(now),
            cite_request=cite_request.as_json() if cite_request else None)
    return Sent(invitation, token)


def send_invitation(sent: Sent, *, accept_url: str) -> None:
    """E-mail the link. With the console backend of `make run`, the message and its link are
    printed in the server's terminal, where the operator sees them."""
    invitation = sent.invitation
    with scopes_disabled():
        cite_name = (invitation.cite.name if invitation.cite_id
                     else invitation.cite_request["name"])
    context = {"invitation": invitation, "cite_name": cite_name, "url": accept_url,
               "inviter": _display_name(invitation.invited_by) if invitation.invited_by else "",
               "role": Role(invitation.role).label}
    subject = _("Invitation : %(role)s, %(cite)s") % {"role": context["role"], "cite": cite_name}
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("people/invitation_email.txt", context)
    send_mail(subject, body, None, [invitation.email])


def find_invitation(token: str) -> Invitation | None:
    with scopes_disabled():
        return (Invitation.objects.select_related("cite", "invited_by", "organisation")
                .filter(token_hash=_hash(token)).first())


def state_of(invitation: Invitation) -> InvitationState:
    return invitation_state(accepted_at=invitation.accepted_at,
                            cancelled_at=invitation.cancelled_at,
                            expires_at=invitation.expires_at, now=timezone.now())


def refusal_message(invitation: Invitation | None) -> str:
    """Why a link does not work, in words that tell the person what to do next."""
    if invitation is None:
        return _("Ce lien d'invitation n'est pas valide : vérifiez qu'il est complet (copiez-le "
                 "en entier depuis le message), ou demandez une nouvelle invitation.")
    state = state_of(invitation)
    who = _display_name(invitation.invited_by) if invitation.invited_by else _("la Cité")
    local = timezone.localtime
    if state == InvitationState.USED:
        return _("Cette invitation a déjà servi, le %(date)s : un lien d'invitation ne sert "
                 "qu'une fois. Connectez-vous avec le compte créé ce jour-là (mot de passe "
                 "oublié ? demandez-en un nouveau depuis la page de connexion).") % {
            "date": local(invitation.accepted_at).strftime("%d/%m/%Y")}
    if state == InvitationState.EXPIRED:
        return _("Cette invitation a expiré le %(date)s : un lien d'invitation vaut sept jours. "
                 "Demandez à %(who)s de vous en envoyer une nouvelle.") % {
            "date": day_and_time(local(invitation.expires_at)), "who": who}
    if state == InvitationState.CANCELLED:
        return _("Cette invitation a été annulée le %(date)s. Demandez à %(who)s de vous en "
                 "envoyer une nouvelle si besoin.") % {
            "date": local(invitation.cancelled_at).strftime("%d/%m/%Y"), "who": who}
    return ""


def accept(invitation: Invitation, *, user) -> Cite:  # type: ignore[no-untyped-def]
    """Give `user` the invitation's role (creating its Cité for a self-service start) and spend
    the link. Raises AccessRefused if the link was used, cancelled or expired meanwhile: the
    row is locked, so the same link opened twice at once still serves only once."""
    with transaction.atomic(), scopes_disabled():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if state_of(locked) != InvitationState.VALID:
            raise AccessRefused(refusal_message(locked))
        cite = locked.cite
        if cite is None:
            cite = start_cite(CiteStart.from_json(locked.cite_request))
            locked.cite = cite
        membership = give_role(cite, user=user, role=Role(locked.role),
                               by=locked.invited_by or user)
        _link_organisation(membership, locked.organisation)
        locked.accepted_at, locked.accepted_by = timezone.now(), user
        locked.save(update_fields=["cite", "accepted_at", "accepted_by"])
    return cite


def give_role(cite: Cite, *, user, role: Role, by) -> Membership:  # type: ignore[no-untyped-def]
    """Give `user` `role` in `cite` (recorded in the role's history as given by `by`), with the
    method's tasks of that role nobody carries yet."""
    membership = Membership.objects.filter(user=user, cite=cite, role=role).first()
    if membership is None:
        membership = Membership(user=user, cite=cite, role=role)
        membership._history_user = by  # type: ignore[attr-defined]
        membership.save()
    _give_unowned_tasks(cite, user=user, role=role)
    return membership


def start_as_project_lead(start: CiteStart, *, user) -> Cite:  # type: ignore[no-untyped-def]
    """Self-service start by a signed-in person: the Cité, and its project lead role for them."""
    with transaction.atomic():
        cite = start_cite(start)
        give_role(cite, user=user, role=Role.PROJECT_LEAD, by=user)
    return cite


def _link_organisation(membership: Membership, organisation) -> None:  # type: ignore[no-untyped-def]
    """A partner representative speaks for the organisation named in the invitation."""
    from capacite.partners.models import PartnerLink

    if organisation is None or membership.role != Role.PARTNER:
        return
    PartnerLink.objects.update_or_create(membership=membership, defaults={
        "cite": membership.cite, "organisation": organisation})


def _give_unowned_tasks(cite: Cite, *, user, role: str) -> None:  # type: ignore[no-untyped-def]
    """The method's tasks for `role` that nobody carries yet go to the newcomer, as the demo
    gives them to its people."""
    from capacite.roadmap.domain.method import load_method
    from capacite.roadmap.models import Task

    keys = [task.key for task in load_method().tasks if task.owner_role == role]
    with scope(cite=cite):
        for task in Task.objects.filter(key__in=keys, owner__isnull=True):
            task.owner = user
            task.save(update_fields=["owner"])


def create_account(*, email: str, first_name: str, last_name: str, password: str):  # type: ignore[no-untyped-def]
    """A new account whose identifier is the e-mail address (what the invitation was sent to)."""
    try:
        with transaction.atomic():
            return User.objects.create_user(username=email.lower(), email=email,
                                            first_name=first_name, last_name=last_name,
                                            password=password)
    except IntegrityError as exc:
        raise AccessRefused(_("Un compte existe déjà avec l'identifiant %(email)s : "
                              "connectez-vous pour accepter l'invitation.") % {"email": email}
                            ) from exc


def account_for(email: str):  # type: ignore[no-untyped-def]
    """The existing account of this address, if any (identifier or e-mail)."""
    return (User.objects.filter(username__iexact=email).first()
            or User.objects.filter(email__iexact=email).order_by("pk").first())


def cancel(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, accepted_at=None,
                              cancelled_at=None).update(cancelled_at=timezone.now())


# --- changing and taking away roles -------------------------------------------------------------

def _holdings(cite: Cite) -> list[Holding]:
    return [Holding(pk, Role(role)) for pk, role in
            Membership.objects.filter(cite=cite).values_list("pk", "role")]


def _guard(cite: Cite, membership: Membership, new_role: Role | None) -> None:
    if leaves_no_manager(_holdings(cite), removed={membership.pk}, added=new_role):
        raise AccessRefused(_(
            "%(name)s est la dernière personne porteur de projet ou direction de la Cité : "
            "sans elle, plus personne ne pourrait inviter ni gérer les accès. Invitez d'abord "
            "quelqu'un à ce rôle.") % {"name": _display_name(membership.user)})


def change_role(membership: Membership, *, role: Role, by) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        cite = Cite.objects.select_for_update().get(pk=membership.cite_id)
        membership = Membership.objects.select_related("user").get(pk=membership.pk)
        if membership.role == role:
            return
        _guard(cite, membership, role)
        if Membership.objects.filter(user=membership.user, cite=cite, role=role).exists():
            raise AccessRefused(_("%(name)s a déjà le rôle « %(role)s » dans cette Cité.") % {
                "name": _display_name(membership.user), "role": role.label})
        membership.role = role
        membership._history_user = by  # type: ignore[attr-defined]
        membership.save()


def revoke(membership: Membership, *, by) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        cite = Cite.objects.select_for_update().get(pk=membership.cite_id)
        membership = Membership.objects.select_related("user").get(pk=membership.pk)
        _guard(cite, membership, None)
        membership._history_user = by  # type: ignore[attr-defined]
        membership.delete()


def _display_name(user) -> str:  # type: ignore[no-untyped-def]
    return user.get_full_name() or user.get_username()
