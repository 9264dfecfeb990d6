"""The organisation list with its filters, an organisation's page, its edit form and removal."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.permissions import Level, level_for
from capacite.core.removal import Refusal, confirm_removal
from capacite.lib.paging import page_of, without_paging
from capacite.partners import services
from capacite.partners.choices import ActorRole, FieldOfAction, Stance
from capacite.partners.forms import OrganisationFilterForm, OrganisationForm
from capacite.partners.models import Organisation, Position
from capacite.partners.templatetags.partners import choice_labels
from capacite.partners.visibility import (
    PRIVATE,
    PRIVATE_LABEL,
    mask_stances,
    own_organisations,
    reads_as_partner_only,
    stance_visible,
)


def may_read_contacts(request: HttpRequest) -> bool:
    """Contacts are personal data: only the roles that may export them see them."""
    return level_for("partners:contact_export", request.cite_roles) >= Level.READ


def filtered_organisations(request: HttpRequest):
    """The organisations matching the list's filters (a query set, by name), and the bound
    filter form.

    Every filter runs in the database, so the list page can read one page of an import's 10,000
    organisations and the export all of them. Fields and roles are JSON lists of choice keys;
    SQLite has no JSON containment lookup, so a key is looked for with its quotes in the list's
    text (`["employment", "orientation"]` holds `"employment"`), the same on PostgreSQL.
    """
    form = OrganisationFilterForm(request.GET or None, publics=services.public_choices())
    rows = services.organisations()
    wanted = form.cleaned_data if form.is_valid() else {}
    if q := wanted.get("q"):
        rows = rows.filter(Q(name__icontains=q) | Q(commune__icontains=q)
                           | Q(notes__icontains=q))
    if kind := wanted.get("type"):
        rows = rows.filter(kind=kind)
    if public := wanted.get("public"):
        rows = rows.filter(publics__key=public)
    if circle := wanted.get("cercle"):
        rows = rows.exclude(first_circle="") if circle == "oui" else rows.filter(
            first_circle=circle)
    if stance := wanted.get("position"):
        rows = rows.filter(latest_stance=stance) if stance != "unknown" else rows.filter(
            Q(latest_stance__isnull=True) | Q(latest_stance="unknown"))
    if field := wanted.get("champ"):
        rows = rows.filter(fields__icontains=f'"{field}"')
    if role := wanted.get("role"):
        rows = rows.filter(roles__icontains=f'"{role}"')
    return rows.distinct(), form


def organisation_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The organisations, fifty at a time, with their filters kept from page to page; the
    first-circle checklist below reads every organisation, not the page shown."""
    rows, form = filtered_organisations(request)
    paged = page_of(request, rows)
    shown = list(paged.items)
    today = timezone.localdate()
    days = services.silence_days()
    mask_stances(request, shown)
    for org in shown:
        org.field_labels = choice_labels(org.fields, FieldOfAction)
        org.role_labels = choice_labels(org.roles, ActorRole)
        org.latest_stance_label = stance_label(org.latest_stance)
        org.silent = org.last_contact is None or (today - org.last_contact).days > days
    return render(request, "partners/organisation_list.html", {
        "organisations": shown, "paged": paged, "form": form,
        "query": without_paging(request), "checklist": _masked_checklist(request),
    })


def stance_label(stance: str | None) -> str:
    return str(PRIVATE_LABEL) if stance == PRIVATE else Stance(stance or Stance.UNKNOWN).label


def _masked_checklist(request: HttpRequest) -> list:
    """The first-circle checklist, other partners' stances hidden from a partner account."""
    items = services.first_circle_checklist()
    if not reads_as_partner_only(request):
        return items
    own = own_organisations(request)
    return [item.__class__(item.category, item.label, [
        (pk, name, stance if pk in own else PRIVATE) for pk, name, stance in item.organisations])
        for item in items]


