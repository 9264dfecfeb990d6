"""The homes outside any Cité: the label authority's queue and network, and the public front
door listing the Cités whose public pages are published."""

from django.http import HttpRequest
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite, Membership, Role


def authority_queue(request: HttpRequest) -> dict:
    """The dossiers awaiting a decision and the reserves whose lifting is asked, every Cité."""
    from capacite.review.services import authority_queue, reserves_awaiting_authority
    from capacite.review.services_followup import network_deadlines

    return {"queue": authority_queue(), "reserves": reserves_awaiting_authority(),
            "deadlines": network_deadlines()}


def network(request: HttpRequest) -> dict:
    """Every Cité of the instance: its phase, its label, who leads it, who is still invited."""
    from capacite.people.models import Invitation
    from capacite.review.models import Stage
    from capacite.review.services import status_of_cite

    with scopes_disabled():
        cites = list(Cite.objects.order_by("name"))
        leads: dict[int, list[str]] = {}
        for membership in (Membership.objects.filter(role=Role.PROJECT_LEAD)
                           .select_related("user").order_by("user__last_name")):
            user = membership.user
            leads.setdefault(membership.cite_id, []).append(
                user.get_full_name() or user.get_username())
        waiting = set(Invitation.objects.filter(accepted_at=None, cancelled_at=None,
                                                role=Role.PROJECT_LEAD)
                      .values_list("cite_id", flat=True))
    rows = []
    for cite in cites:
        with scope(cite=cite):
            label = status_of_cite()
        rows.append({"cite": cite, "leads": leads.get(cite.pk, []),
                     "lead_invited": cite.pk in waiting,
                     "label": Stage(label.stage.value).label if label.stage else ""})
    return {"rows": rows}


def published_cites(request: HttpRequest) -> dict:
    """The Cités whose public pages are published, with the town of their main site."""
    from capacite.offer.models import Site, SiteKind
    from capacite.public.models import PublicProfile

    with scopes_disabled():
        profiles = list(PublicProfile.objects.filter(published=True).select_related("cite")
                        .order_by("cite__name"))
        towns: dict[int, str] = {}
        for site in (Site.objects.filter(cite__in=[p.cite for p in profiles])
                     .exclude(commune="").order_by("pk")):
            if site.kind == SiteKind.MAIN or site.cite_id not in towns:
                towns[site.cite_id] = site.commune
    return {"cites": [{"cite": p.cite, "town": towns.get(p.cite_id, "")} for p in profiles]}
