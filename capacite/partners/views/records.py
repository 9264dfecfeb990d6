"""What hangs on an organisation: contacts, interactions, positions, commitments, contributions
and the partner representatives who speak for it."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.partners import services
from capacite.partners.domain.exporting import neutralise_rows
from capacite.partners.forms import (
    CommitmentForm,
    ContactForm,
    ContributionForm,
    InteractionForm,
    PartnerLinkForm,
    PositionForm,
)
from capacite.partners.models import (
    Commitment,
    Contact,
    Contribution,
    Interaction,
    Organisation,
    PartnerLink,
    Position,
)


def _url(cite_slug: str, name: str, **kwargs: int) -> str:
    return reverse(f"partners:{name}", kwargs={"cite_slug": cite_slug, **kwargs})


def _back(cite_slug: str, organisation_id: int):
    return redirect("partners:organisation_detail", cite_slug=cite_slug,
                    organisation_id=organisation_id)


def _edit(request, *, instance, form_class, template_title: str, organisation: Organisation,
          saved: str, files: bool = False, history: bool = True,
          delete_url: str = "", delete_label: str = "") -> HttpResponse:
    """The shared create/edit flow: one form, saved atomically, back to the organisation."""
    form = form_class(request.POST or None, (request.FILES or None) if files else None,
                      instance=instance)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, saved)
        return _back(request.cite.slug, organisation.pk)
    changes = changes_of(instance) if history and instance.pk else None
    return render(request, "partners/record_edit.html", {
        "form": form, "title": template_title, "organisation": organisation,
        "files": files, "changes": changes, "show_history": changes is not None,
        "delete_url": delete_url, "delete_label": delete_label,
    })


# --- contacts ---------------------------------------------------------------------------------

def contact_add(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    contact = Contact(cite=request.cite, organisation=organisation)
    return _edit(request, instance=contact, form_class=ContactForm, organisation=organisation,
                 template_title=_("Nouveau contact"), saved=_("Le contact est enregistré."))


def contact_edit(request: HttpRequest, cite_slug: str, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(Contact, pk=contact_id, erased_at__isnull=True)
    return _edit(request, instance=contact, form_class=ContactForm,
                 organisation=contact.organisation, template_title=_("Modifier le contact"),
                 saved=_("Le contact est enregistré."))


def contact_export(request: HttpRequest, cite_slug: str, contact_id: int) -> HttpResponse:
    """Everything held about one person, as CSV (right of access)."""
    contact = get_object_or_404(Contact.objects.select_related("organisation"), pk=contact_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(contact.name) or f"contact-{contact.pk}"
    response["Content-Disposition"] = f'attachment; filename="donnees-{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows(neutralise_rows(services.contact_export_rows(contact)))
    return response


def contact_erase(request: HttpRequest, cite_slug: str, contact_id: int) -> HttpResponse:
    """Erasure on request: ask, then blank the person's data everywhere, keep the row."""
    contact = get_object_or_404(Contact, pk=contact_id)
    if request.method == "POST" and request.POST.get("confirmer") == "oui":
        services.erase_contact(contact)
        messages.success(request, _("Les données personnelles du contact sont effacées, "
                                    "historique compris."))
        return _back(cite_slug, contact.organisation_id)
    return render(request, "partners/contact_erase.html", {"contact": contact})


# --- interactions and positions -----------------------------------------------------------------

