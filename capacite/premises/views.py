"""Premises: the space programme, the candidates scored against it, the chosen one and its
fitting-out plan (scoped to the current Cité by the middleware)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.premises import services
from capacite.premises.choices import Zone
from capacite.premises.domain import scoring
from capacite.premises.forms import CandidateForm, ProgrammeForm
from capacite.premises.models import Candidate, SpaceProgramme


def overview(request: HttpRequest, cite_slug: str) -> HttpResponse:
    surfaces = services.programme_surfaces()
    return render(request, "premises/overview.html", {
        "zones": [(label, surfaces[value]) for value, label in Zone.choices],
        "total": scoring.programme_total(surfaces),
        "need": scoring.programme_need(surfaces),
        "rate": int(scoring.CIRCULATION_RATE * 100),
        "candidates": services.scored_candidates(),
    })


def programme_edit(request: HttpRequest, cite_slug: str) -> HttpResponse:
    programme = SpaceProgramme.objects.first() or SpaceProgramme(cite=request.cite)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("Le programme des surfaces est enregistré."))
        return redirect("premises:overview", cite_slug=cite_slug)
    return render(request, "premises/programme_edit.html", {
        "form": form, "changes": [] if programme._state.adding else changes_of(programme)})


def candidate_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = CandidateForm(request.POST or None, request.FILES or None,
                         instance=Candidate(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le local « %(name)s » est ajouté.") % {"name": form.instance})
        return redirect("premises:candidate_detail", cite_slug=cite_slug,
                        candidate_id=form.instance.pk)
    return render(request, "premises/candidate_edit.html",
                  {"form": form, "title": _("Ajouter un local envisagé")})


def candidate_detail(request: HttpRequest, cite_slug: str, candidate_id: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate.objects.prefetch_related("shared_with"),
                                  pk=candidate_id)
    return render(request, "premises/candidate_detail.html", {
        "candidate": candidate,
        "score": scoring.score(services.facts(candidate), services.programme_surfaces()),
        "changes": changes_of(candidate),
    })


def candidate_edit(request: HttpRequest, cite_slug: str, candidate_id: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=candidate_id)
    form = CandidateForm(request.POST or None, request.FILES or None, instance=candidate)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le local « %(name)s » est enregistré.") % {"name": candidate})
        return redirect("premises:candidate_detail", cite_slug=cite_slug,
                        candidate_id=candidate.pk)
    return render(request, "premises/candidate_edit.html", {
        "form": form, "candidate": candidate,
        "title": _("Modifier « %(name)s »") % {"name": candidate.name}})


def candidate_delete(request: HttpRequest, cite_slug: str, candidate_id: int) -> HttpResponse:
    """Asks first (GET), deletes on the confirmation unless the candidate changed meanwhile.

    The page says so when it is the chosen one: the Cité is then left without chosen premises.
    """
    candidate = get_object_or_404(Candidate, pk=candidate_id)
    names = {"name": candidate.name}
    return confirm_removal(
        request, candidate, title=_("Supprimer le local « %(name)s »") % names,
        consequence=(_("« %(name)s » est le local retenu : la Cité n'aura plus de local "
                       "retenu.") if candidate.chosen else
                     _("« %(name)s » sera retiré des locaux comparés.")) % names,
        back=reverse("premises:candidate_detail", args=[cite_slug, candidate.pk]),
        back_label=candidate.name, after=reverse("premises:overview", args=[cite_slug]),
        done=_("Le local « %(name)s » est supprimé.") % names)


@require_POST
def candidate_choose(request: HttpRequest, cite_slug: str, candidate_id: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=candidate_id)
    services.choose(candidate)
    messages.success(request, _("« %(name)s » est le local retenu.") % {"name": candidate.name})
    return redirect("premises:candidate_detail", cite_slug=cite_slug, candidate_id=candidate.pk)


def candidate_plan(request: HttpRequest, cite_slug: str, candidate_id: int) -> FileResponse:
    """The fitting-out plan, only through this view: media is never served directly."""
    candidate = get_object_or_404(Candidate, pk=candidate_id)
    if not candidate.plan or not candidate.plan.storage.exists(candidate.plan.name):
        raise Http404
    return FileResponse(candidate.plan.open("rb"), as_attachment=True,
                        filename=candidate.plan_filename or candidate.plan.name.rsplit("/", 1)[-1])
