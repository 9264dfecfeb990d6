"""Every table a dashboard, an export or the yearly report shows — built here and only here.

Counts come from `activity/counts.py` (the one place that reads the visit rows); this module
names the categories, sets this period beside the same one a year before, and applies the
small-group rule (`lib/small_groups.py`): single-category tables are protected for everybody but
the Cité's staff, and every cross-table of two categories (the heat map) is protected whoever
reads it. Exports and dossiers always ask with ``protected=True``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacite.activity import counts
from capacite.activity.models import AgeBand, Sex, VisitKind
from capacite.core.models import Role
from capacite.dashboards.domain import advice
from capacite.dashboards.domain.periods import Period, year_before
from capacite.lib.small_groups import Count, protect, protect_list

# Who reads raw counts of one category: the people who work in the open Cité.
STAFF_ROLES = frozenset({Role.DIRECTOR, Role.STAFF, Role.RECEPTION, Role.PROJECT_LEAD})

WEEKDAYS = [_("lun."), _("mar."), _("mer."), _("jeu."), _("ven."), _("sam."), _("dim.")]


def protected_for(roles: set) -> bool:
    """Counts of one category are shown raw only to the Cité's staff."""
    return not (set(roles) & STAFF_ROLES)


@dataclass(frozen=True)
class Row:
    label: str
    counts: tuple[Count, ...]
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One table of figures: what a page shows beside its chart, an export writes, a report
    prints. ``columns`` names the count columns, then the extra ones."""

    key: str
    title: str
    first_column: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    total: Row | None = None
    extra_columns: tuple[str, ...] = ()
    note: str = ""
    # What an export writes in each extra column (`lib.exports` kinds): text unless said.
    extra_kinds: tuple[str, ...] = ()
    chart: str = field(default="", compare=False)

    @property
    def any_hidden(self) -> bool:
        cells = [c for r in self.rows for c in r.counts]
        cells += list(self.total.counts if self.total else [])
        return any(c.hidden for c in cells)


def _column(values: list[int], *, protected: bool) -> tuple[list[Count], Count]:
    if protected:
        cells, total = protect_list(values)
        return list(cells), total  # type: ignore[return-value]
    return [Count(v) for v in values], Count(sum(values))


@dataclass(frozen=True)
class Comparison:
    """Whether a period can be set against the same period a year before — decided here only,
    so the page, the exports, the report and the dossiers say the same.

    There is something to compare with once a visit was counted by the end of the period a year
    before. Before that, a 0 would read as an empty year when the Cité was not open yet (its
    first year) or counted nothing: the tables drop the year-before column and the text says
    why. ``opened_during`` is the opening day when it falls inside the year-before period (that
    period was only partly open)."""

    previous: Period
    available: bool
    first_year: bool  # not available because the Cité opened after the year-before period
    opened_during: date | None = None

    def versus(self, before_total: str) -> str:
        """The end of « la Cité a compté N passages, … » for the report and the dossiers."""
        if self.available:
            text = _("contre %(before)s sur la même période un an plus tôt") % {
                "before": before_total}
            if self.opened_during:
                text += " " + _("(la Cité a ouvert le %(day)s)") % {
                    "day": formats.date_format(self.opened_during, "j F Y")}
            return text
        if self.first_year:
            return _("première année d'ouverture : pas de comparaison avec la même période un an "
                     "plus tôt")
        return _("aucun passage compté sur la même période un an plus tôt : pas de comparaison")

    def page_note(self) -> str:
        """The dashboard page's sentence above its tables."""
        if self.available:
            text = _("Chaque tableau met la période en regard de la même période un an plus tôt "
                     "(%(before)s).") % {"before": period_label(self.previous)}
            if self.opened_during:
                text += " " + _("La Cité a ouvert le %(day)s.") % {
                    "day": formats.date_format(self.opened_during, "j F Y")}
            return text
        if self.first_year:
            return _("Première année d'ouverture : pas de comparaison avec la même période un an "
                     "plus tôt.")
        return _("Aucun passage compté sur la même période un an plus tôt (%(before)s) : pas de "
                 "comparaison.") % {"before": period_label(self.previous)}


