"""Optimistic concurrency: two people editing the same record never silently overwrite each other.

A versioned model carries a `version` number. An edit form sends back the version it was built
from; saving checks, under a row lock inside the transaction, that nobody saved in between. If
somebody did, the save is refused and the form shows what changed instead of overwriting it.
"""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class ConcurrentEditError(Exception):
    """Raised when the record changed since the form was opened."""


class Versioned(models.Model):
    """Abstract base for records edited through forms by several people."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def save_versioned(instance: Versioned, *, expected_version: int, **save_kwargs) -> None:
    """Save `instance` if its stored version is still `expected_version`, then bump it.

    Changes the row and `instance.version`; raises ConcurrentEditError and writes nothing if the
    stored version moved on.
    """
    model = type(instance)
    if instance._state.adding:
        instance.save(**save_kwargs)
        return
    with transaction.atomic():
        current = (
            model._base_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current != expected_version:
            raise ConcurrentEditError
        instance.version = expected_version + 1
        instance.save(**save_kwargs)


class VersionedModelForm(forms.ModelForm):
    """A ModelForm that refuses to save over somebody else's newer save."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        try:
            save_versioned(instance, expected_version=self.cleaned_data["version"])
        except ConcurrentEditError:
            self.add_error(
                None,
                _(
                    "Quelqu'un a enregistré cette fiche pendant que vous la modifiiez. "
                    "Rechargez la page pour voir sa version, puis refaites vos changements."
                ),
            )
            raise
        self.save_m2m()
        return instance
