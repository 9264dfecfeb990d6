"""The premises as built: fitted-out spaces, their signage and photos (label fonctionnement)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.core.permissions import Level, level_for
from capacite.premises.forms_fitted import FittedSpaceForm, PhotoForm
from capacite.premises.models_fitted import FittedSpace, SpacePhoto


def spaces(request: HttpRequest, cite_slug: str) -> HttpResponse:
    writes = level_for("premises:spaces", request.cite_roles) >= Level.WRITE
    form = FittedSpaceForm(request.POST or None, instance=FittedSpace(cite=request.cite)) \
        if writes else None
    if request.method == "POST" and form is not None and save_form_atomically(form):
        messages.success(request, _("L'espace « %(name)s » est ajouté.")
                         % {"name": form.instance})
        return redirect("premises:space_edit", cite_slug=cite_slug,
                        fitted_space_id=form.instance.pk)
    return render(request, "premises/spaces.html", {
        "spaces": FittedSpace.objects.prefetch_related("photos"), "form": form,
        "can_write": writes})


def space_edit(request: HttpRequest, cite_slug: str, fitted_space_id: int) -> HttpResponse:
    space = get_object_or_404(FittedSpace, pk=fitted_space_id)
    form = FittedSpaceForm(request.POST or None, instance=space)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'espace « %(name)s » est enregistré.") % {"name": space})
        return redirect("premises:spaces", cite_slug=cite_slug)
    return render(request, "premises/space_edit.html", {
        "space": space, "form": form, "photo_form": PhotoForm(),
        "photos": space.photos.all(), "changes": changes_of(space)})


def photo_add(request: HttpRequest, cite_slug: str, fitted_space_id: int) -> HttpResponse:
    space = get_object_or_404(FittedSpace, pk=fitted_space_id)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        photo = SpacePhoto(cite=request.cite, space=space, filename=form.filename,
                           caption=form.cleaned_data["caption"])
        photo.file.save(form.filename, form.cleaned_data["photo"], save=False)
        photo.save()
        messages.success(request, _("La photo est ajoutée à « %(name)s ».") % {"name": space})
        return redirect("premises:space_edit", cite_slug=cite_slug, fitted_space_id=space.pk)
    return render(request, "premises/space_edit.html", {
        "space": space, "form": FittedSpaceForm(instance=space), "photo_form": form,
        "photos": space.photos.all(), "changes": changes_of(space)})


def photo(request: HttpRequest, cite_slug: str, space_photo_id: int) -> FileResponse:
    """The photo, only through this view (media files are never served directly), as an
    image the page shows; the content was checked to be PNG or JPEG when it came in."""
    found = get_object_or_404(SpacePhoto, pk=space_photo_id)
    if not found.file or not found.file.storage.exists(found.file.name):
        raise Http404
    kind = "image/png" if found.file.name.lower().endswith(".png") else "image/jpeg"
    response = FileResponse(found.file.open("rb"), content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    return response
