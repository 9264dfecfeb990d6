"""The history of who was given, changed or taken away which role in a Cité, newest first."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from capacite.core.models import Cite, Membership, Role


@dataclass(frozen=True)
class RoleChange:
    at: datetime
    by: str
    action: str
    person: str
    before: str
    after: str


def _name(user) -> str:  # type: ignore[no-untyped-def]
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def role_history(cite: Cite) -> list[RoleChange]:
    """Every role given, changed and taken away in `cite` (the membership rows' own history),
    latest first. All of it: the page shows it fifty at a time."""
    records = (Membership.history.filter(cite_id=cite.pk)
               .select_related("history_user", "user").order_by("history_date", "history_id"))
    last_role: dict[int, str] = {}
    changes = []
    for record in records:
        role = str(Role(record.role).label)
        before = last_role.get(record.id, "")
        if record.history_type == "+":
            action, before, after = _("rôle donné"), "—", role
        elif record.history_type == "-":
            action, after = _("rôle retiré"), "—"
            before = role
        else:
            action, after = _("rôle changé"), role
        last_role[record.id] = role
        changes.append(RoleChange(record.history_date, _name(record.history_user), action,
                                  _name(record.user), before or "—", after))
    changes.reverse()
    return changes