@dataclass(frozen=True)
class Opening:
    """Whether the Cité was open during a period — decided here only, with the rule of
    `comparison`: a period is « closed » when the Cité opened after its end and had counted no
    visit by then (a 0 there is not an empty year, the Cité did not exist), « partial » when the
    opening day falls inside it (its figures cover only the days since), « open » otherwise —
    and when the opening date is not known."""

    period: Period
    state: str  # "closed", "partial" or "open"
    opened_on: date | None
    counted: bool | None = None  # a visit counted by the end of the period (asked when needed)

    @property
    def closed(self) -> bool:
        return self.state == "closed"

    @property
    def partial(self) -> bool:
        return self.state == "partial"

    def incomplete_text(self) -> str:
        """« année incomplète (ouverture le 21/11/2025) » for a partial period."""
        day = self.opened_on.strftime("%d/%m/%Y") if self.opened_on else ""
        if self.period.kind == "year":
            return _("année incomplète (ouverture le %(day)s)") % {"day": day}
        if self.period.kind == "month":
            return _("mois incomplet (ouverture le %(day)s)") % {"day": day}
        return _("période incomplète (ouverture le %(day)s)") % {"day": day}


def opening(cite, period: Period, *, counted: bool | None = None) -> Opening:
    """Was `cite` open during `period` (see `Opening`). `counted`: whether a visit was counted
    by the end of the period, when the caller knows it already."""
    opened = getattr(cite, "opened_on", None)
    if opened is not None and opened >= period.end:
        if counted is None:
            counted = counts.visit_count(cite=cite, start=date.min, end=period.end) > 0
        return Opening(period, "open" if counted else "closed", opened, counted)
    state = "partial" if opened is not None and period.start < opened < period.end else "open"
    return Opening(period, state, opened, counted)


def comparison(cite, period: Period) -> Comparison:
    """Can `period` be compared with the same period a year before (see `Comparison`)."""
    before = year_before(period)
    available = counts.visit_count(cite=cite, start=date.min, end=before.end) > 0
    then = opening(cite, before, counted=available)
    return Comparison(
        previous=before, available=available, first_year=then.closed,
        opened_during=then.opened_on if available and then.partial else None)


def _two_periods_table(key, title, first_column, labels, current, previous, *, protected,
                       period_label, previous_label, note="") -> Table:
    """This period's counts, and beside them the year before's — or none (`previous` None)
    when there is nothing to compare with (`comparison`)."""
    now, now_total = _column(current, protected=protected)
    if previous is None:
        return Table(key, title, first_column, (period_label,),
                     tuple(Row(label, (a,)) for label, a in zip(labels, now, strict=True)),
                     total=Row(_("Total"), (now_total,)), note=note)
    before, before_total = _column(previous, protected=protected)
    rows = tuple(Row(label, (a, b)) for label, a, b in zip(labels, now, before, strict=True))
    return Table(key, title, first_column, (period_label, previous_label), rows,
                 total=Row(_("Total"), (now_total, before_total)), note=note)


def period_label(period: Period) -> str:
    if period.kind == "year":
        return str(period.start.year)
    if period.kind == "month":
        return formats.date_format(period.start, "F Y")
    if period.kind in ("months", "span"):
        return _("du %(start)s au %(end)s") % {
            "start": formats.date_format(period.start, "j F Y"),
            "end": formats.date_format(period.end - timedelta(days=1), "j F Y")}
    if period.kind == "week":
        return _("semaine du %(day)s") % {"day": formats.date_format(period.start, "j F Y")}
    return formats.date_format(period.start, "l j F Y")


def _bucket_label(period: Period, start: date) -> str:
    if period.kind == "year":
        return formats.date_format(start, "N")
    if period.kind == "months":
        return formats.date_format(start, "N y")
    if period.kind == "week":
        return formats.date_format(start, "D j")
    return str(start.day)


