"""Pages of the core app: the list of one's Cités, a Cité's home and settings, error pages."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.forms import CiteSettingsForm
from capacite.core.history import changes_of
from capacite.core.navigation import panels_for
from capacite.core.tenancy import cites_for, request_from_label_authority


def home(request: HttpRequest) -> HttpResponse:
    """The Cités this person works in (every Cité for the label authority)."""
    return render(request, "core/home.html", {
        "cites": cites_for(request.user, authority=request_from_label_authority(request))})


def cite_home(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The Cité at a glance: each app contributes the panels this person may read."""
    return render(request, "core/cite_home.html", {"panels": panels_for(request)})


def cite_settings(request: HttpRequest, cite_slug: str) -> HttpResponse:
    cite = request.cite
    form = CiteSettingsForm(request.POST or None, instance=cite)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Les informations de la Cité sont enregistrées."))
        return redirect("core:cite_settings", cite_slug=cite.slug)
    return render(
        request, "core/cite_settings.html", {"form": form, "changes": changes_of(cite)}
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page inside the layout when it can be rendered, plain text when even that fails."""
    try:
        return HttpResponseServerError(
            loader.render_to_string("500.html", request=request)
        )
    except Exception:  # noqa: BLE001 - the last resort must never raise
        return HttpResponseServerError(
            "Erreur interne du serveur.", content_type="text/plain; charset=utf-8"
        )
