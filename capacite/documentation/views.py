"""Staff screens of the documentation catalogue (scoped to the current Cité by the middleware)."""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.documentation.forms import ResourceForm, SearchForm, ThemeForm
from capacite.documentation.models import Resource, Theme
from capacite.documentation.services import search_resources
from capacite.lib.paging import page_of


def resources(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The catalogue, searched by words and filtered by support, theme, loan and partner, fifty
    resources at a time."""
    from capacite.partners.models import Organisation

    partners = Organisation.objects.filter(doc_resources__isnull=False).distinct().order_by("name")
    form = SearchForm(request.GET or None, partners=partners)
    found = search_resources(form.filters())
    return render(request, "documentation/resources.html", {
        "form": form, "resources": page_of(request, found), "total": Resource.objects.count(),
        "searched": bool(request.GET),
    })


def resource_add(request: HttpRequest, cite_slug: str) -> HttpResponse:
    form = ResourceForm(request.POST or None, instance=Resource(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La ressource « %(title)s » est ajoutée au catalogue.")
                         % {"title": form.instance})
        return redirect("documentation:resources", cite_slug=cite_slug)
    return render(request, "documentation/resource_form.html", {"form": form, "resource": None})


def resource_edit(request: HttpRequest, cite_slug: str, resource_id: int) -> HttpResponse:
    resource = get_object_or_404(Resource, pk=resource_id)
    form = ResourceForm(request.POST or None, instance=resource)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("La ressource « %(title)s » est enregistrée.")
                         % {"title": resource})
        return redirect("documentation:resources", cite_slug=cite_slug)
    return render(request, "documentation/resource_form.html",
                  {"form": form, "resource": resource, "changes": changes_of(resource)})


def resource_delete(request: HttpRequest, cite_slug: str, resource_id: int) -> HttpResponse:
    """Asks first (GET), deletes on the confirmation unless the resource changed meanwhile."""
    resource = get_object_or_404(Resource, pk=resource_id)
    return confirm_removal(
        request, resource,
        title=_("Retirer la ressource « %(title)s » du catalogue") % {"title": resource.title},
        consequence=_("La ressource « %(title)s » sera supprimée du catalogue et de la "
                      "recherche publique.") % {"title": resource.title},
        back=reverse("documentation:resource_edit", args=[cite_slug, resource.pk]),
        back_label=resource.title,
        after=reverse("documentation:resources", args=[cite_slug]),
        done=_("La ressource « %(title)s » est retirée du catalogue.")
        % {"title": resource.title})


def themes(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The Cité's classification: its themes, with how many resources each holds."""
    form = ThemeForm(request.POST or None, instance=Theme(cite=request.cite))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le thème « %(name)s » est créé.") % {"name": form.instance})
        return redirect("documentation:themes", cite_slug=cite_slug)
    return render(request, "documentation/themes.html", {
        "themes": Theme.objects.annotate(count=Count("resources")), "form": form})


def theme_edit(request: HttpRequest, cite_slug: str, theme_id: int) -> HttpResponse:
    theme = get_object_or_404(Theme, pk=theme_id)
    form = ThemeForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le thème « %(name)s » est enregistré.") % {"name": theme})
        return redirect("documentation:themes", cite_slug=cite_slug)
    return render(request, "documentation/theme_edit.html", {"form": form, "theme": theme})


def theme_delete(request: HttpRequest, cite_slug: str, theme_id: int) -> HttpResponse:
    """Asks first (GET); deleting a theme keeps its resources, unclassified under it.

    A theme is not versioned (a name only), so the confirmation has no version to compare.
    """
    theme = get_object_or_404(Theme, pk=theme_id)
    count = theme.resources.count()
    return confirm_removal(
        request, theme,
        title=_("Supprimer le thème « %(name)s »") % {"name": theme.name},
        consequence=ngettext(
            "%(count)s ressource classée sous ce thème reste au catalogue, sans ce thème.",
            "%(count)s ressources classées sous ce thème restent au catalogue, sans ce thème.",
            count)
        % {"count": count},
        back=reverse("documentation:theme_edit", args=[cite_slug, theme.pk]),
        back_label=theme.name,
        after=reverse("documentation:themes", args=[cite_slug]),
        done=_("Le thème « %(name)s » est supprimé.") % {"name": theme.name})
