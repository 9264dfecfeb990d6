"""The two dossiers' content, built from the label's data sources (`label/services.py`).

Nothing is computed here that a screen computes too: hours per week, coverage, positions, the
rétro-planning and its chart all come from the other apps' services through `label.services`.
This module only arranges them in the guide's order, in French.
"""

from collections.abc import Callable
from decimal import Decimal

from django.core.files.storage import default_storage
from django.utils import timezone

from capacite.core.models import Cite
from capacite.label import services
from capacite.label.domain.criteria import Unavailable
from capacite.label.domain.parts import (
    ANNEX_LETTERS_TITLE,
    ANNEX_MINUTES_TITLE,
    ANNEX_PLAN_TITLE,
    ANNEXES_TITLE,
    KIND_TITLES,
    LABEL_PARTS,
    NARRATIVE_BY_KEY,
    OPPORTUNITY,
    OPPORTUNITY_PARTS,
    PRESENTATION,
    Part,
)
from capacite.label.dossier.blocks import (
    Attachment,
    Bullets,
    Chart,
    Dossier,
    Facts,
    Heading,
    Missing,
    Para,
    Table,
)

STANCES = {"ally": "Alliés", "hesitant": "Hésitants", "refusal": "Refus", "unknown": "Inconnus"}
STANCE = {"ally": "Allié", "hesitant": "Hésitant", "refusal": "Refus", "unknown": "Inconnu"}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def number(value: Decimal | float | int, decimals: int = 0) -> str:
    """French number: narrow no-break space between thousands, comma before decimals."""
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return text


def eur(value: Decimal) -> str:
    return f"{number(value)} €"


def fte(value: Decimal) -> str:
    return number(value, 2).rstrip("0").rstrip(",") or "0"


def _date(d) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


