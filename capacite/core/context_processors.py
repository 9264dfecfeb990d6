"""Layout data for every page: the person's Cités and the current Cité's capability links."""

from django.http import HttpRequest

from capacite.core.navigation import nav_groups_for
from capacite.core.permissions import Level
from capacite.core.tenancy import cites_for, is_label_authority


def navigation(request: HttpRequest) -> dict:
    cite = getattr(request, "cite", None)
    return {
        "my_cites": cites_for(request.user) if hasattr(request, "user") else [],
        "current_cite": cite,
        "cite_nav_groups": nav_groups_for(request) if cite else [],
        "is_label_authority": is_label_authority(request.user) if hasattr(request, "user")
        else False,
        "can_write": getattr(request, "cite_level", Level.NONE) >= Level.WRITE,
    }
