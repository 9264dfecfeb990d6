"""The Cité's territory: the communes and EPCI it serves, chosen from the French reference.

The middleware has checked the permission matrix (reading for GET, writing for POST) and opened
the Cité's scope. The reference itself is instance-wide and needs no scope.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from capacite.core.history import changes_of
from capacite.core.models import Cite
from capacite.core.permissions import Level
from capacite.lib.params import id_param
from capacite.territory.models import CiteTerritory, Commune, Epci
from capacite.territory.services import (
    communes_of,
    latest_year,
    search_reference,
    total_population,
)

ACTIONS = {"add_commune", "remove_commune", "add_epci", "remove_epci"}


def cite_territory(request: HttpRequest, cite_slug: str) -> HttpResponse:
    if request.method == "POST":
        return _change_territory(request, cite_slug)
    territory = CiteTerritory.objects.first()
    year = latest_year()
    chosen_communes = (
        list(territory.communes.select_related("departement", "epci").order_by("name"))
        if territory else []
    )
    chosen_epcis = (
        list(territory.epcis.annotate(commune_count=Count("communes"),
                                      commune_population=Sum("communes__population"))
             .order_by("name"))
        if territory else []
    )
    communes = communes_of(request.cite)
    query = request.GET.get("q", "").strip()[:100]
    results = None
    can_write = request.cite_level >= Level.WRITE
    if can_write and query and year is not None:
        results = search_reference(query, year=year)
    return render(
        request,
        "territory/cite_territory.html",
        {
            "reference_year": year,
            "chosen_communes": chosen_communes,
            "chosen_epcis": chosen_epcis,
            "chosen_commune_ids": {c.pk for c in chosen_communes},
            "chosen_epci_ids": {e.pk for e in chosen_epcis},
            "communes": communes,
            "commune_count": communes.count(),
            "population": total_population(communes),
            "missing_population": communes.filter(population__isnull=True).count(),
            "query": query,
            "results": results,
            "changes": changes_of(territory) if territory else [],
        },
    )


def _change_territory(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """Add or remove one commune or EPCI, in one transaction under the Cité's lock."""
    action = request.POST.get("action", "")
    query = request.POST.get("q", "").strip()[:100]
    target = reverse("territory:cite_territory", kwargs={"cite_slug": cite_slug})
    if query:
        target += "?" + urlencode({"q": query})
    pk = id_param(request.POST, "id")
    model = Commune if action.endswith("_commune") else Epci
    item = model.objects.filter(pk=pk).first() if action in ACTIONS and pk else None
    if item is None:
        messages.error(request, _("Choisissez une commune ou un EPCI dans la liste."))
        return redirect(target)
    with transaction.atomic():
        list(Cite.objects.select_for_update().filter(pk=request.cite.pk).values_list("pk"))
        territory, _created = CiteTerritory.objects.get_or_create(cite=request.cite)
        chosen = territory.communes if model is Commune else territory.epcis
        if action.startswith("add_"):
            if chosen.filter(pk=item.pk).exists():
                messages.info(request, _("« %(name)s » fait déjà partie du territoire.")
                              % {"name": item})
            elif (model is Commune and item.epci_id
                  and territory.epcis.filter(pk=item.epci_id).exists()):
                messages.info(
                    request,
                    _("« %(name)s » fait déjà partie du territoire par son EPCI, "
                      "« %(epci)s ».") % {"name": item, "epci": item.epci},
                )
            else:
                chosen.add(item)
                messages.success(request, _("« %(name)s » est ajouté au territoire.")
                                 % {"name": item})
        else:
            chosen.remove(item)
            messages.success(request, _("« %(name)s » est retiré du territoire.")
                             % {"name": item})
    return redirect(target)
