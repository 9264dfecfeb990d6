"""The team's screen for the public pages: opt in, and write the presentation and access."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_form_atomically
from capacite.core.history import changes_of
from capacite.public.forms import PublicProfileForm
from capacite.public.models import PublicProfile


def settings(request: HttpRequest, cite_slug: str) -> HttpResponse:
    profile = PublicProfile.objects.filter(cite=request.cite).first() \
        or PublicProfile(cite=request.cite)
    form = PublicProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Les pages publiques sont publiées.") if profile.published
                         else _("Les pages publiques ne sont pas publiées."))
        return redirect("publishing:settings", cite_slug=cite_slug)
    return render(request, "public/settings.html", {
        "form": form, "profile": profile,
        "changes": changes_of(profile) if profile.pk else []})
