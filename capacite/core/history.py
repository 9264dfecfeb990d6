"""Readable change history (who, when, before → after) for any model with `HistoricalRecords`.

Models that people argue about later (roadmap tasks now; positions, decisions, budget lines and
label decisions in later apps) declare `history = HistoricalRecords()`; pages show `changes_of()`.
"""

from dataclasses import dataclass
from datetime import date, datetime

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
    reason: str = ""  # why, when the person had to say it (a task done before its dependencies)


ACTIONS = {"+": _("création"), "~": _("modification"), "-": _("suppression")}


def _display_related(field: models.ManyToManyField, rows: list[dict]) -> str:
    """The objects of a many-to-many change, by name (rows are the through table's values)."""
    from simple_history.utils import get_m2m_reverse_field_name

    ids = [row[get_m2m_reverse_field_name(field)] for row in rows]
    names = {obj.pk: str(obj) for obj in field.related_model._default_manager.filter(pk__in=ids)}
    return ", ".join(names.get(pk, str(_("(supprimé)"))) for pk in ids) or "—"


def _display(instance: models.Model, field_name: str) -> str:
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname, None)
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
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
                field = instance._meta.get_field(diff.field)
                if field.many_to_many:
                    before = _display_related(field, diff.old)
                    after = _display_related(field, diff.new)
                else:
                    before, after = _display(previous, diff.field), _display(record, diff.field)
                fields.append(FieldChange(str(field.verbose_name), before, after))
            if not fields:
                continue
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user else str(_("système"))
        changes.append(
            Change(record.history_date, who, str(ACTIONS[record.history_type]), fields,
                   getattr(record, "history_change_reason", "") or "")
        )
    return changes
