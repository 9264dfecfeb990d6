"""The provisional budget, laid out like the budget table of the Cerfa 12156*06 form.

Funders read that table (charges 60–68, products 70–78, voluntary contributions in kind 86/87),
so the page, the PDF, the XLSX, the JSON export and the label dossier all print the rows
`budget_rows()` returns and nothing else. The form's own fixed lines (64 salaries / social
charges / other, the ten 74 lines by funder level, 756 and 758) are printed even when empty;
the lines capacite knows in more detail sit under them with their own sub-account, never
their parent's code.

Charges come from the scenario (payroll of the FTE to recruit at the function's cost, split
into salaries and social charges by the scenario's rate; other charges by sub-account) and
products from the scenario's funding (subsidies under their Cerfa line, other income under its
class). Partner staff seconded free of charge is valued at the cost of an FTE of the same
function, once on each side: 862 « Prestations » and 871 « Prestations en nature », so 86
always equals 87. Money is rounded once, to the euro, line by line (the form asks for no
cents); every total is the sum of printed lines, so charges − products is exact.

The form wants « le total des charges égal au total des produits ». Its two balancing lines
do that, every year, to the euro: « Reste à financer (insuffisance prévisionnelle) » on the
products side when charges exceed products, « Excédent prévisionnel » on the charges side when
products exceed charges (at most one of them is non-zero). Both are printed even when zero,
just before their side's total, which therefore balance.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext, gettext_noop

from capacite.lib.money import format_number
from capacite.planning.domain.cerfa import (
    CHARGE_CLASSES,
    FEES,
    GIFTS,
    OTHER_INCOME_LINES,
    OTHER_STAFF_COSTS,
    PERSONNEL_LINES,
    PRODUCT_CLASSES,
    SALARIES,
    SOCIAL_CHARGES,
    SUBSIDY_ACCOUNT,
    SUBSIDY_LABELS,
    SUBSIDY_LINES,
    charge_account_error,
    product_account_error,
)
from capacite.planning.domain.fte import FteResult
from capacite.planning.domain.money import ZERO, to_euros
from capacite.planning.domain.scenario import Scenario

__all__ = ["CHARGE_CLASSES", "PRODUCT_CLASSES"]  # re-exported: the budget's classes

USES_OF_IN_KIND = (
    ("860", "Secours en nature"),
    ("861", "Mise à disposition gratuite de biens et services"),
    ("862", "Prestations"),
    ("864", "Personnel bénévole"),
)
IN_KIND_CONTRIBUTIONS = (
    ("870", "Bénévolat"),
    ("871", "Prestations en nature"),
    ("875", "Dons en nature"),
)
SHORTFALL_LABEL = "Reste à financer (insuffisance prévisionnelle)"
SURPLUS_LABEL = "Excédent prévisionnel"
USES_LABEL = "Emplois des contributions volontaires en nature"
CONTRIBUTIONS_LABEL = "Contributions volontaires en nature"
SECONDED_USE, SECONDED_CONTRIBUTION = "862", "871"

# Not a Cerfa table: the investment budget's words follow the reader (translated when built).
INVESTMENT_CATEGORIES = (
    ("fitting_out", gettext_noop("Aménagement des locaux")),
    ("furniture", gettext_noop("Mobilier")),
    ("it", gettext_noop("Équipements informatiques")),
)


@dataclass(frozen=True, kw_only=True)
class Funding:
    """A product line per budget year: a subsidy (74) under its Cerfa line (`category`, one of
    `cerfa.SUBSIDY_LINES`), or other income under a sub-account of 70–78 (706, 756, 758…)."""

    funder: str
    amounts: tuple[Decimal, ...]
    account: str = "74"
    category: str = ""
    partner: str = ""  # the organisation behind the money, for its value (domain/value.py)


@dataclass(frozen=True, kw_only=True)
class InKind:
    """A voluntary contribution in kind, valued per year, written once on each side."""

    label: str
    use_account: str  # 860, 861, 862 or 864
    contribution_account: str  # 870, 871 or 875
    amounts: tuple[Decimal, ...]
    partner: str = ""  # the partner that brings it, "" for volunteers and gifts


@dataclass(frozen=True, kw_only=True)
class Investment:
    """An investment expense (fitting-out, furniture, IT) paid on a given day."""

    category: str
    label: str
    amount: Decimal
    paid_on: date


@dataclass(frozen=True)
class Detail:
    """One line under a Cerfa class: its account, label and amounts per year, and the form's
    fixed line it sits under (`line`: "641", "756", a 74 category key, or "" for none).
    `itself` marks a computed amount that IS the fixed line (641, 645): not printed twice."""

    account: str
    label: str
    amounts: tuple[Decimal, ...]
    line: str = ""
    itself: bool = False
    partner: str = ""


@dataclass(frozen=True)
class BudgetRow:
    """A printed row. `kind` is heading, class, line (a fixed line of the form), detail,
    balance (« Excédent prévisionnel » or « Reste à financer »), total or gap (investment
    only); `key` names a 74 line ("epci"…) or a balancing line ("surplus", "shortfall") for
    the exports."""

    code: str
    label: str
    amounts: tuple[Decimal, ...]
    kind: str
    key: str = ""


def _add(rows: Iterable[tuple[Decimal, ...]], width: int) -> tuple[Decimal, ...]:
    result = [ZERO] * width
    for amounts in rows:
        result = [a + b for a, b in zip(result, amounts, strict=True)]
    return tuple(result)


@dataclass(frozen=True)
class Budget:
    """The operating budget of a scenario over consecutive calendar years."""

    years: tuple[int, ...]
    charges: tuple[Detail, ...]
    products: tuple[Detail, ...]
    in_kind: tuple[InKind, ...]

    def class_total(self, code: str) -> tuple[Decimal, ...]:
        """Total of a class or sub-account: "61", "74", "641", "86", "871"…"""
        width = len(self.years)
        if code in ("86", "87"):  # every in-kind line sits once on each side
            return _add((x.amounts for x in self.in_kind), width)
        if code.startswith("86"):
            return _add((x.amounts for x in self.in_kind if x.use_account == code), width)
        if code.startswith("87"):
            return _add((x.amounts for x in self.in_kind if x.contribution_account == code),
                        width)
        lines = self.charges if code < "70" else self.products
        return _add((x.amounts for x in lines if x.account.startswith(code)), width)

    def line_total(self, line: str) -> tuple[Decimal, ...]:
        """Total of a fixed line of the form: "641", "648", "756", "epci"…"""
        lines = self.charges if line[:1] == "6" else self.products
        return _add((x.amounts for x in lines if x.line == line), len(self.years))

    @property
    def total_charges(self) -> tuple[Decimal, ...]:
        return _add((x.amounts for x in self.charges), len(self.years))

    @property
    def total_products(self) -> tuple[Decimal, ...]:
        return _add((x.amounts for x in self.products), len(self.years))

    @property
    def total_uses_in_kind(self) -> tuple[Decimal, ...]:
        """Class 86, by year."""
        return self.class_total("86")

    @property
    def total_contributions_in_kind(self) -> tuple[Decimal, ...]:
        """Class 87, by year; equal to class 86 by construction."""
        return self.class_total("87")

    @property
    def gap(self) -> tuple[Decimal, ...]:
        """Charges − products, by year: what the funding round still has to find (negative
        when products exceed charges). Whole euros, like every line."""
        return tuple(c - p for c, p in zip(self.total_charges, self.total_products, strict=True))

    @property
    def shortfall(self) -> tuple[Decimal, ...]:
        """« Reste à financer (insuffisance prévisionnelle) », the products side's balancing
        line, by year: charges − products when positive, else 0."""
        return tuple(max(g, ZERO) for g in self.gap)

    @property
    def surplus(self) -> tuple[Decimal, ...]:
        """« Excédent prévisionnel », the charges side's balancing line, by year: products −
        charges when positive, else 0."""
        return tuple(max(-g, ZERO) for g in self.gap)

    @property
    def balanced_total(self) -> tuple[Decimal, ...]:
        """The form's « Total des charges » = « Total des produits », by year: charges +
        excédent, which equals products + reste à financer to the euro."""
        return tuple(c + s for c, s in zip(self.total_charges, self.surplus, strict=True))


def _indexed(base: Decimal, *, rate: Decimal, years: int) -> tuple[Decimal, ...]:
    """`base` in year 1, then raised by `rate` each year, each year rounded to the euro."""
    return tuple(to_euros(base * (1 + rate) ** index) for index in range(years))


def _check_amounts(label: str, amounts: tuple[Decimal, ...], years: int) -> None:
    if len(amounts) != years:
        raise ValueError(gettext("« %(label)s » : %(n)s montants pour %(years)s années.") % {
            "label": label, "n": len(amounts), "years": years})


def _labelled(label: str, message: str) -> str:
    """« « Loyer » : … »: a line's name, then what is wrong with it (active language)."""
    return gettext("« %(label)s » : %(message)s") % {"label": label, "message": message}


