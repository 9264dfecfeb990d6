"""Label decisions: what each one means for the Cité's phase and for its label status.

The guide (Phase 2, "la délivrance du label projet"): the label projet opens the Mise en œuvre;
a préfiguration is a label projet that also lets the Cité open partially before its label
fonctionnement; the label fonctionnement is confirmed at the latest one year after opening. A
refusal leaves the project where it was. A decision never moves a Cité backwards: an open Cité
whose old label projet is recorded late stays open.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# The phases in the guide's order, as stored in core.models.Phase (kept as strings here so the
# domain needs no Django).
PHASE_ORDER = ("emergence", "construction", "implementation", "operation")


class Stage(StrEnum):
    """The outcomes a label committee can give a dossier."""

    LABEL_PROJET = "label_projet"
    PREFIGURATION = "prefiguration"
    REFUSAL = "refusal"
    LABEL_FONCTIONNEMENT = "label_fonctionnement"


# The phase a decision opens; a refusal opens none.
PHASE_AFTER = {
    Stage.LABEL_PROJET: "implementation",
    Stage.PREFIGURATION: "implementation",
    Stage.LABEL_FONCTIONNEMENT: "operation",
}


def phase_after(stage: Stage, current_phase: str) -> str:
    """The Cité's phase once `stage` is decided: the phase it opens, never a step backwards."""
    target = PHASE_AFTER.get(stage)
    if target is None:
        return current_phase
    if PHASE_ORDER.index(target) <= PHASE_ORDER.index(current_phase):
        return current_phase
    return target


@dataclass(frozen=True)
class DecisionFact:
    """What the label status needs to know of one recorded decision."""

    stage: Stage
    decided_on: str  # ISO date, so that facts sort without a date library
    open_reserves: int


@dataclass(frozen=True)
class LabelStatus:
    """The Cité's label as its home page shows it."""

    stage: Stage | None  # the last label granted; None before any
    effective: bool  # granted and every reserve of that decision lifted
    refused_last: bool  # the latest decision is a refusal


def label_status(decisions: Iterable[DecisionFact]) -> LabelStatus:
    """The current label: the latest decision that granted one, effective once its reserves
    are all lifted (the guide: reserves must be resolved for the label to be effective)."""
    ordered = sorted(decisions, key=lambda d: d.decided_on)
    granted = [d for d in ordered if d.stage != Stage.REFUSAL]
    refused_last = bool(ordered) and ordered[-1].stage == Stage.REFUSAL
    if not granted:
        return LabelStatus(stage=None, effective=False, refused_last=refused_last)
    last = granted[-1]
    return LabelStatus(stage=last.stage, effective=last.open_reserves == 0,
                       refused_last=refused_last)


def next_number(existing: Iterable[int]) -> int:
    """The version number of a Cité's next submission: 1, then one more than the highest."""
    return max(existing, default=0) + 1


# The decisions a committee can take on each dossier: the label fonctionnement is confirmed on
# its own dossier only, the label projet (or a préfiguration) on the label projet's; any dossier
# can be refused.
STAGES_FOR_KIND = {
    "opportunity": (Stage.REFUSAL,),
    "label_projet": (Stage.LABEL_PROJET, Stage.PREFIGURATION, Stage.REFUSAL),
    "label_fonctionnement": (Stage.LABEL_FONCTIONNEMENT, Stage.REFUSAL),
}


def stage_fits(kind: str, stage: str) -> bool:
    """True when a decision `stage` can be taken on a dossier of `kind`."""
    return stage in STAGES_FOR_KIND.get(kind, ())
