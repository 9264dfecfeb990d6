"""A scenario: one way of running the Cité, from "modest" to "ambitious".

The guide asks for two or three scenarios "en faisant varier des éléments constitutifs du
dispositif": the number of pôles (3 to 7), the opening pattern and the operating budget. A
scenario holds those choices as plain data; `fte` and `budget` compute what they imply, so two
scenarios differ only by the choices the steering committee argues about.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.offer.domain.poles import POLES_MAX, POLES_MIN
from capacite.planning.domain.cerfa import charge_account_error

# The functions of the future team, as the guide lists them and with the values of
# `partners.choices.StaffFunction` so partner contributions match without translation.
USER_FUNCTIONS = ("reception", "counselling", "documentation", "events")
INTERNAL_FUNCTIONS = ("direction", "secretariat", "accounting", "communication", "webmaster",
                      "support", "partnership")
FUNCTIONS = USER_FUNCTIONS + INTERNAL_FUNCTIONS
# Functions whose FTE are set directly rather than derived from the opening hours.
DIRECT_FUNCTIONS = ("events",) + INTERNAL_FUNCTIONS
# Lazy: read in the language of whoever reads them (a page's, French on the command line).
FUNCTION_LABELS = {
    "reception": gettext_lazy("Accueil"),
    "counselling": gettext_lazy("Conseil"),
    "documentation": gettext_lazy("Documentation"),
    "events": gettext_lazy("Événements"),
    "direction": gettext_lazy("Direction"),
    "secretariat": gettext_lazy("Secrétariat"),
    "accounting": gettext_lazy("Comptabilité"),
    "communication": gettext_lazy("Communication"),
    "webmaster": gettext_lazy("Webmestre"),
    "support": gettext_lazy("Fonctions support"),
    "partnership": gettext_lazy("Partenariat"),
}

# The names of the fields, used by every validation message.
FIELD_LABELS = {
    "name": gettext_lazy("Nom du scénario"),
    "poles": gettext_lazy("Pôles de conseil"),
    "hours_per_day": gettext_lazy("Heures d'ouverture par jour"),
    "days_per_week": gettext_lazy("Jours d'ouverture par semaine"),
    "weeks_per_year": gettext_lazy("Semaines d'ouverture par an"),
    "weekly_hours": gettext_lazy("Heures d'ouverture par semaine"),
    "counsellors_per_pole": gettext_lazy("Conseillers par pôle et par heure d'ouverture"),
    "counsellors_by_pole": gettext_lazy("Conseillers d'un pôle par heure d'ouverture"),
    "reception_staff": gettext_lazy("Personnes à l'accueil par heure d'ouverture"),
    "documentation_staff": gettext_lazy("Personnes à la documentation par heure d'ouverture"),
    "function_fte": gettext_lazy("ETP des fonctions"),
    "cost_per_fte": gettext_lazy("Coût annuel d'un ETP"),
    "default_cost_per_fte": gettext_lazy("Coût annuel d'un ETP par défaut"),
    "charges": gettext_lazy("Autres charges"),
    "yearly_increase": gettext_lazy("Hausse annuelle des charges"),
    "social_charges_rate": gettext_lazy("Taux de charges sociales patronales"),
}

@dataclass(frozen=True, kw_only=True)
class ChargeItem:
    """An operating charge other than the payroll of recruited staff, by year.

    `account` is a Cerfa class ("61") or a sub-account of it ("613" rent, "623" communication);
    the budget table groups lines by their first two digits.
    """

    account: str
    label: str
    annual_amount: Decimal


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """The choices of one scenario.

    Opening pattern: either `weekly_hours` (taken from the offer's opening hours) or
    `hours_per_day` × `days_per_week`; `weekly_hours` wins when both are given. Staffing is
    "people present per open hour": `counsellors_per_pole` for every pôle unless
    `counsellors_by_pole` names it, `reception_staff` and `documentation_staff`.
    `function_fte` sets the FTE of events and internal functions directly. Costs are annual
    employer costs per FTE (`cost_per_fte` by function, else `default_cost_per_fte`).
    `social_charges_rate` (0.42 = 42 % of gross salaries) splits that cost into 641 salaries
    and 645 social charges. `yearly_increase` (0.02 = 2 %) indexes payroll, charges and
    valued seconded staff in years 2 and 3 of the budget.
    """

    name: str
    poles: tuple[str, ...]
    weeks_per_year: Decimal
    hours_per_day: Decimal | None = None
    days_per_week: Decimal | None = None
    weekly_hours: Decimal | None = None
    counsellors_per_pole: Decimal = Decimal(1)
    counsellors_by_pole: Mapping[str, Decimal] = field(default_factory=dict)
    reception_staff: Decimal = Decimal(1)
    documentation_staff: Decimal = Decimal(1)
    function_fte: Mapping[str, Decimal] = field(default_factory=dict)
    cost_per_fte: Mapping[str, Decimal] = field(default_factory=dict)
    default_cost_per_fte: Decimal = Decimal(0)
    charges: tuple[ChargeItem, ...] = ()
    yearly_increase: Decimal = Decimal(0)
    social_charges_rate: Decimal = Decimal("0.42")
    chosen: bool = False

    @property
    def hours_per_week(self) -> Decimal:
        """Opening hours of an ordinary week (0 while the pattern is incomplete)."""
        if self.weekly_hours is not None:
            return self.weekly_hours
        if self.hours_per_day is None or self.days_per_week is None:
            return Decimal(0)
        return self.hours_per_day * self.days_per_week

    @property
    def open_hours_per_year(self) -> Decimal:
        """Hours the public can walk in over a year: the hours every open post must cover."""
        return self.hours_per_week * self.weeks_per_year

    def counsellors(self, pole: str) -> Decimal:
        """Counsellors present in `pole` during every open hour."""
        return self.counsellors_by_pole.get(pole, self.counsellors_per_pole)

    @property
    def counselling_hours_per_week(self) -> Decimal:
        """Counsellor-hours offered to the public in a week, all pôles together."""
        return self.hours_per_week * sum((self.counsellors(p) for p in self.poles), Decimal(0))

    def fte_cost(self, function: str) -> Decimal:
        """Annual employer cost of one FTE of `function`."""
        return self.cost_per_fte.get(function, self.default_cost_per_fte)


def _between(value: Decimal, low: Decimal, high: Decimal, *, low_open: bool) -> bool:
    above = value > low if low_open else value >= low
    return above and value <= high


def scenario_errors(s: Scenario) -> list[str]:
    """French messages for every choice the scenario cannot keep, each naming its field.

    The pôle count follows the label (3 to 7 pôles "ouverts en permanence au public"), so a
    scenario outside it is refused rather than warned about: the committee would be choosing
    a Cité that cannot be labelled.
    """
    errors: list[str] = []

    def error(field_name: str, message: str) -> None:
        errors.append(_("%(field)s : %(message)s") % {"field": FIELD_LABELS[field_name],
                                                      "message": message})

    def between(field_name: str, value: Decimal, high: int) -> None:
        error(field_name, _("doit être compris entre 0 (exclu) et %(max)s ; valeur : "
                            "%(value)s.") % {"max": high, "value": value})

    def negative(field_name: str, value: Decimal, what: str = "") -> None:
        message = _("ne peut pas être négatif ; valeur : %(value)s.") % {"value": value}
        error(field_name, _("%(what)s : %(message)s") % {"what": what, "message": message}
              if what else message)

    if not s.name.strip():
        error("name", _("donnez un nom au scénario."))

    names = [p.strip() for p in s.poles]
    if not POLES_MIN <= len(names) <= POLES_MAX:
        error("poles", _("le label Cité des métiers prévoit de %(min)s à %(max)s pôles de "
                         "conseil ouverts en permanence au public ; ce scénario en compte "
                         "%(n)s.") % {"min": POLES_MIN, "max": POLES_MAX, "n": len(names)})
    if any(not n for n in names):
        error("poles", _("chaque pôle doit avoir un nom."))
    seen: set[str] = set()
    for n in names:
        if n and n.casefold() in seen:
            error("poles", _("le pôle « %(name)s » apparaît deux fois.") % {"name": n})
        seen.add(n.casefold())

    either = _("indiquez-les, ou les heures d'ouverture par semaine.")
    if s.weekly_hours is not None:
        if not _between(s.weekly_hours, Decimal(0), Decimal(168), low_open=True):
            between("weekly_hours", s.weekly_hours, 168)
    else:
        if s.hours_per_day is None:
            error("hours_per_day", either)
        elif not _between(s.hours_per_day, Decimal(0), Decimal(24), low_open=True):
            between("hours_per_day", s.hours_per_day, 24)
        if s.days_per_week is None:
            error("days_per_week", either)
        elif not _between(s.days_per_week, Decimal(0), Decimal(7), low_open=True):
            between("days_per_week", s.days_per_week, 7)
    if not _between(s.weeks_per_year, Decimal(0), Decimal(53), low_open=True):
        between("weeks_per_year", s.weeks_per_year, 53)

    for name in ("counsellors_per_pole", "reception_staff", "documentation_staff",
                 "default_cost_per_fte", "yearly_increase", "social_charges_rate"):
        value: Decimal = getattr(s, name)
        if value < 0:
            negative(name, value)
    for pole, count in s.counsellors_by_pole.items():
        if pole not in s.poles:
            error("counsellors_by_pole", _("« %(pole)s » n'est pas un pôle de ce scénario.")
                  % {"pole": pole})
        if count < 0:
            negative("counsellors_by_pole", count, _("« %(pole)s »") % {"pole": pole})
    for function, fte in s.function_fte.items():
        if function not in DIRECT_FUNCTIONS:
            error("function_fte", _("« %(function)s » n'est pas une fonction dont on fixe les "
                                    "ETP (événements ou fonctions internes).")
                  % {"function": function})
        elif fte < 0:
            negative("function_fte", fte, str(FUNCTION_LABELS[function]))
    for function, cost in s.cost_per_fte.items():
        if function not in FUNCTIONS:
            error("cost_per_fte", _("« %(function)s » n'est pas une fonction connue.")
                  % {"function": function})
        elif cost < 0:
            negative("cost_per_fte", cost, str(FUNCTION_LABELS[function]))
    for item in s.charges:
        account_error = charge_account_error(item.account)
        if account_error:
            error("charges", _("« %(label)s » : %(message)s") % {"label": item.label,
                                                                  "message": account_error})
        if item.annual_amount < 0:
            error("charges", _("« %(label)s » : le montant ne peut pas être négatif.")
                  % {"label": item.label})
        if not item.label.strip():
            error("charges", _("compte %(account)s : donnez un libellé à la charge.")
                  % {"account": item.account})
    return errors


def copy_scenario(s: Scenario, *, name: str) -> Scenario:
    """A new scenario with the same choices under another name, not chosen: the usual way to
    build the "ambitious" variant from the "modest" one and change only what differs."""
    return replace(s, name=name, chosen=False,
                   counsellors_by_pole=dict(s.counsellors_by_pole),
                   function_fte=dict(s.function_fte), cost_per_fte=dict(s.cost_per_fte))
