"""Ask before removing something, and never remove what somebody changed in the meantime.

Shared by every app that deletes a record from a page. The page shows what will go and what
stays; the form carries the record's version when the model is `Versioned`. On confirmation the
row is locked; if it changed since the page was shown, nothing is removed and the page comes back
with the news (409), so nobody deletes a version they have not seen.
"""

from collections.abc import Callable

from django.contrib import messages
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import Versioned


def confirm_removal(request: HttpRequest, instance: models.Model, *, title: str,
                    consequence: str, back: str, back_label: str, done: str, button: str = "",
                    after: str = "",
                    remove: Callable[[models.Model], None] | None = None) -> HttpResponse:
    """The confirmation page (GET) or the removal (POST with confirmer=oui).

    `back` is where "Annuler" leads; `after` is where to go once the record is gone (default
    `back`), for when `back` is a page of the record itself, which would then answer 404.
    `remove` does the removal (default: delete the row); it runs inside the transaction that
    holds the row lock. `done` is the success message.
    """
    versioned = isinstance(instance, Versioned)
    error = ""
    if request.method == "POST" and request.POST.get("confirmer") == "oui":
        with transaction.atomic():
            current = type(instance)._base_manager.select_for_update().filter(
                pk=instance.pk).first()
            if current is None:
                messages.info(request, _("C'était déjà fait : quelqu'un l'a retiré avant vous."))
                return redirect(after or back)
            posted = request.POST.get("version", "")
            if versioned and posted != str(current.version):
                error = _("Quelqu'un a modifié cette fiche depuis que vous avez ouvert cette "
                          "page : rien n'a été supprimé. Relisez-la ci-dessous, puis confirmez "
                          "de nouveau si vous le souhaitez.")
                instance = current
            else:
                (remove or (lambda obj: obj.delete()))(current)
                messages.success(request, done)
                return redirect(after or back)
    return render(request, "core/confirm_removal.html", {
        "title": title, "consequence": consequence, "back": back, "back_label": back_label,
        "button": button or _("Supprimer définitivement"), "error": error,
        "object": instance, "version": instance.version if versioned else "",
    }, status=409 if error else 200)
