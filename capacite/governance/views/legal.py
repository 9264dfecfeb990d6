"""The legal structure: options compared, the choice, statute versions, the validation path."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.governance.choices import LegalForm
from capacite.governance.forms import LegalStructureForm, StatuteVersionForm, ValidationStepForm
from capacite.governance.models import LegalStructure, StatuteVersion, ValidationStep
from capacite.governance.services import latest_expected_vote, sync_statutes_tasks
from capacite.governance.views import back_url

# The comparison, from the guide (Phase 2 "la construction de la gouvernance", Phase 3 "la
# structure juridique" and "tour de table financier").
COMPARISON = [
    (gettext_lazy("Personnalité morale"),
     {LegalForm.GIP: gettext_lazy("Oui"), LegalForm.ASSOCIATION: gettext_lazy("Oui"),
      LegalForm.EXISTING: gettext_lazy("Non : celle de la structure porteuse")}),
    (gettext_lazy("Budget propre, patrimoine, recrutement du personnel"),
     {LegalForm.GIP: gettext_lazy("Oui, en autonomie de fonctionnement"),
      LegalForm.ASSOCIATION: gettext_lazy("Oui, en autonomie de fonctionnement"),
      LegalForm.EXISTING: gettext_lazy("Par la structure porteuse, avec une gouvernance "
                                       "spécifique")}),
    (gettext_lazy("Règles entre partenaires et à l'égard des tiers"),
     {LegalForm.GIP: gettext_lazy("Fixées par les statuts (convention constitutive)"),
      LegalForm.ASSOCIATION: gettext_lazy("Fixées par les statuts"),
      LegalForm.EXISTING: gettext_lazy("Celles de la structure porteuse, complétées par une "
                                       "convention")}),
    (gettext_lazy("Trésorerie"),
     {LegalForm.GIP: gettext_lazy("Aucun déficit possible : la trésorerie doit être "
                                  "disponible dès le démarrage"),
      LegalForm.ASSOCIATION: gettext_lazy("Selon les fonds propres et le calendrier de "
                                          "déblocage des financements"),
      LegalForm.EXISTING: gettext_lazy("Celle de la structure porteuse")}),
    (gettext_lazy("Exemple cité par le guide"),
     {LegalForm.GIP: "—", LegalForm.ASSOCIATION: "—",
      LegalForm.EXISTING: gettext_lazy("Une Maison de l'emploi")}),
]


def legal(request: HttpRequest, cite_slug: str) -> HttpResponse:
    structure = LegalStructure.objects.first() or LegalStructure(cite=request.cite)
    action = request.POST.get("action") if request.method == "POST" else None
    choice = LegalStructureForm(request.POST if action == "choice" else None, instance=structure,
                                prefix="choice")
    statute = StatuteVersionForm(request.POST if action == "statute" else None,
                                 request.FILES if action == "statute" else None,
                                 instance=StatuteVersion(cite=request.cite), prefix="statute")
    step = ValidationStepForm(request.POST if action == "step" else None,
                              instance=ValidationStep(cite=request.cite), prefix="step")
    here = redirect("governance:legal", cite_slug=cite_slug)
    if action == "choice" and save_form_atomically(choice):
        messages.success(request, _("Le choix de la structure juridique est enregistré."))
        return here
    if action == "statute" and save_form_atomically(statute):
        messages.success(request, _("La version %(number)s des statuts est déposée.") % {
            "number": statute.instance.number})
        return here
    if action == "step" and save_form_atomically(step, lock=request.cite):
        sync_statutes_tasks()
        messages.success(request, _("L'étape de validation est ajoutée ; le rétro-planning "
                                    "en tient compte."))
        return here
    options = [(value, label) for value, label in LegalForm.choices]
    return render(request, "governance/legal.html", {
        "structure": structure, "choice": choice, "statute": statute, "step": step,
        "options": options,
        "comparison": [(row, [cells[value] for value, _label in options])
                       for row, cells in COMPARISON],
        "statutes": StatuteVersion.objects.all(),
        "steps": ValidationStep.objects.select_related("organisation"),
        "latest": latest_expected_vote(),
        "changes": changes_of(structure) if structure.pk else [],
    })


def step_edit(request: HttpRequest, cite_slug: str, step_id: int) -> HttpResponse:
    step = get_object_or_404(ValidationStep, pk=step_id)
    form = ValidationStepForm(request.POST or None, instance=step)
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        sync_statutes_tasks()
        messages.success(request, _("L'étape de validation est enregistrée ; le rétro-planning "
                                    "en tient compte."))
        return redirect("governance:legal", cite_slug=cite_slug)
    return render(request, "governance/form_page.html", {
        "form": form, "title": _("Validation des statuts : %(step)s") % {"step": step},
        "back": back_url("governance:legal", cite_slug),
        "back_label": _("Structure juridique"),
        "changes": changes_of(step),
        "delete_url": back_url("governance:step_delete", cite_slug, step_id=step.pk),
        "delete_label": _("Supprimer cette délibération")})


def step_delete(request: HttpRequest, cite_slug: str, step_id: int) -> HttpResponse:
    """Ask, then delete a deliberation; the rétro-planning dates are computed again."""
    step = get_object_or_404(ValidationStep.objects.select_related("organisation"), pk=step_id)

    def remove(record) -> None:
        record.delete()
        sync_statutes_tasks()

    return confirm_removal(
        request, step, remove=remove,
        title=_("Supprimer la délibération : %(step)s") % {"step": step},
        consequence=_("Le rétro-planning recalculera l'adoption des statuts et "
                      "l'enregistrement en préfecture sans cette délibération."),
        back=back_url("governance:legal", cite_slug), back_label=_("Structure juridique"),
        button=_("Supprimer la délibération"),
        done=_("La délibération est supprimée ; le rétro-planning en tient compte."))


def statute_delete(request: HttpRequest, cite_slug: str, statute_id: int) -> HttpResponse:
    """Ask, then remove a version of the statutes filed by mistake (the others stay)."""
    statute = get_object_or_404(StatuteVersion, pk=statute_id)

    def remove(version) -> None:
        version.delete()  # its file leaves the disk with it (capacite/core/files.py)

    return confirm_removal(
        request, statute,
        title=_("Supprimer la version %(number)s des statuts") % {"number": statute.number},
        consequence=_("La version %(version)s et son fichier seront supprimés ; les autres "
                      "versions restent.") % {"version": statute},
        back=back_url("governance:legal", cite_slug), back_label=_("Structure juridique"),
        button=_("Supprimer cette version"), remove=remove,
        done=_("La version %(number)s des statuts est supprimée.") % {"number": statute.number})
