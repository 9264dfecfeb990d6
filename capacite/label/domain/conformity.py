"""Conformity of the open Cité with its label projet: the figures kept at deposit, compared with
today's, gap by gap, each with its size in words a committee reads (« 40 h → 38 h par semaine »).

Pure: plain data in, plain data out. `label/conformity.py` reads the figures from the one place
that computes each of them; this module only compares and words the differences. The words are
French msgids, translated in the active language when `compare` runs (the conformity page's, or
the dossier's: an English dossier says « 40 h → 38 h per week »).
"""

from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from capacite.lib.money import THIN_SPACE, format_money

# A difference below these is noise, not a gap the committee needs explained.
HOURS_TOLERANCE = Decimal("0.5")  # hours per week, per site
FTE_TOLERANCE = Decimal("0.1")  # FTE, total and per partner
SURFACE_TOLERANCE_PCT = Decimal(5)  # % of the premises' surface
BUDGET_TOLERANCE_PCT = Decimal(2)  # % of the total operating budget
LINE_TOLERANCE_PCT = Decimal(10)  # % of one budget line…
LINE_TOLERANCE_EUR = Decimal(1000)  # …and at least this many euros
MONEY_TOLERANCE_PCT = Decimal(5)  # % of a partner's money contribution


@dataclass(frozen=True)
class Partner:
    """What one partner committed: FTE seconded, money, contributions in kind (€ a year)."""

    fte: Decimal = Decimal(0)
    money: Decimal = Decimal(0)
    in_kind: Decimal = Decimal(0)


@dataclass(frozen=True)
class Figures:
    """The label projet's key figures (or today's, read the same way)."""

    legal_form: str = ""
    poles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # pôle → partners
    sites: dict[str, Decimal] = field(default_factory=dict)  # site → hours per week
    surface_m2: int | None = None
    partners: dict[str, Partner] = field(default_factory=dict)
    fte: Decimal | None = None  # FTE needed by the chosen scenario
    budget_lines: dict[str, Decimal] = field(default_factory=dict)  # charge class → € year 1
    budget_total: Decimal | None = None  # operating charges, year 1

    def to_json(self) -> dict:
        """Plain JSON (decimals as strings) for the snapshot."""
        data = asdict(self)
        data["poles"] = {k: list(v) for k, v in self.poles.items()}
        data["sites"] = {k: str(v) for k, v in self.sites.items()}
        data["partners"] = {k: {"fte": str(p.fte), "money": str(p.money),
                                "in_kind": str(p.in_kind)} for k, p in self.partners.items()}
        data["fte"] = None if self.fte is None else str(self.fte)
        data["budget_lines"] = {k: str(v) for k, v in self.budget_lines.items()}
        data["budget_total"] = None if self.budget_total is None else str(self.budget_total)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Figures":
        def dec(value) -> Decimal | None:
            return None if value is None else Decimal(str(value))

        return cls(
            legal_form=data.get("legal_form", ""),
            poles={k: tuple(v) for k, v in data.get("poles", {}).items()},
            sites={k: Decimal(str(v)) for k, v in data.get("sites", {}).items()},
            surface_m2=data.get("surface_m2"),
            partners={k: Partner(Decimal(str(p.get("fte", 0))), Decimal(str(p.get("money", 0))),
                                 Decimal(str(p.get("in_kind", 0))))
                      for k, p in data.get("partners", {}).items()},
            fte=dec(data.get("fte")),
            budget_lines={k: Decimal(str(v)) for k, v in data.get("budget_lines", {}).items()},
            budget_total=dec(data.get("budget_total")),
        )


@dataclass(frozen=True)
class Gap:
    """One difference between the label projet and today. `key` is stable while the gap's size
    changes, so the team's answer stays attached to it."""

    key: str
    topic: str
    text: str


# --- French numbers --------------------------------------------------------------------------

def num(value: Decimal | int, decimals: int = 0) -> str:
    """1 234,5 — narrow no-break space between thousands, comma before decimals; trailing
    zeros of the decimals dropped (38,0 → 38)."""
    text = f"{Decimal(value):,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    if decimals:
        text = text.rstrip("0").rstrip(",")
    return text


