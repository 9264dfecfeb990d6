"""The tally screen: reception counts visitors, advisers their interviews (scoped by the
middleware to the current Cité; the permission matrix lets reception, advisers and the
direction write here, nobody else see single visits)."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from capacite.activity import services
from capacite.activity.forms import TallyForm
from capacite.activity.models import VisitKind
from capacite.core.models import Role
from capacite.lib.money import format_count
from capacite.lib.params import id_param


def _site(request: HttpRequest, sites: list[tuple[int, str]]) -> int | None:
    """The site the screen counts for: asked in the URL, else the first (the main site)."""
    ids = [pk for pk, _name in sites]
    asked = id_param(request.GET, "site")
    return asked if asked in ids else (ids[0] if ids else None)


def _is_adviser(request: HttpRequest) -> bool:
    roles = getattr(request, "cite_roles", set())
    return Role.STAFF in roles and Role.RECEPTION not in roles


def _default_kind(request: HttpRequest) -> str:
    """Advisers record interviews at their pôle; everybody else counts reception visits."""
    return VisitKind.INTERVIEW if _is_adviser(request) else VisitKind.RECEPTION


def _default_poles(request: HttpRequest, choices: dict) -> list[int]:
    """An adviser finds their own pôle chosen (from their place in the team); reception and
    the direction start with none, the visitor's question decides."""
    return services.own_poles(request.user, choices) if _is_adviser(request) else []


def _wants_json(request: HttpRequest) -> bool:
    return request.content_type == "application/json"


def tally(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The screen (GET), one tally as a form post (without JavaScript) or as JSON (the
    screen's script, which may send a tally again after a network cut: stored once)."""
    if request.method == "POST" and _wants_json(request):
        return _tally_json(request)
    choices = services.tally_choices(request.cite)
    site = _site(request, choices["sites"])
    form = TallyForm(request.POST or None, choices=choices,
                     initial={"site": site, "kind": _default_kind(request),
                              "poles": _default_poles(request, choices)})
    if request.method == "POST" and form.is_valid():
        visit, created = services.record_visit(cite=request.cite, data=form.cleaned_data)
        if created:
            messages.success(request, _("Passage compté."))
        return redirect(f"{request.path}?site={visit.site_id}")
    state = services.tally_state(cite=request.cite, site=site, day=timezone.localdate()) \
        if site else {"today": 0, "recent": []}
    return render(request, "activity/tally.html", {
        "form": form, "state": state, "site": site, "has_sites": bool(choices["sites"])})


def _tally_json(request: HttpRequest) -> JsonResponse:
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return JsonResponse({"errors": {"__all__": [_("Saisie illisible.")]}}, status=400)
    form = TallyForm(payload, choices=services.tally_choices(request.cite, asked=payload))
    if not form.is_valid():
        # A tally the server will never take (a pôle deleted meanwhile…): the screen drops it
        # from its queue and says why, rather than retrying for ever.
        return JsonResponse({"errors": form.errors.get_json_data()}, status=422)
    visit, created = services.record_visit(cite=request.cite, data=form.cleaned_data)
    state = services.tally_state(cite=request.cite, site=visit.site_id, day=timezone.localdate())
    return JsonResponse({"stored": created, "client_id": str(visit.client_id),
                         "undo": services.undo_token(visit) if created else "",
                         **_state_json(state)}, status=201 if created else 200)


def _state_json(state: dict) -> dict:
    """Today's count (and as the page writes it: the script shows `today_text`, so the count
    is grouped by the one function the pages use) and the last ten."""
    return {"today": state["today"], "today_text": format_count(state["today"]),
            "recent": [vars(r) for r in state["recent"]]}


@require_safe
def tally_state(request: HttpRequest, cite_slug: str) -> JsonResponse:
    """Today's count and last ten visits at a site, for the screen to refresh."""
    site = _site(request, services.tally_sites(request.cite))
    if site is None:
        return JsonResponse({"today": 0, "recent": []})
    return JsonResponse(_state_json(services.tally_state(cite=request.cite, site=site,
                                                         day=timezone.localdate())))


@require_POST
def tally_undo(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Take back a visit counted in the last five minutes, by the token its tally returned."""
    undone = services.undo_visit(token=request.POST.get("token", ""))
    message = (_("Le passage est annulé.") if undone else
               _("Ce passage ne peut plus être annulé : il date de plus de cinq minutes ou a "
                 "déjà été annulé."))
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"undone": undone, "message": message})
    (messages.success if undone else messages.error)(request, message)
    return redirect("activity:tally", cite_slug=cite_slug)