def visits_over_time(cite, period: Period, *, protected: bool,
                     compare: Comparison | None = None) -> Table:
    """Visits per month (a year), per day (a month or a week), against the same buckets a year
    before when there is something to compare with."""
    compare = compare or comparison(cite, period)
    before = year_before(period)
    if period.kind == "day":
        buckets, previous_buckets = [(period.start, period.end)], [(before.start, before.end)]
    else:
        buckets = period.buckets()
        previous_buckets = before.buckets()
        previous_buckets = (previous_buckets + [(before.end, before.end)] * len(buckets))[
            : len(buckets)]
    daily = counts.visits_by("day", cite=cite, start=min(before.start, period.start),
                             end=max(period.end, before.end))

    def total(a: date, b: date) -> int:
        return sum(n for day, n in daily.items() if a <= day < b)

    labels = [_bucket_label(period, a) for a, _b in buckets]
    return _two_periods_table(
        "over_time", _("Passages dans le temps"), _("Période"), labels,
        [total(a, b) for a, b in buckets],
        [total(a, b) for a, b in previous_buckets] if compare.available else None,
        protected=protected, period_label=period_label(period),
        previous_label=period_label(before))


def _names(model, ids) -> dict:
    ids = [i for i in ids if i is not None]
    return {o.pk: str(o) for o in model.objects.filter(pk__in=ids)} if ids else {}


def breakdown(cite, period: Period, by: str, *, protected: bool,
              compare: Comparison | None = None) -> Table:
    """Visits by one category, this period against the same period a year before when there is
    something to compare with."""
    compare = compare or comparison(cite, period)
    before = year_before(period)
    now = counts.visits_by(by, cite=cite, start=period.start, end=period.end)
    then = counts.visits_by(by, cite=cite, start=before.start, end=before.end)
    keys, labels = _categories(cite, by, set(now) | set(then))
    title, first = BREAKDOWN_TITLES[by]
    note = _("Un passage qui demande deux pôles compte dans chacun.") if by == "pole" else ""
    return _two_periods_table(
        f"by_{by}", str(title), str(first), labels, [now.get(k, 0) for k in keys],
        [then.get(k, 0) for k in keys] if compare.available else None, protected=protected,
        period_label=period_label(period), previous_label=period_label(before), note=note)


# Lazy: read at import, shown in the language of each page.
BREAKDOWN_TITLES = {
    "kind": (gettext_lazy("Nature du passage"), gettext_lazy("Ce qui s'est passé")),
    "site": (gettext_lazy("Passages par site"), gettext_lazy("Site")),
    "pole": (gettext_lazy("Passages par pôle"), gettext_lazy("Pôle")),
    "public": (gettext_lazy("Publics"), gettext_lazy("Public")),
    "age_band": (gettext_lazy("Âge"), gettext_lazy("Tranche d'âge")),
    "sex": (gettext_lazy("Sexe"), gettext_lazy("Sexe")),
    "first_visit": (gettext_lazy("Première visite"), gettext_lazy("Première visite")),
    "epci": (gettext_lazy("Lieu de résidence (EPCI)"), gettext_lazy("EPCI")),
    "oriented_to": (gettext_lazy("Orientation vers un partenaire"), gettext_lazy("Partenaire")),
}


def _categories(cite, by: str, seen: set) -> tuple[list, list[str]]:
    """The categories in their natural order, every one the Cité has (a category with no visit
    is a finding too), then the values seen that are not in the list (« non renseigné »)."""
    from capacite.offer.models import Pole, Site
    from capacite.partners.models import Organisation, Public
    from capacite.territory.models import Epci

    not_given = _("Non renseigné")
    if by == "kind":
        pairs = [(k.value, str(k.label)) for k in VisitKind]
    elif by == "age_band":
        pairs = [(k.value, str(k.label)) for k in AgeBand if k.value] + [("", not_given)]
    elif by == "sex":
        pairs = [(k.value, str(k.label)) for k in Sex if k.value] + [("", not_given)]
    elif by == "first_visit":
        pairs = [(True, _("Oui")), (False, _("Non")), (None, not_given)]
    elif by == "site":
        pairs = [(s.pk, s.name) for s in Site.objects.filter(cite=cite).order_by("name")]
    elif by == "pole":
        pairs = [(p.pk, p.name) for p in Pole.objects.filter(cite=cite).order_by("name")]
    elif by == "public":
        pairs = [(p.pk, p.get_label_display()) for p in Public.objects.filter(cite=cite)]
        pairs += [(None, not_given)]
    elif by == "epci":
        names = _names(Epci, seen)
        pairs = sorted(names.items(), key=lambda kv: kv[1])
        pairs += [(None, _("Hors territoire ou non renseigné"))]
    elif by == "oriented_to":
        pairs = [(o.pk, o.name) for o in Organisation.objects.filter(cite=cite).order_by("name")
                 if o.pk in seen] + [(None, _("Aucune orientation"))]
    else:
        raise ValueError(by)
    known = {k for k, _label in pairs}
    pairs += [(k, str(k)) for k in sorted(seen - known, key=str)]
    return [k for k, _l in pairs], [str(label) for _k, label in pairs]


