"""Reads and writes of the partnership map, for the views, the command and later issues.

Called inside the Cité's scope (the middleware's, or the command's): queries never filter by
Cité themselves. Pure logic lives in `partners/domain/`; this module turns rows into its plain
data and back.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from capacite.core.models import Cite, Role
from capacite.partners.choices import (
    DEFAULT_PUBLICS,
    CommitmentKind,
    FieldOfAction,
    shown_public_label,
)
from capacite.partners.domain import alerts, coverage, stances
from capacite.partners.domain.importing import ImportRow, Vocabulary, vocabulary
from capacite.partners.domain.text import normalise
from capacite.partners.models import (
    Commitment,
    Contact,
    Contribution,
    Interaction,
    Organisation,
    PartnerLink,
    Position,
    Public,
    latest_stance_subquery,
)


def seed_publics(cite: Cite) -> None:
    """Give `cite` the guide's publics (labels stored in French: they are the Cité's content)."""
    with translation.override("fr"), scope(cite=cite):
        for position, (key, label) in enumerate(DEFAULT_PUBLICS):
            Public.objects.get_or_create(
                cite=cite, key=key, defaults={"label": str(label), "position": position}
            )


def silence_days() -> int:
    return getattr(settings, "CAPACITE_PARTNER_SILENCE_DAYS", 90)


def organisations() -> QuerySet[Organisation]:
    """Every organisation with its latest stance and last contact date, publics prefetched:
    a constant number of queries however many organisations there are."""
    return (
        Organisation.objects.annotate(
            latest_stance=latest_stance_subquery(),
            last_contact=Max("interactions__occurred_on"),
        )
        .prefetch_related(Prefetch("publics", queryset=Public.objects.order_by("position")))
        .order_by("name")
    )


def public_choices() -> list[tuple[str, str]]:
    """The Cité's publics as (key, label shown in the interface's language)."""
    return [(key, shown_public_label(key, label)) for key, label
            in Public.objects.order_by("position", "label").values_list("key", "label")]


def import_vocabulary() -> Vocabulary:
    """Imported files name publics by their stored (French) label or key."""
    return vocabulary(list(Public.objects.order_by("position", "label")
                           .values_list("key", "label")))


# --- alerts -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Alerts:
    silent: list[alerts.Silence]
    overdue: list[alerts.OverdueStep]
    days: int


def current_alerts(*, today: date) -> Alerts:
    """Organisations not contacted for the configured number of days (refusals included: a
    refusal is not final, says the guide) and open next steps past their date."""
    records = [
        alerts.ContactRecord(o.pk, o.name, o.last_contact) for o in organisations()
    ]
    steps = [
        alerts.NextStep(i.pk, i.organisation_id, i.organisation.name, i.next_step,
                        i.next_step_on)
        for i in Interaction.objects.filter(next_step_done=False, next_step_on__isnull=False)
        .exclude(next_step="").select_related("organisation")
    ]
    days = silence_days()
    return Alerts(alerts.silent_organisations(records, today=today, days=days),
                  alerts.overdue_next_steps(steps, today=today), days)


# --- views over the map -----------------------------------------------------------------------

def actors() -> list[coverage.Actor]:
    return [
        coverage.Actor(o.pk, o.name, o.latest_stance or "unknown", tuple(o.fields),
                       tuple(p.key for p in o.publics.all()), tuple(o.roles))
        for o in organisations()
    ]


def current_coverage() -> tuple[list[coverage.MatrixRow], list[tuple[str, str]]]:
    """The matrix in the order of the field choices and the Cité's publics, and the publics."""
    publics = public_choices()
    matrix = coverage.coverage_matrix(
        actors(), fields=list(FieldOfAction.values), publics=[key for key, _l in publics]
    )
    return matrix, publics


