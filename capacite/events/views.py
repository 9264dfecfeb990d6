"""Staff screens of the events programme (scoped to the current Cité by the middleware)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.events.forms import EventFilterForm, EventForm
from capacite.events.models import Event, EventStatus
from capacite.lib.paging import page_of


def events(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The programme: coming events by default, filtered by period and committee choice, fifty
    at a time (the counts of the lead are over every coming event)."""
    form = EventFilterForm(request.GET or None)
    period, status = "coming", ""
    if form.is_valid():
        period = form.cleaned_data["period"] or "coming"
        status = form.cleaned_data["status"]
    now = timezone.now()
    found = Event.objects.select_related("site", "pole").prefetch_related("publics")
    if period == "coming":
        found = found.filter(ends_at__gt=now)
    elif period == "past":
        found = found.filter(ends_at__lte=now)
    if status:
        found = found.filter(status=status)
    found = found.order_by(*(("-starts_at", "-pk") if period == "past"
                             else ("starts_at", "title", "pk")))
    counts = {s: Event.objects.filter(status=s, ends_at__gt=now).count() for s in EventStatus}
    return render(request, "events/events.html", {
        "form": form, "events": page_of(request, found), "counts": counts,
        "statuses": EventStatus})


def event_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = EventForm(request.POST or None, instance=Event(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'événement « %(title)s » est enregistré.")
                         % {"title": form.instance})
        return redirect("events:events", cite_slug=cite_slug)
    return render(request, "events/event_form.html", {"form": form, "event": None})


def event_edit(request: HttpRequest, cite_slug: str, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'événement « %(title)s » est enregistré.")
                         % {"title": event})
        return redirect("events:events", cite_slug=cite_slug)
    return render(request, "events/event_form.html",
                  {"form": form, "event": event, "changes": changes_of(event)})


def event_delete(request: HttpRequest, cite_slug: str, event_id: int) -> HttpResponse:
    """Asks first (GET), deletes on the confirmation unless the event changed meanwhile."""
    event = get_object_or_404(Event, pk=event_id)
    return confirm_removal(
        request, event,
        title=_("Supprimer l'événement « %(title)s »") % {"title": event.title},
        consequence=_("L'événement « %(title)s » sera supprimé du programme et, s'il était "
                      "retenu, de l'agenda public.") % {"title": event.title},
        back=reverse("events:event_edit", args=[cite_slug, event.pk]),
        back_label=event.title,
        after=reverse("events:events", args=[cite_slug]),
        done=_("L'événement « %(title)s » est supprimé.") % {"title": event.title})
