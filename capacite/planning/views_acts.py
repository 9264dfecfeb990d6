"""Actes d'engagement financier: the signed act of a funding line, with its file."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.core.concurrency import VersionedModelForm, save_form_atomically
from capacite.core.history import changes_of
from capacite.lib.uploads import check_upload, is_new_upload, original_name
from capacite.planning.models import FundingLine
from capacite.planning.models_acts import FundingAct


class FundingActForm(VersionedModelForm):
    class Meta:
        model = FundingAct
        fields = ["kind", "signed_on", "reference", "file"]
        widgets = {"signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"file": gettext_lazy("PDF, DOCX, ODT, PNG ou JPEG.")}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if is_new_upload(upload):
            check_upload(upload)
            self.instance.filename = original_name(upload)
        return upload


def funding_act(request: HttpRequest, cite_slug: str, line_id: int) -> HttpResponse:
    """Record (or correct) the signed act of a funding line."""
    line = get_object_or_404(FundingLine.objects.select_related("funder"), pk=line_id)
    act = getattr(line, "act", None) or FundingAct(cite=request.cite, line=line)
    form = FundingActForm(request.POST or None, request.FILES or None, instance=act)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("L'acte d'engagement de « %(line)s » est enregistré.")
                         % {"line": line})
        return redirect("planning:funding", cite_slug=cite_slug)
    return render(request, "planning/funding_act.html", {
        "form": form, "line": line, "act": act if act.pk else None,
        "changes": changes_of(act) if act.pk else None,
        "back": reverse("planning:funding", args=[cite_slug])})


def funding_act_file(request: HttpRequest, cite_slug: str, line_id: int) -> FileResponse:
    line = get_object_or_404(FundingLine, pk=line_id)
    act = getattr(line, "act", None)
    if act is None or not act.file or not act.file.storage.exists(act.file.name):
        raise Http404
    return FileResponse(act.file.open("rb"), as_attachment=True,
                        filename=act.filename or act.file.name.rsplit("/")[-1])
