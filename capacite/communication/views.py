"""Staff screens of the communication plan (scoped to the current Cité by the middleware)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from capacite.communication.domain.totals import grand_total, totals_by_tool
from capacite.communication.forms import ActionForm
from capacite.communication.models import Action, Tool
from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.lib.paging import page_of


def plan(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The plan's actions by date, fifty at a time, and the number of actions and budget per
    tool over the whole plan."""
    labels = dict(Tool.choices)
    totals = totals_by_tool(Action.objects.values_list("tool", "budget"), Tool.values)
    return render(request, "communication/plan.html", {
        "actions": page_of(request, Action.objects.order_by("date", "title", "pk")),
        "totals": [{"label": labels[t.tool], "actions": t.actions, "budget": t.budget}
                   for t in totals],
        "grand_total": grand_total(totals),
    })


def action_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = ActionForm(request.POST or None, instance=Action(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'action « %(title)s » est ajoutée au plan.")
                         % {"title": form.instance})
        return redirect("communication:plan", cite_slug=cite_slug)
    return render(request, "communication/action_form.html", {"form": form, "action": None})


def action_edit(request: HttpRequest, cite_slug: str, action_id: int) -> HttpResponse:
    action = get_object_or_404(Action, pk=action_id)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'action « %(title)s » est enregistrée.")
                         % {"title": action})
        return redirect("communication:plan", cite_slug=cite_slug)
    return render(request, "communication/action_form.html",
                  {"form": form, "action": action, "changes": changes_of(action)})


def action_delete(request: HttpRequest, cite_slug: str, action_id: int) -> HttpResponse:
    """Asks first (GET), deletes on the confirmation unless the action changed meanwhile."""
    action = get_object_or_404(Action, pk=action_id)
    return confirm_removal(
        request, action,
        title=_("Retirer l'action « %(title)s » du plan") % {"title": action.title},
        consequence=_("L'action « %(title)s » sera supprimée du plan de communication ; son "
                      "budget ne comptera plus dans les totaux.") % {"title": action.title},
        back=reverse("communication:action_edit", args=[cite_slug, action.pk]),
        back_label=action.title,
        after=reverse("communication:plan", args=[cite_slug]),
        done=_("L'action « %(title)s » est retirée du plan.") % {"title": action.title})
