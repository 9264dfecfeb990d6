"""Scenarios, budget, comparison, funding round and treasury of the current Cité.

Every figure comes from `planning.services`, which calls the pure domain functions.
"""

from decimal import Decimal

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.lib.exports import Column, Sheet, Typed, xlsx_response
from capacite.lib.money import format_money, format_number
from capacite.planning import services
from capacite.planning.charts import treasury_svg
from capacite.planning.domain.budget import budget_rows, investment_rows
from capacite.planning.domain.scenario import FUNCTION_LABELS
from capacite.planning.domain.treasury import treasury_plan
from capacite.planning.forms import (
    ChargeLineForm,
    ChooseForm,
    ContributionForm,
    CopyForm,
    DisbursementForm,
    FunderForm,
    FundingLineForm,
    InvestmentForm,
    ScenarioForm,
    SettingsForm,
    StressForm,
)
from capacite.planning.models import (
    ChargeLine,
    Disbursement,
    Funder,
    FundingLine,
    FundingStatus,
    InvestmentLine,
    Scenario,
    ScenarioContribution,
)


def _form_page(request, form, *, title: str, back: str, submit: str, obj=None,
               extra_template: str = "", **context) -> HttpResponse:
    return render(request, "planning/form.html", {
        "form": form, "title": title, "back": back, "submit": submit,
        "changes": changes_of(obj) if obj is not None and obj.pk else None,
        "extra_template": extra_template, **context})


# --- scenarios --------------------------------------------------------------------------------