def _payroll(scenario: Scenario, fte: FteResult, years: int) -> list[Detail]:
    """641 and 645 from the FTE to recruit: the employer cost of each function, indexed, then
    split once per year so that salaries + social charges = the rounded employer cost."""
    base = sum((totals.to_recruit * scenario.fte_cost(function)
                for function, totals in fte.by_function().items() if totals.to_recruit > 0),
               ZERO)
    if base <= 0:
        return []
    rate = scenario.yearly_increase
    exact = [base * (1 + rate) ** index for index in range(years)]
    costs = [to_euros(x) for x in exact]
    salaries = tuple(to_euros(x / (1 + scenario.social_charges_rate)) for x in exact)
    social = tuple(c - s for c, s in zip(costs, salaries, strict=True))
    recruited = format_number(fte.totals.to_recruit)
    return [Detail(SALARIES, f"Rémunération des personnels ({recruited} ETP à recruter)",
                   salaries, SALARIES, itself=True),
            Detail(SOCIAL_CHARGES, "Charges sociales", social, SOCIAL_CHARGES, itself=True)]


def _product_line(account: str) -> str:
    if account.startswith(FEES):
        return FEES
    if account.startswith(GIFTS):
        return GIFTS
    return ""


def operating_budget(*, scenario: Scenario, fte: FteResult, first_year: int,
                     funding: Sequence[Funding] = (), in_kind: Sequence[InKind] = (),
                     years: int = 3) -> Budget:
    """The operating budget of `scenario` for `years` calendar years from `first_year`.

    Payroll (641 salaries, 645 social charges) is the FTE to recruit × each function's cost
    per FTE. Other charges are the scenario's, by sub-account (its 64x lines go under 648).
    Seconded partner staff becomes one in-kind line per partner (all the FTE it brings × each
    function's cost). Payroll, charges and seconded staff rise by the scenario's
    `yearly_increase` each year; funding and other in-kind amounts are taken as given per
    year. Raises ValueError (active language) on an account outside the form, a subsidy without a
    Cerfa line or a line with the wrong number of years.
    """
    rate = scenario.yearly_increase
    charges = _payroll(scenario, fte, years)
    for item in scenario.charges:
        error = charge_account_error(item.account)
        if error:
            raise ValueError(_labelled(item.label, error))
        line = OTHER_STAFF_COSTS if item.account.startswith("64") else ""
        charges.append(Detail(item.account, item.label,
                              _indexed(item.annual_amount, rate=rate, years=years), line))
    charges.sort(key=lambda d: d.account[:2])  # stable: keeps the input order within a class

    products = []
    for f in funding:
        error = product_account_error(f.account)
        if error:
            raise ValueError(_labelled(f.funder, error))
        _check_amounts(f.funder, f.amounts, years)
        if f.account == SUBSIDY_ACCOUNT and f.category not in SUBSIDY_LABELS:
            raise ValueError(_labelled(f.funder, gettext(
                "subvention sans ligne du Cerfa (État, Région, EPCI…) ; choisissez-la sur la "
                "fiche du financeur.")))
        line = f.category if f.account == SUBSIDY_ACCOUNT else _product_line(f.account)
        products.append(Detail(f.account, f.funder, tuple(to_euros(a) for a in f.amounts),
                               line, partner=f.partner))
    products.sort(key=lambda d: d.account[:2])

    valued: list[InKind] = []
    for partner, per_function in fte.by_partner().items():
        partner_fte = sum(per_function.values(), ZERO)
        base = sum((f * scenario.fte_cost(function) for function, f in per_function.items()),
                   ZERO)
        valued.append(InKind(
            label=f"Personnel mis à disposition : {partner} ({format_number(partner_fte)} ETP)",
            use_account=SECONDED_USE, contribution_account=SECONDED_CONTRIBUTION,
            amounts=_indexed(base, rate=rate, years=years), partner=partner))
    uses = {code for code, _ in USES_OF_IN_KIND}
    contributions = {code for code, _ in IN_KIND_CONTRIBUTIONS}
    for gift in in_kind:
        if gift.use_account not in uses or gift.contribution_account not in contributions:
            raise ValueError(_labelled(gift.label, gettext(
                "les comptes %(use)s / %(contribution)s ne sont pas des comptes 86x / 87x.") % {
                "use": gift.use_account, "contribution": gift.contribution_account}))
        _check_amounts(gift.label, gift.amounts, years)
        valued.append(InKind(label=gift.label, use_account=gift.use_account,
                             contribution_account=gift.contribution_account,
                             amounts=tuple(to_euros(a) for a in gift.amounts),
                             partner=gift.partner))
    return Budget(tuple(range(first_year, first_year + years)), tuple(charges),
                  tuple(products), tuple(valued))


