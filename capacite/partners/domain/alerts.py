"""Partnership alerts, as pure functions: who has not been contacted for too long, and which
agreed next steps are past their date.

The guide asks the project lead to keep every actor engaged over months; a partner nobody has
called for a quarter drifts away, and a promised follow-up that slips costs trust.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ContactRecord:
    organisation_id: int
    name: str
    last_contact: date | None  # None: never contacted


@dataclass(frozen=True)
class Silence:
    organisation_id: int
    name: str
    last_contact: date | None
    days: int | None  # None: never contacted


@dataclass(frozen=True)
class NextStep:
    interaction_id: int
    organisation_id: int
    organisation: str
    step: str
    due: date


@dataclass(frozen=True)
class OverdueStep:
    step: NextStep
    days_late: int


def silent_organisations(records: list[ContactRecord], *, today: date,
                         days: int) -> list[Silence]:
    """Organisations never contacted, or last contacted more than `days` days before `today`.

    Never contacted first, then the longest silence first, then by name.
    """
    silent = []
    for record in records:
        if record.last_contact is None:
            silent.append(Silence(record.organisation_id, record.name, None, None))
            continue
        elapsed = (today - record.last_contact).days
        if elapsed > days:
            silent.append(Silence(record.organisation_id, record.name, record.last_contact,
                                  elapsed))
    return sorted(silent, key=lambda s: (s.days is not None, -(s.days or 0), s.name))


def overdue_next_steps(steps: list[NextStep], *, today: date) -> list[OverdueStep]:
    """Open next steps whose date is before `today`, the most overdue first."""
    overdue = [OverdueStep(step, (today - step.due).days) for step in steps if step.due < today]
    return sorted(overdue, key=lambda o: (-o.days_late, o.step.organisation))
