"""Pages of the core app: the way in at `/`, a Cité's home and settings, error pages."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.forms import CiteSettingsForm
from capacite.core.history import changes_of
from capacite.core.homes import Home, home_for
from capacite.core.models import Membership, Role
from capacite.core.navigation import nav_groups_for, panels_for
from capacite.core.permissions import Level, level_for
from capacite.core.tenancy import cites_for, request_from_label_authority


def home(request: HttpRequest) -> HttpResponse:
    """The way in: the public front door for a visitor, one's Cité (or Cités) once signed in.

    Somebody with one Cité lands on it; the label authority lands on its queue and the network;
    somebody with several Cités chooses, each listed with the roles held there.
    """
    if not request.user.is_authenticated:
        return render(request, "core/front_door.html", {
            "panels": panels_for(request, Home.FRONT_DOOR),
            "self_service": settings.CAPACITE_SELF_SERVICE_START})
    authority = request_from_label_authority(request)
    cites = list(cites_for(request.user, authority=authority))
    if not authority and len(cites) == 1:
        return redirect("core:cite_home", cite_slug=cites[0].slug)
    roles: dict[int, list[str]] = {}
    for cite_id, role in (Membership.objects.filter(user=request.user, cite__isnull=False)
                          .values_list("cite_id", "role")):
        roles.setdefault(cite_id, []).append(str(Role(role).label))
    return render(request, "core/home.html", {
        "cites": [{"cite": cite, "roles": roles.get(cite.pk, [])} for cite in cites],
        "panels": panels_for(request, Home.NETWORK) if authority else [],
    })


def cite_home(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The Cité's home for the person's role: each app contributes the panels of that home."""
    kind = home_for(request.cite_roles, phase=request.cite.phase)
    return render(request, "core/cite_home.html", {
        "home": kind, "panels": panels_for(request, kind),
        "project_view": kind != Home.PROJECT
        and level_for("core:cite_project", request.cite_roles) >= Level.READ,
    })


def all_pages(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every page the person may open in the Cité, those of the other phases too.

    The menu offers the pages of the Cité's phase (issue 19); the others stay one click away.
    """
    return render(request, "core/all_pages.html",
                  {"groups": nav_groups_for(request, every_phase=True)})


def cite_project(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The project view (roadmap, partners, label…), a click away from the director's home."""
    own_home = home_for(request.cite_roles, phase=request.cite.phase)
    return render(request, "core/cite_home.html", {
        "home": Home.PROJECT, "panels": panels_for(request, Home.PROJECT), "project_page": True,
        "home_link": own_home != Home.PROJECT})


def cite_settings(request: HttpRequest, cite_slug: str) -> HttpResponse:
    cite = request.cite
    form = CiteSettingsForm(request.POST or None, instance=cite)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Les informations de la Cité sont enregistrées."))
        return redirect("core:cite_settings", cite_slug=cite.slug)
    return render(
        request, "core/cite_settings.html", {"form": form, "changes": changes_of(cite)}
    )


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page, or the 503 « réessayez » page when the request failed only because the
    database was busy (the session could not be saved while another writer held the lock)."""
    from django.views.defaults import bad_request as default_bad_request

    from capacite.core.busy import busy_response
    from capacite.lib.database import is_busy_database

    if is_busy_database(exception):
        return busy_response(request)
    return default_bad_request(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page inside the layout when it can be rendered, plain text when even that fails;
    the 503 « réessayez » page when the error is a database busy with another writer."""
    import sys

    from capacite.core.busy import busy_response
    from capacite.lib.database import is_busy_database

    if is_busy_database(sys.exc_info()[1]):
        return busy_response(request)
    try:
        return HttpResponseServerError(
            loader.render_to_string("500.html", request=request)
        )
    except Exception:  # noqa: BLE001 - the last resort must never raise
        return HttpResponseServerError(
            "Erreur interne du serveur.", content_type="text/plain; charset=utf-8"
        )
