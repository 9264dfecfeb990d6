"""Optimistic concurrency: two people editing the same record never silently overwrite each other.

A versioned model carries a `version` number. An edit form sends back the version it was built
from (0 for a record not created yet); saving checks, under a row lock inside the transaction,
that nobody saved in between. If somebody did, the save is refused with a French message and
nothing is written.
"""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

NEW = 0  # the version a form sends for a record that did not exist when it was opened


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
        if expected_version != NEW:
            raise ConcurrentEditError
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
            self.initial["version"] = NEW if self.instance._state.adding else self.instance.version

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        try:
            with transaction.atomic():
                save_versioned(instance, expected_version=self.cleaned_data["version"])
                self.save_m2m()
        except ConcurrentEditError:
            self.add_error(
                None,
                _(
                    "Quelqu'un a enregistré cette fiche pendant que vous la modifiiez. "
                    "Rechargez la page pour voir sa version, puis refaites vos changements."
                ),
            )
            raise
        return instance


def save_form_atomically(form: forms.ModelForm, *, lock: models.Model | None = None) -> bool:
    """Validate and save `form` in one transaction; True when saved, False when it shows errors.

    With `lock`, that row is locked first, so checks that read other rows (such as dependency
    loops across a Cité's tasks) and the save run one request at a time.
    """
    try:
        with transaction.atomic():
            if lock is not None:
                list(type(lock)._base_manager.select_for_update().filter(pk=lock.pk)
                     .values_list("pk", flat=True))
            if not form.is_valid():
                return False
            form.save()
            return True
    except ConcurrentEditError:
        return False