class Builder:
    """Reads every source once and writes the blocks of one dossier."""

    def __init__(self, cite: Cite, kind: str, progress: Callable[[int, str], None]):
        self.cite = cite
        self.kind = kind
        self.progress = progress
        self.texts = services.narratives()
        self.doc = Dossier(kind, KIND_TITLES[kind], cite.name, cite.territory,
                           timezone.localdate().strftime("%d/%m/%Y"))
        progress(5, "Lecture des partenaires")
        self.partners = services.partners_data()
        self.coverage = services.coverage_data()
        self.steering = services.steering_data()
        self.letters = services.letters_data()
        self.workshops = services.workshops_data()
        progress(15, "Lecture de l'offre et du territoire")
        self.territory = services.territory_data(cite)
        self.poles = services.poles_data()
        self.sites = services.sites_data()
        self.bodies = services.bodies_data()
        self.legal = services.legal_data()
        self.contributions = services.contributions_data()
        progress(25, "Calcul du rétro-planning")
        self.roadmap = services.roadmap_data()
        self.premises = services.premises_data()
        self.events = services.events_data()
        self.budget = services.budget_data()
        self.team = services.team_data()

    # --- helpers -------------------------------------------------------------------------------

    def narrative(self, key: str) -> list:
        text = self.texts.get(key)
        spec = NARRATIVE_BY_KEY[key]
        if not text or not text.text.strip():
            return [Missing(f"À rédiger — {spec.title} : {spec.help}")]
        return [Para(p.strip().replace("\n", " "))
                for p in text.text.replace("\r\n", "\n").split("\n\n") if p.strip()]

    def unavailable(self, source: Unavailable) -> Missing:
        return Missing(f"À compléter : {source.what} — le module de capacite qui les saisit "
                       "arrive bientôt ; cette partie les reprendra alors d'elle-même.")

    def proposals(self, part_key: str) -> list:
        found = self.workshops["proposals"].get(part_key, [])
        if not found:
            return []
        return [Heading(3, "Propositions des ateliers thématiques", f"{part_key}-ateliers"),
                Bullets(tuple(f"{title} (atelier « {theme} »)" for title, theme in found))]

    # --- shared sections -----------------------------------------------------------------------

    def actors(self) -> list:
        tally = self.partners["tally"]
        blocks: list = [Facts(tuple((STANCES[s], str(tally.get(s, 0))) for s in STANCES))]
        if self.partners["chart"]:
            blocks.append(Chart(self.partners["chart"],
                                "Alliés, hésitants et refus, fin de mois par fin de mois"))
        history = self.partners["history"]
        blocks.append(Table("Positions des acteurs en fin de mois",
                            ("Mois", "Alliés", "Hésitants", "Refus"),
                            tuple((c.on.strftime("%m/%Y"), str(c.ally), str(c.hesitant),
                                   str(c.refusal)) for c in history),
                            numeric=(1, 2, 3)))
        blocks.append(Table(
            "Carte des acteurs", ("Organisation", "Type", "Position", "Commune"),
            tuple((o.name, o.get_kind_display(), STANCE.get(o.latest_stance or "unknown",
                                                             "Inconnu"),
                   o.commune) for o in self.partners["organisations"])))
        return blocks

    def coverage_table(self) -> Table:
        """The coverage screen's matrix, folded to one row per field so it fits a page."""
        publics = [str(label) for _k, label in self.coverage["publics"]]
        rows = []
        for field, cells in self.coverage["rows"]:
            gaps = [p for p, cell in zip(publics, cells, strict=True) if not cell]
            actors = sorted({name for cell in cells for name in cell.split(", ") if name})
            rows.append((field, f"{len(publics) - len(gaps)} / {len(publics)}",
                         ", ".join(gaps) or "aucun", ", ".join(actors) or "—"))
        return Table("Couverture partenariale : champs d'intervention × publics",
                     ("Champ", "Publics couverts", "Publics sans acteur", "Acteurs"),
                     tuple(rows), numeric=(1,))

    def steering_blocks(self) -> list:
        s = self.steering
        if not s.exists:
            return [Missing("À compléter : aucun comité de pilotage n'est constitué.")]
        blocks: list = [Bullets(tuple(s.organisations))]
        if s.missing_first_circle:
            blocks.append(Missing("Institutions du premier cercle absentes du comité de "
                                  "pilotage : " + ", ".join(s.missing_first_circle) + "."))
        else:
            blocks.append(Para("Toutes les institutions du premier cercle siègent au comité de "
                               "pilotage."))
        return blocks

    def gantt(self) -> list:
        plan = self.roadmap["plan"]
        blocks: list = []
        if self.roadmap["chart"]:
            blocks.append(Chart(self.roadmap["chart"], "Rétro-planning vers « "
                                f"{plan.target.task.title} » le {_date(plan.target.date)}"))
            ahead = [r for r in plan.rows if not r.planned.done]
            blocks.append(Table(
                f"Tâches restant à conduire ({len(ahead)} sur {len(plan.rows)})",
                ("Tâche", "Début au plus tard", "Fin au plus tard", "État"),
                tuple((r.task.title, _date(r.planned.latest_start), _date(r.planned.latest_finish),
                       "en retard" if r.planned.start_is_past else "à venir") for r in ahead)))
        else:
            blocks.append(Missing("À compléter : aucune date cible du rétro-planning n'est "
                                  "fixée."))
        return blocks

    # --- the label projet ----------------------------------------------------------------------

    def label_projet(self) -> Dossier:
        d = self.doc
        d.add(Heading(1, f"1. {PRESENTATION.title}", "presentation"))
        d.add(*self.narrative("structure"), *self.narrative("context"))
        d.add(*self.territory_facts())
        builders = {
            "partnership": self.partnership, "territory": self.territory_part,
            "premises": self.premises_part, "offer": self.offer,
            "operations": self.operations, "human_resources": self.human_resources,
            "legal": self.legal_part, "budget": self.budget_part, "next_steps": self.next_steps,
        }
        for index, part in enumerate(LABEL_PARTS, start=1):
            self.progress(30 + index * 5, f"Rédaction : {part.title[:40]}")
            d.add(Heading(2, f"1.{index} {part.title}", part.key))
            d.add(*self.narrative(part.narratives[0]))
            d.add(*builders[part.key](part))
            d.add(*self.proposals(part.key))
        self.progress(80, "Annexes")
        d.add(Heading(1, f"2. {ANNEXES_TITLE}", "annexes"))
        d.add(*self.annex_letters(), *self.annex_plan(), *self.annex_minutes())
        return d

    def partnership(self, part: Part) -> list:
        received = [x for x in self.letters if x.received]
        return [
            Heading(3, "Les acteurs et leurs positions", "acteurs"), *self.actors(),
            Heading(3, "Le comité de pilotage", "copil"), *self.steering_blocks(),
            Heading(3, "Les ateliers thématiques", "ateliers"),
            Table("Groupes de travail", ("Thème", "Participants", "Séances"),
                  tuple((theme, str(count), ", ".join(_date(x) for x in dates) or "—")
                        for theme, count, dates, _s in self.workshops["groups"]),
                  numeric=(1,)) if self.workshops["groups"]
            else Missing("À compléter : aucun atelier thématique enregistré."),
            Para(f"{len(received)} lettre(s) d'intention reçue(s) de partenaires ; la liste "
                 "figure en annexe."),
        ]

    def territory_facts(self) -> list:
        t = self.territory
        blocks: list = [Facts((("Territoire", t["label"] or "—"),
                               ("Communes", number(t["communes"])),
                               ("Population", number(t["population"]))))]
        if not t["communes"]:
            blocks.append(Missing("À compléter : les communes du territoire ne sont pas "
                                  "encore choisies (page « Territoire »)."))
        return blocks

    def territory_part(self, part: Part) -> list:
        blocks: list = self.territory_facts()
        if self.sites:
            blocks.append(Table("Le réseau de sites", ("Lieu", "Type", "Commune", "Pôles"),
                                tuple((s.fact.name, s.kind_label, s.commune or "—",
                                       str(s.fact.pole_count)) for s in self.sites),
                                numeric=(3,)))
        else:
            blocks.append(Missing("À compléter : aucun site n'est déclaré."))
        return blocks

    def premises_part(self, part: Part) -> list:
        if isinstance(self.premises, Unavailable):
            return [self.unavailable(self.premises)]
        return [Para(self.premises.description)]

    def offer(self, part: Part) -> list:
        blocks: list = []
        if self.poles:
            blocks.append(Table("Les pôles de conseil", ("Pôle", "Partenaires qui l'animent"),
                                tuple((p.name, ", ".join(p.partners) or "—")
                                      for p in self.poles)))
        else:
            blocks.append(Missing("À compléter : aucun pôle de conseil n'est défini."))
        blocks.append(self.coverage_table())
        blocks.append(Heading(3, "Le programme événementiel", "evenements"))
        if isinstance(self.events, Unavailable):
            blocks.append(self.unavailable(self.events))
        return blocks

    def operations(self, part: Part) -> list:
        blocks: list = [Heading(3, "Les horaires d'ouverture", "horaires")]
        for s in self.sites:
            blocks.append(Table(
                f"{s.fact.name} — {number(s.fact.hours_per_week, 1).rstrip('0').rstrip(',')} h "
                "par semaine", ("Jour", "Horaires"), tuple(s.week) or (("—", "fermé"),)))
        if not self.sites:
            blocks.append(Missing("À compléter : aucun horaire n'est saisi."))
        blocks.append(Heading(3, "Les structures de coordination", "instances"))
        blocks.append(Table("Instances et règles de fonctionnement",
                            ("Instance", "Nature", "Fréquence", "Membres"),
                            tuple((b.name, b.kind_label, b.frequency,
                                   ", ".join(org for org, _r in b.members) or "—")
                                  for b in self.bodies)))
        return blocks

    def human_resources(self, part: Part) -> list:
        c = self.contributions
        blocks: list = [Heading(3, f"Les contributions des partenaires en {c['year']}",
                                "contributions")]
        if c["lines"]:
            blocks.append(Table(
                "Ressources mises à disposition par les partenaires",
                ("Partenaire", "Fonction", "Pôle", "ETP", "Apport en nature", "Apport financier"),
                tuple((org, func or "—", pole or "—", fte(f), eur(k), eur(m))
                      for org, func, pole, f, k, m in c["lines"]),
                numeric=(3, 4, 5),
                total=("Total", "", "", fte(c["fte"]), eur(c["in_kind"]), eur(c["money"]))))
        else:
            blocks.append(Missing("À compléter : aucune contribution de partenaire n'est "
                                  "enregistrée."))
        blocks.append(Heading(3, "L'équipe", "equipe"))
        if isinstance(self.team, Unavailable):
            blocks.append(self.unavailable(self.team))
        return blocks

    def legal_part(self, part: Part) -> list:
        legal = self.legal
        blocks: list = []
        if legal["form"]:
            pairs = [("Forme retenue", legal["form"])]
            if legal["host_body"]:
                pairs.append(("Structure porteuse", legal["host_body"]))
            if legal["rationale"]:
                pairs.append(("Raisons du choix", legal["rationale"]))
            blocks.append(Facts(tuple(pairs)))
        else:
            blocks.append(Missing("À compléter : la structure juridique n'est pas choisie."))
        if legal["steps"]:
            blocks.append(Table("Délibérations des institutions sur les statuts",
                                ("Institution", "Instance", "Date prévue", "État"),
                                tuple((o, b, _date(d), s) for o, b, d, s in legal["steps"])))
        return blocks

    def budget_part(self, part: Part) -> list:
        c = self.contributions
        blocks: list = []
        if isinstance(self.budget, Unavailable):
            blocks.append(self.unavailable(self.budget))
        blocks.append(Facts((
            (f"Apports en nature valorisés ({c['year']})", eur(c["in_kind"])),
            (f"Apports financiers des partenaires ({c['year']})", eur(c["money"])),
            (f"ETP mis à disposition ({c['year']})", fte(c["fte"])),
        )))
        return blocks

    def next_steps(self, part: Part) -> list:
        blocks = self.gantt()
        tasks = self.roadmap["open_tasks"]
        if tasks and not self.roadmap["chart"]:
            blocks.append(Table("Tâches restant à conduire", ("Tâche", "Phase", "Échéance"),
                                tuple((t, p, _date(d)) for t, p, d in tasks)))
        return blocks

    def annex_letters(self) -> list:
        blocks: list = [Heading(2, f"2.1 {ANNEX_LETTERS_TITLE}", "annexe-lettres")]
        if not self.letters:
            return [*blocks, Missing("À compléter : aucune lettre d'intention n'est "
                                     "enregistrée.")]
        blocks.append(Table("Lettres d'intention", ("Partenaire", "État", "Date", "Fichier"),
                            tuple((x.organisation, x.status_label, _date(x.dated),
                                   x.filename or ("joint" if x.file_name else "non déposé"))
                                  for x in self.letters)))
        for letter in self.letters:
            if not letter.file_name or not default_storage.exists(letter.file_name):
                continue
            path = default_storage.path(letter.file_name)
            suffix = letter.file_name.lower().rsplit(".", 1)[-1]
            kind = "pdf" if suffix == "pdf" else "image" if f".{suffix}" in IMAGE_SUFFIXES \
                else "other"
            attachment = Attachment(f"Lettre d'intention — {letter.organisation}", path, kind)
            self.doc.attachments.append(attachment)
            if kind == "image":
                blocks.append(attachment)
        others = [a for a in self.doc.attachments if a.kind == "other"]
        pdfs = [a for a in self.doc.attachments if a.kind == "pdf"]
        if pdfs:
            blocks.append(Para(f"{len(pdfs)} lettre(s) au format PDF sont reproduites à la "
                               "fin du dossier, dans l'ordre du tableau."))
        if others:
            blocks.append(Para("Lettres déposées dans un format qui ne se joint pas au PDF "
                               "(à transmettre séparément) : "
                               + ", ".join(a.title for a in others) + "."))
        return blocks

    def annex_plan(self) -> list:
        blocks: list = [Heading(2, f"2.2 {ANNEX_PLAN_TITLE}", "annexe-plan")]
        if isinstance(self.premises, Unavailable):
            blocks.append(self.unavailable(self.premises))
        return blocks

    def annex_minutes(self) -> list:
        blocks: list = [Heading(2, f"2.3 {ANNEX_MINUTES_TITLE}", "annexe-ateliers")]
        rows = tuple((theme, _date(s.date), s.place or "—", s.agenda or "—")
                     for theme, _c, _d, sessions in self.workshops["groups"] for s in sessions)
        if rows:
            blocks.append(Table("Séances des ateliers thématiques",
                                ("Atelier", "Date", "Lieu", "Ordre du jour"), rows))
        else:
            blocks.append(Missing("Aucune séance d'atelier enregistrée."))
        return blocks

    # --- the note d'opportunité ----------------------------------------------------------------

    def opportunity(self) -> Dossier:
        d = self.doc
        sections = {
            "diagnosis": self.territory_facts,
            "actors": lambda: [*self.actors(), self.coverage_table()],
            "sponsor": self.steering_blocks,
            "premises_lead": lambda: [],
            "why_here": lambda: [],
            "opportunity_next": self.gantt,
        }
        for index, part in enumerate(OPPORTUNITY_PARTS, start=1):
            self.progress(30 + index * 8, f"Rédaction : {part.title}")
            d.add(Heading(1, f"{index}. {part.title}", part.key))
            for key in part.narratives:
                d.add(*self.narrative(key))
            d.add(*sections[part.key]())
        return d


def build(cite: Cite, kind: str, progress: Callable[[int, str], None] | None = None) -> Dossier:
    """The dossier `kind` ("opportunity" or "label_projet") of `cite`, as blocks.

    Call inside the Cité's scope."""
    builder = Builder(cite, kind, progress or (lambda _p, _m: None))
    return builder.opportunity() if kind == OPPORTUNITY else builder.label_projet()
