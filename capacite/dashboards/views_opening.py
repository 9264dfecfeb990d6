"""The opening-hours advice (issue 15, point 7): each pôle's half-hours, interviews observed
against advisers rostered, and the action that makes that demand the rosters' own.

Figures come from `figures.opening_advice` only. The team reads; the project team changes the
settings and writes the demand (permission matrix)."""

from datetime import timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.permissions import Level, level_for
from capacite.dashboards import figures, opening
from capacite.dashboards.domain import advice as rules
from capacite.dashboards.domain.periods import Period
from capacite.dashboards.forms import AdvicePeriodForm, OpeningAdviceSettingsForm, default_period
from capacite.lib import exports
from capacite.lib.params import id_from
from capacite.lib.small_groups import LEGEND
from capacite.offer.models import Site

STATE_LABELS = {
    rules.WAIT: ("▲", gettext_lazy("attente")),
    rules.IDLE: ("▽", gettext_lazy("sous-occupé")),
    rules.BALANCED: ("", gettext_lazy("équilibré")),
    rules.CLOSED: ("", gettext_lazy("fermé")),
    rules.NO_DATA: ("", gettext_lazy("pas ouvert pendant la période")),
}


def _choices(request: HttpRequest, sites: list) -> tuple[AdvicePeriodForm, Site, Period]:
    """The site and days asked in the query; the main site and the last 52 whole weeks when
    nothing (or something unreadable) is asked — the form then says what was wrong."""
    first, last = default_period(timezone.localdate())
    main = next((s for s in sites if s.kind == "main"), sites[0])
    asked = {key: request.GET[key] for key in ("site", "first", "last") if key in request.GET}
    form = AdvicePeriodForm(asked or None, sites=sites,
                            initial={"site": main.pk, "first": first, "last": last})
    site = main
    if asked and form.is_valid():
        site = next((s for s in sites if s.pk == form.cleaned_data["site"]), main)
        first, last = form.cleaned_data["first"], form.cleaned_data["last"]
    return form, site, Period("span", first, last + timedelta(days=1))


def _number(value) -> str:
    """Whole figures bare, others with one decimal in the reader's language (« 1,5 »)."""
    if value == int(value):
        return str(int(value))
    return formats.number_format(value, 1)


@require_http_methods(["GET", "HEAD", "POST"])
def opening_hours(request: HttpRequest, cite_slug: str) -> HttpResponse:
    sites = list(Site.objects.order_by("name"))
    if not sites:
        return render(request, "dashboards/opening_hours.html", {"no_site": True})
    period_form, site, period = _choices(request, sites)
    thresholds, settings_row = opening.thresholds_of(request.cite)
    settings_form = OpeningAdviceSettingsForm(instance=settings_row)
    here = request.get_full_path()
    apply_error = ""
    if request.method == "POST" and request.POST.get("action") == "settings":
        settings_form = OpeningAdviceSettingsForm(request.POST, instance=settings_row)
        if save_form_atomically(settings_form):
            messages.success(request, _("Les réglages du conseil sur les horaires sont "
                                        "enregistrés."))
            return redirect(here)
    elif request.method == "POST" and request.POST.get("action") == "apply":
        if str(settings_row.version) != request.POST.get("version", ""):
            apply_error = _("Les réglages ont été modifiés depuis l'affichage de la page : "
                            "vérifiez la proposition ci-dessous, puis recommencez.")
        elif period_form.errors:
            apply_error = _("Corrigez d'abord la période.")
        else:
            advice = figures.opening_advice(request.cite, site, period, thresholds)
            written = opening.use_as_roster_demand(advice=advice)
            messages.success(request, _(
                "Les besoins des pôles de « %(site)s » suivent maintenant la demande observée "
                "%(period)s (%(count)s demi-heures) : le prochain planning calculé en tient "
                "compte.") % {"site": site.name, "period": figures.period_label(period),
                               "count": written})
            return redirect(here)
    advice = figures.opening_advice(request.cite, site, period, thresholds)
    chosen = advice.pole(id_from(request.GET.get("pole"))) or (
        advice.poles[0] if advice.poles else None)
    roles = getattr(request, "cite_roles", set())
    table = figures.advice_table(advice, protected=figures.protected_for(roles))
    return render(request, "dashboards/opening_hours.html", {
        "advice": advice, "period_form": period_form, "settings_form": settings_form,
        "settings": settings_row, "site": site, "period_label": figures.period_label(period),
        "summary": [{"pole": p, "visits": row.counts[0],
                     "staffed": _number(row.extra[0]), "needed": _number(row.extra[1]),
                     "wait": row.extra[2], "idle": row.extra[3]}
                    for p, row in zip(advice.poles, table.rows, strict=True)],
        "export_query": _query_without_pole(request) if not period_form.errors else "",
        "chosen": chosen, "grid": _grid(advice, chosen) if chosen else [],
        "days": [WEEKDAYS[day] for day in advice.weekdays],
        "roster_weeks": [formats.date_format(w, "j F Y") for w in advice.roster_weeks],
        "can_write": level_for("dashboards:opening_hours", roles) >= Level.WRITE,
        "can_see_demand": level_for("staffing:demand", roles) >= Level.READ,
        "demand_url": reverse("staffing:demand", kwargs={"cite_slug": cite_slug,
                                                         "site_id": site.pk}),
        "apply_error": apply_error, "changes": changes_of(settings_row),
        "query": _query_without_pole(request), "legend": LEGEND,
    })