def heat_map(cite, period: Period) -> tuple[list[str], list[str], list[list[Count]], bool]:
    """Visits by weekday × hour of the period (a cross-table: always protected)."""
    grid = counts.visits_by_weekday_and_hour(cite=cite, start=period.start, end=period.end)
    hours = sorted({h for _d, h in grid}) or list(range(9, 18))
    hours = list(range(min(hours), max(hours) + 1))
    days = [d for d in range(7) if any((d, h) in grid for h in hours)] or list(range(5))
    table = protect([[grid.get((d, h), 0) for h in hours] for d in days])
    return ([str(WEEKDAYS[d]) for d in days], [f"{h} h" for h in hours],
            [list(r) for r in table.cells], table.any_hidden)


def territory_reach(cite, period: Period, *, protected: bool) -> Table:
    """Visits per 1,000 inhabitants for each commune of the Cité's territory — where the Cité
    reaches people and where it does not (the guide's « équité de service »)."""
    from capacite.territory.services import communes_of

    communes = list(communes_of(cite).order_by("name"))
    by_commune = counts.visits_by("commune", cite=cite, start=period.start, end=period.end)
    values = [by_commune.get(c.pk, 0) for c in communes]
    cells, total = _column(values, protected=protected)
    rows = []
    for commune, count in zip(communes, cells, strict=True):
        rows.append(Row(commune.name, (count,), (_population(commune.population),
                                                 _rate(count, commune.population))))
    population = sum(c.population or 0 for c in communes)
    return Table("territory", _("Passages pour 1 000 habitants"), _("Commune"),
                 (_("Passages"),), tuple(rows),
                 total=Row(_("Territoire"), (total,), (_population(population),
                                                       _rate(total, population))),
                 extra_columns=(_("Population"), _("Pour 1 000 habitants")),
                 note=_("Les passages dont le lieu de résidence n'est pas noté ne comptent dans "
                        "aucune commune."))


def per_thousand(count: int, population: int | None) -> float | None:
    """Visits per 1,000 inhabitants, one decimal; None without a population."""
    if not population:
        return None
    return round(count * 1000 / population, 1)


def _population(value: int | None) -> str:
    return formats.number_format(value, force_grouping=True) if value else "—"


def _rate(count: Count, population: int | None) -> str:
    if count.hidden:
        return count.text  # a rate would give the hidden count back
    rate = per_thousand(count.value, population)
    return "—" if rate is None else formats.number_format(rate, 1)


def events_table(cite, period: Period, *, protected: bool) -> Table:
    """Events held in the period, people counted, fill rate against the places offered.

    Held: retained by the programming committee and started by now — a refused proposal or an
    event still to come has nobody to count, and a 0 there would read as an empty room."""
    from django.utils import timezone

    from capacite.events.models import Event, EventStatus

    headcounts = counts.event_headcounts(cite=cite, start=period.start, end=period.end)
    events = list(Event.objects.filter(cite=cite, starts_at__date__gte=period.start,
                                       starts_at__date__lt=period.end,
                                       status=EventStatus.RETAINED,
                                       starts_at__lte=timezone.now()).order_by("starts_at"))
    values = [headcounts.get(e.pk, 0) for e in events]
    cells, total = _column(values, protected=protected)
    rows = []
    for event, count in zip(events, cells, strict=True):
        fill = "—"
        if event.capacity and not count.hidden:
            fill = f"{round(100 * count.value / event.capacity)} %"
        rows.append(Row(event.title, (count,),
                        (formats.date_format(event.starts_at.date(), "j F Y"), fill)))
    return Table("events", _("Événements"), _("Événement"), (_("Participants"),), tuple(rows),
                 total=Row(_("Total"), (total,), ("", "")),
                 extra_columns=(_("Date"), _("Taux de remplissage")))


