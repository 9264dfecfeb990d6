"""The label authority's list of accounts, and anonymising a departed person."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from capacite.core.models import Membership, Role
from capacite.lib.paging import page_of
from capacite.people.personal_data import AnonymiseRefused
from capacite.people.personal_data import anonymise as anonymise_account

User = get_user_model()


def accounts(request: HttpRequest) -> HttpResponse:
    """Every account of the instance matching the search, fifty at a time, with its roles."""
    query = request.GET.get("q", "").strip()[:100]
    users = User.objects.order_by("last_name", "first_name", "username", "pk")
    if query:
        users = users.filter(Q(username__icontains=query) | Q(first_name__icontains=query)
                             | Q(last_name__icontains=query) | Q(email__icontains=query))
    paged = page_of(request, users)
    shown = list(paged.items)
    roles: dict[int, list[str]] = {}
    for membership in (Membership.objects.filter(user__in=shown).select_related("cite")
                       .order_by("cite__name")):
        where = membership.cite.name if membership.cite_id else _("toutes les Cités")
        roles.setdefault(membership.user_id, []).append(
            f"{Role(membership.role).label} ({where})")
    return render(request, "people/accounts.html", {
        "rows": [{"user": u, "roles": roles.get(u.pk, [])} for u in shown],
        "paged": paged, "query": query})


def anonymise(request: HttpRequest, user_id: int) -> HttpResponse:
    """Ask, then anonymise: the name and address replaced everywhere, the history kept."""
    person = get_object_or_404(User, pk=user_id)
    error = ""
    if request.method == "POST" and request.POST.get("confirmer") == "oui":
        if person == request.user:
            error = _("Vous ne pouvez pas anonymiser votre propre compte.")
        else:
            try:
                name = anonymise_account(person, by=request.user)
            except AnonymiseRefused as refusal:
                error = str(refusal)
            else:
                messages.success(request, _("Le compte est anonymisé : il s'appelle désormais "
                                            "« %(name)s », ne peut plus se connecter, et "
                                            "l'historique est gardé.") % {"name": name})
                return redirect("people:accounts")
    return render(request, "people/anonymise.html", {"person": person, "error": error,
                                                     "roles": Membership.objects.filter(
                                                         user=person).select_related("cite")})
