"""The dossier pre-flight: contradictions between two places of what a dossier will print.

Before a dossier leaves, `preflight(builder)` reads the very data the dossier's `Builder` holds
(the same sources, read once) and lists every contradiction, each naming both places and the
page that fixes it. The dossier page shows the list; generating anyway is a deliberate choice
recorded in the generation's metadata (`generate.generate(..., anyway=True)`).

One function per check, each taking the builder and returning its contradictions, listed in
`CHECKS`: another issue adds its check by writing one function and appending it there.
Texts are French msgids, translated when a check runs: in the active language on the dossier
page, in the dossier's language when `generate.generate(..., lang=...)` records them. Numbers and
amounts are written the same way (`content.number`, `content.eur`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.label.dossier.blocks import Missing
from capacite.lib.money import format_money

if TYPE_CHECKING:
    from capacite.label.dossier.content import Builder


@dataclass(frozen=True)
class Contradiction:
    """Two places of the dossier that disagree: `what` says how, `here` and `there` name the
    places with what each says, `fix` is the URL name of the page that settles it."""

    what: str
    here: str
    there: str
    fix: str
    gap: bool = False  # a part left empty rather than two places that disagree

    def text(self) -> str:
        return _("%(what)s — %(here)s ; %(there)s") % {"what": self.what, "here": self.here,
                                                       "there": self.there}


Check = Callable[["Builder"], list[Contradiction]]


def _eur(value: Decimal) -> str:
    from capacite.label.dossier.content import eur

    return eur(value)


def _hours(value) -> str:
    from capacite.label.dossier.content import fte

    return _("%(hours)s h par semaine") % {"hours": fte(Decimal(str(value)))}


def _number(value) -> str:
    from capacite.label.dossier.content import decimal

    return decimal(value)


def hours_check(b: "Builder") -> list[Contradiction]:
    """The budget's opening hours (chosen scenario) against the main site's opening hours."""
    row = b.budget.row
    main = [s for s in b.sites if s.fact.kind == "main"] or [
        s for s in b.sites if s.fact.kind == "site"]
    if row is None or not main:
        return []
    site = main[0].fact
    if Decimal(str(site.hours_per_week)) == Decimal(row["hours_per_week"]):
        return []
    return [Contradiction(
        _("Les heures d'ouverture du budget et celles des horaires diffèrent"),
        _("Budget, scénario « %(name)s » : %(hours)s")
        % {"name": row["name"], "hours": _hours(row["hours_per_week"])},
        _("Horaires d'ouverture, %(site)s : %(hours)s")
        % {"site": site.name, "hours": _hours(site.hours_per_week)},
        "offer:sites")]


def investment_check(b: "Builder") -> list[Contradiction]:
    """The chosen premises' works against the budget's fitting-out investment."""
    chosen = b.premises.chosen
    if chosen is None or chosen.works_eur is None or not b.investments:
        return []  # no investment budget (an open Cité's works are behind it)
    fitting = sum((i.amount for i in b.investments if i.category == "fitting_out"), Decimal(0))
    if fitting == chosen.works_eur:
        return []
    return [Contradiction(
        _("Le montant des travaux d'aménagement diffère entre les locaux et le budget"),
        _("Locaux, %(name)s : travaux d'aménagement %(amount)s")
        % {"name": chosen.name, "amount": _eur(chosen.works_eur)},
        _("Investissements, aménagement : %(amount)s") % {"amount": _eur(fitting)},
        "planning:investments")]


def fte_check(b: "Builder") -> list[Contradiction]:
    """ETP nécessaires = apportés par les partenaires + à recruter − excédent, as printed; and
    the partners' FTE of the team figures are those of the contributions table."""
    row = b.budget.row
    if row is None:
        return []
    found = []
    needed, brought = row["fte_needed"], row["fte_partners"]
    recruit, surplus = row["fte_to_recruit"], row["fte_surplus"]
    if needed != brought + recruit - surplus:
        found.append(Contradiction(
            _("Les ETP ne s'additionnent pas"),
            _("Ressources humaines : %(needed)s ETP nécessaires") % {"needed": _number(needed)},
            _("%(brought)s apportés + %(recruit)s à recruter − %(surplus)s en excédent")
            % {"brought": _number(brought), "recruit": _number(recruit),
               "surplus": _number(surplus)}, "planning:scenarios"))
    return found


