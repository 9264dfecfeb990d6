"""Desk keys outside the engine: how a pôle's key is spelled, and forgetting a removed pôle.

A staff member's `desks` and `preferred_desks` and a `DeskDemand` row name a desk by its key
("pole-<id>", "reception", "documentation"), not by a foreign key, so deleting a pôle does not
reach them: the pôle's removal calls `forget_desk` in its own transaction. Saved rosters
(`RosterRun.instance`, `solution`, `locks`) are left as they are: each is a snapshot of its week
that carries the desk names it needs. Call inside the Cité's scope.
"""

from capacite.staffing.models import DeskDemand, StaffMember


def pole_desk(pole_id: int) -> str:
    """The desk key of a pôle."""
    return f"pole-{pole_id}"


def holders_of(desk: str) -> list[StaffMember]:
    """The staff members, active or not, who hold or prefer `desk`, by name.

    Filtered in Python: SQLite has no JSON containment lookup, and a team is tens of people.
    """
    return [member for member in StaffMember.objects.order_by("name", "pk")
            if desk in (member.desks or []) or desk in (member.preferred_desks or [])]


def demand_rows_of(desk: str) -> int:
    """How many stored demand rows (defaults and slot overrides, every site) name `desk`."""
    return DeskDemand.objects.filter(desk=desk).count()


def forget_desk(*, desk: str) -> list[StaffMember]:
    """Take `desk` out of every staff member's desks and preferred desks, and delete the demand
    rows that name it; returns the members changed.

    Each member changed gets a new version (an edit form opened before is refused rather than
    saving the old desks back) and a history entry. Run inside the transaction that removes the
    pôle: the rows are locked so a concurrent member edit waits.
    """
    changed = []
    for member in StaffMember.objects.select_for_update().order_by("name", "pk"):
        desks = [key for key in member.desks or [] if key != desk]
        preferred = [key for key in member.preferred_desks or [] if key != desk]
        if desks != (member.desks or []) or preferred != (member.preferred_desks or []):
            member.desks, member.preferred_desks = desks, preferred
            member.version += 1
            member.save(update_fields=["desks", "preferred_desks", "version"])
            changed.append(member)
    DeskDemand.objects.filter(desk=desk).delete()
    return changed
