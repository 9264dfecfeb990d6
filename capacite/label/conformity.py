"""Conformity with the label projet, with the database: today's figures, the snapshot taken at
deposit, and the gaps with the team's answers.

Today's figures come from the label's data sources (`label/services.py`), which ask the one
place that computes each: hours per week are offer's `site_summary`, FTE and the budget are
planning's chosen scenario, contributions are partners' `contributions_for_year`. Nothing is
recomputed here. Call inside the Cité's scope.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import translation

from capacite.core.memo import read_once
from capacite.core.models import Cite
from capacite.label import services
from capacite.label.domain.conformity import Figures, Gap, Partner, compare
from capacite.label.models_followup import GapAnswer, ProjectSnapshot, SnapshotSource


@read_once
def current_figures(cite: Cite) -> Figures:
    """Today's key figures, read the way the label projet dossier reads them, in French
    whatever the reader's language: they are compared with the snapshot word for word."""
    with translation.override("fr"):
        return _current_figures(cite)


def _current_figures(cite: Cite) -> Figures:
    premises = services.premises_data(cite)
    partners: dict[str, Partner] = {}
    for org, _function, _pole, fte, in_kind, money in services.contributions_data()["lines"]:
        was = partners.get(org, Partner())
        partners[org] = Partner(was.fte + fte, was.money + money, was.in_kind + in_kind)
    budget = services.budget_data(cite)
    lines: dict[str, Decimal] = {}
    if budget.cerfa is not None:
        for row in budget.cerfa["rows"]:
            if row["kind"] == "class" and row["code"].startswith("6") and row["amounts"] \
                    and row["amounts"][0]:
                lines[f"{row['code']} {row['label']}"] = Decimal(row["amounts"][0])
    row = budget.row
    return Figures(
        legal_form=services.legal_data()["form"],
        poles={p.name: tuple(p.partners) for p in services.poles_data()},
        sites={s.fact.name: Decimal(str(s.fact.hours_per_week)) for s in services.sites_data()},
        surface_m2=premises.chosen.surface_m2 if premises.chosen else None,
        partners=partners,
        fte=Decimal(str(row["fte_needed"])) if row else None,
        budget_lines=lines,
        budget_total=Decimal(str(row["operating_charges"])) if row else None,
    )


def take_snapshot(cite: Cite, *, on: date, submission_number: int | None = None,
                  user=None, figures: Figures | None = None,
                  source: str = SnapshotSource.DEPOSIT) -> ProjectSnapshot:
    """Keep the label projet's figures (today's, or `figures` typed by hand) as the Cité's
    reference, replacing an earlier one: the last deposited label projet is the one judged."""
    figures = figures if figures is not None else current_figures(cite)
    with transaction.atomic():
        snapshot, _created = ProjectSnapshot.objects.update_or_create(
            cite=cite, defaults={"source": source, "taken_on": on,
                                 "submission_number": submission_number,
                                 "figures": figures.to_json(), "recorded_by": user})
    return snapshot


def snapshot() -> ProjectSnapshot | None:
    return ProjectSnapshot.objects.first()


@dataclass(frozen=True)
class GapRow:
    gap: Gap
    answer: GapAnswer

    @property
    def answered(self) -> bool:
        return self.answer.answered


def gaps(cite: Cite) -> list[Gap]:
    """The gaps between the snapshot and today; none without a snapshot."""
    taken = snapshot()
    if taken is None:
        return []
    return compare(Figures.from_json(taken.figures), current_figures(cite))


def gap_rows(cite: Cite) -> list[GapRow]:
    """Each gap with its answer row (created empty so it has an id and a version to edit)."""
    found = gaps(cite)
    have = {a.key: a for a in GapAnswer.objects.filter(key__in=[g.key for g in found])}
    missing = [GapAnswer(cite=cite, key=g.key) for g in found if g.key not in have]
    if missing:
        GapAnswer.objects.bulk_create(missing, ignore_conflicts=True)
        have = {a.key: a for a in GapAnswer.objects.filter(key__in=[g.key for g in found])}
    return [GapRow(g, have[g.key]) for g in found]


def unanswered(cite: Cite) -> list[Gap]:
    """The gaps still without an explanation and a corrective measure."""
    return [r.gap for r in gap_rows(cite) if not r.answered]
