"""The provisional budget, laid out like the budget table of the Cerfa 12156*06 form.

Funders read that table (charges 60–68, products 70–78, voluntary contributions in kind 86/87),
so the page, the PDF and the XLSX all print the rows `budget_rows()` returns and nothing else.

Charges come from the scenario (payroll of the FTE to recruit at the function's cost, other
charges by account) and products from the funding round (subsidies by funder under 74, other
income under its class). Partner staff seconded free of charge is valued at the cost of an FTE
of the same function, once on each side: 862 « Prestations » and 871 « Prestations en nature »,
so 86 always equals 87. The gap to fund, charges − products, is shown on its own row rather
than hidden in a balancing line: it is the figure the funding round must close.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from capacite.planning.domain.fte import FteResult
from capacite.planning.domain.money import ZERO, format_number, to_cents
from capacite.planning.domain.scenario import FUNCTION_LABELS, Scenario

CHARGE_CLASSES = (
    ("60", "Achats"),
    ("61", "Services extérieurs"),
    ("62", "Autres services extérieurs"),
    ("63", "Impôts et taxes"),
    ("64", "Charges de personnel"),
    ("65", "Autres charges de gestion courante"),
    ("66", "Charges financières"),
    ("67", "Charges exceptionnelles"),
    ("68", "Dotation aux amortissements"),
)
PRODUCT_CLASSES = (
    ("70", "Vente de produits finis, de marchandises, prestations de services"),
    ("73", "Dotations et produits de tarification"),
    ("74", "Subventions d'exploitation"),
    ("75", "Autres produits de gestion courante"),
    ("76", "Produits financiers"),
    ("77", "Produits exceptionnels"),
    ("78", "Reprises sur amortissements et provisions"),
)
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
USES_LABEL = "Emplois des contributions volontaires en nature"
CONTRIBUTIONS_LABEL = "Contributions volontaires en nature"
SECONDED_USE, SECONDED_CONTRIBUTION = "862", "871"

INVESTMENT_CATEGORIES = (
    ("fitting_out", "Aménagement des locaux"),
    ("furniture", "Mobilier"),
    ("it", "Équipements informatiques"),
)


@dataclass(frozen=True, kw_only=True)
class Funding:
    """A product line per budget year: a subsidy by funder (74) or other income (70–78)."""

    funder: str
    amounts: tuple[Decimal, ...]
    account: str = "74"


@dataclass(frozen=True, kw_only=True)
class InKind:
    """A voluntary contribution in kind, valued per year, written once on each side."""

    label: str
    use_account: str  # 860, 861, 862 or 864
    contribution_account: str  # 870, 871 or 875
    amounts: tuple[Decimal, ...]


@dataclass(frozen=True, kw_only=True)
class Investment:
    """An investment expense (fitting-out, furniture, IT) paid on a given day."""

    category: str
    label: str
    amount: Decimal
    paid_on: date


@dataclass(frozen=True)
class Detail:
    """One line under a Cerfa class: its account, label and amounts per year."""

    account: str
    label: str
    amounts: tuple[Decimal, ...]


@dataclass(frozen=True)
class BudgetRow:
    """A printed row. `kind` is heading, class, detail, total or gap (for styling)."""

    code: str
    label: str
    amounts: tuple[Decimal, ...]
    kind: str


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
        """Total of a class: "61", "74", "86", "871"…"""
        width = len(self.years)
        if code in ("86", "87"):  # every in-kind line sits once on each side
            return _add((x.amounts for x in self.in_kind), width)
        if code.startswith("86"):
            return _add((x.amounts for x in self.in_kind if x.use_account == code), width)
        if code.startswith("87"):
            return _add((x.amounts for x in self.in_kind if x.contribution_account == code),
                        width)
        lines = self.charges if code < "70" else self.products
        return _add((x.amounts for x in lines if x.account[:2] == code), width)

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
        when products exceed charges)."""
        return tuple(c - p for c, p in zip(self.total_charges, self.total_products, strict=True))


def _indexed(base: Decimal, *, rate: Decimal, years: int) -> tuple[Decimal, ...]:
    """`base` in year 1, then raised by `rate` each year, each year rounded to the cent."""
    return tuple(to_cents(base * (1 + rate) ** index) for index in range(years))


def _check_amounts(label: str, amounts: tuple[Decimal, ...], years: int) -> None:
    if len(amounts) != years:
        raise ValueError(f"« {label} » : {len(amounts)} montants pour {years} années.")


