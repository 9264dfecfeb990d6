"""The label fonctionnement's deadline: at the latest one year after the opening (the guide),
with warnings at nine and eleven months, then overdue. Pure, so the Cité's home, the label
page and the authority's queue give the same date and the same words."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

NONE = "none"  # not open yet, or more than three months ahead
NINE = "nine"  # nine months since opening: time to write the dossier
ELEVEN = "eleven"  # eleven months: deposit now
OVERDUE = "overdue"
CONFIRMED = "confirmed"

# Lazy, read in the reader's language (the same sentences as `homes/label_deadline.html`).
LEVEL_TEXT = {
    NINE: _("Neuf mois depuis l'ouverture : rédigez le dossier de confirmation du label "
            "fonctionnement et présentez-le pour avis."),
    ELEVEN: _("Onze mois depuis l'ouverture : le dossier de confirmation du label "
              "fonctionnement doit être déposé ce mois-ci."),
    OVERDUE: _("Échéance dépassée : le label fonctionnement devait être confirmé au plus tard "
               "un an après l'ouverture."),
}


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months, on the last day of a shorter month (31/01 + 1 →
    28 or 29/02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Deadline:
    opened_on: date | None
    due: date | None
    level: str
    days_left: int | None

    @property
    def text(self) -> str:
        return str(LEVEL_TEXT.get(self.level, ""))


def deadline(*, opened_on: date | None, today: date, confirmed: bool) -> Deadline:
    """Where an open Cité stands toward its label fonctionnement (`confirmed` once the committee
    granted it)."""
    if opened_on is None:
        return Deadline(None, None, NONE, None)
    due = add_months(opened_on, 12)
    days_left = (due - today).days
    if confirmed:
        level = CONFIRMED
    elif today > due:
        level = OVERDUE
    elif today >= add_months(opened_on, 11):
        level = ELEVEN
    elif today >= add_months(opened_on, 9):
        level = NINE
    else:
        level = NONE
    return Deadline(opened_on, due, level, days_left)
