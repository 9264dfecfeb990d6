"""Uploaded files leave the disk when no record refers to them any more — one rule, every upload.

Why: a replaced piece of evidence, letter or plan stayed on disk for ever and went into every
backup. Every model field that holds a file (`FileField`) is watched here, whatever the app:
before a save the stored name is remembered; after the save (a replacement, a file taken off)
and after a deletion (the record itself, or a Cité's records in cascade), each name no longer
held is removed from the storage once the transaction commits — unless another record still
refers to the same name (a frozen copy, a job's result). History tables keep names as plain
text, for the record only: they do not keep a file alive.
"""

from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save

_OLD_NAMES = "_capacite_stored_file_names"


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def is_referenced(name: str) -> bool:
    """True when a live record of any model still holds the file `name`."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        for model in apps.get_models():
            for field in file_fields(model):
                if model._base_manager.filter(**{field.name: name}).exists():
                    return True
    return False


def forget_when_unreferenced(field: models.FileField, names: set[str]) -> None:
    """Remove each of `names` from the field's storage after the commit, if nothing holds it."""
    names = {n for n in names if n}
    if not names:
        return

    def remove() -> None:
        for name in names:
            if not is_referenced(name):
                field.storage.delete(name)

    transaction.on_commit(remove)


def _remember(sender: type[models.Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    fields = file_fields(sender)
    if raw or not fields or instance.pk is None:
        return
    stored = sender._base_manager.filter(pk=instance.pk).values(*[f.attname for f in fields])
    setattr(instance, _OLD_NAMES, next(iter(stored), {}))


def _after_save(sender: type[models.Model], instance: Any, raw: bool = False,
                **kwargs: Any) -> None:
    old = instance.__dict__.pop(_OLD_NAMES, None)
    if raw or not old:
        return
    for field in file_fields(sender):
        before, now = old.get(field.attname) or "", getattr(instance, field.attname)
        now_name = getattr(now, "name", now) or ""
        if before and before != now_name:
            forget_when_unreferenced(field, {before})


def _after_delete(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    for field in file_fields(sender):
        value = getattr(instance, field.attname)
        forget_when_unreferenced(field, {getattr(value, "name", value) or ""})


def connect() -> None:
    """Watch every model of capacite that holds files (called once, from the core app)."""
    for model in apps.get_models():
        if not model.__module__.startswith("capacite.") or not file_fields(model):
            continue
        uid = f"capacite_files_{model._meta.label_lower}"
        pre_save.connect(_remember, sender=model, weak=False, dispatch_uid=uid + "_pre")
        post_save.connect(_after_save, sender=model, weak=False, dispatch_uid=uid + "_post")
        post_delete.connect(_after_delete, sender=model, weak=False, dispatch_uid=uid + "_del")
