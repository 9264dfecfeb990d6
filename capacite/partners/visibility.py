"""What a partner representative may read of the other partners' stances (issue 17).

The guide treats each partner's stance and its reasons as sensitive: a partner account sees its
own organisation's stance (PartnerLink) and the partnership's aggregate (the positions chart),
never another partner's stance or reasons. Everyone else who reads the partners' pages (the
project team, the sponsor, the label authority, the Cité's staff) sees them all.

Views call `private_organisations(request)` once and mask with `PRIVATE`, a stance value the
templates print as « réservée » (`stance_label`).
"""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from capacite.core.models import Role

PRIVATE = "private"
PRIVATE_LABEL = _("Réservée à l'équipe projet")


def reads_as_partner_only(request: HttpRequest) -> bool:
    roles = set(getattr(request, "cite_roles", set()))
    return Role.PARTNER in roles and roles <= {Role.PARTNER}


def own_organisations(request: HttpRequest) -> set[int]:
    from capacite.partners.models import PartnerLink

    return set(PartnerLink.objects.filter(membership__user=request.user,
                                          membership__role=Role.PARTNER)
               .values_list("organisation_id", flat=True))


def stance_visible(request: HttpRequest, organisation_id: int, *,
                   own: set[int] | None = None) -> bool:
    """Whether the reader may see this organisation's stance and reasons."""
    if not reads_as_partner_only(request):
        return True
    return organisation_id in (own if own is not None else own_organisations(request))


def mask_stances(request: HttpRequest, organisations, *, attr: str = "latest_stance") -> None:
    """Replace the stance of the organisations the reader may not see by `PRIVATE`."""
    if not reads_as_partner_only(request):
        return
    own = own_organisations(request)
    for o in organisations:
        if o.pk not in own:
            setattr(o, attr, PRIVATE)
