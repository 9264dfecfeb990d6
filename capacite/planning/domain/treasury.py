"""The monthly treasury plan: does the Cité have cash every month of its first three years?

The guide warns that the disbursement calendar, not the budget, is when the Cité actually
runs, and that « pour un GIP, par exemple, aucun déficit n'est possible ». The plan starts
from the opening cash, takes outflows month by month (payroll monthly, rent monthly or
quarterly in advance, investments in the month paid, other charges spread evenly) and inflows
from the disbursement calendar, and flags every month that ends below zero: an error for a
GIP, a warning otherwise. The stress test replays the plan with one funder paying late or less.

Plan year n covers months 12(n−1) to 12n−1 from the start month. Payments dated before the
start month are taken to be in the opening cash; those after the horizon fall outside it.
"""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.lib.money import format_money
from capacite.planning.domain.budget import Budget, Investment
from capacite.planning.domain.money import (
    ZERO,
    month_label,
    round_fraction,
    spread,
    to_cents,
)

RENT_RHYTHMS = ("monthly", "quarterly")
GIP = "gip"


@dataclass(frozen=True, kw_only=True)
class Disbursement:
    """A payment the Cité expects from a funder on a given day."""

    funder: str
    on: date
    amount: Decimal


@dataclass(frozen=True, kw_only=True)
class TreasuryInputs:
    """Everything the plan needs. `payroll_by_year`, `rent_by_year` and
    `other_charges_by_year` are annual amounts per plan year; when shorter than the horizon
    the last year repeats. Rent is paid by twelfths each month or by quarters in advance
    (months 1, 4, 7 and 10 of each plan year). `legal_form` is a
    `governance.choices.LegalForm` value ("gip", "association"…)."""

    start: date
    opening_cash: Decimal
    payroll_by_year: tuple[Decimal, ...]
    rent_by_year: tuple[Decimal, ...] = ()
    rent_rhythm: str = "monthly"
    other_charges_by_year: tuple[Decimal, ...] = ()
    investments: tuple[Investment, ...] = ()
    disbursements: tuple[Disbursement, ...] = ()
    legal_form: str = "association"
    months: int = 36


@dataclass(frozen=True)
class TreasuryMonth:
    """One month: cash at the start, what comes in and out, cash at the end (`balance`)."""

    month: date  # the first day of the month
    opening: Decimal
    payroll: Decimal
    rent: Decimal
    investment: Decimal
    other_charges: Decimal
    inflows_by_funder: tuple[tuple[str, Decimal], ...]

    @property
    def inflows(self) -> Decimal:
        return sum((amount for _, amount in self.inflows_by_funder), ZERO)

    @property
    def outflows(self) -> Decimal:
        return self.payroll + self.rent + self.investment + self.other_charges

    @property
    def balance(self) -> Decimal:
        return self.opening + self.inflows - self.outflows


@dataclass(frozen=True)
class Alert:
    month: date
    level: str  # "error" or "warning"
    message: str


@dataclass(frozen=True)
class TreasuryPlan:
    months: tuple[TreasuryMonth, ...]
    alerts: tuple[Alert, ...]

    @property
    def lowest(self) -> TreasuryMonth:
        """The month with the least cash at its end (the first of them on a tie)."""
        return min(self.months, key=lambda m: m.balance)


