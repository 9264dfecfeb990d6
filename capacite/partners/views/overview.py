"""Views over the whole map: coverage matrix, positions over time, who does what, partners
without a letter of intent, and the alerts."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from capacite.lib.paging import page_of
from capacite.partners import services
from capacite.partners.choices import ActorRole, FieldOfAction, Stance
from capacite.partners.models import Commitment
from capacite.partners.visibility import (
    PRIVATE,
    PRIVATE_LABEL,
    mask_stances,
    own_organisations,
    stance_visible,
)


def coverage(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Fields × publics: which allies and hesitants act where, and the gaps."""
    matrix, publics = services.current_coverage()
    own = own_organisations(request)
    fields = dict(FieldOfAction.choices)
    roles = dict(ActorRole.choices)
    rows = [
        {"field": fields[row.field],
         "cells": [{"public": cell.public, "empty": cell.empty,
                    "entries": [{"id": e.organisation_id, "name": e.name,
                                 "stance": e.stance if stance_visible(
                                     request, e.organisation_id, own=own) else PRIVATE,
                                 "stance_label": Stance(e.stance).label if stance_visible(
                                     request, e.organisation_id, own=own) else PRIVATE_LABEL,
                                 "roles": [str(roles.get(r, r)) for r in e.roles]}
                                for e in cell.entries]}
                   for cell in row.cells]}
        for row in matrix
    ]
    gap_count = sum(cell["empty"] for row in rows for cell in row["cells"])
    return render(request, "partners/coverage.html", {
        "rows": rows, "publics": publics, "gap_count": gap_count,
    })


def stance_chart(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Allies, hesitants and refusals at the end of each of the last twelve months."""
    today = timezone.localdate()
    counts = services.stance_history(today=today)
    chart = services.stance_chart(counts)
    return render(request, "partners/stance_chart.html", {"counts": counts, "chart": chart})


def who_does_what(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """For each field, the organisations acting in it, grouped by role."""
    organisations = list(services.organisations())
    groups = []
    for field, field_label in FieldOfAction.choices:
        in_field = [o for o in organisations if field in o.fields]
        by_role = [
            {"role": role_label, "organisations": [o for o in in_field if role in o.roles]}
            for role, role_label in ActorRole.choices
        ]
        without_role = [o for o in in_field if not o.roles]
        groups.append({"field": field_label, "by_role": by_role, "without_role": without_role,
                       "count": len(in_field)})
    return render(request, "partners/who_does_what.html", {"groups": groups})


def without_letter(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The organisations with no letter of intent, by name, fifty at a time."""
    paged = page_of(request, services.without_letter_of_intent())
    rows = list(paged.items)
    mask_stances(request, rows)
    return render(request, "partners/without_letter.html", {
        "organisations": rows, "paged": paged,
        "letters": Commitment.objects.filter(kind="letter_of_intent").count(),
    })


def alerts(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every partnership alert on one page: organisations not contacted for N days, open next
    steps past their date (each list fifty at a time: an import brings thousands never
    contacted), and partners absent from the last N meetings of a body they sit on
    (computed by the governance app, which builds on this one: imported here, not at the top)."""
    from capacite.governance.services import absence_threshold, repeated_absences

    found = services.current_alerts(today=timezone.localdate())
    return render(request, "partners/alerts.html", {
        "alerts": found,
        "silent": page_of(request, found.silent, param="sans-echange"),
        "overdue": page_of(request, found.overdue, param="en-retard"),
        "absences": repeated_absences(), "threshold": absence_threshold(),
    })


def home_panel_context(request: HttpRequest) -> dict:
    """The home page's partnership panel: the alerts, the first few of each."""
    found = services.current_alerts(today=timezone.localdate())
    return {"alerts": found, "silent": found.silent[:5], "overdue": found.overdue[:5]}
