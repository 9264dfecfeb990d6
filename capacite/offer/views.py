"""Pôles de conseil, sites and opening hours of the current Cité (scoped by the middleware)."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.core.concurrency import ConcurrentEditError, save_form_atomically
from capacite.core.history import changes_of
from capacite.core.removal import confirm_removal
from capacite.offer.domain.poles import POLES_MAX, POLES_MIN, SUGGESTED_POLE_NAMES, poles_warning
from capacite.offer.domain.weekly import SpansError
from capacite.offer.forms import ClosureForm, DayExceptionForm, PoleForm, SiteForm, WeekForm
from capacite.offer.models import Closure, DayException, Pole, Site
from capacite.offer.services import replace_week, site_summary
from capacite.staffing.desks import demand_rows_of, forget_desk, holders_of, pole_desk


def poles(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The Cité's pôles, and a form to add one (refused past the label's seven)."""
    form = PoleForm(request.POST or None, instance=Pole(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form, lock=request.cite):
        messages.success(request, _("Le pôle « %(name)s » est créé.") % {"name": form.instance})
        return redirect("offer:poles", cite_slug=cite_slug)
    all_poles = Pole.objects.prefetch_related("partners", "sites")
    return render(request, "offer/poles.html", {
        "poles": all_poles, "form": form, "warning": poles_warning(len(all_poles)),
        "suggestions": SUGGESTED_POLE_NAMES, "minimum": POLES_MIN, "maximum": POLES_MAX,
    })


def pole_edit(request: HttpRequest, cite_slug: str, pole_id: int) -> HttpResponse:
    pole = get_object_or_404(Pole, pk=pole_id)
    form = PoleForm(request.POST or None, instance=pole)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le pôle « %(name)s » est enregistré.") % {"name": pole})
        return redirect("offer:poles", cite_slug=cite_slug)
    return render(request, "offer/pole_edit.html",
                  {"pole": pole, "form": form, "changes": changes_of(pole)})


def pole_delete(request: HttpRequest, cite_slug: str, pole_id: int) -> HttpResponse:
    """Asks first (GET), deletes on the confirmation unless the pôle changed meanwhile.

    The team names desks by key, not by foreign key: the pôle's desk leaves every staff
    member's desks, and its demand rows go, in the transaction that deletes it.
    """
    pole = get_object_or_404(Pole, pk=pole_id)
    names = {"name": pole.name}
    desk = pole_desk(pole.pk)
    consequence = _("Les sites qui offrent le pôle « %(name)s » ne l'offriront plus ; ses "
                    "événements restent au programme, sans pôle.") % names
    if holders := holders_of(desk):
        consequence += " " + ngettext(
            "%(count)d membre de l'équipe ne tiendra plus ce poste (%(names)s).",
            "%(count)d membres de l'équipe ne tiendront plus ce poste (%(names)s).",
            len(holders)) % {"count": len(holders),
                             "names": ", ".join(member.name for member in holders)}
    if demand_rows_of(desk):
        consequence += " " + _("Les besoins en personnes saisis pour ce poste seront "
                               "effacés.")

    def remove(obj: Pole) -> None:
        forget_desk(desk=desk)
        obj.delete()

    return confirm_removal(
        request, pole, title=_("Supprimer le pôle « %(name)s »") % names,
        consequence=consequence, remove=remove,
        back=reverse("offer:pole_edit", args=[cite_slug, pole.pk]), back_label=pole.name,
        after=reverse("offer:poles", args=[cite_slug]),
        done=_("Le pôle « %(name)s » est supprimé.") % names)


def sites(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The sites network with each site's hours per week and whether it is open now."""
    form = SiteForm(request.POST or None, instance=Site(cite=request.cite))
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le site « %(name)s » est créé.") % {"name": form.instance})
        return redirect("offer:site_detail", cite_slug=cite_slug, site_id=form.instance.pk)
    summaries = [site_summary(site) for site in
                 Site.objects.prefetch_related("weekly_hours", "exceptions", "closures", "poles")]
    return render(request, "offer/sites.html", {"summaries": summaries, "form": form})


def site_detail(request: HttpRequest, cite_slug: str, site_id: int) -> HttpResponse:
    site = get_object_or_404(Site.objects.prefetch_related("poles"), pk=site_id)
    return render(request, "offer/site_detail.html", {
        "summary": site_summary(site),
        "week_form": WeekForm(site=site),
        "exception_form": DayExceptionForm(),
        "closure_form": ClosureForm(),
        "changes": changes_of(site),
    })


def site_edit(request: HttpRequest, cite_slug: str, site_id: int) -> HttpResponse:
    site = get_object_or_404(Site, pk=site_id)
    form = SiteForm(request.POST or None, instance=site)
    if request.method == "POST" and save_form_atomically(form):
        messages.success(request, _("Le site « %(name)s » est enregistré.") % {"name": site})
        return redirect("offer:site_detail", cite_slug=cite_slug, site_id=site.pk)
    return render(request, "offer/site_edit.html", {"site": site, "form": form})


def site_week(request: HttpRequest, cite_slug: str, site_id: int) -> HttpResponse:
    """Replace the weekly pattern; refused if somebody changed the site meanwhile."""
    site = get_object_or_404(Site, pk=site_id)
    form = WeekForm(request.POST or None, site=site)
    if request.method == "POST" and form.is_valid():
        try:
            replace_week(site=site, spans_by_weekday=form.spans_by_weekday(),
                         expected_version=form.cleaned_data["version"])
        except ConcurrentEditError:
            form.add_error(None, _("Quelqu'un a enregistré cette fiche pendant que vous la "
                                   "modifiiez. Rechargez la page pour voir sa version, puis "
                                   "refaites vos changements."))
        except SpansError as exc:  # pragma: no cover - the form has already parsed every day
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Les horaires de la semaine sont enregistrés."))
            return redirect("offer:site_detail", cite_slug=cite_slug, site_id=site.pk)
    return render(request, "offer/site_week.html", {"site": site, "week_form": form})


def site_exception_add(request: HttpRequest, cite_slug: str, site_id: int) -> HttpResponse:
    site = get_object_or_404(Site, pk=site_id)
    form = DayExceptionForm(request.POST or None,
                            instance=DayException(cite=request.cite, site=site))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            DayException.objects.filter(site=site, day=form.cleaned_data["day"]).delete()
            form.save()
        messages.success(request, _("L'exception est enregistrée."))
        return redirect("offer:site_detail", cite_slug=cite_slug, site_id=site.pk)
    return render(request, "offer/site_add.html",
                  {"site": site, "form": form, "title": _("Ajouter une exception")})


def site_closure_add(request: HttpRequest, cite_slug: str, site_id: int) -> HttpResponse:
    site = get_object_or_404(Site, pk=site_id)
    form = ClosureForm(request.POST or None, instance=Closure(cite=request.cite, site=site))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("La fermeture est enregistrée."))
        return redirect("offer:site_detail", cite_slug=cite_slug, site_id=site.pk)
    return render(request, "offer/site_add.html",
                  {"site": site, "form": form, "title": _("Ajouter une fermeture")})


def site_exception_delete(request: HttpRequest, cite_slug: str, exception_id: int
                          ) -> HttpResponse:
    """Asks first (GET), removes on the confirmation; an exception is not versioned."""
    exception = get_object_or_404(DayException.objects.select_related("site"), pk=exception_id)
    names = {"day": f"{exception.day:%d/%m/%Y}", "site": exception.site.name}
    return confirm_removal(
        request, exception, title=_("Retirer l'exception du %(day)s") % names,
        consequence=_("Le %(day)s, « %(site)s » suivra de nouveau sa semaine type, sauf jour "
                      "férié ou fermeture annuelle.") % names,
        back=reverse("offer:site_detail", args=[cite_slug, exception.site_id]),
        back_label=exception.site.name,
        done=_("L'exception du %(day)s est retirée.") % names)


def site_closure_delete(request: HttpRequest, cite_slug: str, closure_id: int) -> HttpResponse:
    """Asks first (GET), removes on the confirmation; a closure is not versioned."""
    closure = get_object_or_404(Closure.objects.select_related("site"), pk=closure_id)
    names = {"first": f"{closure.first:%d/%m/%Y}", "last": f"{closure.last:%d/%m/%Y}",
             "site": closure.site.name}
    return confirm_removal(
        request, closure, title=_("Retirer la fermeture du %(first)s au %(last)s") % names,
        consequence=_("Du %(first)s au %(last)s, « %(site)s » suivra de nouveau sa semaine "
                      "type, sauf jours fériés et exceptions.") % names,
        back=reverse("offer:site_detail", args=[cite_slug, closure.site_id]),
        back_label=closure.site.name,
        done=_("La fermeture du %(first)s au %(last)s est retirée.") % names)
