"""The label fonctionnement's pages: conformity with the label projet (gaps and the team's
answers, the figures typed by hand when no label projet was deposited here) and the
experimental actions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.permissions import Level, level_for
from capacite.core.removal import confirm_removal
from capacite.label import conformity
from capacite.label.domain.conformity import Figures, manual_text
from capacite.label.dossier.fonctionnement import FonctionnementBuilder
from capacite.label.forms_fonctionnement import (
    ExperimentalActionForm,
    GapAnswerForm,
    ManualSnapshotForm,
)
from capacite.label.models_followup import ExperimentalAction, GapAnswer, SnapshotSource


def _can_write(request: HttpRequest, url_name: str) -> bool:
    return level_for(url_name, request.cite_roles) >= Level.WRITE


def conformity_page(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The gaps between the label projet and today, each with the team's answer."""
    snapshot = conformity.snapshot()
    rows = conformity.gap_rows(request.cite) if snapshot else []
    figures = None
    if snapshot is not None:
        table = FonctionnementBuilder.figures_table(Figures.from_json(snapshot.figures),
                                                    conformity.current_figures(request.cite))
        figures = table.rows
    return render(request, "label/conformity.html", {
        "snapshot": snapshot, "rows": rows, "figures": figures,
        "open": sum(1 for r in rows if not r.answered),
        "can_answer": _can_write(request, "label:gap_answer"),
        "can_type": _can_write(request, "label:snapshot_manual")
        and (snapshot is None or snapshot.source == SnapshotSource.MANUAL),
    })


def gap_answer(request: HttpRequest, cite_slug: str, gap_answer_id: int) -> HttpResponse:
    answer = get_object_or_404(GapAnswer, pk=gap_answer_id)
    gap = next((g for g in conformity.gaps(request.cite) if g.key == answer.key), None)
    form = GapAnswerForm(request.POST or None, instance=answer)
    if request.method == "POST":
        form.instance.updated_by = request.user
        if save_form_atomically(form):
            messages.success(request, _("La réponse à l'écart est enregistrée."))
            return redirect("label:conformity", cite_slug=cite_slug)
    return render(request, "label/form_page.html", {
        "form": form, "title": _("Répondre à l'écart : %(gap)s")
        % {"gap": gap.text if gap else answer.key},
        "lead": _("Expliquez l'écart, puis la mesure corrective : le comité lit les deux."),
        "back": reverse("label:conformity", args=[cite_slug]),
        "back_label": _("Conformité avec le label projet"), "changes": changes_of(answer)})


def snapshot_manual(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Type the label projet's figures once, from the decision letter (a Cité whose label
    projet was deposited before capacite kept them). A deposited snapshot is never retyped."""
    existing = conformity.snapshot()
    back = reverse("label:conformity", args=[cite_slug])
    title = _("Chiffres du label projet, d'après la lettre de décision")
    if existing is not None and existing.source == SnapshotSource.DEPOSIT:
        if request.method == "POST":
            messages.error(request, _("Rien n'a été enregistré : les chiffres du label projet "
                                      "ont été relevés au dépôt du dossier."))
            return redirect(back)
        return render(request, "label/form_page.html", {
            "form": None, "title": title, "back": back, "changes": None,
            "back_label": _("Conformité avec le label projet"),
            "lead": _("Les chiffres du label projet ont été relevés au dépôt du dossier : ils "
                      "ne se ressaisissent pas.")})
    start = (Figures.from_json(existing.figures) if existing
             else conformity.current_figures(request.cite))
    initial = {"legal_form": start.legal_form, "surface_m2": start.surface_m2,
               "fte": start.fte, "budget_total": start.budget_total,
               "taken_on": existing.taken_on if existing else None, **manual_text(start)}
    form = ManualSnapshotForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        conformity.take_snapshot(request.cite, on=form.cleaned_data["taken_on"],
                                 user=request.user, figures=form.figures,
                                 source=SnapshotSource.MANUAL)
        messages.success(request, _("Les chiffres du label projet sont enregistrés ; les "
                                    "écarts avec aujourd'hui sont listés ci-dessous."))
        return redirect(back)
    return render(request, "label/form_page.html", {
        "form": form, "title": title,
        "lead": _("Le formulaire part des chiffres d'aujourd'hui : corrigez-les pour qu'ils "
                  "disent ce que le comité a labellisé."),
        "back": back, "back_label": _("Conformité avec le label projet"), "changes": None})


def experiments(request: HttpRequest, cite_slug: str) -> HttpResponse:
    return render(request, "label/experiments.html", {
        "actions": ExperimentalAction.objects.all(),
        "can_write": _can_write(request, "label:experiment_add")})


def experiment_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = ExperimentalActionForm(
        request.POST or None, instance=ExperimentalAction(cite=request.cite),
        initial={"started_on": timezone.localdate()})
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'action « %(title)s » est ajoutée.")
                         % {"title": form.instance})
        return redirect("label:experiments", cite_slug=cite_slug)
    return render(request, "label/form_page.html", {
        "form": form, "title": _("Nouvelle action expérimentale"),
        "back": reverse("label:experiments", args=[cite_slug]),
        "back_label": _("Actions expérimentales"), "changes": None})


def experiment_edit(request: HttpRequest, cite_slug: str,
                    experimental_action_id: int) -> HttpResponse:
    action = get_object_or_404(ExperimentalAction, pk=experimental_action_id)
    form = ExperimentalActionForm(request.POST or None, instance=action)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'action « %(title)s » est enregistrée.")
                         % {"title": action})
        return redirect("label:experiments", cite_slug=cite_slug)
    return render(request, "label/form_page.html", {
        "form": form, "title": action.title,
        "back": reverse("label:experiments", args=[cite_slug]),
        "back_label": _("Actions expérimentales"), "changes": changes_of(action),
        "delete": reverse("label:experiment_delete", args=[cite_slug, action.pk])})


def experiment_delete(request: HttpRequest, cite_slug: str,
                      experimental_action_id: int) -> HttpResponse:
    action = get_object_or_404(ExperimentalAction, pk=experimental_action_id)
    return confirm_removal(
        request, action,
        title=_("Supprimer l'action « %(title)s »") % {"title": action.title},
        consequence=_("L'action ne figurera plus dans le dossier de confirmation du label "
                      "fonctionnement."),
        back=reverse("label:experiment_edit", args=[cite_slug, action.pk]),
        back_label=action.title, after=reverse("label:experiments", args=[cite_slug]),
        done=_("L'action « %(title)s » est supprimée.") % {"title": action.title})