def years_check(b: "Builder") -> list[Contradiction]:
    """The scenario's first-year charges against the Cerfa budget's first column. The form's
    « Total des charges » includes the « Excédent prévisionnel » that balances it when
    products exceed charges: the charges are that total less the excédent."""
    row, cerfa = b.budget.row, b.budget.cerfa
    if row is None or cerfa is None:
        return []
    totals = {r["label"]: r["amounts"] for r in cerfa["rows"] if r["kind"] == "total"}
    total = totals.get("Total des charges")
    if not total:
        return []
    surplus = next((r["amounts"][0] for r in cerfa["rows"]
                    if r["kind"] == "balance" and r.get("key") == "surplus" and r["amounts"]),
                   Decimal(0))
    charges = total[0] - surplus
    if charges == row["operating_charges"]:
        return []
    there = _("Budget prévisionnel, %(year)s : %(amount)s") % {"year": cerfa["years"][0],
                                                                "amount": _eur(charges)}
    if surplus:
        there += " " + _("(total des charges %(total)s moins l'excédent prévisionnel "
                         "%(surplus)s)") % {"total": _eur(total[0]), "surplus": _eur(surplus)}
    return [Contradiction(
        _("Les charges de la première année diffèrent entre le scénario et le budget Cerfa"),
        _("Scénario retenu : %(amount)s") % {"amount": _eur(row["operating_charges"])}, there,
        "planning:comparison")]


def territory_check(b: "Builder") -> list[Contradiction]:
    """The territory named on the cover against its communes (none chosen prints 0)."""
    t = b.territory
    if t["communes"] and t["population"]:
        return []
    return [Contradiction(
        _("Le territoire est nommé mais ses communes ne sont pas choisies"),
        _("Page de garde : « %(name)s »") % {"name": t["label"] or b.cite.name},
        _("Présentation : %(communes)s, population %(population)s") % {
            "communes": ngettext("%(n)s commune", "%(n)s communes", t["communes"] or 0)
            % {"n": t["communes"]}, "population": t["population"]},
        "territory:cite_territory")]


def empty_parts_check(b: "Builder") -> list[Contradiction]:
    """A part of the dossier that would print « À compléter » instead of its content."""
    from capacite.label.dossier.blocks import Heading

    found, part = [], ""
    for block in b.preview_blocks():
        if isinstance(block, Heading) and block.level <= 2:
            part = block.text
        elif isinstance(block, Missing):
            found.append(Contradiction(
                _("Une partie du dossier n'a pas de contenu"),
                _("Partie « %(part)s »") % {"part": part}, block.text, "label:dossier",
                gap=True))
    return found


def rounding_check(b: "Builder") -> list[Contradiction]:
    """The dossier rounds money once, to the euro: a yearly balancing line (« Reste à
    financer (insuffisance prévisionnelle) » or « Excédent prévisionnel ») under a euro is a
    rounding leftover that would print as money to find (or a surplus of 0 €)."""
    cerfa = b.budget.cerfa
    if cerfa is None:
        return []
    found = []
    for r in cerfa["rows"]:
        if r["kind"] != "balance":
            continue
        for year, amount in zip(cerfa["years"], r["amounts"], strict=False):
            if amount and abs(amount) < 1:
                found.append(Contradiction(
                    _("Une ligne d'équilibre de quelques centimes est un reste d'arrondi"),
                    _("Budget prévisionnel, %(line)s, %(year)s : %(amount)s")
                    % {"line": _(r["label"]), "year": year, "amount": format_money(amount)},
                    _("Charges et produits arrondis chacun de leur côté"), "planning:funding"))
    return found


CHECKS: list[Check] = [
    hours_check, investment_check, fte_check, years_check, territory_check, empty_parts_check,
    rounding_check,
]


# The label fonctionnement prints no territory nor investment (issue 16): the checks of what it
# prints — the open Cité's hours, FTE and finalised budget, and its empty parts.
CHECKS_FONCTIONNEMENT: list[Check] = [
    hours_check, fte_check, years_check, empty_parts_check, rounding_check,
]


def preflight(builder: "Builder") -> list[Contradiction]:
    """Every contradiction the dossier of `builder` would print, in the checks' order."""
    checks = CHECKS_FONCTIONNEMENT if builder.kind == "label_fonctionnement" else CHECKS
    return [c for check in checks for c in check(builder)]


def preflight_of(cite, kind: str) -> list[Contradiction]:
    """Build the data of dossier `kind` for `cite` and run the pre-flight (in its scope)."""
    from capacite.label.dossier.content import builder_for

    return preflight(builder_for(cite, kind))