@require_safe
def export_xlsx(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return _export(request, "xlsx")


@require_safe
def export_csv(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return _export(request, "csv")


def _export(request: HttpRequest, extension: str) -> HttpResponse:
    """The page's table by pôle for the site and days asked, through the dashboards' one
    export (`views.sheet_of`): the same figures, the interviews always protected (a file
    leaves the staff's hands)."""
    from django.http import Http404

    from capacite.dashboards.views import sheet_of

    sites = list(Site.objects.order_by("name"))
    if not sites:
        raise Http404
    _form, site, period = _choices(request, sites)
    thresholds, _row = opening.thresholds_of(request.cite)
    advice = figures.opening_advice(request.cite, site, period, thresholds)
    table = figures.advice_table(advice, protected=True)
    sheet = sheet_of(table)
    sheet.title = _("Horaires par pôle")
    sheet.heading = (table.title, _("Entretiens d'une durée moyenne de %(minutes)s minutes.")
                     % {"minutes": thresholds.interview_minutes}, str(LEGEND))
    filename = (f"{request.cite.slug}-horaires-site-{site.pk}-{period.start.isoformat()}-"
                f"{(period.end - timedelta(days=1)).isoformat()}.{extension}")
    if extension == "csv":
        return exports.csv_response(sheet, filename=filename)
    return exports.xlsx_response([sheet], filename=filename, title=table.title)


def _query_without_pole(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pole", None)
    return query.urlencode()


def _grid(advice: figures.OpeningAdvice, pole: figures.PoleAdvice) -> list[dict]:
    """Rows of half-hours, a cell per weekday: interviews (protected), advisers rostered and
    needed, the state."""
    shown = advice.visits_shown(pole)
    by_key = {(s.weekday, s.slot): s for s in pole.desk.slots}
    rows = []
    for slot in advice.slots:
        cells = []
        for day in advice.weekdays:
            found = by_key.get((day, slot))
            state = found.state if found else rules.CLOSED
            symbol, label = STATE_LABELS[state]
            cells.append({"state": state, "symbol": symbol, "label": label,
                          "visits": shown[(day, slot)].text,
                          "masked": shown[(day, slot)].hidden,
                          "staffed": _number(found.staffed) if found else "0",
                          "needed": found.needed if found else 0,
                          "open": bool(found and found.is_open)})
        minute = slot * rules.SLOT_MINUTES
        rows.append({"time": f"{minute // 60:02d}:{minute % 60:02d}", "cells": cells})
    return rows
