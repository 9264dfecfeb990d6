"""The label's criteria and the charter's principles as rules over plain data.

Each criterion is either a rule computed from the Cité's live data (`Facts`, gathered by
`label/services.py`) or a declaration the project lead makes with evidence (the charter's
principles no data can prove: free and anonymous access, no appointment…). A rule returns a
`Check`: green when the label's expectation is met, amber when work is under way or the data is
not available yet, red when the expectation is plainly not met. The texts say what was found, so
the person knows what to fix without opening another page. They are gettext messages with
named placeholders, read in the language of the page (the French is the msgid).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from capacite.lib.money import format_money, format_number
from capacite.offer.domain.poles import POLES_MAX, POLES_MIN

GREEN, AMBER, RED = "green", "amber", "red"
STATUS_LABELS = {GREEN: _("Conforme"), AMBER: _("À compléter"), RED: _("Non conforme")}

# Where a criterion comes from in the guide.
CHARTER = _("Charte")
SPECIFICATION = _("Cahier des charges du label")
DOSSIER = _("Contenu du dossier")


@dataclass(frozen=True)
class Unavailable:
    """A data source with nothing entered yet (no chosen premises, no chosen scenario…):
    `what` names it for the person who must fill it in."""

    what: str


@dataclass(frozen=True)
class SiteFact:
    name: str
    kind: str  # "main", "site", "associated", "relay"
    pole_count: int
    hours_per_week: float
    saturday: bool
    evening: bool  # open at or after 18:30 at least once a week
    warning: str | None


@dataclass(frozen=True)
class PremisesFact:
    identified: bool
    description: str
    has_plan: bool


@dataclass(frozen=True)
class EventsFact:
    count: int  # retained by the programming committee
    proposed: int = 0  # awaiting its choice


@dataclass(frozen=True)
class BudgetYear:
    """One budget year: charges, all resources, and the part of them only « Piste » (a
    funder has not yet agreed in principle: money the budget cannot count on)."""

    year: int
    charges: Decimal
    resources: Decimal
    unsecured: Decimal = Decimal(0)

    @property
    def secured(self) -> Decimal:
        return self.resources - self.unsecured


@dataclass(frozen=True)
class BudgetFact:
    charges: Decimal
    resources: Decimal
    years: tuple[BudgetYear, ...] = ()


@dataclass(frozen=True)
class TeamFact:
    fte: Decimal
    jobs: int = 0


@dataclass(frozen=True)
class DeclarationFact:
    status: str  # "pending", "met", "not_met"
    evidence: str


@dataclass(frozen=True)
class Facts:
    """Everything the rules read, as plain values (no database)."""

    poles: tuple[tuple[str, int], ...] = ()  # (name, number of partner organisations)
    sites: tuple[SiteFact, ...] = ()
    has_steering: bool = False
    missing_first_circle: tuple[str, ...] = ()
    steering_without_letter: tuple[str, ...] = ()
    steering_organisations: int = 0
    legal_form: str = ""
    contributing_organisations: int = 0
    territory_communes: int = 0
    workshop_sessions: int = 0
    narratives_missing: tuple[str, ...] = ()
    narratives_total: int = 0
    premises: PremisesFact | Unavailable = Unavailable(_("les locaux"))
    events: EventsFact | Unavailable = Unavailable(_("le programme d'événements"))
    budget: BudgetFact | Unavailable | None = Unavailable(_("le budget prévisionnel"))
    team: TeamFact | Unavailable = Unavailable(_("l'équipe"))
    declarations: dict[str, DeclarationFact] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    status: str
    evidence: str


@dataclass(frozen=True)
class Criterion:
    """One line of the checklist; `fix` is the URL name of the page that fixes it ("" while
    that page's app is not there yet)."""

    key: str
    title: str  # lazy translations: a page shows them in its language
    source: str
    fix: str
    declaration: bool = False


def _not_yet(source: Unavailable) -> Check:
    return Check(AMBER, gettext("À compléter : %(what)s.") % {"what": source.what})


def _names(items: tuple[str, ...] | list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    rest = len(items) - limit
    return shown + (ngettext(" et %(n)s autre", " et %(n)s autres", rest) % {"n": rest}
                    if rest > 0 else "")


# --- rules over the data ----------------------------------------------------------------------

def poles_rule(f: Facts) -> Check:
    """The label asks for 3 to 7 pôles de conseil; fewer is a project still being built."""
    n = len(f.poles)
    if POLES_MIN <= n <= POLES_MAX:
        return Check(GREEN, gettext("%(n)s pôles de conseil : %(names)s.")
                     % {"n": n, "names": _names([p for p, _n in f.poles], 7)})
    if n == 0:
        return Check(RED, gettext("Aucun pôle de conseil défini."))
    if n < POLES_MIN:
        return Check(AMBER, ngettext(
            "%(n)s pôle de conseil ; le label en demande au moins %(min)s.",
            "%(n)s pôles de conseil ; le label en demande au moins %(min)s.", n)
            % {"n": n, "min": POLES_MIN})
    return Check(RED, gettext("%(n)s pôles de conseil ; le label en prévoit au plus %(max)s.")
                 % {"n": n, "max": POLES_MAX})


def multi_partner_rule(f: Facts) -> Check:
    """Pôles run by several partners: the multi-partner team and the plurality of viewpoints."""
    if not f.poles:
        return Check(RED, gettext("Aucun pôle de conseil, donc aucun partenaire pour les "
                                  "animer."))
    alone = [name for name, count in f.poles if count == 0]
    single = [name for name, count in f.poles if count == 1]
    if alone:
        return Check(RED, ngettext("Pôle sans partenaire pour l'animer : %(names)s.",
                                   "Pôles sans partenaire pour les animer : %(names)s.",
                                   len(alone)) % {"names": _names(alone)})
    if single:
        return Check(AMBER, ngettext("Pôle animé par un seul partenaire : %(names)s.",
                                     "Pôles animés par un seul partenaire : %(names)s.",
                                     len(single)) % {"names": _names(single)})
    return Check(GREEN, gettext("Chaque pôle est animé par au moins deux partenaires."))


def main_site_rule(f: Facts) -> Check:
    """At least one "site" (a physical place with at least three pôles), the guide's minimum."""
    sites = [s for s in f.sites if s.kind in ("main", "site")]
    if not sites:
        return Check(RED, gettext("Aucun site Cité des métiers déclaré."))
    warned = [s for s in sites if s.warning]
    if warned:
        return Check(AMBER, warned[0].warning or "")
    others = len(f.sites) - len(sites)
    return Check(GREEN, ngettext("%(n)s site offrant au moins %(min)s pôles",
                                 "%(n)s sites offrant chacun au moins %(min)s pôles",
                                 len(sites)) % {"n": len(sites), "min": POLES_MIN}
                 + " ; " + ngettext("%(n)s centre associé ou point relais.",
                                    "%(n)s centres associés ou points relais.",
                                    others) % {"n": others})


def hours_rule(f: Facts) -> Check:
    """Opening hours set and suited to all publics: an evening or a Saturday for people at work."""
    sites = [s for s in f.sites if s.kind in ("main", "site")]
    open_sites = [s for s in sites if s.hours_per_week > 0]
    if not open_sites:
        return Check(RED, gettext("Aucun horaire d'ouverture saisi pour un site."))
    site = max(open_sites, key=lambda s: s.hours_per_week)
    values = {"site": site.name, "hours": f"{site.hours_per_week:g}"}
    if site.saturday and site.evening:
        return Check(GREEN, gettext("%(site)s : %(hours)s h par semaine, ouvert le samedi et en "
                                    "soirée.") % values)
    if site.saturday:
        return Check(GREEN, gettext("%(site)s : %(hours)s h par semaine, ouvert le samedi.")
                     % values)
    if site.evening:
        return Check(GREEN, gettext("%(site)s : %(hours)s h par semaine, ouvert en soirée.")
                     % values)
    return Check(AMBER, gettext("%(site)s : %(hours)s h par semaine, ni le samedi ni en "
                                "soirée : les personnes en emploi y accèdent mal.") % values)


def steering_rule(f: Facts) -> Check:
    """The first-circle institutions sit on the steering committee (guide, Phase 1)."""
    if not f.has_steering:
        return Check(RED, gettext("Aucun comité de pilotage constitué."))
    if f.missing_first_circle:
        return Check(AMBER, gettext("Absents du comité de pilotage : %(names)s.")
                     % {"names": _names(list(f.missing_first_circle), 8)})
    return Check(GREEN, gettext("Toutes les institutions du premier cercle siègent au comité "
                                "de pilotage."))


def letters_rule(f: Facts) -> Check:
    """Letters of intent received from the organisations of the steering committee."""
    if f.steering_organisations == 0:
        return Check(RED, gettext("Aucune organisation au comité de pilotage : aucune lettre "
                                  "attendue."))
    missing = f.steering_without_letter
    received = f.steering_organisations - len(missing)
    if not missing:
        return Check(GREEN, gettext("Lettres d'intention reçues des %(n)s organisations du "
                                    "comité de pilotage.") % {"n": received})
    status = RED if received == 0 else AMBER
    return Check(status, ngettext("%(n)s lettre reçue sur %(of)s ; manquent : %(names)s.",
                                  "%(n)s lettres reçues sur %(of)s ; manquent : %(names)s.",
                                  received)
                 % {"n": received, "of": f.steering_organisations,
                    "names": _names(list(missing))})


def legal_rule(f: Facts) -> Check:
    """The dossier states the legal structure chosen."""
    if f.legal_form:
        return Check(GREEN, gettext("Structure juridique retenue : %(form)s.")
                     % {"form": f.legal_form})
    return Check(RED, gettext("Aucune structure juridique retenue."))


def contributions_rule(f: Facts) -> Check:
    """Resources pooled from partners, not a team recruited from scratch (guide, Phase 2)."""
    n = f.contributing_organisations
    if n >= 2:
        return Check(GREEN, gettext("%(n)s partenaires mettent des ressources à disposition.")
                     % {"n": n})
    if n == 1:
        return Check(AMBER, gettext("Un seul partenaire met des ressources à disposition."))
    return Check(RED, gettext("Aucune contribution de partenaire enregistrée."))


def territory_rule(f: Facts) -> Check:
    """The territory served is drawn (communes)."""
    if f.territory_communes:
        return Check(GREEN, gettext("Territoire de %(n)s communes.")
                     % {"n": f.territory_communes})
    return Check(AMBER, gettext("Le territoire d'intervention n'est pas encore délimité."))


def workshops_rule(f: Facts) -> Check:
    """The thematic workshops have met: the history the committee reads in the dossier."""
    if f.workshop_sessions:
        return Check(GREEN, ngettext("%(n)s séance d'ateliers thématiques tenue.",
                                     "%(n)s séances d'ateliers thématiques tenues.",
                                     f.workshop_sessions) % {"n": f.workshop_sessions})
    return Check(AMBER, gettext("Aucune séance d'atelier thématique enregistrée."))


def premises_rule(f: Facts) -> Check:
    if isinstance(f.premises, Unavailable):
        return _not_yet(f.premises)
    if not f.premises.identified:
        return Check(RED, gettext("Aucun local retenu parmi les locaux envisagés."))
    if not f.premises.has_plan:
        return Check(AMBER, gettext("%(premises)s ; pas encore de plan d'aménagement.")
                     % {"premises": f.premises.description})
    return Check(GREEN, gettext("%(premises)s, avec un plan d'aménagement.")
                 % {"premises": f.premises.description})


def events_rule(f: Facts) -> Check:
    """Collective events: information days, presentations of trades, meetings with employers."""
    if isinstance(f.events, Unavailable):
        return _not_yet(f.events)
    if f.events.count:
        return Check(GREEN, ngettext(
            "%(n)s événement collectif retenu par le comité de programmation.",
            "%(n)s événements collectifs retenus par le comité de programmation.",
            f.events.count) % {"n": f.events.count})
    if f.events.proposed:
        return Check(AMBER, ngettext(
            "%(n)s événement proposé, aucun encore retenu par le comité de programmation.",
            "%(n)s événements proposés, aucun encore retenu par le comité de programmation.",
            f.events.proposed) % {"n": f.events.proposed})
    return Check(RED, gettext("Aucun événement collectif proposé ni programmé."))


def budget_rule(f: Facts) -> Check:
    """A provisional budget balanced every year with secured money (accord de principe or
    better); money still « Piste » is a risk, shown with its amount, never counted."""
    if isinstance(f.budget, Unavailable):
        return _not_yet(f.budget)
    if f.budget is None:
        return Check(RED, gettext("Aucun scénario retenu par le comité de pilotage : pas de "
                                  "budget prévisionnel."))
    if f.budget.charges == 0:
        return Check(RED, gettext("Le budget prévisionnel n'a pas de charges."))
    years = f.budget.years or (BudgetYear(0, f.budget.charges, f.budget.resources),)
    short = [y for y in years if y.resources < y.charges]
    if short:
        return Check(RED, gettext("Budget en déséquilibre : %(years)s.") % {"years": " ; ".join(
            (gettext("en %(year)s, il manque %(amount)s de produits") if y.year
             else gettext("il manque %(amount)s de produits"))
            % {"year": y.year, "amount": format_money(y.charges - y.resources)}
            for y in short)})
    risky = [y for y in years if y.secured < y.charges]
    if risky:
        return Check(AMBER, gettext("Équilibré seulement en comptant des financements non "
                                    "acquis (« Piste ») : %(years)s.") % {"years": " ; ".join(
            (gettext("en %(year)s, %(unsecured)s en piste, %(missing)s à sécuriser") if y.year
             else gettext("%(unsecured)s en piste, %(missing)s à sécuriser"))
            % {"year": y.year, "unsecured": format_money(y.unsecured),
               "missing": format_money(y.charges - y.secured)}
            for y in risky)})
    first = format_money(years[0].charges)
    if len(years) > 1 and years[0].year:
        return Check(GREEN, gettext("Budget équilibré chaque année (%(years)s) avec des "
                                    "financements acquis ou en accord de principe : %(first)s "
                                    "de charges la première année.")
                     % {"years": ", ".join(str(y.year) for y in years), "first": first})
    return Check(GREEN, gettext("Budget équilibré la première année avec des financements "
                                "acquis ou en accord de principe : %(first)s de charges la "
                                "première année.") % {"first": first})


def team_rule(f: Facts) -> Check:
    if isinstance(f.team, Unavailable):
        return _not_yet(f.team)
    if f.team.fte > 0:
        return Check(GREEN, ngettext("Équipe prévue : %(n)s fiche de poste, %(fte)s ETP.",
                                     "Équipe prévue : %(n)s fiches de poste, %(fte)s ETP.",
                                     f.team.jobs)
                     % {"n": f.team.jobs, "fte": format_number(f.team.fte)})
    return Check(RED, gettext("Aucune fiche de poste : l'équipe n'est pas décrite."))


def narratives_rule(f: Facts) -> Check:
    """The prose parts of the dossier are written."""
    missing = f.narratives_missing
    if not missing:
        return Check(GREEN, gettext("Les %(n)s parties rédigées sont remplies.")
                     % {"n": f.narratives_total})
    status = RED if len(missing) == f.narratives_total else AMBER
    return Check(status, gettext("À rédiger : %(names)s.") % {"names": _names(list(missing))})


def declaration_check(f: Facts, key: str) -> Check:
    """A principle the lead declares: green with evidence, amber until declared, red if not
    met."""
    d = f.declarations.get(key)
    if d is None or d.status == "pending":
        return Check(AMBER, gettext("À déclarer, avec une preuve (texte, lien ou document)."))
    if d.status == "not_met":
        return Check(RED, d.evidence or gettext("Déclaré non respecté."))
    if not d.evidence.strip():
        return Check(AMBER, gettext("Déclaré respecté, mais sans preuve."))
    return Check(GREEN, d.evidence)


RULES = {
    "poles": poles_rule,
    "multi_partner": multi_partner_rule,
    "main_site": main_site_rule,
    "hours": hours_rule,
    "events": events_rule,
    "steering": steering_rule,
    "letters": letters_rule,
    "territory": territory_rule,
    "premises": premises_rule,
    "contributions": contributions_rule,
    "team": team_rule,
    "legal": legal_rule,
    "budget": budget_rule,
    "workshops": workshops_rule,
    "narratives": narratives_rule,
}

CRITERIA: tuple[Criterion, ...] = (
    # The charter's principles (declared with evidence).
    Criterion("free_access", _("Accès libre, anonyme et gratuit, sans inscription ni "
              "justification"), CHARTER, "label:checklist", declaration=True),
    Criterion("no_appointment", _("Fonctionnement sans rendez-vous"), SPECIFICATION,
              "label:checklist", declaration=True),
    Criterion("no_commerce", _("Aucune activité commerciale, esprit de service public"),
              SPECIFICATION, "label:checklist", declaration=True),
    Criterion("welcoming_space", _("Espace ouvert, bien signalisé, ergonomique et chaleureux"),
              SPECIFICATION, "label:checklist", declaration=True),
    Criterion("documentation", _("Espaces de documentation (papier et informatique) en libre "
              "accès"), SPECIFICATION, "label:checklist", declaration=True),
    Criterion("workspaces", _("Espaces de travail individuels et collectifs"), SPECIFICATION,
              "label:checklist", declaration=True),
    Criterion("all_publics", _("Ouvert à tous les publics, tous les aspects de la vie "
              "professionnelle"), CHARTER, "label:checklist", declaration=True),
    Criterion("advice_resources", _("Interaction du conseil et des ressources"), SPECIFICATION,
              "label:checklist", declaration=True),
    # The specification's criteria computed from the data.
    Criterion("poles", _("De 3 à 7 pôles de conseil"), SPECIFICATION, "offer:poles"),
    Criterion("multi_partner", _("Pôles animés par plusieurs partenaires (pluralité des points "
              "de vue)"), SPECIFICATION, "offer:poles"),
    Criterion("main_site", _("Au moins un site offrant trois pôles"), SPECIFICATION,
              "offer:sites"),
    Criterion("hours", _("Horaires d'ouverture adaptés à tous les publics"), SPECIFICATION,
              "offer:sites"),
    Criterion("events", _("Journées collectives, rencontres et événements"), SPECIFICATION,
              "events:events"),
    # The dossier's required contents.
    Criterion("steering", _("Institutions du premier cercle au comité de pilotage"), DOSSIER,
              "governance:bodies"),
    Criterion("letters", _("Lettres d'intention des partenaires du comité de pilotage"), DOSSIER,
              "partners:without_letter"),
    Criterion("territory", _("Périmètre d'intervention délimité"), DOSSIER,
              "territory:cite_territory"),
    Criterion("premises", _("Locaux identifiés et plan d'aménagement"), DOSSIER,
              "premises:overview"),
    Criterion("contributions", _("Ressources mutualisées des partenaires"), DOSSIER,
              "partners:organisations"),
    Criterion("team", _("Équipe et ressources humaines prévues"), DOSSIER, "staffing:team"),
    Criterion("legal", _("Structure juridique choisie"), DOSSIER, "governance:legal"),
    Criterion("budget", _("Budget prévisionnel équilibré"), DOSSIER, "planning:comparison"),
    Criterion("workshops", _("Ateliers thématiques tenus"), DOSSIER, "governance:workshops"),
    Criterion("narratives", _("Parties rédigées du dossier"), DOSSIER, "label:dossier"),
)
CRITERIA_BY_KEY = {c.key: c for c in CRITERIA}
DECLARATION_KEYS = tuple(c.key for c in CRITERIA if c.declaration)


@dataclass(frozen=True)
class Result:
    criterion: Criterion
    check: Check


def evaluate(f: Facts) -> list[Result]:
    """Every criterion's status and evidence, in the checklist's order."""
    return [
        Result(c, declaration_check(f, c.key) if c.declaration else RULES[c.key](f))
        for c in CRITERIA
    ]


def tally(results: list[Result]) -> dict[str, int]:
    """How many criteria are green, amber and red (the home panel's summary)."""
    counts = {GREEN: 0, AMBER: 0, RED: 0}
    for r in results:
        counts[r.check.status] += 1
    return counts