def stance_history(*, today: date, months: int = 12) -> list[stances.StanceCount]:
    assessments = [
        stances.Assessment(p.organisation_id, p.assessed_on, p.pk, p.stance)
        for p in Position.objects.only("organisation_id", "assessed_on", "stance")
    ]
    return stances.stance_counts(assessments, stances.month_ends(last=today, count=months))


def stance_chart(counts: list[stances.StanceCount]) -> str:
    """Allies, hesitants and refusals over time as inline SVG ("" when nobody is assessed): the
    page and the label dossiers draw the same chart from this one function."""
    if not any(c.ally or c.hesitant or c.refusal for c in counts):
        return ""
    return _stance_chart(tuple(counts), translation.get_language())


@lru_cache(maxsize=64)
def _stance_chart(counts: tuple[stances.StanceCount, ...], language: str) -> str:
    """The drawing itself, kept per counts and language: matplotlib takes about a second, and
    the dossiers' pre-flight asks for the same chart once per dossier kind."""
    from capacite.partners.charts import stance_chart_svg

    labels = {"ally": _("Alliés"), "hesitant": _("Hésitants"), "refusal": _("Refus")}
    return stance_chart_svg(
        counts, labels=labels,
        title=_("Alliés, hésitants et refus de %(start)s à %(end)s") % {
            "start": counts[0].on.strftime("%m/%Y"), "end": counts[-1].on.strftime("%m/%Y")},
    )


def without_letter_of_intent() -> QuerySet[Organisation]:
    """Organisations with no letter of intent at all (requested, received or signed)."""
    with_letter = Commitment.objects.filter(kind=CommitmentKind.LETTER_OF_INTENT).values(
        "organisation_id")
    return organisations().exclude(pk__in=with_letter)


# --- contacts ---------------------------------------------------------------------------------

PERSONAL_FIELDS = ("name", "function", "email", "phone")


def erase_contact(contact: Contact) -> None:
    """Blank the person's data in the row and in every historical record; keep the row so the
    interactions and meetings that mention the contact stay readable."""
    with transaction.atomic():
        blank = dict.fromkeys(PERSONAL_FIELDS, "")
        now = timezone.now()
        Contact.objects.filter(pk=contact.pk).update(
            **blank, erased_at=now, version=contact.version + 1)
        Contact.history.model.objects.filter(id=contact.pk).update(**blank)
    contact.refresh_from_db()


def contact_export_rows(contact: Contact) -> list[list[str]]:
    """Everything capacite holds about one person, for a request under the GDPR (article 15)."""
    rows = [[_("Champ"), _("Valeur")],
            [_("Nom"), contact.name], [_("Fonction"), contact.function],
            [_("Courriel professionnel"), contact.email],
            [_("Téléphone professionnel"), contact.phone],
            [_("Organisation"), contact.organisation.name]]
    for interaction in contact.interactions.order_by("occurred_on"):
        rows.append([_("Échange"), f"{interaction.occurred_on:%d/%m/%Y} — "
                                f"{interaction.get_kind_display()} — {interaction.summary}"])
    return rows


# --- rights of a partner representative -------------------------------------------------------

def may_edit_commitments(request, organisation: Organisation) -> bool:
    """The project team edits every organisation's commitments; a partner representative only
    those of the organisation its role is linked to."""
    roles = request.cite_roles
    if roles & {Role.PROJECT_LEAD, Role.DIRECTOR}:
        return True
    if Role.PARTNER in roles:
        return PartnerLink.objects.filter(
            membership__user=request.user, membership__role=Role.PARTNER,
            organisation=organisation,
        ).exists()
    return False


# --- import -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportSummary:
    created: list[str]
    existing: list[str]


