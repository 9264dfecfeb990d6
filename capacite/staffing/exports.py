"""A roster out of the application: the wall PDF, the XLSX workbook and each person's .ics.

All three read the tables of `domain/grid.py`, as the pages do.
"""

import dataclasses
from datetime import datetime, timedelta

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.lib import ics
from capacite.lib.days import WEEKDAY_NAMES
from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.grid import desk_grid, minutes_by_staff, stints
from capacite.staffing.domain.instance import format_time
from capacite.staffing.services import Loaded


def week_context(loaded: Loaded) -> dict:
    """What the week grid shows, shared by the page and the PDF."""
    instance, solution = loaded.instance, loaded.solution
    # The stored reasons are sentences in the language of whoever solved or edited the week;
    # the same function writes them again in the reader's.
    if solution.uncovered:
        solution = dataclasses.replace(
            solution, uncovered=explain_uncovered(instance, solution.assignments))
    grid = desk_grid(instance, solution, loaded.locks)
    desks = {desk.id: desk.name for desk in instance.desks}
    worked = minutes_by_staff(instance, solution)
    partners = {partner.id: partner.name for partner in instance.partners}
    by_person = stints(instance, solution, loaded.locks)
    people = [{
        "id": person.id, "name": person.name, "partner": partners.get(person.partner, ""),
        "hours": worked.get(person.id, 0) / 60, "contract": person.weekly_minutes / 60,
        "days": [[(stint, desks[stint.desk]) for stint in by_person.get(person.id, [])
                  if stint.day == day] for day in sorted({d for d, _s in instance.slots})],
    } for person in instance.staff]
    days = sorted(grid)
    return {
        "days": [{"index": day, "name": WEEKDAY_NAMES[day],
                  "date": instance.week_start + timedelta(days=day),
                  "rows": [{"label": row.label, "cells": [row.cells[d.id] for d in instance.desks],
                            # a phone lists each cell under its desk's name
                            "named": [(d.name, row.cells[d.id]) for d in instance.desks],
                            "idle": not any(row.cells[d.id].people or row.cells[d.id].need
                                            for d in instance.desks)}
                           for row in grid[day]]} for day in days],
        "desks": list(instance.desks),
        "people": people,
        "uncovered": sum(gap.missing for gap in solution.uncovered),
        # People count in hours, not in the solver's half-hour slots (issue 19).
        "uncovered_hours": sum(gap.missing for gap in solution.uncovered)
        * instance.slot_minutes / 60,
        "assigned_hours": len(solution.assignments) * instance.slot_minutes / 60,
    }


def wall_pdf(loaded: Loaded, *, site_name: str) -> bytes:
    from capacite.lib.pdf import write_pdf

    html = render_to_string("staffing/roster_pdf.html", {
        **week_context(loaded), "run": loaded.run, "site_name": site_name,
        "generated": timezone.localtime()})
    return write_pdf(html)


def workbook(loaded: Loaded, *, site_name: str) -> bytes:
    """Two sheets: the week per desk (one line per day and time range) and per person; days
    are dates and hours durations, so the sheet sorts and sums them."""
    from capacite.lib.exports import Column, Sheet, xlsx_bytes

    context = week_context(loaded)
    by_desk = Sheet(_("Par poste"), [
        Column(_("Jour"), "date"), Column(_("Horaire")),
        *(Column(desk.name) for desk in context["desks"])], [
        [day["date"], row["label"], *(_cell_text(cell) for cell in row["cells"])]
        for day in context["days"] for row in day["rows"]], landscape=True, max_width=28)
    days = [f"{d['name']} {d['date']:%d/%m}" for d in context["days"]]
    by_person = Sheet(_("Par personne"), [
        Column(_("Personne")), Column(_("Partenaire")), Column(_("Heures tenues"), "duration"),
        Column(_("Heures du contrat"), "duration"), *(Column(day) for day in days)], [
        [person["name"], person["partner"], person["hours"], person["contract"],
         *("\n".join(f"{stint.label} {name}" for stint, name in stints_of_day)
           for stints_of_day in person["days"])]
        for person in context["people"]], landscape=True, max_width=28)
    return xlsx_bytes([by_desk, by_person], title=_("Planning de la semaine du %(week)s — "
                                                    "%(site)s") % {
        "week": f"{loaded.instance.week_start:%d/%m/%Y}", "site": site_name})


def _cell_text(cell) -> str:
    text = ", ".join(_("%(name)s (verrouillé)") % {"name": name} if locked else name
                     for _id, name, locked in cell.people)
    if cell.missing:
        text += (" — " if text else "") + _("manque %(n)s : %(why)s") % {
            "n": cell.missing, "why": cell.detail}
    return text


def person_events(loaded: Loaded, staff_id: str, *, site_name: str, cite_slug: str) -> list:
    """One VEVENT per stint of the person that week, in Paris time.

    The UID names the site, week, person, day and start, so importing the file again after a
    re-solve updates the events that kept their time instead of doubling them.
    """
    from icalendar import Event

    instance = loaded.instance
    desks = {desk.id: desk.name for desk in instance.desks}
    stamp = ics.utc(timezone.now())
    events = []
    for stint in stints(instance, loaded.solution, loaded.locks).get(staff_id, []):
        day = instance.week_start + timedelta(days=stint.day)
        start = datetime(day.year, day.month, day.day, stint.start // 60, stint.start % 60,
                         tzinfo=ics.PARIS)
        event = Event()
        event.add("uid", f"{cite_slug}-{loaded.run.site_id}-{day:%Y%m%d}-{staff_id}-"
                         f"{format_time(stint.start).replace(':', '')}@capacite")
        event.add("summary", f"{desks[stint.desk]} — {site_name}")
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=stint.end - stint.start))
        event.add("dtstamp", stamp)
        event.add("location", site_name)
        events.append(event)
    return events


def calendar_of(events: list, *, name: str) -> bytes:
    """The events as one calendar (`lib/ics.py`); callers offer none without events."""
    calendar = ics.new_calendar(name=name)
    for event in events:
        calendar.add_component(event)
    return ics.to_bytes(calendar)
