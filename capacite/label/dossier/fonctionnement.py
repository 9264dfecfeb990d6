"""The dossier de confirmation du label fonctionnement, built on the label projet's machinery.

Same blocks, same renderers (cover, contents, pages counted « x / n », running headers,
annexes appended), same data sources: this builder extends `content.Builder` and adds the
conformity chapter — the label projet's figures kept at deposit against today's, each gap with
the team's explanation and corrective measure — then the guide's nine parts in its order.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from capacite.label import conformity
from capacite.label import services_fonctionnement as fonct
from capacite.label.domain.conformity import Figures, num
from capacite.label.domain.parts import (
    ANNEX_ACTS_TITLE,
    ANNEX_OPINION_TITLE,
    ANNEXES_TITLE,
    CONFORMITY,
    FONCTIONNEMENT_PARTS,
)
from capacite.label.dossier.blocks import Attachment, Bullets, Facts, Heading, Missing, Para, Table
from capacite.label.dossier.content import IMAGE_SUFFIXES, Builder, _date, eur, fte, localized
from capacite.lib.money import format_count


def _kind_of(path: str) -> str:
    suffix = "." + path.lower().rsplit(".", 1)[-1]
    return "pdf" if suffix == ".pdf" else "image" if suffix in IMAGE_SUFFIXES else "other"


def number(value: Decimal | int, decimals: int = 0) -> str:
    """The conformity's way (« 38 h », « 10,5 », trailing zeros dropped) in the dossier's
    language."""
    return localized(num(value, decimals))


def _paras(text: str) -> list:
    return [Para(p.strip().replace("\n", " "))
            for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


class FonctionnementBuilder(Builder):
    def __init__(self, cite, kind, progress):
        super().__init__(cite, kind, progress)
        progress(30, "Comparaison avec le label projet")
        self.snapshot = conformity.snapshot()
        self.rows = conformity.gap_rows(cite)
        self.now = conformity.current_figures(cite)
        self.spaces = fonct.fitted_spaces()
        self.communication = fonct.communication_data()
        self.experiments = fonct.experiments()
        self.pole_teams = fonct.pole_teams()
        self.acts = fonct.funding_acts()
        self.statutes = fonct.statutes()
        self.opinions = fonct.opinions()
        self.activity = fonct.activity_data(cite)
        self.quality = fonct.quality_data(cite)

    def preview_blocks(self) -> list:
        """The blocks this dossier would print, built aside (the pre-flight reads them)."""
        from capacite.label.dossier.blocks import Dossier

        doc, progress, attachments = self.doc, self.progress, list(self.doc.attachments)
        self.doc = Dossier(doc.kind, doc.title, doc.cite_name, doc.territory, doc.generated,
                           language=doc.language)
        self.progress = lambda _p, _m: None
        try:
            return self.build().blocks
        finally:
            self.doc, self.progress = doc, progress
            self.doc.attachments[:] = attachments

    def build(self):
        d = self.doc
        d.add(Heading(1, f"1. {CONFORMITY.title}", "conformite"))
        d.add(*self.conformity())
        d.add(Heading(1, _("2. Le fonctionnement de la Cité des métiers"), "fonctionnement"))
        builders = {
            "statutes": self.statutes_part, "fitted_premises": self.fitted_part,
            "communication": self.communication_part, "dashboards": self.dashboards_part,
            "quality": self.quality_part, "experiments": self.experiments_part,
            "team": self.team_part, "final_budget": self.final_budget_part,
            "fitting_plan": self.fitting_plan_part,
        }
        for index, part in enumerate(FONCTIONNEMENT_PARTS, start=1):
            self.progress(35 + index * 5, f"Rédaction : {part.title[:40]}")
            d.add(Heading(2, f"2.{index} {part.title}", part.key))
            d.add(*builders[part.key]())
        self.progress(82, "Annexes")
        d.add(Heading(1, f"3. {ANNEXES_TITLE}", "annexes"))
        d.add(*self.annex_acts(), *self.annex_opinion())
        return d

    # --- 1. conformity -------------------------------------------------------------------------

    def conformity(self) -> list:
        s = self.snapshot
        if s is None:
            return [Missing(_("À compléter : les chiffres du label projet ne sont pas connus. "
                              "Saisissez-les une fois, d'après la lettre de décision (page "
                              "« Conformité avec le label projet »)."))]
        if s.source == "deposit":
            text = _("Le dossier compare les données d'aujourd'hui avec les chiffres du label "
                     "projet, relevés au dépôt du dossier de label projet (version %(number)s) "
                     "le %(date)s. Chaque écart est expliqué et accompagné d'une mesure "
                     "corrective.") % {"number": s.submission_number, "date": _date(s.taken_on)}
        else:
            text = _("Le dossier compare les données d'aujourd'hui avec les chiffres du label "
                     "projet, saisis d'après la lettre de décision, référence du %(date)s. Chaque "
                     "écart est expliqué et accompagné d'une mesure corrective.") % {
                "date": _date(s.taken_on)}
        blocks: list = [Para(text)]
        blocks.append(self.figures_table(Figures.from_json(s.figures), self.now))
        if not self.rows:
            blocks.append(Para(_("Aucun écart constaté : la Cité ouverte est conforme au projet "
                                 "labellisé.")))
            return blocks
        blocks.append(Table(_("Écarts constatés (%(n)s)") % {"n": format_count(len(self.rows))},
                            (_("Écart"), _("Explication"), _("Mesure corrective")),
                            tuple((r.gap.text,
                                   r.answer.explanation.strip() or _("à expliquer"),
                                   r.answer.measure.strip() or _("à définir"))
                                  for r in self.rows)))
        open_rows = [r for r in self.rows if not r.answered]
        if open_rows:
            blocks.append(Missing(ngettext(
                "%(n)s écart sans explication ou mesure corrective : le dossier ne peut pas être "
                "déposé en l'état.",
                "%(n)s écarts sans explication ou mesure corrective : le dossier ne peut pas être "
                "déposé en l'état.", len(open_rows)) % {"n": format_count(len(open_rows))}))
        return blocks

    @staticmethod
    def figures_table(before: Figures, now: Figures) -> Table:
        def hours(figures: Figures) -> str:
            return number(sum(figures.sites.values(), Decimal(0)), 1) + " h"

        def money(value) -> str:
            return eur(value) if value is not None else "—"

        def surface(value) -> str:
            return f"{number(value)} m²" if value else "—"

        def team(value) -> str:
            return number(value, 2) if value is not None else "—"

        rows = (
            # The legal forms are read in French (`conformity.current_figures`); the form's
            # own label is a msgid of the catalogue.
            (_("Structure juridique"), _(before.legal_form) if before.legal_form else "—",
             _(now.legal_form) if now.legal_form else "—"),
            (_("Pôles de conseil"), str(len(before.poles)), str(len(now.poles))),
            (_("Heures d'ouverture par semaine (tous sites)"), hours(before), hours(now)),
            (_("Surface des locaux"), surface(before.surface_m2), surface(now.surface_m2)),
            (_("Partenaires contributeurs"), str(len(before.partners)),
             str(len(now.partners))),
            (_("ETP de l'équipe"), team(before.fte), team(now.fte)),
            (_("Budget de fonctionnement (année 1)"), money(before.budget_total),
             money(now.budget_total)),
        )
        return Table(_("Les chiffres clés : label projet et aujourd'hui"),
                     (_("Chiffre"), _("Label projet"), _("Aujourd'hui")), rows, numeric=(1, 2))

    # --- 2. the guide's nine parts ---------------------------------------------------------------

    def statutes_part(self) -> list:
        blocks = self.legal_part(None)
        if self.statutes:
            blocks.append(Table(_("Versions des statuts"),
                                (_("Version"), _("Date"), _("Changements")),
                                tuple((n, _date(d), note or "—")
                                      for n, d, note in self.statutes)))
        return blocks

    def fitted_part(self) -> list:
        if not self.spaces:
            return [Missing(_("À compléter : aucun espace aménagé n'est décrit (page "
                              "« Locaux », « Espaces aménagés »)."))]
        blocks: list = [Table(_("Les espaces tels qu'aménagés"),
                              (_("Espace"), _("Nom"), pgettext("locaux", "Surface"),
                               _("Aménagement")),
                              tuple((s.zone, s.name,
                                     f"{number(s.surface_m2)} m²" if s.surface_m2 else "—",
                                     s.fitting or "—") for s in self.spaces),
                              numeric=(2,))]
        blocks.append(Heading(3, _("La signalétique"), "signaletique"))
        signage = [_("%(space)s : %(signage)s") % {"space": s.name, "signage": s.signage}
                   for s in self.spaces if s.signage.strip()]
        blocks.append(Bullets(tuple(signage)) if signage else
                      Missing(_("À compléter : la signalétique des espaces n'est pas "
                                "décrite.")))
        photos = [(s, p) for s in self.spaces for p in s.photos if p.path]
        if photos:
            blocks.append(Heading(3, _("Les espaces en images"), "photos"))
            blocks.extend(Attachment(f"{s.name} — {p.caption}", p.path, "image")
                          for s, p in photos)
        return blocks

    def communication_part(self) -> list:
        if not self.communication:
            return [Missing(_("À compléter : le plan de communication est vide (page « Plan "
                              "de communication »)."))]
        measured = [c for c in self.communication if c.result.strip()]
        total = sum((c.budget for c in self.communication), Decimal(0))
        return [
            Para(_("%(actions)s ; %(measured)s") % {
                "actions": ngettext("%(n)s action de communication pour un budget de %(budget)s",
                                    "%(n)s actions de communication pour un budget de "
                                    "%(budget)s", len(self.communication))
                % {"n": format_count(len(self.communication)), "budget": eur(total)},
                "measured": ngettext("%(n)s a un résultat mesuré.",
                                     "%(n)s ont un résultat mesuré.", len(measured))
                % {"n": format_count(len(measured))}}),
            Table(_("Actions de communication et leurs résultats"),
                  (_("Date"), _("Action"), _("Outil"), _("Indicateur"), _("Objectif"),
                   _("Résultat")),
                  tuple((_date(c.date), c.title, c.tool, c.indicator or "—", c.expected or "—",
                         c.result or _("non mesuré")) for c in self.communication)),
        ]

    def dashboards_part(self) -> list:
        return list(self.activity)

    def quality_part(self) -> list:
        return list(self.quality)

    def experiments_part(self) -> list:
        if not self.experiments:
            return [Missing(_("À compléter : aucune action expérimentale n'est décrite (page "
                              "« Actions expérimentales »)."))]
        blocks: list = []
        for a in self.experiments:
            blocks.append(Heading(3, a.title, f"action-{a.pk}"))
            period = (_("%(start)s au %(end)s") % {"start": _date(a.started_on),
                                                    "end": _date(a.ended_on)}
                      if a.ended_on else
                      _("%(start)s (en cours)") % {"start": _date(a.started_on)})
            blocks.append(Facts(((_("Période"), period), (_("Partenaires"), a.partners or "—"),
                                 (_("Publics"), a.publics or "—"))))
            blocks.extend(_paras(a.description))
            blocks.append(Facts(((_("Résultat"), a.result or _("à mesurer")),
                                 (_("Ce que la Cité en garde"), a.kept or _("à décider")))))
        return blocks

    def team_part(self) -> list:
        blocks = self.human_resources(None)
        blocks.append(Heading(3, _("Les partenaires sur les pôles"), "poles-equipe"))
        if not self.pole_teams:
            blocks.append(Missing(_("À compléter : aucun pôle de conseil n'est défini.")))
            return blocks
        blocks.append(Table(
            _("Composition des pôles de conseil"),
            (_("Pôle"), _("Partenaires"), _("Personnels mis à disposition")),
            tuple((p.pole, ", ".join(p.partners) or "—",
                   "; ".join(_("%(partner)s (%(function)s, %(fte)s ETP)")
                             % {"partner": org, "function": func, "fte": fte(f)}
                             for org, func, f in p.staff)
                   or "—") for p in self.pole_teams)))
        blocks.append(Heading(3, _("Les instances de coordination"), "coordination"))
        blocks.append(self.bodies_table())
        return blocks

    def final_budget_part(self) -> list:
        blocks = self.budget_part(None)
        blocks.append(Heading(3, _("Les actes d'engagement financier"), "actes"))
        if not self.acts:
            blocks.append(Missing(_("À compléter : aucune ligne de financement (page « Tour de "
                                    "table »).")))
            return blocks
        signed = [a for a in self.acts if a.act]
        blocks.append(Para(ngettext(
            "%(n)s ligne de financement sur %(total)s a son acte d'engagement signé.",
            "%(n)s lignes de financement sur %(total)s ont leur acte d'engagement signé.",
            len(signed)) % {"n": format_count(len(signed)), "total": format_count(len(self.acts))}))
        blocks.append(Table(_("Lignes de financement et actes d'engagement"),
                            (_("Financeur"), pgettext("financement", "Objet"), _("Statut"),
                             _("Année 1"), _("Acte")),
                            tuple((a.funder, a.label, a.status, eur(a.amount_year1),
                                   a.act or _("non signé")) for a in self.acts),
                            numeric=(3,)))
        unsigned = [f"{a.funder} — {a.label}" for a in self.acts if not a.act]
        if unsigned:
            # Information, not an empty part: the pre-flight does not stop on it.
            blocks.append(Para(_("Actes d'engagement encore à obtenir : %(acts)s.")
                               % {"acts": " ; ".join(unsigned)}))
        return blocks

    def fitting_plan_part(self) -> list:
        # The label projet's annex without its heading; no letters of intent come before it.
        return self.annex_plan(after_letters=False)[1:]

    # --- 3. annexes ------------------------------------------------------------------------------

    def annex_acts(self) -> list:
        blocks: list = [Heading(2, f"3.1 {ANNEX_ACTS_TITLE}", "annexe-actes")]
        with_file = [a for a in self.acts if a.path]
        if not with_file:
            return [*blocks, Missing(_("Aucun acte d'engagement n'est déposé en fichier."))]
        blocks.append(Table(_("Actes joints"), (_("Financeur"), _("Acte"), _("Fichier")),
                            tuple((a.funder, a.act, a.filename or pgettext("acte", "joint"))
                                  for a in with_file)))
        for a in with_file:
            kind = _kind_of(a.path)
            attachment = Attachment(_("Acte d'engagement — %(funder)s") % {"funder": a.funder},
                                    a.path, kind)
            if kind == "image":
                blocks.append(attachment)
            elif kind == "pdf":
                self.doc.attachments.append(attachment)
        if any(_kind_of(a.path) == "pdf" for a in with_file):
            blocks.append(Para(_("Les actes au format PDF sont reproduits à la fin du "
                                 "dossier.")))
        return blocks

    def annex_opinion(self) -> list:
        blocks: list = [Heading(2, f"3.2 {ANNEX_OPINION_TITLE}", "annexe-avis")]
        given = [o for o in self.opinions if o.opinion.strip()]
        if not given:
            return [*blocks, Missing(_("Le projet de dossier n'a pas encore été présenté pour "
                                       "avis à l'autorité de label."))]
        for o in given:
            blocks.append(Heading(3, _("Avis du %(date)s") % {"date": _date(o.opinion_on)},
                                     f"avis-{o.pk}"))
            blocks.extend(_paras(o.opinion))
            blocks.append(Heading(3, _("Réponse de la Cité"), f"reponse-{o.pk}"))
            blocks.extend(_paras(o.answer) or [Missing(_("Réponse à rédiger."))])
        return blocks