def import_rows(rows: list[ImportRow], *, cite: Cite, user=None) -> ImportSummary:
    """Create the organisations of `rows` not already there (matched on the name, case and
    accents ignored), with their publics and position; all in one transaction, written in
    batches (a few statements for the whole file, not several per row) so the write lock is held
    for a moment even for the 10,000 rows an import may have."""
    from simple_history.utils import bulk_create_with_history

    with transaction.atomic():
        list(Cite.objects.select_for_update().filter(pk=cite.pk).values_list("pk"))
        known = {normalise(name) for name in Organisation.objects.values_list("name", flat=True)}
        publics = {p.key: p for p in Public.objects.all()}
        new_rows, existing = [], []
        for row in rows:
            if normalise(row.name) in known:
                existing.append(row.name)
                continue
            known.add(normalise(row.name))
            new_rows.append(row)
        organisations = bulk_create_with_history(
            [Organisation(cite=cite, name=row.name, kind=row.kind, first_circle=row.first_circle,
                          fields=list(row.fields), roles=list(row.roles), commune=row.commune,
                          website=row.website) for row in new_rows],
            Organisation, batch_size=IMPORT_BATCH, default_user=user)
        ids = dict(Organisation.objects.filter(name__in=[r.name for r in new_rows])
                   .values_list("name", "pk"))
        through = Organisation.publics.through
        through.objects.bulk_create(
            [through(organisation_id=ids[row.name], public_id=publics[key].pk)
             for row in new_rows for key in row.publics], batch_size=IMPORT_BATCH)
        Position.objects.bulk_create(
            [Position(cite=cite, organisation_id=ids[row.name], stance=row.stance,
                      assessed_on=row.stance_on, assessed_by=user, context="Import")
             for row in new_rows if row.stance], batch_size=IMPORT_BATCH)
    return ImportSummary([o.name for o in organisations], existing)


IMPORT_BATCH = 500


# --- for the planning issue -------------------------------------------------------------------

@dataclass(frozen=True)
class ContributionLine:
    organisation_id: int
    organisation: str
    year: int
    function: str  # a StaffFunction value, or ""
    pole: str
    fte: Decimal
    in_kind_eur: Decimal
    money_eur: Decimal


def contributions_for_year(year: int) -> list[ContributionLine]:
    """Every partner contribution of `year`, as plain data (scenarios and budget read these)."""
    return [
        ContributionLine(c.organisation_id, c.organisation.name, c.year, c.function, c.pole,
                         c.fte, c.in_kind_eur, c.money_eur)
        for c in Contribution.objects.filter(year=year).select_related("organisation")
    ]


def fte_by_function(year: int) -> dict[str, Decimal]:
    """Partner FTE per function for `year` (function "" for lines with no function)."""
    totals: dict[str, Decimal] = {}
    for line in contributions_for_year(year):
        totals[line.function] = totals.get(line.function, Decimal(0)) + line.fte
    return totals


def latest_positions(organisation_ids: list[int]) -> dict[int, Position]:
    """The latest assessment of each organisation, in one query."""
    latest: dict[int, Position] = {}
    for position in Position.objects.filter(organisation_id__in=organisation_ids).order_by(
            "organisation_id", "-assessed_on", "-assessed_at", "-pk"):
        latest.setdefault(position.organisation_id, position)
    return latest


@dataclass(frozen=True)
class FirstCircleItem:
    category: str  # a FirstCircle value
    label: str
    organisations: list[tuple[int, str, str]]  # (id, name, latest stance or "unknown")


def first_circle_checklist() -> list[FirstCircleItem]:
    """The guide's first circle, category by category, with the organisations that fill it;
    an empty category is an institution still to approach (one query)."""
    from capacite.partners.choices import FirstCircle

    rows = (Organisation.objects.exclude(first_circle="")
            .annotate(latest_stance=latest_stance_subquery()).order_by("name")
            .values_list("pk", "name", "first_circle", "latest_stance"))
    found: dict[str, list] = {}
    for pk, name, category, stance in rows:
        found.setdefault(category, []).append((pk, name, stance or "unknown"))
    return [FirstCircleItem(value, str(label), found.get(value, []))
            for value, label in FirstCircle.choices]