def organisation_detail(request: HttpRequest, cite_slug: str,
                        organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(services.organisations(), pk=organisation_id)
    show_contacts = may_read_contacts(request)
    visible = stance_visible(request, organisation.pk)
    if not visible:
        organisation.latest_stance = PRIVATE
    organisation.latest_stance_label = stance_label(organisation.latest_stance)
    return render(request, "partners/organisation_detail.html", {
        "organisation": organisation,
        "field_labels": choice_labels(organisation.fields, FieldOfAction),
        "role_labels": choice_labels(organisation.roles, ActorRole),
        "show_contacts": show_contacts,
        "contacts": organisation.contacts.all() if show_contacts else [],
        "interactions": page_of(request, organisation.interactions.prefetch_related(
            "users", "contacts"), param="echanges") if visible else None,
        "positions": Position.objects.filter(organisation=organisation).select_related(
            "assessed_by") if visible else [],
        "stance_hidden": not visible,
        "commitments": organisation.commitments.all(),
        "contributions": organisation.contributions.all(),
        "links": organisation.partner_links.select_related("membership__user"),
        "may_edit_commitments": services.may_edit_commitments(request, organisation),
        "changes": changes_of(organisation),
        "today": timezone.localdate(),
    })


def organisation_edit(request: HttpRequest, cite_slug: str,
                      organisation_id: int | None = None) -> HttpResponse:
    """Create (no id) or edit an organisation."""
    if organisation_id is None:
        organisation = Organisation(cite=request.cite)
    else:
        organisation = get_object_or_404(Organisation, pk=organisation_id)
    form = OrganisationForm(request.POST or None, instance=organisation)
    # The Cité lock makes the unique-name check and the save one request at a time.
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("L'organisation « %(name)s » est enregistrée.") % {
            "name": organisation.name})
        return redirect("partners:organisation_detail", cite_slug=cite_slug,
                        organisation_id=organisation.pk)
    return render(request, "partners/organisation_edit.html",
                  {"organisation": organisation, "form": form})


def held_by_team(organisation: Organisation, cite_slug: str) -> Refusal | None:
    """Why the organisation cannot go while the team still counts on it, or None.

    Staff members it seconds and job descriptions it employs point to it with PROTECT: deleting
    it would silently change who pays for whom in the rosters, so they must be moved first, on
    the team page.
    """
    people = sorted(organisation.staff_members.values_list("name", flat=True))
    posts = sorted(organisation.job_descriptions.values_list("title", flat=True))
    parts = []
    if people:
        parts.append(ngettext(
            "détache %(count)d personne dans l'équipe (%(names)s)",
            "détache %(count)d personnes dans l'équipe (%(names)s)", len(people)) % {
            "count": len(people), "names": ", ".join(people)})
    if posts:
        parts.append(ngettext(
            "emploie %(count)d poste (%(names)s)", "emploie %(count)d postes (%(names)s)",
            len(posts)) % {"count": len(posts), "names": ", ".join(posts)})
    if not parts:
        return None
    holds = parts[0] if len(parts) == 1 else _("%(first)s et %(second)s") % {
        "first": parts[0], "second": parts[1]}
    if (len(people), len(posts)) == (1, 0):
        reason = _("Cette organisation %(holds)s : retirez-la ou rattachez-la à une autre "
                   "organisation avant de supprimer celle-ci.")
    elif (len(people), len(posts)) == (0, 1):
        reason = _("Cette organisation %(holds)s : retirez-le ou rattachez-le à une autre "
                   "organisation avant de supprimer celle-ci.")
    else:
        reason = _("Cette organisation %(holds)s : retirez-les ou rattachez-les à une autre "
                   "organisation avant de la supprimer.")
    return Refusal(
        reason % {"holds": holds},
        fix_url=reverse("staffing:team", args=[cite_slug]),
        fix_label=_("Ouvrir l'équipe et les fiches de poste"))


def organisation_delete(request: HttpRequest, cite_slug: str,
                        organisation_id: int) -> HttpResponse:
    """Ask, then delete with everything attached (contacts, interactions, positions…), unless
    the organisation changed since the page was shown or the team still counts on it."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    names = {"name": organisation.name}
    return confirm_removal(
        request, organisation, title=_("Supprimer « %(name)s »") % names,
        consequence=_("Ses contacts, échanges, positions, engagements et contributions seront "
                      "supprimés avec elle. Cette action est définitive."),
        back=reverse("partners:organisation_detail", args=[cite_slug, organisation.pk]),
        back_label=organisation.name, after=reverse("partners:organisations", args=[cite_slug]),
        done=_("L'organisation « %(name)s » est supprimée.") % names,
        refusal=held_by_team(organisation, cite_slug))
