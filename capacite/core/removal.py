"""Ask before removing something, and never remove what somebody changed in the meantime.

Shared by every app that deletes a record from a page. The page shows what will go and what
stays; the form carries the record's version when the model is `Versioned`. On confirmation the
row is locked; if it changed since the page was shown, nothing is removed and the page comes back
with the news (409), so nobody deletes a version they have not seen.

A record that other records still hold (a `PROTECT` foreign key) cannot go: the view says why
with a `Refusal`, and the page shows that instead of the button. Should a view not foresee it,
the database's refusal (ProtectedError) is turned into the same page rather than a 500.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from capacite.core.concurrency import Versioned

NAMES_SHOWN = 5  # per kind of record, in the fallback message


@dataclass(frozen=True)
class Refusal:
    """Why a record cannot be removed yet, and the page where that is put right."""

    reason: str
    fix_url: str = ""
    fix_label: str = ""


def protected_refusal(error: ProtectedError | RestrictedError) -> Refusal:
    """The French refusal for a delete the database refused: the kinds of records that still
    point to it, each with a few of their names."""
    held = (error.protected_objects if isinstance(error, ProtectedError)
            else error.restricted_objects)
    by_kind: dict[str, list[str]] = {}
    for obj in held:
        by_kind.setdefault(str(obj._meta.verbose_name_plural), []).append(str(obj))
    kinds = []
    for kind, names in sorted(by_kind.items()):
        names.sort()
        shown = ", ".join(names[:NAMES_SHOWN]) + (", …" if len(names) > NAMES_SHOWN else "")
        kinds.append(f"{kind} ({shown})")
    return Refusal(_("Rien n'a été supprimé : d'autres fiches en dépendent encore — %(held)s. "
                     "Retirez-les ou rattachez-les ailleurs, puis recommencez.")
                   % {"held": " ; ".join(kinds)})


def confirm_removal(request: HttpRequest, instance: models.Model, *, title: str,
                    consequence: str, back: str, back_label: str, done: str, button: str = "",
                    after: str = "",
                    remove: Callable[[models.Model], None] | None = None,
                    refusal: Refusal | None = None) -> HttpResponse:
    """The confirmation page (GET) or the removal (POST with confirmer=oui).

    `back` is where "Annuler" leads; `after` is where to go once the record is gone (default
    `back`), for when `back` is a page of the record itself, which would then answer 404.
    `remove` does the removal (default: delete the row); it runs inside the transaction that
    holds the row lock. `done` is the success message. With a `refusal` nothing is removed: the
    page says why, with no button, and a confirmation answers 409.
    """
    versioned = isinstance(instance, Versioned)
    error = ""
    confirmed = request.method == "POST" and request.POST.get("confirmer") == "oui"
    if confirmed and refusal is None:
        try:
            with transaction.atomic():
                current = type(instance)._base_manager.select_for_update().filter(
                    pk=instance.pk).first()
                if current is None:
                    messages.info(request,
                                  _("C'était déjà fait : quelqu'un l'a retiré avant vous."))
                    return redirect(after or back)
                posted = request.POST.get("version", "")
                if versioned and posted != str(current.version):
                    error = _("Quelqu'un a modifié cette fiche depuis que vous avez ouvert "
                              "cette page : rien n'a été supprimé. Relisez-la ci-dessous, puis "
                              "confirmez de nouveau si vous le souhaitez.")
                    instance = current
                else:
                    (remove or (lambda obj: obj.delete()))(current)
                    messages.success(request, done)
                    return redirect(after or back)
        except (ProtectedError, RestrictedError) as exc:
            # Outside the atomic block, so whatever `remove` wrote before is rolled back.
            refusal = protected_refusal(exc)
    return render(request, "core/confirm_removal.html", {
        "title": title, "consequence": consequence, "back": back, "back_label": back_label,
        "button": button or _("Supprimer définitivement"), "error": error, "refusal": refusal,
        "object": instance, "version": instance.version if versioned else "",
    }, status=409 if error or (confirmed and refusal) else 200)