def add_months(day: date, months: int) -> date:
    """`day` moved by `months`, kept within the target month (31 January + 1 → 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _month_index(start: date, day: date) -> int:
    return (day.year - start.year) * 12 + day.month - start.month


def treasury_errors(inputs: TreasuryInputs) -> list[str]:
    """Messages, in the active language, for inputs the plan cannot use."""
    errors = []
    if inputs.rent_rhythm not in RENT_RHYTHMS:
        errors.append(_("Rythme du loyer : « %(rhythm)s » n'est ni mensuel ni trimestriel.")
                      % {"rhythm": inputs.rent_rhythm})
    if not inputs.payroll_by_year:
        errors.append(_("Masse salariale : indiquez au moins la première année."))
    if inputs.months <= 0:
        errors.append(_("Durée du plan : au moins un mois."))
    for d in inputs.disbursements:
        if d.amount < 0:
            errors.append(_("Versement de « %(funder)s » du %(date)s : montant négatif.") % {
                "funder": d.funder, "date": f"{d.on:%d/%m/%Y}"})
    return errors


def _by_year(amounts: tuple[Decimal, ...], year: int) -> Decimal:
    if not amounts:
        return ZERO
    return amounts[min(year, len(amounts) - 1)]


def alert_for(month: date, balance: Decimal, *, legal_form: str) -> Alert:
    """The alert of a month ending below zero: an error for a GIP, which may never be in
    deficit, a warning for other legal forms."""
    values = {"month": month_label(month), "amount": format_money(balance)}
    if legal_form == GIP:
        return Alert(month, "error", _("%(month)s : trésorerie de %(amount)s — un GIP ne peut "
                                       "connaître aucun déficit") % values)
    return Alert(month, "warning", _("%(month)s : trésorerie de %(amount)s") % values)


def treasury_plan(inputs: TreasuryInputs) -> TreasuryPlan:
    """The month-by-month plan over `inputs.months` from the start month. Raises ValueError
    with the messages of `treasury_errors()` when the inputs cannot be used."""
    errors = treasury_errors(inputs)
    if errors:
        raise ValueError(" ".join(errors))
    first = inputs.start.replace(day=1)
    inflows: dict[int, dict[str, Decimal]] = {}
    for d in inputs.disbursements:
        index = _month_index(first, d.on)
        if 0 <= index < inputs.months:
            per_funder = inflows.setdefault(index, {})
            per_funder[d.funder] = per_funder.get(d.funder, ZERO) + to_cents(d.amount)
    invested: dict[int, Decimal] = {}
    for item in inputs.investments:
        index = _month_index(first, item.paid_on)
        if 0 <= index < inputs.months:
            invested[index] = invested.get(index, ZERO) + to_cents(item.amount)

    months = []
    alerts = []
    cash = to_cents(inputs.opening_cash)
    for index in range(inputs.months):
        year, month_in_year = divmod(index, 12)
        annual_rent = _by_year(inputs.rent_by_year, year)
        if inputs.rent_rhythm == "monthly":
            rent = spread(annual_rent, 12)[month_in_year]
        else:
            rent = spread(annual_rent, 4)[month_in_year // 3] if month_in_year % 3 == 0 else ZERO
        month = TreasuryMonth(
            month=add_months(first, index),
            opening=cash,
            payroll=spread(_by_year(inputs.payroll_by_year, year), 12)[month_in_year],
            rent=rent,
            investment=invested.get(index, ZERO),
            other_charges=spread(_by_year(inputs.other_charges_by_year, year), 12)[
                month_in_year],
            inflows_by_funder=tuple(sorted(inflows.get(index, {}).items())),
        )
        months.append(month)
        cash = month.balance
        if cash < 0:
            alerts.append(alert_for(month.month, cash, legal_form=inputs.legal_form))
    return TreasuryPlan(tuple(months), tuple(alerts))


def treasury_inputs(*, budget: Budget, start: date, opening_cash: Decimal,
                    disbursements: Sequence[Disbursement] = (),
                    investments: Sequence[Investment] = (), legal_form: str = "association",
                    rent_rhythm: str = "monthly", rent_accounts: Sequence[str] = ("613",),
                    months: int = 36) -> TreasuryInputs:
    """The plan's inputs read from an operating budget, so both tell the same story.

    Payroll is class 64; rent the charge lines whose account starts with one of
    `rent_accounts` (613 « Locations » by default); other charges everything else except
    class 68, since depreciation is no cash out (the investment itself is, on its date).
    In-kind contributions are no cash either way and stay out. Budget year n becomes plan
    year n, which is exact when the plan starts in January of the budget's first year.
    """
    def is_rent(account: str) -> bool:
        return any(account.startswith(prefix) for prefix in rent_accounts)

    width = len(budget.years)

    def yearly(lines: Sequence[tuple[Decimal, ...]]) -> tuple[Decimal, ...]:
        return tuple(sum((amounts[i] for amounts in lines), ZERO) for i in range(width))

    payroll = yearly([d.amounts for d in budget.charges if d.account[:2] == "64"])
    rent = yearly([d.amounts for d in budget.charges
                   if d.account[:2] != "64" and is_rent(d.account)])
    other = yearly([d.amounts for d in budget.charges
                    if d.account[:2] not in ("64", "68") and not is_rent(d.account)])
    return TreasuryInputs(start=start, opening_cash=opening_cash, payroll_by_year=payroll,
                          rent_by_year=rent, rent_rhythm=rent_rhythm,
                          other_charges_by_year=other, investments=tuple(investments),
                          disbursements=tuple(disbursements), legal_form=legal_form,
                          months=months)


def stressed_disbursements(disbursements: Sequence[Disbursement], *, funder: str,
                           delay_months: int = 0, cut_percent: Decimal = ZERO
                           ) -> tuple[Disbursement, ...]:
    """The calendar with `funder`'s payments cut by `cut_percent` % and moved `delay_months`
    later; the other funders' payments are unchanged. Raises ValueError (active language) when the
    funder has no payment or the figures are out of range."""
    if delay_months < 0:
        raise ValueError(_("Retard : un nombre de mois positif ou nul."))
    if not 0 <= cut_percent <= 100:
        raise ValueError(_("Réduction : un pourcentage entre 0 et 100."))
    target = funder.casefold()
    if not any(d.funder.casefold() == target for d in disbursements):
        raise ValueError(_("Aucun versement de « %(funder)s » dans le calendrier.")
                         % {"funder": funder})
    keep = 1 - Fraction(cut_percent) / 100
    return tuple(
        replace(d, on=add_months(d.on, delay_months),
                amount=round_fraction(Fraction(d.amount) * keep))
        if d.funder.casefold() == target else d
        for d in disbursements
    )


@dataclass(frozen=True)
class MonthDifference:
    """How a month changes under stress: inflows and end-of-month cash, stressed − baseline."""

    month: date
    inflows: Decimal
    balance: Decimal


@dataclass(frozen=True)
class StressResult:
    baseline: TreasuryPlan
    stressed: TreasuryPlan
    differences: tuple[MonthDifference, ...]  # only the months that change

    @property
    def new_alerts(self) -> tuple[Alert, ...]:
        """Alerts of months that were not below zero before the stress."""
        before = {a.month for a in self.baseline.alerts}
        return tuple(a for a in self.stressed.alerts if a.month not in before)

    def summary(self) -> str:
        """One sentence on the effect, in the active language, for the page and the command
        line."""
        low_before, low_after = self.baseline.lowest, self.stressed.lowest
        months = len(self.stressed.alerts)
        sentence: str = ngettext(
            "Point bas : %(low)s en %(month)s (au lieu de %(low_before)s en %(month_before)s) ; "
            "%(n)s mois sous zéro (au lieu de %(n_before)s).",
            "Point bas : %(low)s en %(month)s (au lieu de %(low_before)s en %(month_before)s) ; "
            "%(n)s mois sous zéro (au lieu de %(n_before)s).", months) % {
            "low": format_money(low_after.balance), "month": month_label(low_after.month),
            "low_before": format_money(low_before.balance),
            "month_before": month_label(low_before.month), "n": months,
            "n_before": len(self.baseline.alerts)}
        return sentence


def stress_test(inputs: TreasuryInputs, *, funder: str, delay_months: int = 0,
                cut_percent: Decimal = ZERO) -> StressResult:
    """The plan again with `funder` paying `delay_months` late and/or `cut_percent` % less,
    side by side with the plan as it stands and the months that differ."""
    baseline = treasury_plan(inputs)
    stressed = treasury_plan(replace(inputs, disbursements=stressed_disbursements(
        inputs.disbursements, funder=funder, delay_months=delay_months,
        cut_percent=cut_percent)))
    differences = tuple(
        MonthDifference(after.month, after.inflows - before.inflows,
                        after.balance - before.balance)
        for before, after in zip(baseline.months, stressed.months, strict=True)
        if after.inflows != before.inflows or after.balance != before.balance
    )
    return StressResult(baseline, stressed, differences)