FIXED_LINES = {"64": PERSONNEL_LINES, "74": SUBSIDY_LINES, "75": OTHER_INCOME_LINES}


def _class_rows(budget: Budget, code: str, label: str, details: Sequence[Detail]
                ) -> list[BudgetRow]:
    """A class, its fixed lines (each with its details) and its other details. A detail
    prints its account only when it differs from its parent's code."""
    rows = [BudgetRow(code, label, budget.class_total(code), "class")]
    fixed = FIXED_LINES.get(code, ())
    for line, line_label in fixed:
        numbered = line.isdigit()
        rows.append(BudgetRow(line if numbered else "", line_label, budget.line_total(line),
                              "line", "" if numbered else line))
        rows.extend(BudgetRow("" if d.account in (code, line) else d.account, d.label,
                              d.amounts, "detail", "" if numbered else line)
                    for d in details if d.line == line and not d.itself)
    rows.extend(BudgetRow("" if d.account == code else d.account, d.label, d.amounts, "detail")
                for d in details if d.line not in {x for x, _ in fixed})
    return rows


def budget_rows(budget: Budget) -> list[BudgetRow]:
    """The Cerfa table as rows, charges first then products, every class, fixed line and
    balancing line printed even when empty (funders look for the line, not for its absence).
    « Total des charges » and « Total des produits » include the balancing lines, so they are
    equal every year; so are the two totals with the contributions in kind."""
    width = len(budget.years)
    total = budget.balanced_total
    rows: list[BudgetRow] = [BudgetRow("", "Charges", (), "heading")]
    for code, label in CHARGE_CLASSES:
        rows.extend(_class_rows(budget, code, label,
                                [d for d in budget.charges if d.account[:2] == code]))
    rows.append(BudgetRow("", SURPLUS_LABEL, budget.surplus, "balance", "surplus"))
    rows.append(BudgetRow("", "Total des charges", total, "total"))
    rows.append(BudgetRow("86", USES_LABEL, budget.total_uses_in_kind, "class"))
    for code, label in USES_OF_IN_KIND:
        rows.append(BudgetRow(code, label, budget.class_total(code), "line"))
        rows.extend(BudgetRow("", x.label, x.amounts, "detail")
                    for x in budget.in_kind if x.use_account == code)
    rows.append(BudgetRow("", "Total des charges et des emplois des contributions volontaires",
                          _add((total, budget.total_uses_in_kind), width), "total"))

    rows.append(BudgetRow("", "Produits", (), "heading"))
    for code, label in PRODUCT_CLASSES:
        rows.extend(_class_rows(budget, code, label,
                                [d for d in budget.products if d.account[:2] == code]))
    rows.append(BudgetRow("", SHORTFALL_LABEL, budget.shortfall, "balance", "shortfall"))
    rows.append(BudgetRow("", "Total des produits", total, "total"))
    rows.append(BudgetRow("87", CONTRIBUTIONS_LABEL, budget.total_contributions_in_kind,
                          "class"))
    for code, label in IN_KIND_CONTRIBUTIONS:
        rows.append(BudgetRow(code, label, budget.class_total(code), "line"))
        rows.extend(BudgetRow("", x.label, x.amounts, "detail")
                    for x in budget.in_kind if x.contribution_account == code)
    rows.append(BudgetRow("", "Total des produits et des contributions volontaires",
                          _add((total, budget.total_contributions_in_kind), width), "total"))
    return rows


