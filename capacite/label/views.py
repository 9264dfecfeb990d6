"""The label's pages: the criteria checklist, the charter declarations, the dossiers' prose with
its preview, and the generation of a dossier as a background job."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.memo import reading_once
from capacite.core.permissions import Level, level_for
from capacite.jobs.models import Job
from capacite.jobs.services import start_job
from capacite.label import services
from capacite.label.domain.criteria import CRITERIA_BY_KEY, STATUS_LABELS, tally
from capacite.label.domain.parts import (
    KIND_TITLES,
    KINDS,
    NARRATIVE_BY_KEY,
    narratives_of,
    readiness,
)
from capacite.label.forms import DeclarationForm, GenerateForm, NarrativeForm
from capacite.label.models import Declaration, NarrativeText
from capacite.label.preflight import preflight_of
from capacite.lib.languages import current_language


def _link(request: HttpRequest, url_name: str, level: Level = Level.READ, **kwargs) -> str:
    """The URL of `url_name` if this person may open it at `level`, else ""."""
    if level_for(url_name, request.cite_roles) < level:
        return ""
    return reverse(url_name, kwargs={"cite_slug": request.cite.slug, **kwargs})


def _is_open(cite) -> bool:
    return cite.opened_on is not None or cite.phase == "operation"


def _deadline(cite):
    from capacite.review.services_followup import deadline_of

    return deadline_of(cite)


def checklist(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Every criterion, green / amber / red, with what was found and where to fix it."""
    services.ensure_rows(request.cite)
    declarations = services.declarations()
    results = services.checklist(request.cite)
    rows = []
    for r in results:
        if r.criterion.declaration:
            d = declarations[r.criterion.key]
            fix = _link(request, "label:declaration_edit", Level.WRITE, declaration_id=d.pk)
            document = _link(request, "label:declaration_file", declaration_id=d.pk) \
                if d.file else ""
            rows.append({"result": r, "fix": fix, "declaration": d, "document": document})
        else:
            fix = _link(request, r.criterion.fix) if r.criterion.fix else ""
            rows.append({"result": r, "fix": fix})
        rows[-1]["status_label"] = STATUS_LABELS[r.check.status]
    groups = []
    for source in dict.fromkeys(r.criterion.source for r in results):
        groups.append({"source": source,
                       "rows": [row for row in rows if row["result"].criterion.source == source]})
    return render(request, "label/checklist.html", {
        "groups": groups, "tally": tally(results)})


def declaration_edit(request: HttpRequest, cite_slug: str, declaration_id: int) -> HttpResponse:
    declaration = get_object_or_404(Declaration, pk=declaration_id)
    criterion = CRITERIA_BY_KEY[declaration.key]
    form = DeclarationForm(request.POST or None, request.FILES or None, instance=declaration)
    if request.method == "POST":
        form.instance.updated_by = request.user
        if save_form_atomically(form):
            messages.success(request, _("La déclaration « %(title)s » est enregistrée.")
                             % {"title": criterion.title})
            return redirect("label:checklist", cite_slug=cite_slug)
    return render(request, "label/declaration_edit.html", {
        "declaration": declaration, "criterion": criterion, "form": form,
        "changes": changes_of(declaration)})


def declaration_file(request: HttpRequest, cite_slug: str, declaration_id: int) -> FileResponse:
    """The evidence document, only through this view: media files are never served directly."""
    declaration = get_object_or_404(Declaration, pk=declaration_id)
    if not declaration.file or not declaration.file.storage.exists(declaration.file.name):
        raise Http404
    return FileResponse(declaration.file.open("rb"), as_attachment=True,
                        filename=declaration.filename or declaration.file.name.rsplit("/")[-1])