def interaction_add(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    interaction = Interaction(cite=request.cite, organisation=organisation,
                              occurred_on=timezone.localdate())
    return _edit(request, instance=interaction, form_class=InteractionForm,
                 organisation=organisation, template_title=_("Nouvel échange"),
                 saved=_("L'échange est enregistré."))


def interaction_edit(request: HttpRequest, cite_slug: str, interaction_id: int) -> HttpResponse:
    interaction = get_object_or_404(Interaction, pk=interaction_id)
    return _edit(request, instance=interaction, form_class=InteractionForm,
                 organisation=interaction.organisation,
                 template_title=_("Modifier l'échange"), saved=_("L'échange est enregistré."),
                 delete_url=_url(cite_slug, "interaction_delete", interaction_id=interaction.pk),
                 delete_label=_("Supprimer cet échange"))


def position_add(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    """Add an assessment, by the person signed in; earlier ones stay as they were."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    position = Position(cite=request.cite, organisation=organisation,
                        assessed_by=request.user, assessed_on=timezone.localdate())
    form = PositionForm(request.POST or None, instance=position)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La position de « %(name)s » est enregistrée.") % {
            "name": organisation.name})
        return _back(cite_slug, organisation.pk)
    return render(request, "partners/record_edit.html", {
        "form": form, "title": _("Nouvelle position"), "organisation": organisation,
    })


# --- commitments and contributions ---------------------------------------------------------------

def _check_commitment_rights(request: HttpRequest, organisation: Organisation) -> None:
    if not services.may_edit_commitments(request, organisation):
        raise PermissionDenied


def commitment_add(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    _check_commitment_rights(request, organisation)
    commitment = Commitment(cite=request.cite, organisation=organisation,
                            dated=timezone.localdate())
    return _edit(request, instance=commitment, form_class=CommitmentForm, files=True,
                 organisation=organisation, template_title=_("Nouvel engagement"),
                 saved=_("L'engagement est enregistré."))


def commitment_edit(request: HttpRequest, cite_slug: str, commitment_id: int) -> HttpResponse:
    commitment = get_object_or_404(Commitment, pk=commitment_id)
    _check_commitment_rights(request, commitment.organisation)
    return _edit(request, instance=commitment, form_class=CommitmentForm, files=True,
                 organisation=commitment.organisation,
                 template_title=_("Modifier l'engagement"),
                 saved=_("L'engagement est enregistré."),
                 delete_url=_url(cite_slug, "commitment_delete", commitment_id=commitment.pk),
                 delete_label=_("Supprimer cet engagement"))


def commitment_file(request: HttpRequest, cite_slug: str, commitment_id: int) -> FileResponse:
    """The signed letter or convention, only through this view: media is never served directly."""
    commitment = get_object_or_404(Commitment, pk=commitment_id)
    if not commitment.file or not commitment.file.storage.exists(commitment.file.name):
        raise Http404
    return FileResponse(commitment.file.open("rb"), as_attachment=True,
                        filename=commitment.filename or commitment.file.name.rsplit("/", 1)[-1])


def contribution_add(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    _check_commitment_rights(request, organisation)
    contribution = Contribution(cite=request.cite, organisation=organisation,
                                year=timezone.localdate().year)
    return _edit(request, instance=contribution, form_class=ContributionForm,
                 organisation=organisation, template_title=_("Nouvelle contribution"),
                 saved=_("La contribution est enregistrée."))


def contribution_edit(request: HttpRequest, cite_slug: str,
                      contribution_id: int) -> HttpResponse:
    contribution = get_object_or_404(Contribution, pk=contribution_id)
    _check_commitment_rights(request, contribution.organisation)
    return _edit(request, instance=contribution, form_class=ContributionForm,
                 organisation=contribution.organisation,
                 template_title=_("Modifier la contribution"),
                 saved=_("La contribution est enregistrée."),
                 delete_url=_url(cite_slug, "contribution_delete",
                                 contribution_id=contribution.pk),
                 delete_label=_("Supprimer cette contribution"))


def partner_link_add(request: HttpRequest, cite_slug: str, organisation_id: int) -> HttpResponse:
    """Say which partner representative speaks for this organisation."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    link = PartnerLink(cite=request.cite, organisation=organisation)
    form = PartnerLinkForm(request.POST or None, instance=link)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le représentant est rattaché à « %(name)s ».") % {
            "name": organisation.name})
        return _back(cite_slug, organisation.pk)
    return render(request, "partners/record_edit.html", {
        "form": form, "title": _("Rattacher un représentant du partenaire"),
        "organisation": organisation,
    })