def documentation_table(cite, period: Period) -> Table:
    """Consultations and loans per month: counts of uses, not of people (not protected)."""
    months = counts.documentation_use(cite=cite, start=period.start.replace(day=1), end=period.end)
    rows = tuple(Row(formats.date_format(m.month, "F Y"), (Count(m.consultations), Count(m.loans)))
                 for m in months)
    total = Row(_("Total"), (Count(sum(m.consultations for m in months)),
                             Count(sum(m.loans for m in months))))
    return Table("documentation", _("Documentation"), _("Mois"),
                 (_("Consultations"), _("Prêts")), rows, total=total)


def survey_table(cite, period: Period, *, protected: bool) -> Table:
    """The common core's results: answers per question and the mean score or share of « oui».

    Fewer than 11 answers to a question: its result is hidden outside the staff as well (a mean
    of three answers speaks for three people)."""
    from capacite.activity.domain.questions import CORE_QUESTIONS

    labels = {q.key: str(q.text) for q in CORE_QUESTIONS}
    rows = []
    for result in counts.core_results(cite=cite, start=period.start, end=period.end):
        answered = Count(result.answered) if not protected else _single(result.answered)
        if answered.hidden:
            shown = answered.text
        elif result.mean is not None:
            shown = formats.number_format(result.mean, 1) + " / 5"
        elif result.yes_share is not None:
            shown = f"{round(100 * result.yes_share)} %"
        else:
            shown = "—"
        rows.append(Row(labels.get(result.key, result.key), (answered,), (shown,)))
    responses = counts.response_count(cite=cite, start=period.start, end=period.end)
    return Table("survey", _("Questionnaire de satisfaction"), _("Question"), (_("Réponses"),),
                 tuple(rows), total=Row(_("Questionnaires reçus"),
                                        (_single(responses) if protected else Count(responses),),
                                        ("",)),
                 extra_columns=(_("Résultat"),))


def _single(value: int) -> Count:
    from capacite.lib.small_groups import protect_count

    return protect_count(value)


DASHBOARD_BREAKDOWNS = ("kind", "site", "pole", "public", "age_band", "sex", "first_visit",
                        "epci", "oriented_to")


@dataclass(frozen=True)
class Dashboard:
    period: Period
    comparison: Comparison
    tables: tuple[Table, ...]
    heat_rows: list[str]
    heat_columns: list[str]
    heat_cells: list[list[Count]]
    protected: bool

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def dashboard(cite, period: Period, *, protected: bool) -> Dashboard:
    """Everything the dashboard page shows for one period."""
    compare = comparison(cite, period)
    tables = [visits_over_time(cite, period, protected=protected, compare=compare)]
    tables += [breakdown(cite, period, by, protected=protected, compare=compare)
               for by in DASHBOARD_BREAKDOWNS]
    tables += [territory_reach(cite, period, protected=protected),
               events_table(cite, period, protected=protected),
               documentation_table(cite, period),
               survey_table(cite, period, protected=protected)]
    rows, columns, cells, _hidden = heat_map(cite, period)
    return Dashboard(period, compare, tuple(tables), rows, columns, cells, protected)


def yesterday(today: date) -> date:
    return today - timedelta(days=1)


# --- opening-hours advice (issue 15, point 7) ----------------------------------------------------

@dataclass(frozen=True)
class PoleAdvice:
    pole_id: int
    name: str
    desk: advice.DeskAdvice


