"""The two dossiers' outlines, in the guide's words and order, and what each part needs.

The dossier de demande de label projet follows the guide ("Le livrable : le dossier de demande de
label projet"): a first chapter, "Présentation de la structure porteuse et du contexte
d'émergence du projet", made of nine parts, then the annexes. The note d'opportunité (Phase 1,
optional in the guide) takes the six themes the guide asks the porteur to argue before the
sponsor decides to go on. The titles are kept verbatim: the label committee reads them against
its own checklist. They are translatable (a dossier can be generated in English, issue 19): the
French is the guide's, the English says the same for a committee abroad.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

OPPORTUNITY = "opportunity"
LABEL_PROJET = "label_projet"
LABEL_FONCTIONNEMENT = "label_fonctionnement"
KINDS = (OPPORTUNITY, LABEL_PROJET, LABEL_FONCTIONNEMENT)
FORMATS = ("pdf", "docx")

KIND_TITLES = {
    OPPORTUNITY: _("Note d'opportunité"),
    LABEL_PROJET: _("Dossier de demande de label projet"),
    LABEL_FONCTIONNEMENT: _("Dossier de confirmation du label fonctionnement"),
}

PRESENTATION_TITLE = (
    _("Présentation de la structure porteuse et du contexte d'émergence du projet")
)
ANNEXES_TITLE = _("Annexes")
ANNEX_LETTERS_TITLE = _("Les lettres de déclaration d'intention des partenaires")
ANNEX_PLAN_TITLE = _("Le plan prévisionnel d'aménagement des locaux")
ANNEX_MINUTES_TITLE = _("Les comptes rendus des ateliers thématiques")


@dataclass(frozen=True)
class Narrative:
    """A prose part the project lead writes; `help` says what the committee expects in it."""

    key: str
    title: str
    help: str


@dataclass(frozen=True)
class Part:
    """One part of a dossier: its prose (narrative keys) and the data it shows (fact keys).

    A fact key names a data source of `label/services.py`; the preview lists, per part, the
    narratives still empty and the facts not available yet.
    """

    key: str
    title: str
    narratives: tuple[str, ...]
    facts: tuple[str, ...]


NARRATIVES: tuple[Narrative, ...] = (
    Narrative("structure", _("La structure porteuse"),
              _("Qui porte le projet (institution, service, personnes), sa légitimité sur le "
              "territoire, le porteur politique.")),
    Narrative("context", _("Le contexte d'émergence du projet"),
              _("L'historique des travaux conduits, les décisions prises, la construction "
              "partenariale : d'où vient le projet et comment il a mûri.")),
    Narrative("diagnosis", _("Contexte et diagnostic du territoire"),
              _("Les besoins des publics, l'offre existante d'accueil, d'information et "
              "d'orientation, ses limites.")),
    Narrative("why_here", _("Pourquoi une Cité des métiers ici"),
              _("La valeur ajoutée attendue pour les publics et pour les partenaires : « faire "
              "mieux autrement et ensemble ».")),
    Narrative("premises_lead", _("La piste de locaux"),
              _("Les lieux envisagés, leur accessibilité, qui les mettrait à disposition.")),
    Narrative("opportunity_next", _("Les suites proposées"),
              _("Ce que le porteur politique est invité à décider, l'étude de faisabilité, le "
              "calendrier.")),
    Narrative("partnership", _("Récit de la dynamique partenariale"),
              _("Comment les partenaires se sont mobilisés, les rencontres, les ateliers, les "
              "points de résistance levés.")),
    Narrative("territory", _("Le maillage territorial envisagé"),
              _("Pourquoi ce périmètre, le rôle des sites, centres associés et points relais.")),
    Narrative("premises", _("Le volet immobilier"),
              _("Le degré d'avancement du volet immobilier ; si les locaux ne sont pas arrêtés, "
              "les démarches effectuées et les étapes à venir.")),
    Narrative("offer", _("Le projet d'offre de service"),
              _("L'esprit de l'offre : pôles nommés selon les questions des usagers, "
              "documentation en libre accès, événements.")),
    Narrative("operations", _("L'organisation fonctionnelle"),
              _("L'accueil, la circulation des usagers, la coordination des partenaires au "
              "quotidien.")),
    Narrative("human_resources", _("Les ressources humaines"),
              _("La mutualisation des ressources des partenaires, les recrutements éventuels, "
              "la formation des conseillers.")),
    Narrative("legal", _("Gouvernance"),
              _("Le rôle des instances, la place de chaque partenaire, le calendrier des "
                "statuts.")),
    Narrative("budget", _("Viabilité économique"),
              _("Les financements sollicités, leur degré d'engagement, le dispositif "
              "d'évaluation proposé.")),
    Narrative("next_steps", _("Les étapes vers le label fonctionnement"),
              _("Ce qui reste à faire avant l'ouverture et le label fonctionnement.")),
)
NARRATIVE_KEYS = tuple(n.key for n in NARRATIVES)
NARRATIVE_BY_KEY = {n.key: n for n in NARRATIVES}

# The label projet: the presentation chapter's own prose, then the guide's nine parts in order.
PRESENTATION = Part("presentation", PRESENTATION_TITLE, ("structure", "context"),
                    ("territory", "diagnosis"))
LABEL_PARTS: tuple[Part, ...] = (
    Part("partnership", _("La dynamique partenariale du projet"), ("partnership",),
         ("partners", "steering", "letters", "workshops")),
    Part("territory", _("Le périmètre d'intervention et le schéma/maillage territorial envisagé "
         "(site, réseau de sites, centres associés, points relais)"), ("territory",),
         ("territory", "sites")),
    Part("premises", _("Les locaux"), ("premises",), ("premises",)),
    Part("offer", _("Le projet d'offre de service : nom des pôles de conseil, couverture "
         "partenariale, programme événementiel"), ("offer",),
         ("poles", "coverage", "events", "documentation")),
    Part("operations", _("Le schéma de fonctionnement : horaires d'ouverture, organisation "
         "fonctionnelle, composition des structures de coordination et leurs règles de "
         "fonctionnement"), ("operations",), ("hours", "bodies")),
    Part("human_resources", _("Les Ressources Humaines"), ("human_resources",),
         ("contributions", "team")),  # job descriptions, FTE by function, org chart
    Part("legal", _("Le choix de la structure juridique et gouvernance"), ("legal",),
         ("legal",)),
    Part("budget", _("Le budget prévisionnel et validité économique du projet"), ("budget",),
         ("budget",)),
    Part("next_steps", _("Les étapes de travail en vue du label fonctionnement"), ("next_steps",),
         ("roadmap",)),
)

OPPORTUNITY_PARTS: tuple[Part, ...] = (
    Part("diagnosis", _("Contexte et diagnostic"), ("diagnosis",),
         ("territory", "diagnosis", "offer_map")),
    Part("actors", _("Carte des acteurs et positions"), (), ("partners", "coverage")),
    Part("sponsor", _("Portage politique et comité de pilotage"), ("structure",), ("steering",)),
    Part("premises_lead", _("Piste de locaux"), ("premises_lead",), ("premises",)),
    Part("why_here", _("Pourquoi une Cité des métiers ici"), ("why_here",), ()),
    Part("opportunity_next", _("Prochaines étapes"), ("opportunity_next",), ("roadmap",)),
)


# The label fonctionnement (guide, Phase 3, « le dossier de confirmation du label
# fonctionnement »): the conformity with the label projet first — the heart of this dossier —
# then the guide's nine parts, in its order and words. Their data only, no prose to write: the
# gaps' explanations and measures are the team's words.
CONFORMITY_TITLE = (_("La conformité avec le projet labellisé : écarts constatés et mesures "
                    "correctives"))
ANNEX_ACTS_TITLE = _("Les actes d'engagement financier")
ANNEX_OPINION_TITLE = _("L'avis de l'autorité de label sur le projet de dossier")
CONFORMITY = Part("conformity", CONFORMITY_TITLE, (), ("snapshot", "gaps"))
FONCTIONNEMENT_PARTS: tuple[Part, ...] = (
    Part("statutes", _("Les statuts"), (), ("legal",)),
    Part("fitted_premises", _("Les locaux : aménagement des espaces et signalétique"), (),
         ("fitted_spaces",)),
    Part("communication", _("Le plan et les outils de communication et ses résultats"), (),
         ("communication",)),
    Part("dashboards", _("Les tableaux de bord : fréquentation, nature des publics, activités "
         "conduites"), (), ("activity",)),
    Part("quality", _("La démarche qualité : questionnaire de satisfaction, indicateurs et "
         "objectifs"), (), ("quality",)),
    Part("experiments", _("Les actions expérimentales conduites sous le label"), (),
         ("experiments",)),
    Part("team", _("L'organisation, la composition et le fonctionnement de l'équipe"), (),
         ("team", "poles")),
    Part("final_budget", _("Le budget finalisé et les actes d'engagement financier"), (),
         ("budget", "acts")),
    Part("fitting_plan", _("Le plan prévisionnel d'aménagement des locaux"), (), ("premises",)),
)


def parts_of(kind: str) -> tuple[Part, ...]:
    """Every part of the dossier `kind`, in order (the presentation opens the label projet)."""
    if kind == OPPORTUNITY:
        return OPPORTUNITY_PARTS
    if kind == LABEL_PROJET:
        return (PRESENTATION, *LABEL_PARTS)
    if kind == LABEL_FONCTIONNEMENT:
        return (CONFORMITY, *FONCTIONNEMENT_PARTS)
    raise ValueError(f"Type de dossier inconnu : « {kind} » (attendu : {', '.join(KINDS)}).")


def narratives_of(kind: str) -> tuple[str, ...]:
    """The narrative keys a dossier uses, each once, in the order of its parts."""
    seen: list[str] = []
    for part in parts_of(kind):
        seen.extend(k for k in part.narratives if k not in seen)
    return tuple(seen)


@dataclass(frozen=True)
class PartReadiness:
    """What the preview shows for one part before generating."""

    part: Part
    missing_narratives: tuple[str, ...]
    missing_facts: tuple[tuple[str, str], ...]  # (fact key, why it is missing)

    @property
    def complete(self) -> bool:
        return not self.missing_narratives and not self.missing_facts


def readiness(kind: str, *, filled: set[str], gaps: dict[str, str]) -> list[PartReadiness]:
    """Part by part, the empty narratives and the facts with a gap.

    `filled` holds the narrative keys with text; `gaps` maps a fact key to why it is missing
    (a fact absent from `gaps` is available). Pure, so the preview and the tests agree.
    """
    return [
        PartReadiness(
            part,
            tuple(k for k in part.narratives if k not in filled),
            tuple((f, gaps[f]) for f in part.facts if f in gaps),
        )
        for part in parts_of(kind)
    ]
