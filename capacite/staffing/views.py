"""The team (job descriptions, staff, org chart) and the weekly rosters of the current Cité."""

from datetime import date, time, timedelta

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from capacite.core.concurrency import ConcurrentEditError, save_form_atomically
from capacite.core.history import changes_of
from capacite.core.models import Role
from capacite.lib.days import WEEKDAY_NAMES
from capacite.lib.exports import XLSX_TYPE
from capacite.lib.paging import page_of
from capacite.lib.params import small_number
from capacite.offer.models import Site
from capacite.staffing import duties, services
from capacite.staffing.domain.instance import at, format_time
from capacite.staffing.domain.jsonio import InstanceError
from capacite.staffing.exports import (
    calendar_of,
    person_events,
    wall_pdf,
    week_context,
    workbook,
)
from capacite.staffing.forms import EditForm, JobDescriptionForm, StaffMemberForm, WeekForm
from capacite.staffing.models import DeskDemand, JobDescription, RosterRun, StaffMember

# --- team --------------------------------------------------------------------------------------

def team(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Staff members and job descriptions, with links to add and edit them."""
    desk_names = dict(services.desk_choices())
    members = list(StaffMember.objects.select_related("partner", "job", "site"))
    for member in members:
        member.desk_names = [desk_names.get(key, key) for key in member.desks]
        member.function_label = member.function or (member.job.title if member.job else "—")
    return render(request, "staffing/team.html", {
        "members": members,
        "jobs": JobDescription.objects.select_related("employer", "reports_to")
        .prefetch_related("holders"),
    })


def job_edit(request: HttpRequest, cite_slug: str, post_id: int | None = None) -> HttpResponse:
    job = get_object_or_404(JobDescription, pk=post_id) if post_id else \
        JobDescription(cite=request.cite)
    form = JobDescriptionForm(request.POST or None, instance=job)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La fiche de poste « %(title)s » est enregistrée.")
                         % {"title": job.title})
        return redirect("staffing:team", cite_slug=cite_slug)
    return render(request, "staffing/job_edit.html", {
        "job": job, "form": form, "changes": changes_of(job) if job.pk else []})


def member_edit(request: HttpRequest, cite_slug: str, staff_id: int | None = None
                ) -> HttpResponse:
    member = get_object_or_404(StaffMember, pk=staff_id) if staff_id else \
        StaffMember(cite=request.cite)
    form = StaffMemberForm(request.POST or None, instance=member,
                           desks=services.desk_choices())
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La fiche de %(name)s est enregistrée.")
                         % {"name": member.name})
        return redirect("staffing:team", cite_slug=cite_slug)
    return render(request, "staffing/member_edit.html", {
        "member": member, "form": form, "changes": changes_of(member) if member.pk else []})


def _org_chart(request: HttpRequest) -> str:
    return services.org_chart_of(request.cite)


def org_chart(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The org chart grouped by organisation, and its figures as a table (printable: the print
    style hides the layout)."""
    groups = services.org_chart_groups(request.cite)
    return render(request, "staffing/org_chart.html", {
        "svg": services.org_chart_of(request.cite, groups) if groups else "",
        "groups": groups, "empty": not groups})


def org_chart_svg_file(request: HttpRequest, cite_slug: str) -> HttpResponse:
    response = HttpResponse(_org_chart(request), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="organigramme-{cite_slug}.svg"'
    return response


# --- demand ------------------------------------------------------------------------------------

def demand(request: HttpRequest, cite_slug: str, site_id: int) -> HttpResponse:
    """People needed per desk: a default per desk, and any slot of the ordinary week changed
    on the grid (an empty cell follows the default)."""
    site = get_object_or_404(Site, pk=site_id)
    desks = services.desks_of(site)
    keys = [desk.id for desk in desks]
    chosen = request.GET.get("poste") or request.POST.get("poste") or keys[0]
    if chosen not in keys:
        chosen = keys[0]
    slots = services.slots_of(services.ordinary_week(site))
    defaults, overrides = services.demand_table(site)
    errors: list[str] = []
    if request.method == "POST":
        try:
            values = _read_demand(request, chosen, slots)
        except ValueError as exc:
            errors.append(str(exc))
        else:
            with transaction.atomic():
                DeskDemand.objects.filter(site=site, desk=chosen).delete()
                if values["default"] is not None:
                    DeskDemand.objects.create(cite=request.cite, site=site, desk=chosen,
                                              people=values["default"])
                DeskDemand.objects.bulk_create(
                    DeskDemand(cite=request.cite, site=site, desk=chosen, weekday=day,
                               start=time(start // 60, start % 60), people=people)
                    for (day, start), people in values["slots"].items())
            messages.success(request, _("Les besoins du poste sont enregistrés."))
            return redirect(reverse("staffing:demand", kwargs={
                "cite_slug": cite_slug, "site_id": site.pk}) + f"?poste={chosen}")
    days = sorted({day for day, _s in slots})
    times = sorted({start for _d, start in slots})
    open_slots = set(slots)
    grid = [{"time": format_time(start), "cells": [
        {"name": f"c-{day}-{start}", "open": (day, start) in open_slots,
         "label": at(day, start),
         "value": overrides.get((chosen, day, start), "")} for day in days]}
        for start in times]
    return render(request, "staffing/demand.html", {
        "site": site, "desks": desks, "chosen": chosen,
        "chosen_name": next(d.name for d in desks if d.id == chosen),
        "default": defaults.get(chosen, ""), "fallback": services.DEFAULT_PEOPLE,
        "days": [WEEKDAY_NAMES[day] for day in days], "grid": grid, "errors": errors,
    })


def _read_demand(request: HttpRequest, desk: str, slots: list[tuple[int, int]]) -> dict:
    def number(raw: str, where: str) -> int | None:
        raw = raw.strip()
        if not raw:
            return None
        if small_number(raw) is None or int(raw) > 20:
            raise ValueError(_("%(where)s : un nombre de personnes de 0 à 20 est attendu, "
                               "reçu « %(raw)s ».") % {"where": where, "raw": raw})
        return int(raw)

    result: dict = {"default": number(request.POST.get("default", ""), _("Besoin par défaut")),
                    "slots": {}}
    for day, start in slots:
        value = number(request.POST.get(f"c-{day}-{start}", ""), at(day, start))
        if value is not None:
            result["slots"][(day, start)] = value
    return result


# --- rosters -----------------------------------------------------------------------------------

def rosters(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Choose a site and a week to staff; the rosters already computed, latest first, fifty at
    a time (one a week per site: all of them stay reachable)."""
    sites = list(Site.objects.all())
    form = WeekForm(request.POST or None, sites=sites,
                    initial_week=services.monday_of(timezone.localdate()))
    if request.method == "POST" and form.is_valid():
        site = get_object_or_404(Site, pk=form.cleaned_data["site"])
        week = services.monday_of(form.cleaned_data["week"])
        try:
            run = services.new_run(site=site, week_start=week, user=request.user)
        except InstanceError as exc:
            form.add_error(None, " ; ".join(exc.messages[:5]))
        else:
            return _after_start(request, run)
    return render(request, "staffing/rosters.html", {
        "form": form, "sites": sites,
        "runs": page_of(request, RosterRun.objects.select_related("site", "created_by")
                        .order_by("-created_at", "-pk")),
    })


def _after_start(request: HttpRequest, run: RosterRun) -> HttpResponse:
    """Queue the solve and follow it on the job page, which links back to the roster."""
    job = services.start_solve(run, user=request.user)
    return redirect(job.get_absolute_url())


def run_detail(request: HttpRequest, cite_slug: str, run_id: int) -> HttpResponse:
    """The week grid per desk or per person, the gaps with their reasons, the checks."""
    run = get_object_or_404(RosterRun.objects.select_related("site"), pk=run_id)
    loaded = services.load(run)
    view = "personnes" if request.GET.get("vue") == "personnes" else "postes"
    context: dict = {"run": run, "view": view, "loaded": loaded,
                     "latest": services.latest_run(run.site, run.week_start)}
    if loaded:
        context.update(week_context(loaded))
        context["objective"] = loaded.solution.objective
        context["violations"] = services.violations_of(loaded)
        context["edit_form"] = EditForm(
            initial={"version": run.version, "action": "add"},
            staff=[(p.id, p.name) for p in loaded.instance.staff],
            desks=[(d.id, d.name) for d in loaded.instance.desks])
    return render(request, "staffing/run.html", context)


@require_POST
def run_edit(request: HttpRequest, cite_slug: str, run_id: int) -> HttpResponse:
    """Lock, unlock, remove or add assignments, then show what the validator finds."""
    run = get_object_or_404(RosterRun, pk=run_id)
    loaded = services.load(run)
    back = reverse("staffing:run", kwargs={"cite_slug": cite_slug, "run_id": run.pk})
    back += "?vue=" + (request.POST.get("vue") or "personnes")
    if loaded is None:
        messages.error(request, _("Ce planning n'est pas encore calculé."))
        return redirect(back)
    form = EditForm(request.POST, staff=[(p.id, p.name) for p in loaded.instance.staff],
                    desks=[(d.id, d.name) for d in loaded.instance.desks])
    if not form.is_valid():
        messages.error(request, _("Retouche refusée : %(errors)s") % {"errors": " ; ".join(
            f"{form.fields[k].label if k in form.fields else ''} {e}".strip()
            for k, errs in form.errors.items() for e in errs)})
        return redirect(back)
    data = form.cleaned_data
    span = {"staff": data["staff"], "day": data["day"],
            "start": data["start"].hour * 60 + data["start"].minute,
            "end": data["end"].hour * 60 + data["end"].minute,
            "expected_version": data["version"]}
    try:
        if data["action"] in ("lock", "unlock"):
            run = services.set_lock(loaded, desk=data["desk"], locked=data["action"] == "lock",
                                    **span)
        elif data["action"] == "remove":
            run = services.remove_assignments(loaded, **span)
        else:
            run = services.add_assignments(loaded, desk=data["desk"], **span)
    except services.EditError as exc:
        messages.error(request, str(exc))
    except ConcurrentEditError:
        messages.error(request, _("Quelqu'un a modifié ce planning pendant que vous le "
                                  "regardiez : voici sa version, refaites votre retouche."))
    else:
        if run.violations:
            messages.error(request, ngettext(
                "Retouche enregistrée, mais le planning enfreint %(n)s règle : voir la liste.",
                "Retouche enregistrée, mais le planning enfreint %(n)s règles : voir la liste.",
                len(run.violations)) % {"n": len(run.violations)})
        else:
            messages.success(request, _("Retouche enregistrée ; le planning reste valide."))
    return redirect(back)


@require_POST
def run_resolve(request: HttpRequest, cite_slug: str, run_id: int) -> HttpResponse:
    """Solve the week again from today's records, keeping the locked assignments."""
    run = get_object_or_404(RosterRun, pk=run_id)
    if request.POST.get("version") != str(run.version):
        messages.error(request, _("Ce planning a changé depuis l'ouverture de la page : "
                                  "vérifiez-le, puis relancez le calcul."))
        return redirect("staffing:run", cite_slug=cite_slug, run_id=run.pk)
    try:
        again = services.new_run(site=run.site, week_start=run.week_start, user=request.user,
                                 locks=run.locks)
    except InstanceError as exc:
        messages.error(request, " ; ".join(exc.messages[:5]))
        return redirect("staffing:run", cite_slug=cite_slug, run_id=run.pk)
    return _after_start(request, again)


def _loaded_or_404(run_id: int) -> services.Loaded:
    run = get_object_or_404(RosterRun.objects.select_related("site"), pk=run_id)
    loaded = services.load(run)
    if loaded is None:
        raise Http404(_("Ce planning n'est pas encore calculé."))
    return loaded


def run_pdf(request: HttpRequest, cite_slug: str, run_id: int) -> HttpResponse:
    loaded = _loaded_or_404(run_id)
    response = HttpResponse(wall_pdf(loaded, site_name=loaded.run.site.name),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="planning-{loaded.run.week_start:%Y-%m-%d}.pdf"')
    return response


def run_xlsx(request: HttpRequest, cite_slug: str, run_id: int) -> HttpResponse:
    loaded = _loaded_or_404(run_id)
    response = HttpResponse(workbook(loaded, site_name=loaded.run.site.name),
                            content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="planning-{loaded.run.week_start:%Y-%m-%d}.xlsx"')
    return response


def run_ics(request: HttpRequest, cite_slug: str, run_id: int, staff_id: int) -> HttpResponse:
    loaded = _loaded_or_404(run_id)
    member = get_object_or_404(StaffMember, pk=staff_id)
    return _ics_response(loaded, member)


def _ics_response(loaded: services.Loaded, member: StaffMember) -> HttpResponse:
    events = person_events(loaded, f"s{member.pk}", site_name=loaded.run.site.name,
                           cite_slug=loaded.run.cite.slug)
    if not events:  # the page says « aucun créneau » instead of offering an empty calendar
        raise Http404(_("Aucun créneau pour cette personne cette semaine."))
    content = calendar_of(events, name=_("Planning — %(site)s") % {"site": loaded.run.site.name})
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="planning-{loaded.run.week_start:%Y-%m-%d}.ics"')
    return response


# --- reading one's own schedule, a partner's staff hours --------------------------------------

def _week_param(request: HttpRequest) -> date:
    try:
        return services.monday_of(date.fromisoformat(request.GET.get("semaine", "")))
    except ValueError:
        return services.monday_of(timezone.localdate())


def _week_runs(week: date) -> list[services.Loaded]:
    return duties.week_runs(week)


def my_schedule(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """A staff member's own stints of the week, nobody else's."""
    week = _week_param(request)
    member, rows = duties.my_stints(request.user, week)
    return render(request, "staffing/my_schedule.html", {
        "member": member, "week": week, "rows": rows,
        "previous": week - timedelta(days=7), "next": week + timedelta(days=7),
    })


def my_ics(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The signed-in staff member's .ics for the week. Without any stint there is no file
    (RFC 5545 forbids an empty calendar): the week's page answers, saying « aucun service »."""
    week = _week_param(request)
    member = StaffMember.objects.filter(user=request.user).first()
    events = [] if member is None else [
        event for loaded in _week_runs(week)
        for event in person_events(loaded, f"s{member.pk}", site_name=loaded.run.site.name,
                                   cite_slug=cite_slug)]
    if not events:
        return my_schedule(request, cite_slug)
    response = HttpResponse(calendar_of(events, name=_("Mon planning")),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mon-planning-{week:%Y-%m-%d}.ics"'
    return response


def partner_hours(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The hours a partner's seconded staff hold that week. A partner representative sees only
    the organisations its PartnerLink names; the project team sees every partner."""
    week = _week_param(request)
    team_view = bool(request.cite_roles & {Role.PROJECT_LEAD, Role.DIRECTOR})
    organisations = None if team_view else set(services.organisations_of(request.user))
    return render(request, "staffing/partner_hours.html", {
        "week": week, "partners": duties.partner_hours(week, organisations),
        "linked": team_view or bool(organisations), "team_view": team_view,
        "computed": bool(_week_runs(week)),
        "previous": week - timedelta(days=7), "next": week + timedelta(days=7),
    })