@reading_once()
def dossier(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The preview: part by part, what is written and what is missing; generation; history.
    Its three dossiers and their pre-flights read each source once (`core/memo.py`)."""
    services.ensure_rows(request.cite)
    texts = services.narratives()
    filled = {k for k, n in texts.items() if n.text.strip()}
    facts = services.facts(request.cite)
    gaps = {**dossier_gaps(facts), **content_gaps()}
    is_open = _is_open(request.cite)
    if is_open:
        from capacite.label.services_fonctionnement import preflight

        gaps.update(preflight(request.cite))
    previews = []
    for kind in KINDS:
        if kind == "label_fonctionnement" and not is_open:
            continue
        parts = readiness(kind, filled=filled, gaps=gaps)
        previews.append({
            "kind": kind, "title": KIND_TITLES[kind], "parts": [
                {"readiness": p, "narratives": [
                    {"spec": NARRATIVE_BY_KEY[k], "text": texts[k],
                     "filled": k in filled,
                     "edit": _link(request, "label:narrative_edit", Level.WRITE,
                                   narrative_id=texts[k].pk)}
                    for k in p.part.narratives]}
                for p in parts],
            "missing": sum(len(p.missing_narratives) + len(p.missing_facts) for p in parts),
            "narratives": len(narratives_of(kind)),
        })
    for preview in previews:
        preview["contradictions"] = preflight_of(request.cite, preview["kind"])
    generations = [
        job for job in Job.objects.filter(kind="dossier").select_related("created_by")[:30]
    ]
    return render(request, "label/dossier.html", {
        "previews": previews, "form": GenerateForm(is_open=is_open),
        "generations": generations, "is_open": is_open, "deadline": _deadline(request.cite),
        "kind_titles": KIND_TITLES,
        "can_generate": level_for("label:generate", request.cite_roles) >= Level.WRITE})


def dossier_gaps(facts) -> dict[str, str]:
    """Why each missing fact is missing, keyed as the dossier parts name them."""
    from capacite.label.domain import criteria

    gaps: dict[str, str] = {}
    for key, source in (("premises", facts.premises), ("events", facts.events),
                        ("budget", facts.budget), ("team", facts.team)):
        if isinstance(source, criteria.Unavailable):
            gaps[key] = source.what
    if isinstance(facts.premises, criteria.PremisesFact) and not facts.premises.identified:
        gaps["premises"] = _("aucun local retenu")
    if isinstance(facts.events, criteria.EventsFact) and not (facts.events.count
                                                              or facts.events.proposed):
        gaps["events"] = _("aucun événement proposé ni retenu")
    if facts.budget is None:
        gaps["budget"] = _("aucun scénario retenu par le comité de pilotage")
    if isinstance(facts.team, criteria.TeamFact) and not facts.team.jobs:
        gaps["team"] = _("aucune fiche de poste")
    if not facts.poles:
        gaps["poles"] = _("aucun pôle de conseil")
    if not facts.sites:
        gaps["sites"] = gaps["hours"] = _("aucun site ni horaire")
    if not facts.has_steering:
        gaps["steering"] = _("aucun comité de pilotage")
    if not facts.legal_form:
        gaps["legal"] = _("structure juridique non choisie")
    if not facts.territory_communes:
        gaps["territory"] = _("communes du territoire non choisies")
    if not facts.workshop_sessions:
        gaps["workshops"] = _("aucune séance d'atelier")
    if not facts.contributing_organisations:
        gaps["contributions"] = _("aucune contribution de partenaire")
    return gaps


def content_gaps() -> dict[str, str]:
    """The sources only the dossiers read (diagnosis, offer map, documentation), when empty."""
    diagnosis = services.diagnosis_data()
    gaps: dict[str, str] = {}
    if not any(t.indicators or t.narrative for t in diagnosis["themes"]):
        gaps["diagnosis"] = _("aucun indicateur ni analyse du diagnostic")
    if not diagnosis["map_rows"]:
        gaps["offer_map"] = _("cartographie de l'offre existante non renseignée")
    if not services.documentation_data()["resources"]:
        gaps["documentation"] = _("catalogue documentaire vide")
    return gaps


def narrative_edit(request: HttpRequest, cite_slug: str, narrative_id: int) -> HttpResponse:
    narrative = get_object_or_404(NarrativeText, pk=narrative_id)
    spec = NARRATIVE_BY_KEY[narrative.key]
    form = NarrativeForm(request.POST or None, instance=narrative)
    if request.method == "POST":
        form.instance.updated_by = request.user
        if save_form_atomically(form):
            messages.success(request, _("« %(title)s » est enregistré.") % {"title": spec.title})
            return redirect(reverse("label:dossier", kwargs={"cite_slug": cite_slug})
                            + f"#recit-{narrative.key}")
    return render(request, "label/narrative_edit.html", {
        "narrative": narrative, "spec": spec, "form": form, "changes": changes_of(narrative)})


@require_POST
def generate(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Queue the generation and follow it on the job page."""
    form = GenerateForm(request.POST, is_open=_is_open(request.cite))
    if not form.is_valid():
        messages.error(request, _("Choisissez le dossier et le format à générer."))
        return redirect("label:dossier", cite_slug=cite_slug)
    kind = form.cleaned_data["kind"]
    contradictions = preflight_of(request.cite, kind)
    if contradictions and not form.cleaned_data["anyway"]:
        messages.error(request, ngettext(
            "La vérification avant envoi trouve %(count)d contradiction : rien n'a été généré. "
            "Corrigez-la, ou cochez « Générer malgré les contradictions ».",
            "La vérification avant envoi trouve %(count)d contradictions : rien n'a été "
            "généré. Corrigez-les, ou cochez « Générer malgré les contradictions ».",
            len(contradictions)) % {"count": len(contradictions)})
        return redirect(reverse("label:dossier", kwargs={"cite_slug": cite_slug})
                        + f"#verification-{kind}")
    job = start_job(cite=request.cite, kind="dossier", user=request.user, params={
        "kind": kind, "format": form.cleaned_data["format"],
        "lang": form.cleaned_data["lang"] or current_language(),
        "anyway": bool(contradictions),
        "return_url": reverse("label:dossier", kwargs={"cite_slug": cite_slug})})
    return redirect(job.get_absolute_url())