def partner_link_remove(request: HttpRequest, cite_slug: str, link_id: int) -> HttpResponse:
    """Ask, then detach a partner representative from the organisation it speaks for."""
    link = get_object_or_404(PartnerLink.objects.select_related("organisation",
                                                                "membership__user"), pk=link_id)
    user = link.membership.user
    who = user.get_full_name() or user.get_username()
    organisation = link.organisation
    return confirm_removal(
        request, link,
        title=_("Détacher %(who)s de « %(name)s »") % {"who": who, "name": organisation.name},
        consequence=_("%(who)s gardera son accès en lecture à la Cité mais ne pourra plus "
                      "modifier les engagements et contributions de « %(name)s ». Ses "
                      "enregistrements passés restent.") % {"who": who,
                                                            "name": organisation.name},
        back=reverse("partners:organisation_detail", kwargs={
            "cite_slug": cite_slug, "organisation_id": organisation.pk}),
        back_label=organisation.name, button=_("Détacher le représentant"),
        done=_("%(who)s ne représente plus « %(name)s ».") % {"who": who,
                                                             "name": organisation.name})


def _remove_record(request: HttpRequest, cite_slug: str, record, *, title: str,
                   consequence: str, done: str) -> HttpResponse:
    organisation = record.organisation
    return confirm_removal(
        request, record, title=title, consequence=consequence, done=done,
        back=_url(cite_slug, "organisation_detail", organisation_id=organisation.pk),
        back_label=organisation.name)


def interaction_delete(request: HttpRequest, cite_slug: str, interaction_id: int) -> HttpResponse:
    """Ask, then delete an interaction noted by mistake; its history keeps the deletion."""
    interaction = get_object_or_404(Interaction.objects.select_related("organisation"),
                                    pk=interaction_id)
    when = f"{interaction.occurred_on:%d/%m/%Y}"
    return _remove_record(
        request, cite_slug, interaction,
        title=_("Supprimer l'échange du %(date)s") % {"date": when},
        consequence=_("L'échange du %(date)s avec « %(name)s » et sa prochaine étape seront "
                      "supprimés.") % {"date": when, "name": interaction.organisation.name},
        done=_("L'échange du %(date)s est supprimé.") % {"date": when})


def commitment_delete(request: HttpRequest, cite_slug: str, commitment_id: int) -> HttpResponse:
    """Ask, then delete a commitment recorded by mistake (its file goes with it)."""
    commitment = get_object_or_404(Commitment.objects.select_related("organisation"),
                                   pk=commitment_id)
    _check_commitment_rights(request, commitment.organisation)
    label = commitment.get_kind_display()

    def remove(record) -> None:
        record.delete()  # its file leaves the disk with it (capacite/core/files.py)

    organisation = commitment.organisation
    return confirm_removal(
        request, commitment, remove=remove,
        title=_("Supprimer l'engagement « %(kind)s »") % {"kind": label},
        consequence=(_("L'engagement « %(kind)s » de « %(name)s » et son fichier seront "
                       "supprimés.") if commitment.file else
                     _("L'engagement « %(kind)s » de « %(name)s » sera supprimé."))
        % {"kind": label, "name": organisation.name},
        done=_("L'engagement « %(kind)s » est supprimé.") % {"kind": label},
        back=_url(cite_slug, "organisation_detail", organisation_id=organisation.pk),
        back_label=organisation.name)


def contribution_delete(request: HttpRequest, cite_slug: str,
                        contribution_id: int) -> HttpResponse:
    """Ask, then delete a contribution line (the planning stops counting it)."""
    contribution = get_object_or_404(Contribution.objects.select_related("organisation"),
                                     pk=contribution_id)
    _check_commitment_rights(request, contribution.organisation)
    return _remove_record(
        request, cite_slug, contribution,
        title=_("Supprimer la contribution %(year)s") % {"year": contribution.year},
        consequence=_("Cette ligne de contribution de « %(name)s » ne sera plus comptée par "
                      "les scénarios et le budget.") % {"name": contribution.organisation.name},
        done=_("La contribution %(year)s est supprimée.") % {"year": contribution.year})
