"""Links a reader may follow: every link to another page asks the permission matrix first.

A page shows a link only when its reader may open the target (issue 13, points 1 and 4). Before,
templates guarded their links with the *current* page's level (`can_write`), which hid the
« Ajouter une organisation » button from everybody (the list page is read-only, the form is
not) and showed links leading to a 403 (« voir les pôles » to reception). Asking the target's own
entry in the matrix removes both mistakes at once.
"""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from capacite.core.permissions import MATRIX, Audience, Level, level_for
from capacite.core.tenancy import request_from_label_authority


def may_open(request: HttpRequest, url_name: str, *, level: Level = Level.READ) -> bool:
    """Whether the person making `request` may open `url_name` (in the current Cité for a Cité
    page) at `level`: READ to follow a link, WRITE to send a form."""
    entry = MATRIX.get(url_name)
    if isinstance(entry, dict):
        return level_for(url_name, getattr(request, "cite_roles", set())) >= level
    if entry == Audience.EVERYONE:
        return True
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if entry == Audience.SIGNED_IN:
        return True
    return entry == Audience.LABEL_AUTHORITY and request_from_label_authority(request)


def link_for(request: HttpRequest, url_name: str, *args) -> str:
    """The address of `url_name` with `args` when the reader may open it, else "".

    A Cité page takes the current Cité's slug first, so templates pass only the objects' ids.
    """
    if not may_open(request, url_name):
        return ""
    if isinstance(MATRIX.get(url_name), dict):
        cite = getattr(request, "cite", None)
        if cite is None:
            return ""
        args = (cite.slug, *args)
    try:
        return reverse(url_name, args=args)
    except NoReverseMatch:
        raise NoReverseMatch(f"link_to {url_name!r} with {args!r}") from None
