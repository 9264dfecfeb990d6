"""Readable change history (who, when, before → after) for any model with `HistoricalRecords`.

Models that people argue about later (roadmap tasks now; positions, decisions, budget lines and
label decisions in later apps) declare `history = HistoricalRecords()`; pages show `changes_of()`.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    at: datetime
    who: str
    action: str
    fields: list[FieldChange]


ACTIONS = {"+": _("création"), "~": _("modification"), "-": _("suppression")}


def _display(instance: models.Model, field_name: str) -> str:
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname, None)
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        try:
            return str(getattr(instance, field_name))
        except field.related_model.DoesNotExist:
            return str(_("(supprimé)"))
    return str(value)


def changes_of(instance: models.Model, *, ignore: tuple[str, ...] = ("version",)) -> list[Change]:
    """The history of `instance`, newest first, each entry with its changed fields."""
    records = list(instance.history.select_related("history_user").order_by("-history_date"))
    changes = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        fields = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=list(ignore))
            for diff in delta.changes:
                label = str(instance._meta.get_field(diff.field).verbose_name)
                fields.append(
                    FieldChange(label, _display(previous, diff.field), _display(record, diff.field))
                )
            if not fields:
                continue
        who = record.history_user.get_username() if record.history_user else str(_("système"))
        changes.append(
            Change(record.history_date, who, str(ACTIONS[record.history_type]), fields)
        )
    return changes
