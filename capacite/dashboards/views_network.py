"""The network's benchmarks: the label authority's page across Cités, and each open Cité's own
position among the others (names hidden unless a Cité opted in)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.permissions import Level, level_for
from capacite.dashboards import network
from capacite.dashboards.models import NetworkSharing
from capacite.lib.params import small_number


def _year(request: HttpRequest) -> int:
    asked = request.GET.get("annee", "")
    this_year = timezone.localdate().year
    year = small_number(asked)
    return year if year is not None and 2000 <= year <= this_year else this_year


def authority_network(request: HttpRequest) -> HttpResponse:
    """GET or POST alike (the page has no form; the authority's pages all answer both)."""
    year = _year(request)
    return render(request, "dashboards/network.html", {
        "rows": network.network(year), "year": year, "own": None,
        "years": _years()})


def cite_network(request: HttpRequest, cite_slug: str) -> HttpResponse:
    sharing, _created = NetworkSharing.objects.get_or_create(cite=request.cite)
    if request.method == "POST":
        sharing.share_name = request.POST.get("share_name") == "on"
        sharing.save(update_fields=["share_name"])
        messages.success(request, _("Le nom de la Cité est montré au réseau.") if sharing.share_name
                         else _("Le nom de la Cité est caché au réseau."))
        return redirect("dashboards:network", cite_slug=cite_slug)
    year = _year(request)
    return render(request, "dashboards/network.html", {
        "rows": network.network(year, reader=request.cite), "year": year,
        "own": request.cite.pk, "sharing": sharing, "years": _years(),
        "can_share": level_for("dashboards:network", getattr(request, "cite_roles", set()))
        >= Level.WRITE})


def _years() -> list[int]:
    this_year = timezone.localdate().year
    return [this_year - 2, this_year - 1, this_year]
