"""The two dossiers' content, built from the label's data sources (`label/services.py`).

Nothing is computed here that a screen computes too: hours per week, coverage, positions, the
rétro-planning and its chart all come from the other apps' services through `label.services`.
This module only arranges them in the guide's order. Its own words are French msgids, translated
when the dossier is built: `generate.generate(..., lang="en")` builds it under
`translation.override`, so every `_()` here is resolved in the dossier's language; what the Cité
typed (names, narratives) is printed as typed. Numbers and amounts are written as the dossier's
language writes them (`number`, `eur`).
"""

from collections.abc import Callable
from decimal import Decimal

from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop, ngettext, pgettext
from django.utils.translation import gettext as _

from capacite.core.models import Cite
from capacite.label import services
from capacite.label.domain.parts import (
    ANNEX_LETTERS_TITLE,
    ANNEX_MINUTES_TITLE,
    ANNEX_PLAN_TITLE,
    ANNEXES_TITLE,
    KIND_TITLES,
    LABEL_FONCTIONNEMENT,
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
from capacite.lib.money import (
    THIN_SPACE,
    format_count,
    format_hours,
    format_money,
    format_number,
    format_quantity,
)
from capacite.planning.domain.budget import SHORTFALL_LABEL, SURPLUS_LABEL
from capacite.roadmap.domain.schedule import STATE_WORDS, state_of

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
# The roadmap's state words (`STATE_WORDS`, a pure domain) are translated where they are printed;
# this one is printed only here, so it is marked here for the catalogue.
gettext_noop("début au plus tard dépassé")


def stances() -> dict[str, str]:
    """The partners' positions, counted (resolved in the dossier's language)."""
    return {"ally": _("Alliés"), "hesitant": _("Hésitants"), "refusal": _("Refus"),
            "unknown": _("Inconnus")}


def stance(key: str) -> str:
    """One partner's position, in the partners' own words."""
    return {"ally": _("Allié"), "hesitant": _("Hésitant"), "refusal": _("Refus")}.get(
        key, _("Inconnu"))


def english() -> bool:
    return (get_language() or "fr").startswith("en")


def localized(text: str) -> str:
    """A number written the French way (« 1 240,5 ») as the dossier's language writes it
    (« 1,240.5 » in English)."""
    if not english():
        return text
    return text.replace(",", ".").replace(THIN_SPACE, ",")


def number(value: Decimal | float | int, decimals: int = 0) -> str:
    """A number of the dossier: in French a narrow no-break space between thousands and a comma
    before decimals; in English a comma and a point."""
    return localized(f"{value:,.{decimals}f}".replace(",", THIN_SPACE).replace(".", ","))


def decimal(value: Decimal | float | int, places: int = 2) -> str:
    """`format_number` (rounded half up, a real minus sign) in the dossier's language."""
    return localized(format_number(value, places=places))


def percent(value: Decimal | float | int | None) -> str:
    """A share to one decimal: « 91,3 % », « 91.3% » in English; « — » when unknown."""
    if value is None:
        return "—"
    return decimal(value, 1) + ("%" if english() else " %")


def euros(value: Decimal) -> Decimal:
    """Money rounded once, to the euro, half up (the dossier says « arrondis à l'euro »)."""
    from decimal import ROUND_HALF_UP

    return Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def eur(value: Decimal) -> str:
    """An amount of the dossier: rounded to the euro, written the one way (`format_money`) in
    the dossier's language (« 12 000 € », « €12,000 »)."""
    return format_money(euros(value))


def fte(value: Decimal) -> str:
    """FTE with decimals only where they exist: « 2,5 », « 2.5 » in English."""
    return format_quantity(value)


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
        progress(27, "Lecture des locaux, des événements et de l'équipe")
        self.premises = services.premises_data(cite)
        self.events = services.events_data()
        self.team = services.team_data(cite)
        self.diagnosis = services.diagnosis_data()
        self.documentation = services.documentation_data()
        progress(29, "Lecture du budget et de la trésorerie")
        self.budget = services.budget_data(cite)
        self.investments = services.investments_data()

    def compose(self) -> Dossier:
        """The dossier of this builder's kind (the label fonctionnement's builder has `build`)."""
        if self.kind == LABEL_FONCTIONNEMENT:
            return self.build()  # type: ignore[attr-defined]
        return self.opportunity() if self.kind == OPPORTUNITY else self.label_projet()

    def preview_blocks(self) -> list:
        """The blocks this dossier would print, built aside (the pre-flight reads them)."""
        doc, progress, attachments = self.doc, self.progress, list(self.doc.attachments)
        self.doc = Dossier(doc.kind, doc.title, doc.cite_name, doc.territory, doc.generated,
                           language=doc.language)
        self.progress = lambda _p, _m: None
        try:
            return self.compose().blocks
        finally:
            self.doc, self.progress = doc, progress
            self.doc.attachments[:] = attachments

    # --- helpers -------------------------------------------------------------------------------

    def narrative(self, key: str) -> list:
        text = self.texts.get(key)
        spec = NARRATIVE_BY_KEY[key]
        if not text or not text.text.strip():
            return [Missing(_("À rédiger — %(title)s : %(help)s")
                            % {"title": spec.title, "help": spec.help})]
        return [Para(p.strip().replace("\n", " "))
                for p in text.text.replace("\r\n", "\n").split("\n\n") if p.strip()]


    def proposals(self, part_key: str) -> list:
        found = self.workshops["proposals"].get(part_key, [])
        if not found:
            return []
        return [Heading(3, _("Propositions des ateliers thématiques"), f"{part_key}-ateliers"),
                Bullets(tuple(_("%(title)s (atelier « %(theme)s »)")
                              % {"title": title, "theme": theme} for title, theme in found))]

    # --- shared sections -----------------------------------------------------------------------

    def actors(self) -> list:
        tally = self.partners["tally"]
        words = stances()
        blocks: list = [Facts(tuple((words[s], str(tally.get(s, 0))) for s in words))]
        if self.partners["chart"]:
            blocks.append(Chart(self.partners["chart"],
                                _("Alliés, hésitants et refus, fin de mois par fin de mois")))
        history = self.partners["history"]
        blocks.append(Table(_("Positions des acteurs en fin de mois"),
                            (_("Mois"), words["ally"], words["hesitant"], words["refusal"]),
                            tuple((c.on.strftime("%m/%Y"), str(c.ally), str(c.hesitant),
                                   str(c.refusal)) for c in history),
                            numeric=(1, 2, 3)))
        blocks.append(Table(
            _("Carte des acteurs"), (_("Organisation"), _("Type"), _("Position"), _("Commune")),
            tuple((o.name, o.get_kind_display(), stance(o.latest_stance or "unknown"),
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
                         ", ".join(gaps) or pgettext("public", "aucun"),
                         ", ".join(actors) or "—"))
        return Table(_("Couverture partenariale : champs d'intervention × publics"),
                     (pgettext("champ d'intervention", "Champ"), _("Publics couverts"),
                      _("Publics sans acteur"), _("Acteurs")),
                     tuple(rows), numeric=(1,))

    def steering_blocks(self) -> list:
        s = self.steering
        if not s.exists:
            return [Missing(_("À compléter : aucun comité de pilotage n'est constitué."))]
        blocks: list = [Bullets(tuple(s.organisations))]
        if s.missing_first_circle:
            blocks.append(Missing(_("Institutions du premier cercle absentes du comité de "
                                    "pilotage : %(names)s.")
                                  % {"names": ", ".join(s.missing_first_circle)}))
        else:
            blocks.append(Para(_("Toutes les institutions du premier cercle siègent au comité "
                                 "de pilotage.")))
        return blocks

    def diagnosis_blocks(self) -> list:
        """The diagnosis screen's indicators and each theme's analysis."""
        themes = [t for t in self.diagnosis["themes"] if t.indicators or t.narrative]
        blocks: list = [Heading(3, _("Le diagnostic territorial"), "diagnostic")]
        if not themes:
            return [*blocks, Missing(_("À compléter : aucun indicateur ni analyse du "
                                       "diagnostic territorial (page « Diagnostic »)."))]
        for t in themes:
            if t.indicators:
                blocks.append(Table(t.label, (_("Indicateur"), _("Valeur"), _("Territoire"),
                                              _("Source")),
                                    tuple((label, f"{value} {unit}".strip(), where or "—",
                                           source or "—")
                                          for label, value, unit, where, source in t.indicators),
                                    numeric=(1,)))
            if t.narrative:
                blocks.extend(Para(x.strip().replace("\n", " "))
                              for x in t.narrative.replace("\r\n", "\n").split("\n\n")
                              if x.strip())
        return blocks

    def offer_map_blocks(self) -> list:
        """The existing offer map of the diagnosis: who already offers what."""
        d = self.diagnosis
        blocks: list = [Heading(3, _("L'offre existante d'accueil, d'information et "
                                   "d'orientation"), "offre-existante")]
        if not d["map_rows"]:
            return [*blocks, Missing(_("À compléter : la cartographie de l'offre existante "
                                       "n'est pas renseignée (page « Offre existante »)."))]
        blocks.append(Table(_("Services offerts par les acteurs (%(count)s sur %(total)s "
                              "renseignés)")
                            % {"count": len(d["map_rows"]), "total": d["map_actors"]},
                            (pgettext("offre", "Service"), _("Acteurs")),
                            tuple((label, str(count)) for label, count in d["counts"]),
                            numeric=(1,)))
        gaps = [label for label, count in d["counts"] if count == 0]
        if gaps:
            blocks.append(Para(_("Aucun acteur n'offre aujourd'hui : %(services)s.")
                               % {"services": ", ".join(gaps)}))
        blocks.append(Table(_("Cartographie de l'offre existante"),
                            (_("Acteur"), pgettext("offre", "Services"), _("Forces"),
                             _("Faiblesses")),
                            tuple((name, ", ".join(sv) or "—", strong or "—", weak or "—")
                                  for name, sv, strong, weak in d["map_rows"])))
        return blocks

    def gantt(self) -> list:
        plan = self.roadmap["plan"]
        blocks: list = []
        if self.roadmap["chart"]:
            blocks.append(Chart(self.roadmap["chart"], _("Rétro-planning vers « %(target)s » le "
                                                         "%(date)s")
                                % {"target": plan.target.task.get_title_display(),
                                   "date": _date(plan.target.date)}))
            ahead = [r for r in plan.rows if not r.planned.done]
            blocks.append(Table(
                _("Tâches restant à conduire (%(count)s sur %(total)s)")
                % {"count": len(ahead), "total": len(plan.rows)},
                (_("Tâche"), _("Début au plus tard"), _("Fin au plus tard"), _("État")),
                tuple((r.task.get_title_display(), _date(r.planned.latest_start),
                       _date(r.planned.latest_finish),
                       _(STATE_WORDS[state_of(r.task, today=self.roadmap["today"],
                                              start_is_past=r.planned.start_is_past)]))
                      for r in ahead)))
        else:
            blocks.append(Missing(_("À compléter : aucune date cible du rétro-planning n'est "
                                    "fixée.")))
        return blocks

    # --- the label projet ----------------------------------------------------------------------

    def label_projet(self) -> Dossier:
        d = self.doc
        d.add(Heading(1, f"1. {PRESENTATION.title}", "presentation"))
        d.add(*self.narrative("structure"), *self.narrative("context"))
        d.add(*self.territory_facts())
        d.add(*self.diagnosis_blocks())
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
            Heading(3, _("Les acteurs et leurs positions"), "acteurs"), *self.actors(),
            Heading(3, _("Le comité de pilotage"), "copil"), *self.steering_blocks(),
            Heading(3, _("Les ateliers thématiques"), "ateliers"),
            Table(_("Groupes de travail"), (_("Thème"), _("Participants"), _("Séances")),
                  tuple((theme, str(count), ", ".join(_date(x) for x in dates) or "—")
                        for theme, count, dates, _s in self.workshops["groups"]),
                  numeric=(1,)) if self.workshops["groups"]
            else Missing(_("À compléter : aucun atelier thématique enregistré.")),
            Para(ngettext("%(n)s lettre d'intention reçue de partenaires ; la liste figure en "
                          "annexe.",
                          "%(n)s lettres d'intention reçues de partenaires ; la liste figure en "
                          "annexe.", len(received)) % {"n": format_count(len(received))}),
        ]

    def territory_facts(self) -> list:
        t = self.territory
        blocks: list = [Facts(((_("Territoire"), t["label"] or "—"),
                               (_("Communes"), number(t["communes"])),
                               (_("Population"), number(t["population"]))))]
        if not t["communes"]:
            blocks.append(Missing(_("À compléter : les communes du territoire ne sont pas "
                                    "encore choisies (page « Territoire »).")))
        return blocks

    def territory_part(self, part: Part) -> list:
        blocks: list = self.territory_facts()
        if self.sites:
            blocks.append(Table(_("Le réseau de sites"),
                                (pgettext("site", "Lieu"), _("Type"), _("Commune"), _("Pôles")),
                                tuple((s.fact.name, s.kind_label, s.commune or "—",
                                       str(s.fact.pole_count)) for s in self.sites),
                                numeric=(3,)))
        else:
            blocks.append(Missing(_("À compléter : aucun site n'est déclaré.")))
        return blocks

    def premises_part(self, part: Part) -> list:
        p = self.premises
        blocks: list = []
        c = p.chosen
        if c is None:
            blocks.append(Missing(_("À compléter : aucun local n'est retenu parmi les locaux "
                                    "envisagés (page « Locaux »).")))
        else:
            yes_no = {True: _("oui"), False: _("non")}
            pairs = [(_("Local retenu"), c.name),
                     (_("Adresse"), ", ".join(x for x in (c.address, c.commune) if x)),
                     (pgettext("locaux", "Surface"), self.surface_for_need(c)),
                     (_("Desserte"), c.transport_label + (f" ({c.transport_notes})"
                                                          if c.transport_notes else "")),
                     (_("De plain-pied, accessible"), yes_no[c.step_free]),
                     (_("Central"), yes_no[c.central]),
                     (_("Plateau ouvert"), yes_no[c.open_plan]),
                     (_("Partagé avec"), ", ".join(c.shared_with) or "—")]
            if c.rent_eur is not None:
                pairs.append((_("Loyer annuel"), eur(c.rent_eur)))
            if c.works_eur is not None:
                pairs.append((_("Travaux d'aménagement"), eur(c.works_eur)))
            pairs.append((_("Note d'adéquation"), self.score(c)))
            blocks.append(Facts(tuple(pairs)))
            if c.blocking:
                blocks.append(Missing(_("Critères non remplis : %(criteria)s")
                                      % {"criteria": " ; ".join(c.blocking)}))
            if c.notes:
                blocks.append(Para(c.notes))
        total = sum(z.surface_m2 for z in p.programme)
        if total:
            blocks.append(Heading(3, _("Le programme des surfaces"), "programme-surfaces"))
            blocks.append(Table(_("Surfaces par espace"),
                                (_("Espace"), pgettext("locaux", "Surface")),
                                tuple((z.label, f"{number(z.surface_m2)} m²")
                                      for z in p.programme),
                                numeric=(1,), total=(_("Total"), f"{number(total)} m²")))
        else:
            blocks.append(Missing(_("À compléter : le programme des surfaces n'est pas "
                                    "saisi.")))
        if c is not None:
            blocks.append(Para(_("Le plan prévisionnel d'aménagement figure en annexe 2.2.")
                               if c.has_plan else
                               _("Le plan prévisionnel d'aménagement n'est pas encore "
                                 "déposé.")))
        return blocks

    @staticmethod
    def surface_for_need(c) -> str:
        return _("%(surface)s m² pour un besoin de %(need)s m²") % {
            "surface": number(c.surface_m2), "need": number(c.need_m2)}

    @staticmethod
    def score(c) -> str:
        return _("%(points)s / %(maximum)s points") % {"points": c.points, "maximum": c.maximum}

    def offer(self, part: Part) -> list:
        blocks: list = []
        if self.poles:
            blocks.append(Table(pgettext("dossier", "Les pôles de conseil"),
                                (_("Pôle"), _("Partenaires qui l'animent")),
                                tuple((p.name, ", ".join(p.partners) or "—")
                                      for p in self.poles)))
        else:
            blocks.append(Missing(_("À compléter : aucun pôle de conseil n'est défini.")))
        blocks.append(self.coverage_table())
        blocks.append(Heading(3, _("Le programme événementiel"), "evenements"))
        blocks.extend(self.events_blocks())
        docs = self.documentation
        blocks.append(Heading(3, _("La documentation en libre accès"), "documentation"))
        if docs["resources"]:
            resources = ngettext("%(n)s ressource", "%(n)s ressources", docs["resources"]) \
                % {"n": format_count(docs["resources"])}
            themes = ngettext("%(n)s thème", "%(n)s thèmes", docs["themes"]) \
                % {"n": format_count(docs["themes"])}
            blocks.append(Para(ngettext(
                "Le fonds documentaire compte %(resources)s, classée en %(themes)s, consultable "
                "librement sur place.",
                "Le fonds documentaire compte %(resources)s, classées en %(themes)s, "
                "consultables librement sur place.", docs["resources"])
                % {"resources": resources, "themes": themes}))
        else:
            blocks.append(Missing(_("À compléter : le catalogue documentaire est vide "
                                    "(page « Documentation »).")))
        return blocks

    def events_blocks(self) -> list:
        e = self.events
        headers = (_("Date"), _("Événement"), _("Lieu"), _("Pôle ou thème"))

        def rows(items):
            return tuple((_date(x.day), x.title, x.where or "—", x.pole or "—") for x in items)

        if e.retained:
            return [Table(_("Événements retenus par le comité de programmation (%(n)s)")
                          % {"n": format_count(len(e.retained))}, headers, rows(e.retained))]
        if e.proposed:
            return [Para(ngettext(
                "%(n)s événement est proposé ; le comité de programmation ne l'a pas encore "
                "retenu.",
                "%(n)s événements sont proposés ; le comité de programmation ne les a pas encore "
                "retenus.", len(e.proposed)) % {"n": format_count(len(e.proposed))}),
                    Table(_("Programme événementiel envisagé"), headers, rows(e.proposed))]
        return [Missing(_("À compléter : aucun événement n'est proposé (page « Événements »)."))]

    def operations(self, part: Part) -> list:
        blocks: list = [Heading(3, _("Les horaires d'ouverture"), "horaires")]
        for s in self.sites:
            blocks.append(Table(
                _("%(site)s — %(hours)s par semaine")
                % {"site": s.fact.name, "hours": format_hours(s.fact.hours_per_week)},
                (_("Jour"), _("Horaires")), tuple(s.week) or (("—", _("fermé")),)))
        if not self.sites:
            blocks.append(Missing(_("À compléter : aucun horaire n'est saisi.")))
        blocks.append(Heading(3, _("Les structures de coordination"), "instances"))
        blocks.append(self.bodies_table())
        return blocks

    def bodies_table(self) -> Table:
        return Table(_("Instances et règles de fonctionnement"),
                     (_("Instance"), _("Nature"), _("Fréquence"), _("Membres")),
                     tuple((b.name, b.kind_label, b.frequency,
                            ", ".join(org for org, _r in b.members) or "—")
                           for b in self.bodies))

    def human_resources(self, part: Part) -> list:
        c = self.contributions
        title = _("Les contributions des partenaires en %(year)s") % {"year": c["year"]}
        blocks: list = [Heading(3, title, "contributions")]
        if c["lines"]:
            blocks.append(Table(
                _("Ressources mises à disposition par les partenaires"),
                (_("Partenaire"), pgettext("métier", "Fonction"), _("Pôle"), _("ETP"),
                 _("Apport en nature"), _("Apport financier")),
                tuple((org, func or "—", pole or "—", fte(f), eur(k), eur(m))
                      for org, func, pole, f, k, m in c["lines"]),
                numeric=(3, 4, 5),
                total=(_("Total"), "", "", fte(c["fte"]), eur(c["in_kind"]), eur(c["money"]))))
        else:
            blocks.append(Missing(_("À compléter : aucune contribution de partenaire n'est "
                                    "enregistrée.")))
        blocks.append(Heading(3, _("L'équipe"), "equipe"))
        row = self.budget.row
        if row is not None:
            pairs = [
                (_("ETP nécessaires (scénario « %(name)s »)") % {"name": row["name"]},
                 decimal(row["fte_needed"])),
                (_("ETP apportés par les partenaires"), decimal(row["fte_partners"])),
                (_("ETP à recruter"), decimal(row["fte_to_recruit"])),
            ]
            if row["fte_surplus"]:
                # Partners bring more than some functions need: without this line the three
                # figures above do not add up.
                pairs.append((_("ETP apportés en excédent des besoins"),
                              decimal(row["fte_surplus"])))
            blocks.append(Facts(tuple(pairs)))
        t = self.team
        if not t.jobs:
            blocks.append(Missing(_("À compléter : aucune fiche de poste n'est rédigée "
                                    "(page « Équipe »).")))
            return blocks
        blocks.append(Table(_("Fiches de poste"),
                            (_("Poste"), pgettext("métier", "Fonction"), _("ETP"),
                             _("Employeur"), _("Titulaires")),
                            tuple((j.title, j.function, fte(j.fte), j.employer,
                                   ", ".join(j.holders) or _("à pourvoir")) for j in t.jobs),
                            numeric=(2,)))
        total = sum((v for _k, v in t.by_function), Decimal(0))
        blocks.append(Table(_("ETP par fonction"), (pgettext("métier", "Fonction"), _("ETP")),
                            tuple((k, fte(v)) for k, v in t.by_function), numeric=(1,),
                            total=(_("Total"), fte(total))))
        for index, svg in enumerate(t.org_chart, start=1):
            caption = _("Organigramme prévisionnel")
            if len(t.org_chart) > 1:
                caption += f" ({index}/{len(t.org_chart)})"
            blocks.append(Chart(svg, caption))
        if t.org_groups:  # the chart's figures, for screen readers and the DOCX
            blocks.append(Table(
                _("Organigramme : qui travaille où"),
                (_("Organisation"), _("Poste"), _("Rattaché à"), _("Personnes"), _("Noms")),
                tuple((group.name, post.title, post.reports_to or "—", str(len(post.people)),
                       ", ".join(post.people) or _("à pourvoir"))
                      for group in t.org_groups for post in group.posts), numeric=(3,)))
        return blocks

    def legal_part(self, part: Part) -> list:
        legal = self.legal
        blocks: list = []
        if legal["form"]:
            pairs = [(_("Forme retenue"), legal["form"])]
            if legal["host_body"]:
                pairs.append((_("Structure porteuse"), legal["host_body"]))
            if legal["rationale"]:
                pairs.append((_("Raisons du choix"), legal["rationale"]))
            blocks.append(Facts(tuple(pairs)))
        else:
            blocks.append(Missing(_("À compléter : la structure juridique n'est pas choisie.")))
        if legal["steps"]:
            blocks.append(Table(_("Délibérations des institutions sur les statuts"),
                                (_("Institution"), _("Instance"), _("Date prévue"), _("État")),
                                tuple((o, b, _date(d), s) for o, b, d, s in legal["steps"])))
        return blocks

    def budget_part(self, part: Part) -> list:
        c = self.contributions
        b = self.budget
        blocks: list = []
        if b.row is None:
            blocks.append(Missing(_("À compléter : le comité de pilotage n'a retenu aucun "
                                    "scénario (page « Comparaison des scénarios »).")))
        else:
            row = b.row
            cost = row["cost_per_open_hour"]
            blocks.append(Heading(3, _("Le scénario retenu : « %(name)s »") % {"name": row["name"]},
                                  "scenario"))
            # The Cerfa table's balancing lines, with the same figure as the table below.
            shortfall, surplus = euros(row["shortfall"]), euros(row["surplus"])
            balance = ((_(SURPLUS_LABEL), eur(surplus)) if surplus > 0 else
                       (_(SHORTFALL_LABEL), eur(shortfall)) if shortfall > 0 else
                       (_(SHORTFALL_LABEL), _("aucun, budget équilibré")))
            pairs = [
                (_("Charges de fonctionnement"), eur(row["operating_charges"])),
                (_("Produits de fonctionnement"), eur(row["operating_resources"])),
                balance,
                (_("Contributions volontaires en nature"), eur(row["in_kind"])),
                (_("Heures d'ouverture par semaine"), format_hours(row["hours_per_week"])),
                (_("Coût complet par heure d'ouverture"),
                 format_money(cost) if cost is not None else "—"),
            ]
            if b.unsecured:
                pairs.append((_("Dont financements en piste, non acquis (risque)"),
                              ngettext("%(amount)s sur %(n)s an", "%(amount)s sur %(n)s ans",
                                       len(b.years))
                              % {"amount": eur(b.unsecured), "n": len(b.years)}))
            blocks.append(Facts(tuple(pairs)))
            blocks.append(Para(_("Montants arrondis à l'euro, sauf le coût par heure "
                                 "d'ouverture. Chiffres de la première année du scénario ; le "
                                 "budget ci-dessous donne chaque année.")))
        if b.cerfa is not None:
            years = [str(y) for y in b.cerfa["years"]]
            rows, strong = [], []
            for r in b.cerfa["rows"]:
                if r["kind"] in ("class", "balance", "total"):
                    strong.append(len(rows))
                amounts = [eur(a) for a in r["amounts"]] or [""] * len(years)
                rows.append((r["code"], r["label"], *amounts))
            blocks.append(Heading(3, _("Le budget prévisionnel de fonctionnement"), "cerfa"))
            blocks.append(Table(_("Budget prévisionnel (présentation Cerfa 12156), scénario "
                                  "« %(name)s »") % {"name": b.cerfa["scenario"]},
                                (pgettext("plan comptable", "Compte"), _("Intitulé"), *years),
                                tuple(rows), numeric=tuple(range(2, 2 + len(years))),
                                strong=tuple(strong)))
        if b.row is not None:
            blocks.append(Heading(3, _("La trésorerie"), "tresorerie"))
            if b.treasury_error:
                blocks.append(Missing(_("Plan de trésorerie incalculable : %(error)s")
                                      % {"error": b.treasury_error}))
            elif b.months_below_zero:
                blocks.append(Para(ngettext(
                    "Sur les 36 premiers mois, %(n)s mois finit avec une trésorerie négative :",
                    "Sur les 36 premiers mois, %(n)s mois finissent avec une trésorerie "
                    "négative :", b.months_below_zero) % {"n": b.months_below_zero}))
                blocks.append(Bullets(tuple(b.treasury_alerts)))
                if b.gip:
                    blocks.append(Missing(_("Structure retenue : GIP. Un GIP ne peut connaître "
                                            "aucun déficit : le calendrier des versements est à "
                                            "revoir avec les financeurs.")))
            else:
                text = _("Sur les 36 premiers mois, la trésorerie reste positive chaque fin de "
                         "mois.")
                if b.gip:
                    text += " " + _("Condition nécessaire pour un GIP, qui ne peut connaître "
                                    "aucun déficit.")
                blocks.append(Para(text))
        blocks.append(Heading(3, _("Les apports des partenaires"), "apports"))
        if b.row is None:
            blocks.append(Facts((
                (_("Apports en nature valorisés (%(year)s)") % {"year": c["year"]},
                 eur(c["in_kind"])),
                (_("Apports financiers des partenaires (%(year)s)") % {"year": c["year"]},
                 eur(c["money"])),
                (_("ETP mis à disposition (%(year)s)") % {"year": c["year"]}, fte(c["fte"])),
            )))
            return blocks
        row = b.row
        # The retained scenario's own resources (planning computes them, as on its
        # « Ressources et valeur » page): what the guide calls its value for each partner.
        share = row["partners_share"]
        blocks.append(Facts((
            (_("Heures de conseil offertes par an"),
             format_hours(row["counselling_hours_per_year"])),
            (_("Coût complet (charges et apports en nature)"), eur(row["full_cost"])),
            (_("Part apportée par les partenaires"), percent(share)),
        )))
        if row["partners"]:
            blocks.append(Table(
                _("Valeur pour chaque partenaire, scénario « %(name)s »") % {"name": row["name"]},
                (_("Partenaire"), _("ETP"), _("En nature"), _("Financement"), _("Total"),
                 _("Part du coût"), _("Levier")),
                tuple((v["partner"], fte(v["fte"]), eur(v["staff_value"] + v["goods_value"]),
                       eur(v["money"]), eur(v["total"]), percent(v["share"]),
                       f"× {decimal(v['leverage'])}" if v["leverage"] else "—")
                      for v in row["partners"]),
                numeric=(1, 2, 3, 4, 5, 6)))
            blocks.append(Para(_("En nature : personnel mis à disposition et biens valorisés. "
                                 "Levier : le coût complet de la Cité que chaque euro apporté "
                                 "ouvre au public du partenaire.")))
        return blocks

    def next_steps(self, part: Part) -> list:
        blocks = self.gantt()
        tasks = self.roadmap["open_tasks"]
        if tasks and not self.roadmap["chart"]:
            blocks.append(Table(_("Tâches restant à conduire"),
                                (_("Tâche"), _("Phase"), _("Échéance")),
                                tuple((t, p, _date(d)) for t, p, d in tasks)))
        return blocks

    def annex_letters(self) -> list:
        blocks: list = [Heading(2, f"2.1 {ANNEX_LETTERS_TITLE}", "annexe-lettres")]
        if not self.letters:
            return [*blocks, Missing(_("À compléter : aucune lettre d'intention n'est "
                                       "enregistrée."))]
        blocks.append(Table(_("Lettres d'intention"),
                            (_("Partenaire"), _("État"), _("Date"), _("Fichier")),
                            tuple((x.organisation, x.status_label, _date(x.dated),
                                   x.filename or (pgettext("lettre", "joint") if x.file_name
                                                  else pgettext("lettre", "non déposé")))
                                  for x in self.letters)))
        for letter in self.letters:
            if not letter.file_name or not default_storage.exists(letter.file_name):
                continue
            path = default_storage.path(letter.file_name)
            suffix = letter.file_name.lower().rsplit(".", 1)[-1]
            kind = "pdf" if suffix == "pdf" else "image" if f".{suffix}" in IMAGE_SUFFIXES \
                else "other"
            attachment = Attachment(_("Lettre d'intention — %(name)s")
                                    % {"name": letter.organisation}, path, kind)
            self.doc.attachments.append(attachment)
            if kind == "image":
                blocks.append(attachment)
        others = [a for a in self.doc.attachments if a.kind == "other"]
        pdfs = [a for a in self.doc.attachments if a.kind == "pdf"]
        if pdfs:
            blocks.append(Para(ngettext(
                "%(n)s lettre au format PDF est reproduite à la fin du dossier, dans l'ordre du "
                "tableau.",
                "%(n)s lettres au format PDF sont reproduites à la fin du dossier, dans l'ordre "
                "du tableau.", len(pdfs)) % {"n": format_count(len(pdfs))}))
        if others:
            blocks.append(Para(_("Lettres déposées dans un format qui ne se joint pas au PDF "
                                 "(à transmettre séparément) : %(letters)s.")
                               % {"letters": ", ".join(a.title for a in others)}))
        return blocks

    def annex_plan(self, *, after_letters: bool = True) -> list:
        blocks: list = [Heading(2, f"2.2 {ANNEX_PLAN_TITLE}", "annexe-plan")]
        p = self.premises
        if p.chosen is None:
            return [*blocks, Missing(_("À compléter : aucun local n'est retenu."))]
        if not p.plan_path:
            return [*blocks, Missing(_("À compléter : le plan d'aménagement de « %(name)s » "
                                       "n'est pas déposé (page « Locaux »).")
                                     % {"name": p.chosen.name})]
        title = _("Plan d'aménagement — %(name)s") % {"name": p.chosen.name}
        attachment = Attachment(title, p.plan_path, p.plan_kind)
        self.doc.attachments.append(attachment)
        name = p.chosen.plan_filename or p.plan_path.rsplit("/", 1)[-1]
        if p.plan_kind == "image":
            blocks.append(attachment)
        elif p.plan_kind == "pdf":
            blocks.append(Para(self.plan_appended(name, after_letters=after_letters)))
        else:
            blocks.append(Para(_("Le plan « %(name)s » est déposé dans un format qui ne se "
                                 "joint pas au PDF : il est transmis séparément.")
                               % {"name": name}))
        return blocks

    @staticmethod
    def plan_appended(name: str, *, after_letters: bool) -> str:
        if after_letters:
            return _("Le plan « %(name)s » est reproduit à la fin du dossier, après les lettres "
                     "d'intention.") % {"name": name}
        return _("Le plan « %(name)s » est reproduit à la fin du dossier.") % {"name": name}

    def annex_minutes(self) -> list:
        blocks: list = [Heading(2, f"2.3 {ANNEX_MINUTES_TITLE}", "annexe-ateliers")]
        rows = tuple((theme, _date(s.date), s.place or "—", s.agenda or "—")
                     for theme, _c, _d, sessions in self.workshops["groups"] for s in sessions)
        if rows:
            blocks.append(Table(_("Séances des ateliers thématiques"),
                                (pgettext("atelier thématique", "Atelier"), _("Date"),
                                 pgettext("réunion", "Lieu"), _("Ordre du jour")), rows))
        else:
            blocks.append(Missing(_("Aucune séance d'atelier enregistrée.")))
        return blocks

    # --- the note d'opportunité ----------------------------------------------------------------

    def premises_lead(self) -> list:
        c = self.premises.chosen
        if c is None:
            return []
        return [Facts(((_("Local pressenti"), f"{c.name}, {c.commune}"),
                       (pgettext("locaux", "Surface"), self.surface_for_need(c)),
                       (_("Note d'adéquation"), self.score(c))))]

    def opportunity(self) -> Dossier:
        d = self.doc
        sections = {
            "diagnosis": lambda: [*self.territory_facts(), *self.diagnosis_blocks(),
                                  *self.offer_map_blocks()],
            "actors": lambda: [*self.actors(), self.coverage_table()],
            "sponsor": self.steering_blocks,
            "premises_lead": self.premises_lead,
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


def builder_for(cite: Cite, kind: str,
                progress: Callable[[int, str], None] | None = None) -> Builder:
    """The builder of dossier `kind`: it reads every source once (the pre-flight reads it)."""
    progress = progress or (lambda _p, _m: None)
    if kind == LABEL_FONCTIONNEMENT:
        from capacite.label.dossier.fonctionnement import FonctionnementBuilder

        return FonctionnementBuilder(cite, kind, progress)
    return Builder(cite, kind, progress)


def build(cite: Cite, kind: str, progress: Callable[[int, str], None] | None = None) -> Dossier:
    """The dossier `kind` of `cite`, as blocks. Call inside the Cité's scope."""
    return builder_for(cite, kind, progress).compose()
