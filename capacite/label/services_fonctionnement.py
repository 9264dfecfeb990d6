"""The label fonctionnement dossier's own data sources, beside `label/services.py`.

Each reads its app's records (or that app's services); the dossier, the conformity page and the
label page ask these functions, never the models directly. `activity_data` and `quality_data`
are the ONE place the dossier asks for the dashboards and the quality approach (the dashboards
app's report blocks).
Call inside the Cité's scope.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacite.core.memo import read_once
from capacite.core.models import Cite
from capacite.lib.money import format_count


def first_year(cite: Cite, *, today: date | None = None):
    """The period the dossier reports on: the year after the opening, from the opening day (no
    visit before it counts) to the day before its first anniversary or today, whichever comes
    first (no month to come shows as empty); the last twelve months when the opening date is
    not known."""
    from django.utils import timezone

    from capacite.dashboards.domain.periods import Period, twelve_months_from

    today = today or timezone.localdate()
    start = cite.opened_on or today.replace(day=1).replace(year=today.year - 1)
    year = twelve_months_from(start)
    return Period(year.kind, year.start,
                  max(year.start, min(year.end, today + timedelta(days=1))))


@read_once
def activity_data(cite: Cite) -> list:
    """Fréquentation, nature des publics, activités conduites, small groups masked: the
    dashboards' own tables (`dashboards/report.py`), for the first year of opening."""
    from capacite.dashboards.report import activity_blocks

    return activity_blocks(cite, first_year(cite))


@read_once
def quality_data(cite: Cite) -> list:
    """The satisfaction questionnaire's results for the first year of opening."""
    from capacite.dashboards.report import quality_blocks

    return quality_blocks(cite, first_year(cite))


@dataclass(frozen=True)
class PhotoData:
    caption: str
    path: str  # absolute path, "" when the file is gone


@dataclass(frozen=True)
class SpaceData:
    zone: str
    name: str
    surface_m2: int | None
    fitting: str
    signage: str
    photos: list[PhotoData]


@read_once
def fitted_spaces() -> list[SpaceData]:
    """The spaces as fitted out, with their signage and photos (premises)."""
    from capacite.premises.models import FittedSpace

    result = []
    for s in FittedSpace.objects.prefetch_related("photos"):
        photos = [PhotoData(p.caption or s.name,
                            default_storage.path(p.file.name)
                            if p.file and default_storage.exists(p.file.name) else "")
                  for p in s.photos.all()]
        result.append(SpaceData(s.get_zone_display(), s.name, s.surface_m2, s.fitting,
                                s.signage, photos))
    return result


@dataclass(frozen=True)
class CommunicationData:
    date: date
    title: str
    tool: str
    target: str
    indicator: str
    expected: str
    result: str
    budget: Decimal


@read_once
def communication_data() -> list[CommunicationData]:
    """The communication plan's actions with their expected and measured results."""
    from capacite.communication.models import Action

    return [CommunicationData(a.date, a.title, a.get_tool_display(), a.target, a.indicator,
                              a.expected, a.result, a.budget) for a in Action.objects.all()]


@read_once
def experiments() -> list:
    """The experimental actions conducted under the label, newest first."""
    from capacite.label.models_followup import ExperimentalAction

    return list(ExperimentalAction.objects.all())


@dataclass(frozen=True)
class PoleTeam:
    pole: str
    partners: list[str]
    staff: list[tuple[str, str, Decimal]]  # (organisation, function, FTE) on that pôle


@read_once
def pole_teams() -> list[PoleTeam]:
    """Each pôle with the partners who animate it and the staff they second to it (the
    contributions of `label.services.contributions_data`)."""
    from capacite.label import services

    lines = services.contributions_data()["lines"]
    return [PoleTeam(p.name, p.partners,
                     [(org, function or "—", fte) for org, function, pole, fte, _k, _m in lines
                      if pole == p.name and fte])
            for p in services.poles_data()]


@dataclass(frozen=True)
class ActData:
    funder: str
    label: str
    purpose: str
    status: str
    amount_year1: Decimal
    act: str  # « Convention signée le 12/03/2026 (n° …) », "" when not signed
    path: str  # absolute path of the act's file, "" without one
    filename: str


@read_once
def funding_acts() -> list[ActData]:
    """Every funding line with its signed act, or none yet (planning)."""
    from capacite.planning.models import FundingLine

    result = []
    for line in FundingLine.objects.select_related("funder", "act"):
        act = getattr(line, "act", None)
        text, path, filename = "", "", ""
        if act is not None:
            text = _("%(kind)s le %(date)s") % {"kind": act.get_kind_display(),
                                                 "date": f"{act.signed_on:%d/%m/%Y}"}
            if act.reference:
                text += f" ({act.reference})"
            if act.file and default_storage.exists(act.file.name):
                path, filename = default_storage.path(act.file.name), act.filename
        result.append(ActData(line.funder.name, line.label or line.get_purpose_display(),
                              line.get_purpose_display(), line.get_status_display(),
                              line.amount_year1, text, path, filename))
    return result


@read_once
def statutes() -> list[tuple[str, date, str]]:
    """The statute versions (number, date, changes), oldest first (governance)."""
    from capacite.governance.models import StatuteVersion

    return [(s.number, s.dated, s.note) for s in StatuteVersion.objects.order_by("dated", "pk")]


@read_once
def opinions() -> list:
    """The opinions asked of the authority on the label fonctionnement draft (review)."""
    from capacite.review.models import OpinionRequest, OpinionSubject

    return list(OpinionRequest.objects.filter(subject=OpinionSubject.LABEL_FONCTIONNEMENT))


def preflight(cite: Cite) -> dict[str, str]:
    """Why each fact of the label fonctionnement dossier is missing, keyed as its parts name
    them (the dossier page's preview lists them before generating), in the active language."""
    from capacite.label import conformity

    gaps: dict[str, str] = {}
    if conformity.snapshot() is None:
        gaps["snapshot"] = _("chiffres du label projet inconnus (à saisir d'après la lettre de "
                             "décision)")
    else:
        open_gaps = conformity.unanswered(cite)
        if open_gaps:
            gaps["gaps"] = ngettext("%(n)s écart sans explication ou mesure corrective",
                                    "%(n)s écarts sans explication ou mesure corrective",
                                    len(open_gaps)) % {"n": format_count(len(open_gaps))}
    if activity_data(cite) is None:
        gaps["activity"] = _("à compléter : les tableaux de bord du suivi de l'activité ne "
                             "sont pas encore reliés au dossier")
    if quality_data(cite) is None:
        gaps["quality"] = _("à compléter : la démarche qualité du suivi de l'activité n'est "
                            "pas encore reliée au dossier")
    if not fitted_spaces():
        gaps["fitted_spaces"] = _("aucun espace aménagé décrit")
    if not communication_data():
        gaps["communication"] = _("plan de communication vide")
    if not experiments():
        gaps["experiments"] = _("aucune action expérimentale")
    acts = funding_acts()
    unsigned = [a for a in acts if not a.act]
    if not acts or unsigned:
        gaps["acts"] = (ngettext("%(n)s ligne de financement sans acte signé",
                                 "%(n)s lignes de financement sans acte signé", len(unsigned))
                        % {"n": format_count(len(unsigned))} if acts
                        else _("aucune ligne de financement"))
    return gaps
