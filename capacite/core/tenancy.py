"""Resolving the current Cité and a person's roles in it.

Tenant models use django-scopes' `ScopedManager(cite=...)`: once the middleware has opened the
scope of the current Cité, their queries are filtered to it, and a query with no scope open
raises instead of leaking another Cité's rows. Code outside a request (commands, tests) opens the
scope itself with `django_scopes.scope(cite=...)` or, for instance-wide work, `scopes_disabled()`.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest

from capacite.core.models import Cite, Membership, Role


def roles_in(user: AbstractBaseUser | AnonymousUser, cite: Cite) -> set[Role]:
    """The roles `user` holds in `cite`; the label authority holds its role in every Cité."""
    if not user.is_authenticated:
        return set()
    rows = Membership.objects.filter(user=user).filter(
        cite=cite
    ) | Membership.objects.filter(user=user, role=Role.LABEL_AUTHORITY)
    return {Role(role) for role in rows.values_list("role", flat=True)}


def is_label_authority(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True for the instance-wide label authority (who alone opens the /autorite/ pages)."""
    return user.is_authenticated and Membership.objects.filter(
        user=user, role=Role.LABEL_AUTHORITY).exists()


def request_from_label_authority(request: HttpRequest) -> bool:
    """`is_label_authority` for the person making `request`, asked once per request.

    Every page needs the answer twice or more (the menu's link, the list of Cités, the authority
    pages' check): it is kept on the request, not on the user, so it lives for this request only
    and a role given or taken away shows from the next page on.
    """
    if not hasattr(request, "_label_authority"):
        request._label_authority = is_label_authority(request.user)  # type: ignore[attr-defined]
    return request._label_authority  # type: ignore[attr-defined]


def cites_for(user: AbstractBaseUser | AnonymousUser, *,
              authority: bool | None = None) -> QuerySet[Cite]:
    """The Cités `user` may open: those where they hold a role, or all for the label authority.

    `authority` is `is_label_authority(user)` when the caller already knows it (a request does,
    see `request_from_label_authority`); otherwise it is asked here.
    """
    if not user.is_authenticated:
        return Cite.objects.none()
    if authority is None:
        authority = is_label_authority(user)
    if authority:
        return Cite.objects.all()
    return Cite.objects.filter(memberships__user=user).distinct()