def investment_rows(*, items: Sequence[Investment], first_year: int,
                    funding: Sequence[Funding] = (), years: int = 3) -> list[BudgetRow]:
    """The investment budget (fitting-out, furniture, IT) by calendar year of payment, its
    funding and what is left to fund, kept apart from operating: funders grant them
    separately. Raises ValueError on an unknown category or a payment outside the years."""
    known = dict(INVESTMENT_CATEGORIES)
    last_year = first_year + years - 1
    for item in items:
        if item.category not in known:
            raise ValueError(_labelled(item.label, gettext(
                "catégorie d'investissement inconnue (%(category)s).") % {
                "category": item.category}))
        if not first_year <= item.paid_on.year <= last_year:
            raise ValueError(_labelled(item.label, gettext(
                "payé en %(year)s, hors des années %(first)s à %(last)s.") % {
                "year": item.paid_on.year, "first": first_year, "last": last_year}))

    def by_year(item: Investment) -> tuple[Decimal, ...]:
        return tuple(to_euros(item.amount) if item.paid_on.year == year else ZERO
                     for year in range(first_year, last_year + 1))

    rows = [BudgetRow("", gettext("Investissements"), (), "heading")]
    for category, label in INVESTMENT_CATEGORIES:
        details = [BudgetRow("", i.label, by_year(i), "detail")
                   for i in items if i.category == category]
        rows.append(BudgetRow("", gettext(label), _add((d.amounts for d in details), years),
                              "class"))
        rows.extend(details)
    total = _add((by_year(i) for i in items), years)
    rows.append(BudgetRow("", gettext("Total des investissements"), total, "total"))
    rows.append(BudgetRow("", gettext("Financements de l'investissement"), (), "heading"))
    for line in funding:
        _check_amounts(line.funder, line.amounts, years)
        rows.append(BudgetRow("", line.funder, tuple(to_euros(a) for a in line.amounts),
                              "detail"))
    funded = _add((tuple(to_euros(a) for a in f.amounts) for f in funding), years)
    rows.append(BudgetRow("", gettext("Total des financements"), funded, "total"))
    rows.append(BudgetRow("", gettext("Reste à financer (investissements − financements)"),
                          tuple(t - f for t, f in zip(total, funded, strict=True)), "gap"))
    return rows
