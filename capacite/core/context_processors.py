"""Layout data for every page: the person's Cités and the current Cité's capability links."""

from django.http import HttpRequest

from capacite.core.navigation import nav_groups_for
from capacite.core.permissions import Level
from capacite.core.tenancy import cites_for, request_from_label_authority


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
        "can_write": getattr(request, "cite_level", Level.NONE) >= Level.WRITE,
    }