def scenarios(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The scenarios with their key figures, a form to create one, and a copy form on each."""
    form = ScenarioForm(request.POST or None, instance=Scenario(cite=request.cite),
                        pole_names=services.offer_pole_names())
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        services.create_resources(form.instance, cite=request.cite)
        messages.success(request, _("Le scénario « %(name)s » est créé.") % {"name": form.instance})
        return redirect("planning:scenario_edit", cite_slug=cite_slug,
                        scenario_id=form.instance.pk)
    return render(request, "planning/scenarios.html", {
        "plans": services.all_plans(request.cite), "form": form,
        "settings": services.planning_settings(request.cite),
        "offer_hours": services.offer_hours_per_week()})


def scenario_edit(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    form = ScenarioForm(request.POST or None, instance=scenario,
                        pole_names=services.offer_pole_names())
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le scénario « %(name)s » est enregistré.")
                         % {"name": scenario})
        return redirect("planning:scenario_edit", cite_slug=cite_slug, scenario_id=scenario.pk)
    return render(request, "planning/scenario_edit.html", {
        "scenario": scenario, "form": form, "charges": scenario.charges.all(),
        "charge_form": ChargeLineForm(), "copy_form": CopyForm(),
        "offer_hours": services.offer_hours_per_week(), "changes": changes_of(scenario)})


@require_POST
def scenario_copy(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    form = CopyForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("name", []):
            messages.error(request, _("Copie impossible, nom de la copie : %(e)s") % {"e": error})
        return redirect("planning:scenario_edit", cite_slug=cite_slug, scenario_id=scenario.pk)
    copy = services.copy_scenario(scenario, name=form.cleaned_data["name"])
    messages.success(request, _("« %(copy)s » est une copie de « %(name)s » : changez ce qui "
                                "diffère.") % {"copy": copy, "name": scenario})
    return redirect("planning:scenario_edit", cite_slug=cite_slug, scenario_id=copy.pk)


def scenario_fte(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    """FTE per function and pôle: needed, brought by partners, to recruit."""
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    settings = services.planning_settings(request.cite)
    plan = services.scenario_plan(scenario, settings=settings)
    lines = [{"label": (_("Conseil — %(pole)s") % {"pole": line.pole} if line.pole else
                        _("Conseil, pôle non précisé") if line.function == "counselling" else
                        FUNCTION_LABELS[line.function]),
              "line": line,
              "partners": ", ".join(f"{s.partner} ({format_number(s.fte)})"
                                    for s in line.shares)}
             for line in plan.fte.lines]
    return render(request, "planning/scenario_fte.html", {
        "scenario": scenario, "plan": plan, "lines": lines, "settings": settings,
        "productive_hours": services.fte_settings(settings).productive_hours})


def scenario_budget(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    """The operating budget in the Cerfa 12156 layout per year, and the investment budget."""
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    settings = services.planning_settings(request.cite)
    plan = services.scenario_plan(scenario, settings=settings)
    try:
        invest = investment_rows(items=services.investments(), first_year=settings.first_year,
                                 funding=services.investment_funding())
        invest_error = ""
    except ValueError as exc:
        invest, invest_error = [], str(exc)
    return render(request, "planning/scenario_budget.html", {
        "scenario": scenario, "plan": plan, "rows": budget_rows(plan.budget),
        "years": plan.budget.years, "invest": invest, "invest_error": invest_error})


def scenario_resources(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    """The scenario's own partner contributions and funding lines, and what it is worth to the
    territory and to each partner (the guide's « valeur ajoutée »)."""
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    form = ContributionForm(request.POST or None,
                            instance=ScenarioContribution(cite=request.cite, scenario=scenario))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'apport de « %(p)s » est ajouté au scénario.")
                         % {"p": form.instance.organisation})
        return redirect("planning:scenario_resources", cite_slug=cite_slug,
                        scenario_id=scenario.pk)
    plan = services.scenario_plan(scenario, settings=services.planning_settings(request.cite))
    return render(request, "planning/scenario_resources.html", {
        "scenario": scenario, "plan": plan, "form": form,
        "contributions": scenario.contributions.select_related("organisation"),
        "lines": services.operating_lines(scenario)})


def contribution_edit(request: HttpRequest, cite_slug: str,
                      scenario_contribution_id: int) -> HttpResponse:
    item = get_object_or_404(ScenarioContribution.objects.select_related("scenario"),
                             pk=scenario_contribution_id)
    back = reverse("planning:scenario_resources", args=[cite_slug, item.scenario_id])
    if request.method == "POST" and "delete" in request.POST:
        item.delete()
        messages.success(request, _("L'apport « %(l)s » est retiré du scénario.") % {"l": item})
        return redirect(back)
    form = ContributionForm(request.POST or None, instance=item)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'apport « %(l)s » est enregistré.") % {"l": item})
        return redirect(back)
    return _form_page(request, form, title=str(item), back=back, submit=_("Enregistrer"),
                      obj=item, deletable=True)


def charge_add(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    form = ChargeLineForm(request.POST or None,
                          instance=ChargeLine(cite=request.cite, scenario=scenario))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La charge « %(l)s » est ajoutée.") % {"l": form.instance})
        return redirect("planning:scenario_edit", cite_slug=cite_slug, scenario_id=scenario.pk)
    back = redirect("planning:scenario_edit", cite_slug=cite_slug, scenario_id=scenario.pk).url
    return _form_page(request, form, title=_("Ajouter une charge à « %(s)s »") % {"s": scenario},
                      back=back, submit=_("Ajouter la charge"))


def charge_edit(request: HttpRequest, cite_slug: str, charge_id: int) -> HttpResponse:
    charge = get_object_or_404(ChargeLine.objects.select_related("scenario"), pk=charge_id)
    back = redirect("planning:scenario_edit", cite_slug=cite_slug,
                    scenario_id=charge.scenario_id).url
    if request.method == "POST" and "delete" in request.POST:
        charge.delete()
        messages.success(request, _("La charge « %(l)s » est supprimée.") % {"l": charge})
        return redirect(back)
    form = ChargeLineForm(request.POST or None, instance=charge)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La charge « %(l)s » est enregistrée.") % {"l": charge})
        return redirect(back)
    return _form_page(request, form, title=_("Charge « %(l)s »") % {"l": charge}, back=back,
                      submit=_("Enregistrer"), obj=charge, deletable=True)


# --- comparison and the committee's choice ----------------------------------------------------

def comparison(request: HttpRequest, cite_slug: str) -> HttpResponse:
    plans, rows = services.comparison(request.cite)
    return render(request, "planning/comparison.html", {
        "plans": plans, "rows": rows, "settings": services.planning_settings(request.cite)})


def _comparison_filename(request, ext: str) -> str:
    return f"comparaison-scenarios-{slugify(request.cite.slug)}.{ext}"


# How each unit of the comparison is typed in the spreadsheet.
UNIT_KINDS = {"count": "integer", "hours": "duration", "fte": "decimal", "eur": "money",
              "text": "text", "percent": "decimal"}


def comparison_xlsx(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The comparison as a spreadsheet: one column per scenario, each row typed by its unit."""
    plans, rows = services.comparison(request.cite)
    settings = services.planning_settings(request.cite)
    names, *criteria = rows
    title = _("Comparaison des scénarios — %(cite)s, budget %(year)s") % {
        "cite": request.cite.name, "year": settings.first_year}
    sheet = Sheet(_("Comparaison"), [Column(names.label), *(Column(str(v)) for v in names.values)],
                  [[row.label, *(Typed(v, UNIT_KINDS[row.unit]) for v in row.values)]
                   for row in criteria], heading=[title], landscape=True, max_width=40)
    return xlsx_response([sheet], filename=_comparison_filename(request, "xlsx"), title=title,
                         subject=request.cite.name)


def comparison_pdf(request: HttpRequest, cite_slug: str) -> HttpResponse:
    from capacite.lib.pdf import write_pdf

    plans, rows = services.comparison(request.cite)
    html = render_to_string("planning/comparison_pdf.html", {
        "plans": plans, "rows": rows, "cite": request.cite,
        "settings": services.planning_settings(request.cite),
        "generated": timezone.localtime()}, request=request)
    response = HttpResponse(write_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_comparison_filename(request, "pdf")}"'
    return response


def scenario_choose(request: HttpRequest, cite_slug: str, scenario_id: int) -> HttpResponse:
    """Record the steering committee's choice in the decisions register."""
    scenario = get_object_or_404(Scenario, pk=scenario_id)
    form = ChooseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.choose_scenario(scenario, body=form.cleaned_data["body"],
                                 decided_on=form.cleaned_data["decided_on"],
                                 details=form.cleaned_data["details"], user=request.user)
        messages.success(request, _("Le scénario « %(s)s » est retenu ; la décision est "
                                    "inscrite au registre.") % {"s": scenario})
        return redirect("planning:comparison", cite_slug=cite_slug)
    back = redirect("planning:comparison", cite_slug=cite_slug).url
    return _form_page(request, form, title=_("Retenir le scénario « %(s)s »") % {"s": scenario},
                      back=back, submit=_("Inscrire la décision au registre"))


# --- funding round ----------------------------------------------------------------------------

def funding(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = FunderForm(request.POST or None, instance=Funder(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("Le financeur « %(f)s » est ajouté.") % {"f": form.instance})
        return redirect("planning:funder_edit", cite_slug=cite_slug, funder_id=form.instance.pk)
    scenarios = list(Scenario.objects.all())
    asked = request.GET.get("scenario", "")
    current = next((r for r in scenarios if str(r.pk) == asked), None) or \
        services.treasury_scenario()
    funders = Funder.objects.prefetch_related(Prefetch(
        "lines", queryset=FundingLine.objects.filter(
            Q(scenario=current) | Q(purpose="investment")).prefetch_related("disbursements", "act"),
    )).select_related("organisation")
    lines = [line for f in funders for line in f.lines.all()]
    by_status = []
    for value, label in FundingStatus.choices:
        chosen = [line for line in lines if line.status == value]
        by_status.append((label, [sum((line.amounts[i] for line in chosen), Decimal(0))
                                  for i in range(3)]))
    settings = services.planning_settings(request.cite)
    return render(request, "planning/funding.html", {
        "funders": funders, "form": form, "by_status": by_status, "scenarios": scenarios,
        "current": current,
        "years": range(settings.first_year, settings.first_year + 3)})


def funder_edit(request: HttpRequest, cite_slug: str, funder_id: int) -> HttpResponse:
    funder = get_object_or_404(Funder, pk=funder_id)
    form = FunderForm(request.POST or None, instance=funder)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le financeur « %(f)s » est enregistré.") % {"f": funder})
        return redirect("planning:funding", cite_slug=cite_slug)
    return _form_page(request, form, title=str(funder),
                      back=redirect("planning:funding", cite_slug=cite_slug).url,
                      submit=_("Enregistrer"), obj=funder,
                      extra_template="planning/funder_lines.html", funder=funder)


def funding_line_add(request: HttpRequest, cite_slug: str, funder_id: int) -> HttpResponse:
    funder = get_object_or_404(Funder, pk=funder_id)
    form = FundingLineForm(request.POST or None, instance=FundingLine(
        cite=request.cite, funder=funder, scenario=services.treasury_scenario()))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La ligne de financement est ajoutée."))
        return redirect("planning:funding_line_edit", cite_slug=cite_slug,
                        line_id=form.instance.pk)
    return _form_page(request, form, title=_("Nouvelle ligne : %(f)s") % {"f": funder},
                      back=redirect("planning:funding", cite_slug=cite_slug).url,
                      submit=_("Ajouter la ligne"))


def funding_line_edit(request: HttpRequest, cite_slug: str, line_id: int) -> HttpResponse:
    line = get_object_or_404(FundingLine.objects.select_related("funder"), pk=line_id)
    form = FundingLineForm(request.POST or None, instance=line)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La ligne de financement est enregistrée."))
        return redirect("planning:funding", cite_slug=cite_slug)
    return _form_page(request, form, title=str(line),
                      back=redirect("planning:funding", cite_slug=cite_slug).url,
                      submit=_("Enregistrer"), obj=line,
                      extra_template="planning/line_disbursements.html", line=line,
                      disbursements=line.disbursements.all(),
                      disbursement_form=DisbursementForm())


def disbursement_add(request: HttpRequest, cite_slug: str, line_id: int) -> HttpResponse:
    line = get_object_or_404(FundingLine.objects.select_related("funder"), pk=line_id)
    form = DisbursementForm(request.POST or None,
                            instance=Disbursement(cite=request.cite, line=line))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le versement est ajouté au calendrier."))
        return redirect("planning:funding_line_edit", cite_slug=cite_slug, line_id=line.pk)
    return _form_page(request, form, title=_("Nouveau versement : %(l)s") % {"l": line},
                      back=redirect("planning:funding_line_edit", cite_slug=cite_slug,
                                    line_id=line.pk).url,
                      submit=_("Ajouter le versement"))


def disbursement_delete(request: HttpRequest, cite_slug: str, disbursement_id: int
                        ) -> HttpResponse:
    """Asks first (GET), removes on the confirmation; a disbursement is not versioned."""
    item = get_object_or_404(Disbursement.objects.select_related("line__funder"),
                             pk=disbursement_id)
    when = f"{item.on:%d/%m/%Y}"
    return confirm_removal(
        request, item, title=_("Retirer le versement du %(date)s") % {"date": when},
        consequence=_("Le versement de %(amount)s prévu le %(date)s ne comptera plus dans la "
                      "trésorerie.") % {"amount": format_money(item.amount), "date": when},
        back=reverse("planning:funding_line_edit", args=[cite_slug, item.line_id]),
        back_label=str(item.line), done=_("Le versement est retiré du calendrier."))


def investments(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = InvestmentForm(request.POST or None, instance=InvestmentLine(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'investissement est ajouté."))
        return redirect("planning:investments", cite_slug=cite_slug)
    return render(request, "planning/investments.html",
                  {"items": InvestmentLine.objects.all(), "form": form})


def investment_edit(request: HttpRequest, cite_slug: str, investment_id: int) -> HttpResponse:
    item = get_object_or_404(InvestmentLine, pk=investment_id)
    form = InvestmentForm(request.POST or None, instance=item)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'investissement est enregistré."))
        return redirect("planning:investments", cite_slug=cite_slug)
    return _form_page(request, form, title=str(item),
                      back=redirect("planning:investments", cite_slug=cite_slug).url,
                      submit=_("Enregistrer"), obj=item)


def planning_settings(request: HttpRequest, cite_slug: str) -> HttpResponse:
    settings = services.planning_settings(request.cite)
    form = SettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Les paramètres sont enregistrés."))
        return redirect("planning:scenarios", cite_slug=cite_slug)
    return _form_page(request, form, title=_("Paramètres des scénarios et de la trésorerie"),
                      back=redirect("planning:scenarios", cite_slug=cite_slug).url,
                      submit=_("Enregistrer"), obj=settings)


# --- treasury ---------------------------------------------------------------------------------

def treasury(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The 36-month plan of the chosen scenario (or the one asked for), with the stress test."""
    rows = list(Scenario.objects.all())
    asked = request.GET.get("scenario", "")
    row = next((r for r in rows if str(r.pk) == asked), None) or services.treasury_scenario()
    funders = list(Funder.objects.all())
    stress_form = StressForm(request.GET if "funder" in request.GET else None, funders=funders)
    context: dict = {"scenarios": rows, "current": row, "stress_form": stress_form,
                     "settings": services.planning_settings(request.cite),
                     "legal_form": services.legal_form()}
    inputs = services.treasury_inputs(request.cite, row) if row else None
    if inputs is not None:
        try:
            plan = treasury_plan(inputs)
        except ValueError as exc:
            context["error"] = str(exc)
            return render(request, "planning/treasury.html", context)
        context["plan"] = plan
        shown = plan
        if stress_form.is_bound and stress_form.is_valid():
            data = stress_form.cleaned_data
            try:
                result = services.stress(inputs, funder=services.resolve_funder(data["funder"]),
                                         delay_months=data["delay"], cut_percent=data["cut"])
            except ValueError as exc:
                stress_form.add_error(None, str(exc))
            else:
                context["stress"] = result
                context["changed"] = {d.month: d for d in result.differences}
                shown = result.stressed
        context["shown"] = shown
        context["alert_months"] = {a.month for a in shown.alerts}
        context["chart"] = treasury_svg([(m.month, m.balance) for m in shown.months],
                                        title=_("Trésorerie en fin de mois"))
    return render(request, "planning/treasury.html", context)
