"""The territorial diagnosis: indicators by theme with their narratives, their import and
export, and the existing offer map (scoped to the current Cité by the middleware)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.diagnosis import services
from capacite.diagnosis.choices import SERVICE_SHORT, Service, Theme
from capacite.diagnosis.domain.indicators import COLUMNS
from capacite.diagnosis.forms import ImportForm, IndicatorForm, NarrativeForm, OfferMapEntryForm
from capacite.diagnosis.models import Indicator, Narrative, OfferMapEntry
from capacite.lib.exports import csv_response, xlsx_response
from capacite.lib.importers import ImportRefused
from capacite.lib.paging import page_of


def overview(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Each theme's indicators, fifty at a time (an import brings up to 10,000), and its
    narrative; each theme turns its own pages."""
    return render(request, "diagnosis/overview.html", {"themes": [
        (block, page_of(request, block.indicators, param=f"page-{block.theme}"))
        for block in services.themes_overview()]})


def _territory_choices(request: HttpRequest) -> list[str]:
    from capacite.territory.services import communes_of

    communes = list(communes_of(request.cite))
    epcis = sorted({c.epci.name for c in communes if c.epci_id})
    return epcis + [c.name for c in communes]


def _indicator_form(request: HttpRequest, indicator: Indicator, *, title: str,
                    saved: str) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, saved % {"label": indicator.label})
        return redirect("diagnosis:overview", cite_slug=request.cite.slug)
    return render(request, "diagnosis/indicator_edit.html", {
        "form": form, "indicator": indicator, "title": title,
        "territories": _territory_choices(request),
        "changes": [] if indicator._state.adding else changes_of(indicator),
    })


def indicator_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    theme = request.GET.get("theme", "")
    indicator = Indicator(cite=request.cite, theme=theme if theme in Theme.values else "")
    return _indicator_form(request, indicator, title=_("Ajouter un indicateur"),
                           saved=_("L'indicateur « %(label)s » est ajouté."))


def indicator_edit(request: HttpRequest, cite_slug: str, indicator_id: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=indicator_id)
    return _indicator_form(request, indicator, title=_("Modifier l'indicateur"),
                           saved=_("L'indicateur « %(label)s » est enregistré."))


def indicator_delete(request: HttpRequest, cite_slug: str, indicator_id: int) -> HttpResponse:
    """Asks first (GET), deletes on the confirmation unless the indicator changed meanwhile."""
    indicator = get_object_or_404(Indicator, pk=indicator_id)
    names = {"label": indicator.label}
    return confirm_removal(
        request, indicator, title=_("Supprimer l'indicateur « %(label)s »") % names,
        consequence=_("L'indicateur « %(label)s » sera retiré du diagnostic et de ses "
                      "exports.") % names,
        back=reverse("diagnosis:indicator_edit", args=[cite_slug, indicator.pk]),
        back_label=indicator.label, after=reverse("diagnosis:overview", args=[cite_slug]),
        done=_("L'indicateur « %(label)s » est supprimé.") % names)


def import_indicators(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Upload a file: every error listed and nothing written, or a summary of what was added."""
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    error_count, summary = 0, None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = services.import_file(request.cite, upload.read(), upload.name)
        except ImportRefused as refused:
            errors, error_count = refused.errors, refused.count
    vocab = services.import_vocabulary()
    return render(request, "diagnosis/import.html", {
        "form": form, "errors": errors, "error_count": error_count, "summary": summary,
        "columns": [title for _a, title in COLUMNS],
        "themes": vocab.theme_labels, "units": vocab.unit_labels,
    })


def _filename(request: HttpRequest, suffix: str) -> str:
    return f"indicateurs-{request.cite.slug}-{timezone.localdate():%Y-%m-%d}.{suffix}"


def export_csv(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return csv_response(services.export_sheet(),
                        filename=_filename(request, "csv"))


def export_xlsx(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return xlsx_response([services.export_sheet()],
                         filename=_filename(request, "xlsx"),
                         title=_("Indicateurs du diagnostic — %(cite)s") % {
                             "cite": request.cite.name}, subject=request.cite.name)


def narrative_edit(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Write what a theme's figures say (`?theme=…`, the economy by default); two writers never
    silently overwrite each other."""
    theme = request.GET.get("theme", Theme.ECONOMY)
    if theme not in Theme.values:
        raise Http404
    narrative = (Narrative.objects.filter(theme=theme).first()
                 or Narrative(cite=request.cite, theme=theme))
    form = NarrativeForm(request.POST or None, instance=narrative)
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("L'analyse « %(theme)s » est enregistrée.")
                         % {"theme": narrative.get_theme_display()})
        return redirect(f"{_overview_url(request)}#theme-{theme}")
    return render(request, "diagnosis/narrative_edit.html", {
        "form": form, "narrative": narrative,
        "indicators": Indicator.objects.filter(theme=theme).order_by("label"),
        "changes": [] if narrative._state.adding else changes_of(narrative),
    })


def _overview_url(request: HttpRequest) -> str:
    return reverse("diagnosis:overview", kwargs={"cite_slug": request.cite.slug})


def offer_map(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The actors' offer, fifty at a time, then those not filled in yet, fifty at a time; the
    counts of each service are over every actor."""
    rows, counts = services.offer_map()
    filled = [r for r in rows if r.entry]
    return render(request, "diagnosis/offer_map.html", {
        "rows": page_of(request, filled), "filled": len(filled),
        "missing": page_of(request, [r for r in rows if not r.entry], param="a-renseigner"),
        "services": [(value, label, SERVICE_SHORT[Service(value)])
                     for value, label in Service.choices],
        "counts": [(count, Service(count.service).label) for count in counts],
        "total": len(rows),
    })


def offer_map_edit(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    from capacite.partners.models import Organisation

    organisation = get_object_or_404(Organisation, pk=organisation_id)
    entry = (OfferMapEntry.objects.filter(organisation=organisation).first()
             or OfferMapEntry(cite=request.cite, organisation=organisation))
    form = OfferMapEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("L'offre de « %(name)s » est enregistrée.")
                         % {"name": organisation.name})
        return redirect("diagnosis:offer_map", cite_slug=cite_slug)
    return render(request, "diagnosis/offer_map_edit.html", {
        "form": form, "organisation": organisation,
        "changes": [] if entry._state.adding else changes_of(entry),
    })