def operating_budget(*, scenario: Scenario, fte: FteResult, first_year: int,
                     funding: Sequence[Funding] = (), in_kind: Sequence[InKind] = (),
                     years: int = 3) -> Budget:
    """The operating budget of `scenario` for `years` calendar years from `first_year`.

    Payroll (64) is one line per function: FTE to recruit × the function's cost per FTE.
    Other charges are the scenario's, by account. Seconded partner staff becomes one in-kind
    line per partner (all the FTE it brings × each function's cost). Payroll, charges and
    seconded staff rise by the scenario's `yearly_increase` each year; funding and other
    in-kind amounts are taken as given per year. Raises ValueError (in French) on an account
    outside the form or a line with the wrong number of years.
    """
    rate = scenario.yearly_increase
    charges: list[Detail] = []
    for function, totals in fte.by_function().items():
        if totals.to_recruit > 0:
            base = totals.to_recruit * scenario.fte_cost(function)
            label = (f"{FUNCTION_LABELS[function]} : {format_number(totals.to_recruit)} ETP "
                     "à recruter")
            charges.append(Detail("64", label, _indexed(base, rate=rate, years=years)))
    charge_codes = {code for code, _ in CHARGE_CLASSES}
    for item in scenario.charges:
        if item.account[:2] not in charge_codes:
            raise ValueError(f"« {item.label} » : {item.account} n'est pas un compte de charges.")
        charges.append(Detail(item.account, item.label,
                              _indexed(item.annual_amount, rate=rate, years=years)))
    charges.sort(key=lambda d: d.account[:2])  # stable: keeps the input order within a class

    product_codes = {code for code, _ in PRODUCT_CLASSES}
    products = []
    for line in funding:
        if line.account[:2] not in product_codes:
            raise ValueError(f"« {line.funder} » : {line.account} n'est pas un compte de "
                             "produits 70 à 78.")
        _check_amounts(line.funder, line.amounts, years)
        products.append(Detail(line.account, line.funder, tuple(to_cents(a)
                                                                for a in line.amounts)))
    products.sort(key=lambda d: d.account[:2])

    valued: list[InKind] = []
    for partner, per_function in fte.by_partner().items():
        partner_fte = sum(per_function.values(), ZERO)
        base = sum((f * scenario.fte_cost(function) for function, f in per_function.items()),
                   ZERO)
        valued.append(InKind(
            label=f"Personnel mis à disposition : {partner} ({format_number(partner_fte)} ETP)",
            use_account=SECONDED_USE, contribution_account=SECONDED_CONTRIBUTION,
            amounts=_indexed(base, rate=rate, years=years)))
    uses = {code for code, _ in USES_OF_IN_KIND}
    contributions = {code for code, _ in IN_KIND_CONTRIBUTIONS}
    for gift in in_kind:
        if gift.use_account not in uses or gift.contribution_account not in contributions:
            raise ValueError(f"« {gift.label} » : les comptes {gift.use_account} / "
                             f"{gift.contribution_account} ne sont pas des comptes 86x / 87x.")
        _check_amounts(gift.label, gift.amounts, years)
        valued.append(gift)
    return Budget(tuple(range(first_year, first_year + years)), tuple(charges),
                  tuple(products), tuple(valued))


def budget_rows(budget: Budget) -> list[BudgetRow]:
    """The Cerfa table as rows, charges first then products, every class printed even when
    empty (funders look for the class, not for its absence), totals and the gap explicit."""
    rows: list[BudgetRow] = [BudgetRow("", "Charges", (), "heading")]
    for code, label in CHARGE_CLASSES:
        rows.append(BudgetRow(code, label, budget.class_total(code), "class"))
        rows.extend(BudgetRow(d.account, d.label, d.amounts, "detail")
                    for d in budget.charges if d.account[:2] == code)
    rows.append(BudgetRow("", "Total des charges", budget.total_charges, "total"))
    rows.append(BudgetRow("86", USES_LABEL, budget.total_uses_in_kind, "class"))
    for code, label in USES_OF_IN_KIND:
        rows.append(BudgetRow(code, label, budget.class_total(code), "detail"))
    rows.append(BudgetRow("", "Total des charges et des emplois des contributions volontaires",
                          _add((budget.total_charges, budget.total_uses_in_kind),
                               len(budget.years)), "total"))

    rows.append(BudgetRow("", "Produits", (), "heading"))
    for code, label in PRODUCT_CLASSES:
        rows.append(BudgetRow(code, label, budget.class_total(code), "class"))
        rows.extend(BudgetRow(d.account, d.label, d.amounts, "detail")
                    for d in budget.products if d.account[:2] == code)
    rows.append(BudgetRow("", "Total des produits", budget.total_products, "total"))
    rows.append(BudgetRow("87", CONTRIBUTIONS_LABEL, budget.total_contributions_in_kind,
                          "class"))
    for code, label in IN_KIND_CONTRIBUTIONS:
        rows.append(BudgetRow(code, label, budget.class_total(code), "detail"))
    rows.append(BudgetRow("", "Total des produits et des contributions volontaires",
                          _add((budget.total_products, budget.total_contributions_in_kind),
                               len(budget.years)), "total"))
    rows.append(BudgetRow("", "Reste à financer (charges − produits)", budget.gap, "gap"))
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
            raise ValueError(f"« {item.label} » : catégorie d'investissement inconnue "
                             f"({item.category}).")
        if not first_year <= item.paid_on.year <= last_year:
            raise ValueError(f"« {item.label} » : payé en {item.paid_on.year}, hors des années "
                             f"{first_year} à {last_year}.")

    def by_year(item: Investment) -> tuple[Decimal, ...]:
        return tuple(to_cents(item.amount) if item.paid_on.year == year else ZERO
                     for year in range(first_year, last_year + 1))

    rows = [BudgetRow("", "Investissements", (), "heading")]
    for category, label in INVESTMENT_CATEGORIES:
        details = [BudgetRow("", i.label, by_year(i), "detail")
                   for i in items if i.category == category]
        rows.append(BudgetRow("", label, _add((d.amounts for d in details), years), "class"))
        rows.extend(details)
    total = _add((by_year(i) for i in items), years)
    rows.append(BudgetRow("", "Total des investissements", total, "total"))
    rows.append(BudgetRow("", "Financements de l'investissement", (), "heading"))
    for line in funding:
        _check_amounts(line.funder, line.amounts, years)
        rows.append(BudgetRow("", line.funder, tuple(to_cents(a) for a in line.amounts),
                              "detail"))
    funded = _add((tuple(to_cents(a) for a in f.amounts) for f in funding), years)
    rows.append(BudgetRow("", "Total des financements", funded, "total"))
    rows.append(BudgetRow("", "Reste à financer (investissements − financements)",
                          tuple(t - f for t, f in zip(total, funded, strict=True)), "gap"))
    return rows