def _separator() -> str:  # between the items of a gap: « ; » (no space in English)
    return pgettext("séparateur de liste", " ; ")


def _num(value: Decimal | int, decimals: int = 0) -> str:
    """`num` as the active language writes it (« 1,234.5 » in English), for the gaps' words;
    `num` itself stays French (the hand-typed figures are read back from it)."""
    text = num(value, decimals)
    if (get_language() or "fr").startswith("en"):
        return text.replace(",", ".").replace(THIN_SPACE, ",")
    return text


def eur(value: Decimal) -> str:
    """An amount of the comparison, to the euro (half up), written the one way in the active
    language."""
    return format_money(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pct(before: Decimal, after: Decimal) -> Decimal:
    """The change from `before` to `after` in %, rounded to the unit (0 when before is 0)."""
    if not before:
        return Decimal(0)
    return ((after - before) * 100 / before).quantize(Decimal(1))


def signed_pct(value: Decimal) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{abs(value)}" + ("%" if (get_language() or "fr").startswith("en") else " %")


# --- the comparison --------------------------------------------------------------------------

def compare(before: Figures, now: Figures) -> list[Gap]:
    """Every gap between the label projet (`before`) and today (`now`), in the dossier's order:
    structure, pôles, sites and hours, premises, partners, team, budget."""
    gaps: list[Gap] = []
    if before.legal_form and now.legal_form != before.legal_form:
        gaps.append(Gap("legal", _("Structure juridique"),
                        _("Structure juridique : %(before)s → %(now)s")
                        % {"before": before.legal_form,
                           "now": now.legal_form or _("non choisie")}))
    gaps += _poles(before.poles, now.poles)
    gaps += _sites(before.sites, now.sites)
    if before.surface_m2 and now.surface_m2 != before.surface_m2:
        if now.surface_m2 is None:
            gaps.append(Gap("surface", _("Locaux"),
                            _("Locaux : aucun local retenu aujourd'hui (label projet : "
                              "%(surface)s m²)") % {"surface": _num(before.surface_m2)}))
        elif abs(pct(Decimal(before.surface_m2), Decimal(now.surface_m2))) \
                >= SURFACE_TOLERANCE_PCT:
            gaps.append(Gap("surface", _("Locaux"),
                            _("Surface des locaux : %(before)s m² → %(now)s m²")
                            % {"before": _num(before.surface_m2),
                               "now": _num(now.surface_m2)}))
    gaps += _partners(before.partners, now.partners)
    if before.fte is not None and now.fte is not None \
            and abs(now.fte - before.fte) >= FTE_TOLERANCE:
        gaps.append(Gap("fte", _("Équipe"), _("ETP de l'équipe : %(before)s → %(now)s")
                        % {"before": _num(before.fte, 2), "now": _num(now.fte, 2)}))
    if before.budget_total and now.budget_total is not None:
        change = pct(before.budget_total, now.budget_total)
        if abs(change) >= BUDGET_TOLERANCE_PCT:
            gaps.append(Gap("budget", _("Budget"),
                            _("Budget de fonctionnement : %(before)s → %(now)s (%(change)s)")
                            % {"before": eur(before.budget_total),
                               "now": eur(now.budget_total), "change": signed_pct(change)}))
    gaps += _budget_lines(before.budget_lines, now.budget_lines)
    return gaps


def _poles(before: dict[str, tuple[str, ...]], now: dict[str, tuple[str, ...]]) -> list[Gap]:
    gaps = []
    topic = _("Pôles")
    for name in before:
        if name not in now:
            gaps.append(Gap(f"pole:{name}", topic, _("Pôle « %(name)s » supprimé")
                            % {"name": name}))
            continue
        gone = [p for p in before[name] if p not in now[name]]
        came = [p for p in now[name] if p not in before[name]]
        if len(gone) == 1 and len(came) == 1:
            text = _("Pôle « %(name)s » : %(gone)s remplacé par %(came)s") % {
                "name": name, "gone": gone[0], "came": came[0]}
        elif gone or came:
            parts = []
            if gone:
                parts.append(ngettext("%(names)s n'y participe plus",
                                      "%(names)s n'y participent plus", len(gone))
                             % {"names": ", ".join(gone)})
            if came:
                parts.append(ngettext("%(names)s l'anime désormais",
                                      "%(names)s l'animent désormais", len(came))
                             % {"names": ", ".join(came)})
            text = _("Pôle « %(name)s » : %(changes)s") % {"name": name,
                                                            "changes": _separator().join(parts)}
        else:
            continue
        gaps.append(Gap(f"pole:{name}", topic, text))
    gaps += [Gap(f"pole:{name}", topic, _("Pôle « %(name)s » ajouté") % {"name": name})
             for name in now if name not in before]
    return gaps


def _sites(before: dict[str, Decimal], now: dict[str, Decimal]) -> list[Gap]:
    gaps = []
    topic = _("Horaires d'ouverture")
    for name, hours in before.items():
        if name not in now:
            gaps.append(Gap(f"site:{name}", topic,
                            _("Site « %(name)s » fermé (label projet : %(hours)s h par "
                              "semaine)") % {"name": name, "hours": _num(hours, 1)}))
        elif abs(now[name] - hours) >= HOURS_TOLERANCE:
            gaps.append(Gap(f"site:{name}", topic,
                            _("%(name)s : %(before)s h → %(now)s h par semaine")
                            % {"name": name, "before": _num(hours, 1),
                               "now": _num(now[name], 1)}))
    gaps += [Gap(f"site:{name}", topic,
                 _("Site « %(name)s » ouvert depuis (%(hours)s h par semaine)")
                 % {"name": name, "hours": _num(hours, 1)})
             for name, hours in now.items() if name not in before]
    return gaps


def _describe(p: Partner) -> str:
    parts = []
    if p.fte:
        parts.append(_("%(fte)s ETP") % {"fte": _num(p.fte, 2)})
    if p.money:
        parts.append(eur(p.money))
    if p.in_kind:
        parts.append(_("%(amount)s en nature") % {"amount": eur(p.in_kind)})
    return ", ".join(parts) or _("sans apport chiffré")


def _partners(before: dict[str, Partner], now: dict[str, Partner]) -> list[Gap]:
    gaps = []
    topic = _("Partenaires")
    for name, was in before.items():
        key = f"partner:{name}"
        if name not in now:
            gaps.append(Gap(key, topic, _("%(name)s s'est retiré (apport prévu : %(was)s)")
                            % {"name": name, "was": _describe(was)}))
            continue
        now_p = now[name]
        changes = []
        if abs(now_p.fte - was.fte) >= FTE_TOLERANCE:
            changes.append(_("%(before)s → %(now)s ETP") % {"before": _num(was.fte, 2),
                                                             "now": _num(now_p.fte, 2)})
        if was.money and abs(pct(was.money, now_p.money)) >= MONEY_TOLERANCE_PCT \
                or not was.money and now_p.money:
            changes.append(f"{eur(was.money)} → {eur(now_p.money)}")
        if changes:
            gaps.append(Gap(key, topic, _("%(name)s : %(changes)s")
                            % {"name": name, "changes": _separator().join(changes)}))
    gaps += [Gap(f"partner:{name}", topic,
                 _("Nouveau partenaire : %(name)s (%(contribution)s)")
                 % {"name": name, "contribution": _describe(p)})
             for name, p in now.items() if name not in before]
    return gaps


def _budget_lines(before: dict[str, Decimal], now: dict[str, Decimal]) -> list[Gap]:
    gaps = []
    for label in list(before) + [x for x in now if x not in before]:
        was, is_ = before.get(label, Decimal(0)), now.get(label, Decimal(0))
        diff = abs(is_ - was)
        if diff < LINE_TOLERANCE_EUR:
            continue
        if was and abs(pct(was, is_)) < LINE_TOLERANCE_PCT:
            continue
        change = f" ({signed_pct(pct(was, is_))})" if was else ""
        gaps.append(Gap(f"budget-line:{label}", _("Budget"),
                        _("%(line)s : %(before)s → %(now)s") % {
                            "line": label, "before": eur(was), "now": eur(is_)} + change))
    return gaps


# --- figures typed by hand from the decision letter ------------------------------------------

class ManualError(ValueError):
    """Lines of a hand-typed snapshot that could not be read (messages in French)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


def _amount(text: str) -> Decimal:
    cleaned = (text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
               .replace("€", "").replace("h", "").replace("ETP", "").replace(",", "."))
    return Decimal(cleaned)


def _lines(text: str) -> list[tuple[int, str, str]]:
    """(line number, before the colon, after it) for each non-empty line."""
    result = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        name, sep, rest = line.partition(":")
        result.append((number, name.strip(), rest.strip() if sep else ""))
    return result


def parse_manual(*, legal_form: str, surface_m2: int | None, fte: Decimal | None,
                 budget_total: Decimal | None, poles: str, sites: str, partners: str,
                 budget_lines: str) -> Figures:
    """Figures from the manual form's text areas, one item a line:
    pôles « Nom : partenaire, partenaire », sites « Nom : 40 », partners « Nom : ETP ; argent ;
    nature », budget lines « Libellé : montant ». Raises ManualError naming each bad line."""
    errors: dict[str, list[str]] = {}

    def bad(where: str, number: int, message: str) -> None:
        errors.setdefault(where, []).append(_("Ligne %(n)s : %(message)s") % {
            "n": number, "message": message})

    pole_map = {}
    for number, name, rest in _lines(poles):
        if not name:
            bad("poles", number, _("le nom du pôle manque avant les deux-points."))
            continue
        pole_map[name] = tuple(sorted(p.strip() for p in rest.split(",") if p.strip()))
    site_map = {}
    for number, name, rest in _lines(sites):
        try:
            site_map[name] = _amount(rest)
        except InvalidOperation:
            bad("sites", number, _("« %(text)s » n'est pas un nombre d'heures par semaine "
                                   "(par exemple « Site central : 40 »).") % {
                "text": rest or _("(vide)")})
    partner_map = {}
    for number, name, rest in _lines(partners):
        values = [v.strip() for v in rest.split(";")] + ["0", "0", "0"]
        try:
            partner_map[name] = Partner(*(_amount(v or "0") for v in values[:3]))
        except InvalidOperation:
            bad("partners", number, _("« %(text)s » ne se lit pas : écrivez « ETP ; apport "
                                      "financier ; apport en nature », par exemple « 1,5 ; "
                                      "20000 ; 0 ».") % {"text": rest})
    line_map = {}
    for number, name, rest in _lines(budget_lines):
        try:
            line_map[name] = _amount(rest)
        except InvalidOperation:
            bad("budget_lines", number, _("« %(text)s » n'est pas un montant en euros.") % {
                "text": rest or _("(vide)")})
    if errors:
        raise ManualError(errors)
    return Figures(legal_form=legal_form.strip(), poles=pole_map, sites=site_map,
                   surface_m2=surface_m2, partners=partner_map, fte=fte,
                   budget_lines=line_map, budget_total=budget_total)


def manual_text(figures: Figures) -> dict[str, str]:
    """The text areas of the manual form written from `figures` (the form starts from today's,
    so the team corrects rather than retypes)."""
    return {
        "poles": "\n".join(f"{k} : {', '.join(v)}" for k, v in figures.poles.items()),
        "sites": "\n".join(f"{k} : {num(v, 1)}" for k, v in figures.sites.items()),
        "partners": "\n".join(f"{k} : {num(p.fte, 2)} ; {p.money.quantize(Decimal(1))} ; "
                              f"{p.in_kind.quantize(Decimal(1))}"
                              for k, p in figures.partners.items()),
        "budget_lines": "\n".join(f"{k} : {v.quantize(Decimal(1))}"
                                  for k, v in figures.budget_lines.items()),
    }