@dataclass(frozen=True)
class OpeningAdvice:
    site: object
    period: Period
    thresholds: advice.Thresholds
    roster_weeks: tuple[date, ...]
    roster_is_latest: bool  # no roster in the period: the site's latest one stands in
    weekdays: tuple[int, ...]
    slots: tuple[int, ...]  # the half-hours of the day shown, in order
    poles: tuple[PoleAdvice, ...]

    def pole(self, pole_id: int | None) -> PoleAdvice | None:
        return next((p for p in self.poles if p.pole_id == pole_id), None)

    def visits_shown(self, pole: PoleAdvice) -> dict[tuple[int, int], Count]:
        """The pôle's interviews per weekday and half-hour as they may be shown: a cross-table,
        protected whoever reads it, its total (the pôle's interviews) published beside it.
        Computed for the one pôle asked: the small-group check costs a few linear programmes."""
        seen = {(s.weekday, s.slot): s.visits for s in pole.desk.slots}
        grid = [[seen.get((day, slot), 0) for slot in self.slots] for day in self.weekdays]
        table = protect(grid, row_totals=False, column_totals=False, grand_total=True)
        return {(day, slot): table.cells[i][j] for i, day in enumerate(self.weekdays)
                for j, slot in enumerate(self.slots)}


def opening_advice(cite, site, period: Period,
                   thresholds: advice.Thresholds) -> OpeningAdvice:
    """Each pôle of `site`: the interviews observed over `period` against the advisers its
    rosters put there, half-hour by half-hour, and the people a roster should ask
    (`domain/advice.py`). Interviews are the visits of kind « entretien conseil »."""
    from capacite.dashboards import opening
    from capacite.staffing.services import desks_of

    observed = counts.visits_by_pole_and_half_hour(cite=cite, start=period.start, end=period.end,
                                                    site=site, kinds=[VisitKind.INTERVIEW])
    ordinary = opening.ordinary_half_hours(site)
    open_days = advice.days_open(opening.open_half_hours_by_day(site, period.start, period.end))
    rosters = opening.rosters_of(site, period.start, period.end)
    staffed = advice.average_staffing(list(rosters.assignments))
    poles = []
    for desk in desks_of(site):
        if desk.kind != "pole":
            continue
        pole_id = int(desk.id.removeprefix("pole-"))
        visits = {(day, slot): n for (pk, day, slot), n in observed.items() if pk == pole_id}
        poles.append(PoleAdvice(pole_id, desk.name, advice.desk_advice(
            desk=desk.id, open_slots=ordinary, visits=visits, days_open=open_days,
            staffed=staffed.get(desk.id, {}), thresholds=thresholds)))
    keys = {(s.weekday, s.slot) for p in poles for s in p.desk.slots} | ordinary
    weekdays = tuple(sorted({day for day, _s in keys}))
    slots = tuple(range(min(s for _d, s in keys), max(s for _d, s in keys) + 1)) if keys else ()
    return OpeningAdvice(site, period, thresholds, rosters.weeks, rosters.latest_instead,
                         weekdays, slots, tuple(poles))


def hours(value: Fraction) -> Decimal:
    """Adviser hours as the advice shows them: whole, or to one decimal."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    if value.denominator == 1:
        return exact
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def advice_table(advice_of: OpeningAdvice, *, protected: bool) -> Table:
    """The opening-hours advice by pôle — interviews, adviser hours rostered and needed in a
    week, half-hours where people wait and where desks are idle — as the page shows it and its
    export writes it. The interviews are one category (protected outside the staff and in
    exports, no total published); the rest are hours and half-hours, not people."""
    interviews = [p.desk.visits for p in advice_of.poles]
    if protected:
        cells = list(protect_list(interviews, total=False)[0])
    else:
        cells = [Count(v) for v in interviews]
    rows = tuple(Row(p.name, (cell,), (hours(p.desk.staffed_hours), hours(p.desk.needed_hours),
                                       p.desk.wait_slots, p.desk.idle_slots))
                 for p, cell in zip(advice_of.poles, cells, strict=True))
    return Table("opening_advice",
                 _("Horaires et affluence — %(site)s, %(period)s") % {
                     "site": advice_of.site.name, "period": period_label(advice_of.period)},
                 _("Pôle"), (_("Entretiens"),), rows,
                 extra_columns=(_("Heures prévues par semaine"),
                                _("Heures nécessaires par semaine"),
                                _("Demi-heures d'attente"), _("Demi-heures sous-occupées")),
                 extra_kinds=("decimal", "decimal", "integer", "integer"))
