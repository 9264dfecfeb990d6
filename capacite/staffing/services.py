"""Rosters from the database: build a week's instance, solve it, edit it by hand, read it back.

Call inside the Cité's scope. The engine itself (`staffing/domain/`) knows nothing of the
database; this module turns records into its plain data and its results into `RosterRun` rows.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.lib.params import id_from
from capacite.offer.domain.hours import spans_on
from capacite.offer.domain.weekly import SpansError, parse_spans
from capacite.offer.models import Pole, Site
from capacite.offer.services import schedule_of
from capacite.staffing.desks import pole_desk
from capacite.staffing.domain.explain import explain_uncovered
from capacite.staffing.domain.instance import (
    Assignment,
    Demand,
    Desk,
    Instance,
    Partner,
    Preferences,
    Rules,
    Solution,
    Span,
    Staff,
)
from capacite.staffing.domain.jsonio import (
    instance_from_json,
    instance_to_json,
    solution_from_json,
    solution_to_json,
)
from capacite.staffing.domain.objective import goal_values, penalty
from capacite.staffing.domain.validate import validate
from capacite.staffing.domain.weekbuild import demand_spans, fte_shares, inner_span
from capacite.staffing.models import (
    DOCUMENTATION,
    RECEPTION,
    DeskDemand,
    RosterRun,
    RunStatus,
    StaffMember,
)

DEFAULT_PEOPLE = 1  # people per desk and open slot when nothing is stored
CITE_PARTNER = "cite"  # the partner id of the Cité's own employees in an instance
HOURS_PER_FTE = Decimal(35)


def max_shift_minutes() -> int:
    return int(getattr(settings, "CAPACITE_ROSTER_MAX_SHIFT_MINUTES", 360))


def time_limit_seconds() -> int:
    return int(getattr(settings, "CAPACITE_ROSTER_TIME_LIMIT", 10))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


# --- desks -------------------------------------------------------------------------------------

def desks_of(site: Site) -> list[Desk]:
    """The site's pôles (all the Cité's if the site names none), reception and documentation."""
    poles = list(site.poles.order_by("position", "name")) or list(Pole.objects.all())
    return ([Desk(pole_desk(pole.pk), pole.name, "pole", site.name) for pole in poles]
            + [Desk(RECEPTION, str(_("Accueil")), "reception", site.name),
               Desk(DOCUMENTATION, str(_("Documentation")), "documentation", site.name)])


def desk_choices() -> list[tuple[str, str]]:
    """Every desk key a staff member may hold in the Cité, with its name."""
    return ([(pole_desk(pole.pk), pole.name) for pole in Pole.objects.all()]
            + [(RECEPTION, str(_("Accueil"))), (DOCUMENTATION, str(_("Documentation")))])


# --- the instance ------------------------------------------------------------------------------

def opening(site: Site, week_start: date) -> tuple[Span, ...]:
    """The site's open spans that week in whole slots: weekly hours, exceptions, closures and
    public holidays applied by the offer app's own functions."""
    days = [week_start + timedelta(days=i) for i in range(7)]
    schedule = schedule_of(site, years=sorted({d.year for d in days}))
    spans = []
    for index, day in enumerate(days):
        for span in spans_on(schedule, day):
            inner = inner_span(index, minutes(span.opens), minutes(span.closes))
            if inner:
                spans.append(inner)
    return tuple(spans)


