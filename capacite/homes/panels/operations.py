"""The open Cité's homes: reception (today), adviser (my week) and director (the week's running).

Each function is a panel's context: it asks the app that owns the data (offer for hours,
staffing for who works when, events, documentation, roadmap) and computes nothing itself.
"""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone


def _sites():  # type: ignore[no-untyped-def]
    from capacite.offer.services import sites_main_first

    return sites_main_first()


def today_opening(request: HttpRequest) -> dict:
    """Each site's hours today, with the reason when today is not an ordinary day."""
    from capacite.offer.services import opening_on

    today = timezone.localdate()
    return {"today": today, "openings": [opening_on(site, today) for site in _sites()]}


def on_duty_today(request: HttpRequest) -> dict:
    """Who holds which desk today, from the week's computed rosters."""
    from capacite.staffing.duties import on_duty

    return {"duties": on_duty(timezone.localdate())}


def events_today(request: HttpRequest) -> dict:
    from capacite.events.services import events_on

    return {"events": events_on(timezone.localdate())}


def my_week(request: HttpRequest) -> dict:
    """The adviser's own shifts this week, and the pôles (desks) they hold."""
    from capacite.staffing.duties import my_stints
    from capacite.staffing.services import desk_choices, monday_of

    today = timezone.localdate()
    member, rows = my_stints(request.user, monday_of(today))
    names = dict(desk_choices())
    desks = [names[key] for key in (member.desks if member else []) if key in names]
    return {"member": member, "rows": [row for row in rows if row["date"] >= today],
            "past": sum(row["date"] < today for row in rows), "desks": desks}


EVENT_DAYS = 30  # how far ahead an adviser's events are listed


def my_events(request: HttpRequest) -> dict:
    """The events to come at the adviser's pôles or run by their partner organisation."""
    from django.db.models import Q

    from capacite.events.services import retained_events
    from capacite.offer.models import Pole
    from capacite.staffing.desks import pole_desk
    from capacite.staffing.models import StaffMember

    member = StaffMember.objects.filter(user=request.user).first()
    if member is None:
        return {"member": None, "events": [], "days": EVENT_DAYS}
    now = timezone.now()
    poles = [pole.pk for pole in Pole.objects.all() if pole_desk(pole.pk) in (member.desks or [])]
    mine = Q(pole_id__in=poles)
    if member.partner_id:
        mine |= Q(partners=member.partner_id)
    events = (retained_events().filter(mine, ends_at__gt=now,
                                       starts_at__lt=now + timedelta(days=EVENT_DAYS))
              .order_by("starts_at").distinct())
    return {"member": member, "events": list(events[:5]), "days": EVENT_DAYS}


def documentation(request: HttpRequest) -> dict:
    from capacite.documentation.models import Resource, Theme

    return {"resources": Resource.objects.count(), "themes": Theme.objects.count()}


def week_staffing(request: HttpRequest) -> dict:
    """The director's view of this week's rosters: the demand nobody holds."""
    from capacite.staffing.duties import week_gaps
    from capacite.staffing.services import monday_of

    week = monday_of(timezone.localdate())
    return {"week": week, "gaps": week_gaps(week)}


LABEL_FONCTIONNEMENT = "comite-label-fonctionnement"


def label_deadline(request: HttpRequest) -> dict:
    """When the label fonctionnement must be confirmed: the roadmap's milestone (the guide says
    at the latest a year after the opening), and where the rétro-planning stands."""
    from capacite.review.services_followup import deadline_of
    from capacite.roadmap.models import BackplanTarget, Task

    task = Task.objects.filter(key=LABEL_FONCTIONNEMENT).first()
    target = BackplanTarget.objects.select_related("task").first()
    due = (target.date if target and target.task_id == getattr(task, "pk", None)
           else getattr(task, "due_date", None))
    today = timezone.localdate()
    # Once the opening date is known, the deadline is review's (one year after, with its
    # warnings); before, the roadmap's milestone.
    found = deadline_of(request.cite, today=today)
    if found.due is not None:
        due = found.due
    return {"task": task, "due": due, "days_left": (due - today).days if due else None,
            "deadline": found}


def label_deadline_once_open(request: HttpRequest) -> dict | None:
    """The label fonctionnement's deadline on the project home, once the Cité has opened (before,
    the roadmap's own panels give the milestone); None leaves the panel out."""
    if request.cite.opened_on is None:
        return None
    return label_deadline(request)
