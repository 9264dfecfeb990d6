"""FTE (ETP) needed by a scenario, brought by partners, and left to recruit.

FTE needed for a post open to the public = hours to cover × people present ÷ productive hours
of one FTE. One FTE works 1,607 hours a year (the French legal annual working time, 35 h ×
52 weeks less leave and bank holidays, rounded as the law writes it) but not all of them face
the public: preparation, training and leave outside the closures take a share, 15 % by default.

Partner contributions are placed by one rule, so that none ever counts twice:

* a counselling contribution (or one with no function) naming a pôle counts for that pôle's
  line only; a contribution of another function (documentation…) counts for its function
  even when it names a pôle, since pôles only have counselling lines;
* a counselling contribution naming no pôle fills the pôles' remaining needs in the order of
  the scenario's pôles; what is left stays on a "pôle non précisé" line as surplus;
* any other contribution counts once, for its function;
* surplus never spills over into another function: a webmaster seconded beyond the need does
  not reduce the reception staff to recruit;
* a contribution to a pôle the scenario does not open, or to no known function, is left
  unplaced and reported, never counted.

FTE are rounded to the hundredth per line, as partners declare them, and totals add the
rounded lines, so that the figures a funder reads add up.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext

from capacite.planning.domain.money import round_fraction
from capacite.planning.domain.scenario import DIRECT_FUNCTIONS, FUNCTIONS, Scenario

LEGAL_ANNUAL_HOURS = Decimal(1607)
DEFAULT_PREPARATION_SHARE = Decimal("0.15")
HUNDREDTH = Decimal("0.01")
NOUGHT = Decimal("0.00")


@dataclass(frozen=True, kw_only=True)
class FteSettings:
    """How many hours one FTE works and which share of them is not spent with the public."""

    annual_hours: Decimal = LEGAL_ANNUAL_HOURS
    preparation_share: Decimal = DEFAULT_PREPARATION_SHARE

    @property
    def productive_hours(self) -> Decimal:
        """Hours a year one FTE can spend covering an open post: 1,607 × (1 − share)."""
        return self.annual_hours * (1 - self.preparation_share)


def settings_errors(settings: FteSettings) -> list[str]:
    """Messages (active language) when the settings would divide by zero or make no sense."""
    errors = []
    if settings.annual_hours <= 0:
        errors.append(gettext("Heures annuelles d'un ETP : doivent être positives."))
    if not 0 <= settings.preparation_share < 1:
        errors.append(gettext("Part de préparation, formation et congés : doit être comprise "
                              "entre 0 et 1 (exclu), par exemple 0,15."))
    return errors


@dataclass(frozen=True)
class PartnerContribution:
    """Staff time a partner declares for the Cité: `fte` of `function`, for `pole` if any."""

    partner: str
    function: str
    pole: str | None
    fte: Decimal


@dataclass(frozen=True)
class Share:
    """The part of one contribution counted on one line."""

    partner: str
    fte: Decimal


@dataclass(frozen=True)
class FteLine:
    """One function (or one pôle's counselling): needed, brought, to recruit, surplus.

    `needed` = `used` + `to_recruit`; `brought` = `used` + `surplus`.
    """

    function: str
    pole: str | None
    needed: Decimal
    brought: Decimal
    shares: tuple[Share, ...]

    @property
    def to_recruit(self) -> Decimal:
        """Never negative: a partner bringing more than the need leaves nothing to recruit."""
        return max(NOUGHT, self.needed - self.brought)

    @property
    def used(self) -> Decimal:
        return min(self.needed, self.brought)

    @property
    def surplus(self) -> Decimal:
        return max(NOUGHT, self.brought - self.needed)


@dataclass(frozen=True)
class FteTotals:
    needed: Decimal
    brought: Decimal
    used: Decimal
    to_recruit: Decimal
    surplus: Decimal


def _totals(lines: Iterable[FteLine]) -> FteTotals:
    items = list(lines)
    return FteTotals(
        needed=sum((x.needed for x in items), NOUGHT),
        brought=sum((x.brought for x in items), NOUGHT),
        used=sum((x.used for x in items), NOUGHT),
        to_recruit=sum((x.to_recruit for x in items), NOUGHT),
        surplus=sum((x.surplus for x in items), NOUGHT),
    )


@dataclass(frozen=True)
class FteResult:
    """Every line of a scenario, the contributions no line could take, and the totals."""

    lines: tuple[FteLine, ...]
    unplaced: tuple[PartnerContribution, ...]

    @property
    def totals(self) -> FteTotals:
        return _totals(self.lines)

    def by_function(self) -> dict[str, FteTotals]:
        """Totals per function, pôles added together under "counselling", in catalogue order."""
        return {f: _totals(x for x in self.lines if x.function == f)
                for f in FUNCTIONS if any(x.function == f for x in self.lines)}

    def by_partner(self) -> dict[str, dict[str, Decimal]]:
        """FTE counted for each partner, per function (what the budget values as in-kind)."""
        result: dict[str, dict[str, Decimal]] = {}
        for line in self.lines:
            for share in line.shares:
                per_function = result.setdefault(share.partner, {})
                per_function[line.function] = per_function.get(line.function, NOUGHT) + share.fte
        return result


def fte_needed(*, hours: Decimal, people: Decimal, settings: FteSettings) -> Decimal:
    """FTE to keep `people` present over `hours` a year, to the hundredth.

    Computed exactly and rounded once: 1,575 h × 1 ÷ 1,365.95 h = 1.153…, so 1.15.
    """
    exact = Fraction(hours) * Fraction(people) / Fraction(settings.productive_hours)
    return round_fraction(exact)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def compute_fte(*, scenario: Scenario, contributions: Iterable[PartnerContribution],
                settings: FteSettings | None = None) -> FteResult:
    """The FTE lines of `scenario` with `contributions` placed by the module's rule.

    Lines: one per pôle (counselling), reception, documentation, then events and internal
    functions that are needed or brought. Contributions of 0 FTE (money or goods only) are
    ignored here; the budget values them elsewhere. Raises ValueError (in French) on settings
    that would divide by zero.
    """
    settings = settings or FteSettings()
    errors = settings_errors(settings)
    if errors:
        raise ValueError(" ".join(errors))
    hours = scenario.open_hours_per_year
    needs: dict[tuple[str, str | None], Decimal] = {}
    for pole in scenario.poles:
        needs[("counselling", pole)] = fte_needed(
            hours=hours, people=scenario.counsellors(pole), settings=settings)
    needs[("reception", None)] = fte_needed(
        hours=hours, people=scenario.reception_staff, settings=settings)
    needs[("documentation", None)] = fte_needed(
        hours=hours, people=scenario.documentation_staff, settings=settings)
    for function in DIRECT_FUNCTIONS:
        needs[(function, None)] = round_fraction(
            Fraction(scenario.function_fte.get(function, Decimal(0))))

    shares: dict[tuple[str, str | None], list[Share]] = {key: [] for key in needs}
    poles_by_name = {_norm(p): p for p in scenario.poles}
    pool: list[PartnerContribution] = []
    unplaced: list[PartnerContribution] = []
    for c in contributions:
        if c.fte <= 0:
            continue
        pole = (c.pole or "").strip()
        if pole and c.function in ("", "counselling"):
            if _norm(pole) in poles_by_name:
                shares[("counselling", poles_by_name[_norm(pole)])].append(
                    Share(c.partner, c.fte))
            else:
                unplaced.append(c)
        elif c.function == "counselling":
            pool.append(c)
        elif c.function in FUNCTIONS:
            shares[(c.function, None)].append(Share(c.partner, c.fte))
        else:
            unplaced.append(c)

    # Function-level counselling fills the pôles in order, after the pôle-specific shares.
    leftover: list[Share] = []
    for c in pool:
        remaining = c.fte
        for pole in scenario.poles:
            pole_key: tuple[str, str | None] = ("counselling", pole)
            gap = needs[pole_key] - sum((x.fte for x in shares[pole_key]), NOUGHT)
            if remaining <= 0 or gap <= 0:
                continue
            taken = min(gap, remaining)
            shares[pole_key].append(Share(c.partner, taken))
            remaining -= taken
        if remaining > 0:
            leftover.append(Share(c.partner, remaining))

    lines = []
    for key, need in needs.items():
        brought = sum((x.fte for x in shares[key]), NOUGHT)
        if key[0] in DIRECT_FUNCTIONS and need == 0 and brought == 0:
            continue
        lines.append(FteLine(key[0], key[1], need, brought, tuple(shares[key])))
    if leftover:  # right after the pôles, before reception
        lines.insert(len(scenario.poles), FteLine(
            "counselling", None, NOUGHT, sum((x.fte for x in leftover), NOUGHT), tuple(leftover)))
    return FteResult(tuple(lines), tuple(unplaced))