def slots_of(spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    return sorted({(s.day, start) for s in spans for start in range(s.start, s.end, 30)})


def demand_table(site: Site) -> tuple[dict[str, int], dict[tuple[str, int, int], int]]:
    """The stored demand: per desk default, and per (desk, weekday, start minute) override."""
    defaults: dict[str, int] = {}
    overrides: dict[tuple[str, int, int], int] = {}
    for row in DeskDemand.objects.filter(site=site):
        if row.weekday is None or row.start is None:
            defaults[row.desk] = row.people
        else:
            overrides[(row.desk, row.weekday, minutes(row.start))] = row.people
    return defaults, overrides


def replace_slot_demand(*, site: Site, desk: str, people: dict[tuple[int, int], int]) -> None:
    """Replace the slot overrides of `desk` at `site` by `people` ({(weekday, start minute):
    people}); the desk's default row stays. Run inside the caller's transaction."""
    DeskDemand.objects.filter(site=site, desk=desk, weekday__isnull=False).delete()
    DeskDemand.objects.bulk_create(
        DeskDemand(cite=site.cite, site=site, desk=desk, weekday=day,
                   start=time(start // 60, start % 60), people=count)
        for (day, start), count in sorted(people.items()))


def week_demand(site: Site, desks: list[Desk], spans: tuple[Span, ...]) -> tuple[Demand, ...]:
    """People needed per desk and slot: the slot's override, else the desk's default, else 1.

    The planning app has no chosen scenario in the database yet; when it has, its staffing
    figures become the defaults here.
    """
    defaults, overrides = demand_table(site)
    slots = slots_of(spans)
    result: list[Demand] = []
    for desk in desks:
        default = defaults.get(desk.id, DEFAULT_PEOPLE)
        result += demand_spans(desk.id, slots, lambda day, start, desk=desk.id, d=default:
                               overrides.get((desk, day, start), d))
    return tuple(result)


def availability_spans(member: StaffMember) -> tuple[Span, ...]:
    """The member's availability as slot-aligned spans; unreadable days count as unavailable
    (the form refuses them, so only hand-made data can hold one)."""
    spans = []
    for key, text in sorted((member.availability or {}).items()):
        try:
            day, parsed = int(key), parse_spans(text or "")
        except (ValueError, SpansError):
            continue
        for span in parsed:
            inner = inner_span(day, minutes(span.opens), minutes(span.closes))
            if inner:
                spans.append(inner)
    return tuple(spans)


def staff_for(site: Site) -> list[StaffMember]:
    return list(StaffMember.objects.filter(active=True)
                .filter(Q(site__isnull=True) | Q(site=site))
                .select_related("partner").order_by("name", "pk"))


def committed_fte(year: int) -> dict[int, Decimal]:
    """What each partner's contributions of `year` commit, in FTE: {organisation id: FTE}."""
    from capacite.partners.models import Contribution

    return {row["organisation"]: row["total"] for row in
            Contribution.objects.filter(year=year).values("organisation")
            .annotate(total=Sum("fte"))}


def partner_fte(members: list[StaffMember], year: int, *, committed: dict | None = None
                ) -> tuple[dict[str, Decimal], dict[str, str]]:
    """FTE per partner id of the people on the roster, and the partners' names.

    A partner's FTE is what its contributions of the year commit (partners app); a partner with
    staff but no contribution counts its staff's weekly hours / 35; the Cité's own employees
    (partner "cite") likewise.
    """
    if committed is None:
        committed = committed_fte(year)
    fte: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    for member in members:
        key = f"org-{member.partner_id}" if member.partner_id else CITE_PARTNER
        names[key] = member.partner.name if member.partner_id else str(_("La Cité (salariés)"))
        hours = member.weekly_hours / HOURS_PER_FTE
        fte[key] = fte.get(key, Decimal(0)) + hours
    for key in fte:
        if key != CITE_PARTNER and committed.get(int(key[4:])):
            fte[key] = committed[int(key[4:])]
    return fte, names


def build_instance(site: Site, week_start: date,
                   locked: tuple[Assignment, ...] = ()) -> Instance:
    """The week to staff at `site`, from the records; the result reads back through jsonio."""
    desks = desks_of(site)
    desk_ids = {desk.id for desk in desks}
    spans = opening(site, week_start)
    members = [m for m in staff_for(site) if desk_ids & set(m.desks or [])]
    fte, names = partner_fte(members, week_start.year)
    shares = fte_shares(fte)
    staff = tuple(Staff(
        id=f"s{m.pk}", name=m.name,
        partner=f"org-{m.partner_id}" if m.partner_id else CITE_PARTNER,
        weekly_minutes=int(m.weekly_hours * 60) // 30 * 30,
        availability=availability_spans(m),
        skills=tuple(d for d in m.desks if d in desk_ids),
        preferences=Preferences(desks=tuple(d for d in m.preferred_desks or [] if d in desk_ids)),
    ) for m in members)
    return Instance(
        week_start=week_start, opening=spans, desks=tuple(desks),
        demand=week_demand(site, desks, spans), staff=staff,
        partners=tuple(Partner(key, names[key], shares[key]) for key in sorted(fte)),
        rules=Rules(min_shift_minutes=120, max_shift_minutes=max_shift_minutes(),
                    max_shifts_per_day=2),
        locked=locked,
    )


def usable_locks(instance: Instance, locks: list[dict]) -> tuple[tuple[Assignment, ...],
                                                                 list[str]]:
    """The locks that still make sense this week (person, desk, slot, skill, availability),
    and a French note for each one dropped because the records changed."""
    people = {person.id: person for person in instance.staff}
    kept, dropped = [], []
    for lock in locks:
        assignment = Assignment(lock["staff"], lock["day"], lock["start"], lock["desk"])
        person = people.get(assignment.staff)
        index = instance.slot_index.get((assignment.day, assignment.start))
        if (person is None or index is None or assignment.desk not in person.skills
                or index not in instance.available[person.id]):
            dropped.append(_("Verrou abandonné (la personne, le poste ou le créneau a changé) : "
                             "%(staff)s %(desk)s") % {"staff": lock["staff"],
                                                       "desk": lock["desk"]})
        else:
            kept.append(assignment)
    return tuple(sorted(set(kept))), dropped


# --- runs --------------------------------------------------------------------------------------

def new_run(*, site: Site, week_start: date, user=None, locks: list[dict] | None = None,
            time_limit: int | None = None) -> RosterRun:
    """A queued run of `site` for the week, its instance frozen from today's records."""
    instance = build_instance(site, week_start)
    locked, _dropped = usable_locks(instance, locks or [])
    instance = dataclasses.replace(instance, locked=locked)
    instance_from_json(instance_to_json(instance))  # raises InstanceError if anything is off
    return RosterRun.objects.create(
        cite=site.cite, site=site, week_start=week_start, instance=instance_to_json(instance),
        locks=[lock_json(a) for a in locked], created_by=user,
        time_limit=time_limit or time_limit_seconds())


def start_solve(run: RosterRun, *, user=None):  # type: ignore[no-untyped-def]
    """Queue the solve of `run` as a background job (kind "roster_solve") and return the job;
    its page follows the progress and links back to the roster."""
    from django.urls import reverse

    from capacite.jobs.services import start_job

    return start_job(cite=run.cite, kind="roster_solve", user=user, params={
        "run_id": run.pk,
        "return_url": reverse("staffing:run", kwargs={"cite_slug": run.cite.slug,
                                                      "run_id": run.pk})})


def solve_run(run_id: int, progress=None) -> RosterRun:
    """Solve a queued run with its time limit and store the solution and its check."""
    from capacite.staffing.domain.solve import solve

    run = RosterRun.objects.get(pk=run_id)
    run.status, run.started_at = RunStatus.RUNNING, timezone.now()
    run.save(update_fields=["status", "started_at"])
    if progress:
        progress(5, _("Calcul du planning en cours"))
    try:
        instance = instance_from_json(run.instance)
        solution, _progress = solve(instance, time_limit=float(run.time_limit))
    except Exception as exc:  # the run must not stay "running" forever
        run.status, run.error, run.finished_at = RunStatus.FAILED, str(exc), timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        raise
    run.solution = solution_to_json(solution)
    run.violations = validate(instance, solution)
    run.status, run.finished_at = RunStatus.DONE, timezone.now()
    run.save(update_fields=["solution", "violations", "status", "finished_at"])
    if progress:
        progress(100, _("Planning calculé"))
    return run


def latest_run(site: Site, week_start: date) -> RosterRun | None:
    return RosterRun.objects.filter(site=site, week_start=week_start).first()


@dataclass
class Loaded:
    """A run's instance and solution as engine data, with its locks as a set of keys."""

    run: RosterRun
    instance: Instance
    solution: Solution
    locks: set[tuple[str, str, int, int]]


def load(run: RosterRun) -> Loaded | None:
    if not run.solution:
        return None
    instance = instance_from_json(run.instance)
    return Loaded(run, instance, solution_from_json(run.solution, instance),
                  {(lock["staff"], lock["desk"], lock["day"], lock["start"]) for lock in run.locks})


def violations_of(loaded: Loaded) -> list[str]:
    """The run's broken rules in the reader's language: the stored list is in the language of
    whoever solved or edited the week, so the validator runs again on the same data (only when
    it found something: the same data gives the same verdict)."""
    if not loaded.run.violations:
        return []
    return validate(loaded.instance, loaded.solution)


def lock_json(a: Assignment) -> dict:
    return {"staff": a.staff, "desk": a.desk, "day": a.day, "start": a.start}


# --- hand edits --------------------------------------------------------------------------------

class EditError(ValueError):
    """A hand edit that cannot be applied (French message); nothing is changed."""


def _save_edit(loaded: Loaded, assignments: tuple[Assignment, ...], locks: list[dict],
               expected_version: int) -> RosterRun:
    """Store edited assignments and locks, recompute the gaps with their reasons and the goals,
    and re-run the validator; refused (ConcurrentEditError) if the run changed meanwhile."""
    from capacite.core.concurrency import save_versioned

    run, instance = loaded.run, loaded.instance
    locked = tuple(sorted(Assignment(lk["staff"], lk["day"], lk["start"], lk["desk"])
                          for lk in locks))
    checked = dataclasses.replace(instance, locked=locked)
    values = goal_values(instance, assignments)
    objective = dict(loaded.solution.objective)
    objective.update(values)
    objective["penalty"] = penalty(instance, values)
    solution = Solution(status=loaded.solution.status, assignments=assignments,
                        uncovered=explain_uncovered(instance, assignments),
                        objective=objective, timings=loaded.solution.timings)
    run.solution = solution_to_json(solution)
    run.locks = locks
    run.instance = instance_to_json(checked)
    run.violations = validate(checked, solution)
    run.edited = True
    with transaction.atomic():
        save_versioned(run, expected_version=expected_version)
    return run


def _slots(instance: Instance, day: int, start: int, end: int) -> list[int]:
    slots = [s for s in range(start, end, instance.slot_minutes)
             if (day, s) in instance.slot_index]
    if not slots:
        raise EditError(_("Aucun créneau ouvert dans cette plage."))
    return slots


def set_lock(loaded: Loaded, *, staff: str, desk: str, day: int, start: int, end: int,
             locked: bool, expected_version: int) -> RosterRun:
    """Lock (or unlock) the person's assignments at `desk` in [start, end) of `day`."""
    held = {(a.staff, a.desk, a.day, a.start) for a in loaded.solution.assignments}
    keys = {(staff, desk, day, s) for s in _slots(loaded.instance, day, start, end)}
    if locked and not keys <= held:
        raise EditError(_("Seules des affectations du planning peuvent être verrouillées."))
    current = {(lk["staff"], lk["desk"], lk["day"], lk["start"]) for lk in loaded.run.locks}
    current = current | keys if locked else current - keys
    locks = [{"staff": s, "desk": d, "day": dy, "start": st}
             for s, d, dy, st in sorted(current, key=lambda k: (k[0], k[2], k[3], k[1]))]
    return _save_edit(loaded, loaded.solution.assignments, locks, expected_version)


def remove_assignments(loaded: Loaded, *, staff: str, day: int, start: int, end: int,
                       expected_version: int) -> RosterRun:
    """Take the person off every desk in [start, end) of `day` (their locks there go too)."""
    slots = set(_slots(loaded.instance, day, start, end))
    kept = tuple(a for a in loaded.solution.assignments
                 if not (a.staff == staff and a.day == day and a.start in slots))
    locks = [lk for lk in loaded.run.locks
             if not (lk["staff"] == staff and lk["day"] == day and lk["start"] in slots)]
    return _save_edit(loaded, kept, locks, expected_version)


def add_assignments(loaded: Loaded, *, staff: str, desk: str, day: int, start: int, end: int,
                    expected_version: int) -> RosterRun:
    """Put the person at `desk` in [start, end) of `day`, replacing whatever they held then.

    Any rule this breaks (skill, availability, hours, shift length) is not refused here: the
    validator lists it, so a director can decide knowingly.
    """
    if staff not in {p.id for p in loaded.instance.staff}:
        raise EditError(_("Personne inconnue dans ce planning."))
    if desk not in {d.id for d in loaded.instance.desks}:
        raise EditError(_("Poste inconnu dans ce planning."))
    slots = set(_slots(loaded.instance, day, start, end))
    kept = [a for a in loaded.solution.assignments
            if not (a.staff == staff and a.day == day and a.start in slots)]
    kept += [Assignment(staff, day, s, desk) for s in sorted(slots)]
    locks = [lk for lk in loaded.run.locks
             if not (lk["staff"] == staff and lk["day"] == day and lk["start"] in slots
                     and lk["desk"] != desk)]
    return _save_edit(loaded, tuple(sorted(kept)), locks, expected_version)


# --- reading for people ------------------------------------------------------------------------

def member_id(key: str) -> int | None:
    return id_from(key[1:]) if key.startswith("s") else None


def organisations_of(user) -> list[int]:
    """The organisations a partner representative speaks for (PartnerLink), by id."""
    from capacite.core.models import Role
    from capacite.partners.models import PartnerLink

    return list(PartnerLink.objects.filter(membership__user=user,
                                           membership__role=Role.PARTNER)
                .values_list("organisation_id", flat=True))


def default_site(name: str | None = None) -> Site | None:
    """The site named `name`, or the main site (the first site if none is main)."""
    sites = Site.objects.all()
    if name:
        return sites.filter(name=name).first()
    return sites.filter(kind="main").order_by("pk").first() or sites.order_by("pk").first()


def ordinary_week(site: Site) -> tuple[Span, ...]:
    """The weekly pattern of the site in whole slots (no exception, closure or holiday)."""
    return tuple(span for hours in site.weekly_hours.all()
                 if (span := inner_span(hours.weekday, minutes(hours.opens),
                                        minutes(hours.closes))))


def solve_run_greedy(run: RosterRun) -> RosterRun:
    """Fill a queued run with the first (greedy) roster alone: instant, for the demo and test
    samples (status GREEDY: no search was made)."""
    from capacite.staffing.domain.greedy import first_roster

    instance = instance_from_json(run.instance)
    assignments = first_roster(instance)
    values = goal_values(instance, assignments)
    objective: dict[str, float | None] = dict(values)
    objective["penalty"] = penalty(instance, values)
    objective["best_bound"] = None  # no search: nothing proven (docs/roster-format.md)
    solution = Solution(status="GREEDY", assignments=assignments,
                        uncovered=explain_uncovered(instance, assignments),
                        objective=objective, timings={"solve_seconds": 0.0})
    run.solution = solution_to_json(solution)
    run.violations = validate(instance, solution)
    run.status, run.started_at, run.finished_at = RunStatus.DONE, timezone.now(), timezone.now()
    run.save()
    return run


def org_chart_groups(cite):  # type: ignore[no-untyped-def]
    """The org chart's groups (the page's chart, its table of figures and the label dossier
    read them): the Cité's own staff first, under the Cité's name, then each partner's
    seconded staff under the partner's name, partners by name. A person belongs to the partner
    that seconds them, else to the employer of their job description, else to the Cité; a job
    description nobody holds shows, to be filled, in its employer's group. Active staff only.
    Call inside the Cité's scope."""
    from capacite.staffing.domain.orgchart import Group, Post
    from capacite.staffing.models import JobDescription, StaffMember

    jobs = {job.pk: job for job in JobDescription.objects.select_related("employer",
                                                                           "reports_to")}
    people = list(StaffMember.objects.filter(active=True).select_related("partner", "job"))
    no_job = _("Sans fiche de poste")
    # group key (organisation id, or None for the Cité) → post key (job id or a title) → names
    held: dict[int | None, dict[int | str, list[str]]] = {}
    names: dict[int | None, str] = {None: cite.name}
    for person in people:
        job = jobs.get(person.job_id) if person.job_id else None
        organisation = person.partner or (job.employer if job else None)
        key = organisation.pk if organisation else None
        if organisation:
            names[key] = organisation.name
        post = job.pk if job else (person.function or no_job)
        held.setdefault(key, {}).setdefault(post, []).append(person.name)
    for job in jobs.values():
        if not any(job.pk in posts for posts in held.values()):
            key = job.employer_id
            if job.employer_id:
                names[key] = job.employer.name
            held.setdefault(key, {})[job.pk] = []

    def depth(job) -> int:  # type: ignore[no-untyped-def]
        seen, level = {job.pk}, 0
        while job.reports_to_id and job.reports_to_id not in seen and job.reports_to_id in jobs:
            job, level = jobs[job.reports_to_id], level + 1
            seen.add(job.pk)
        return level

    def post(key: int | str, holders: list[str]) -> Post:
        if isinstance(key, str):
            return Post(key, "", tuple(sorted(holders)))
        job = jobs[key]
        return Post(job.title, job.reports_to.title if job.reports_to_id else "",
                    tuple(sorted(holders)))

    def order(item: tuple[int | str, list[str]]) -> tuple:
        key = item[0]
        if isinstance(key, str):
            return (1, 0, key)
        return (0, depth(jobs[key]), jobs[key].title)

    groups = []
    for key in sorted(held, key=lambda k: (k is not None, names[k].lower())):
        posts = tuple(post(k, v) for k, v in sorted(held[key].items(), key=order))
        groups.append(Group(names[key], posts, own=key is None))
    return groups


def org_chart_words() -> dict:
    """The org chart's words in the language of the request."""
    from django.utils.translation import ngettext

    return {"reports_to": _("rattaché à : %(name)s"), "vacant": _("poste à pourvoir"),
            "people": lambda n: ngettext("%(n)s personne", "%(n)s personnes", n) % {"n": n}}


def org_chart_of(cite, groups=None) -> str:  # type: ignore[no-untyped-def]
    """The org chart SVG (the org chart page and the label dossier draw the same one). Call
    inside the Cité's scope."""
    from capacite.staffing.domain.orgchart import org_chart_svg

    groups = org_chart_groups(cite) if groups is None else groups
    return org_chart_svg(groups, title=_("Organigramme de %(cite)s") % {"cite": cite},
                         words=org_chart_words())
