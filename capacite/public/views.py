"""Public pages of a published Cité: no login, no form that identifies the visitor, no cookie.

The URLs carry `public_slug`, not `cite_slug`, so the scope middleware treats them as pages
outside any Cité (Audience.EVERYONE) and opens no scope. `published_cite` then opens the scope
of that one Cité, and only if it chose to publish; everything else is a 404.
"""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django_scopes import scope, scopes_disabled

from capacite.core.models import Cite
from capacite.public.models import PublicProfile


def published_cite(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run `view` inside the scope of the published Cité named by the URL, or 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, public_slug: str, **kwargs) -> HttpResponse:
        with scopes_disabled():
            profile = (PublicProfile.objects.select_related("cite")
                       .filter(cite__slug=public_slug, published=True).first())
        if profile is None:
            raise Http404
        with scope(cite=profile.cite):
            return view(request, profile.cite, profile, **kwargs)

    return require_safe(wrapper)


def _context(cite: Cite, profile: PublicProfile, *, today: dict | None = None,
             **extra) -> dict:
    """What every public page needs: the Cité, its profile, and whether its main site is open
    today (each page states it, so a visitor never has to look for it)."""
    if today is None:
        from capacite.offer.services import site_summary, sites_main_first

        sites = sites_main_first()
        today = _today(site_summary(sites[0])) if sites else None
    return {"public_cite": cite, "profile": profile, "today": today, **extra}


def _today(main_site_summary) -> dict:
    return {"site": main_site_summary.site, "state": main_site_summary.state}


@published_cite
def home(request: HttpRequest, cite: Cite, profile: PublicProfile) -> HttpResponse:
    """Presentation, pôles, sites with their hours and whether they are open now, next events."""
    from capacite.events.services import public_events
    from capacite.offer.models import Pole
    from capacite.offer.services import site_summary, sites_main_first
    from capacite.public.forms import PublicSearchForm

    summaries = [site_summary(s) for s in sites_main_first("poles")]
    return render(request, "public/home.html", _context(
        cite, profile, today=_today(summaries[0]) if summaries else None,
        poles=list(Pole.objects.all()), sites=[_site_view(s) for s in summaries],
        events=public_events()[:3], search_form=PublicSearchForm()))


def _site_view(summary) -> dict:
    """A site's summary with its ordinary week day by day ("10:00-13:00, 14:00-18:00")."""
    from capacite.lib.days import WEEKDAY_NAMES
    from capacite.offer.domain.hours import Span
    from capacite.offer.domain.weekly import format_spans

    spans: dict[int, list[Span]] = {}
    for hours in summary.site.weekly_hours.all():
        spans.setdefault(hours.weekday, []).append(Span(hours.opens, hours.closes))
    return {"summary": summary, "days": [
        {"name": name, "spans": format_spans(tuple(sorted(spans.get(day, []))))}
        for day, name in enumerate(WEEKDAY_NAMES)]}


@published_cite
def agenda(request: HttpRequest, cite: Cite, profile: PublicProfile) -> HttpResponse:
    """The retained events to come, soonest first, each with its own .ics."""
    from capacite.events.services import public_events

    return render(request, "public/agenda.html", _context(cite, profile, events=public_events()))


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@published_cite
def agenda_ics(request: HttpRequest, cite: Cite, profile: PublicProfile) -> HttpResponse:
    """The agenda as one iCalendar feed (one VEVENT per retained event to come). A calendar
    subscribed to the feed keeps reading it when no event is announced: the file then holds
    only the time zone, and the page offers no download."""
    from capacite.events.services import ics_for, public_events

    events = public_events()
    urls = {e.pk: request.build_absolute_uri(reverse("public:agenda", args=[cite.slug]))
            for e in events}
    return _ics_response(ics_for(events, name=cite.name, urls=urls), f"agenda-{cite.slug}.ics")


@published_cite
def event_ics(request: HttpRequest, cite: Cite, profile: PublicProfile, event_id: int
              ) -> HttpResponse:
    """One retained event as an .ics; proposed or refused events do not exist here."""
    from capacite.events.services import ics_for, retained_events

    event = retained_events().filter(pk=event_id).first()
    if event is None:
        raise Http404
    url = request.build_absolute_uri(reverse("public:agenda", args=[cite.slug]))
    return _ics_response(ics_for([event], name=cite.name, urls={event.pk: url}),
                         f"evenement-{event.pk}.ics")


@published_cite
def documentation(request: HttpRequest, cite: Cite, profile: PublicProfile) -> HttpResponse:
    """Search of the catalogue by words, support and theme (GET only: nothing is stored), its
    results fifty at a time; before a search, the catalogue's first resources in each theme."""
    from capacite.documentation.forms import SearchForm
    from capacite.documentation.services import catalogue_by_theme, search_resources
    from capacite.lib.paging import page_of
    from capacite.public.forms import PublicSearchForm

    form = SearchForm(request.GET or None)
    form.fields["q"].label = PublicSearchForm.base_fields["q"].label
    searched = bool(request.GET)
    return render(request, "public/documentation.html", _context(
        cite, profile, form=form, searched=searched,
        resources=page_of(request, search_resources(form.filters()) if searched else []),
        catalogue=[] if searched else catalogue_by_theme()))
