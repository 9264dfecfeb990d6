"""Layout data for every page: who is signed in and as what, their Cités, the Cité's links."""

from django.http import HttpRequest

from capacite.core.homes import ROLE_ORDER
from capacite.core.models import Role
from capacite.core.navigation import nav_groups_for
from capacite.core.permissions import Level
from capacite.core.tenancy import cites_for, request_from_label_authority


def identity_roles(request: HttpRequest, *, authority: bool) -> list[str]:
    """The roles to name beside the person's name: those held in the current Cité, or the
    label authority outside any Cité (inside one, the authority shows only if nothing else)."""
    roles = set(getattr(request, "cite_roles", set()))
    if getattr(request, "cite", None) is None:
        roles = {Role.LABEL_AUTHORITY} if authority else set()
    elif len(roles) > 1:
        roles.discard(Role.LABEL_AUTHORITY)
    return [str(role.label) for role in ROLE_ORDER if role in roles]


def navigation(request: HttpRequest) -> dict:
    cite = getattr(request, "cite", None)
    has_user = hasattr(request, "user")  # not when a page renders before the auth middleware
    # One question per request: cites_for is given the answer instead of asking again.
    authority = request_from_label_authority(request) if has_user else False
    return {
        "my_cites": cites_for(request.user, authority=authority) if has_user else [],
        "current_cite": cite,
        "cite_nav_groups": nav_groups_for(request) if cite else [],
        "is_label_authority": authority,
        "identity_roles": identity_roles(request, authority=authority) if has_user else [],
        "can_write": getattr(request, "cite_level", Level.NONE) >= Level.WRITE,
    }
