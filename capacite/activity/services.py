"""What the activity screens do to the database: record a tally once, undo it, list today's."""

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from django.core import signing
from django.db import IntegrityError, transaction

from capacite.activity import counts
from capacite.activity.domain.slots import slot_label
from capacite.activity.forms import OUTSIDE, OUTSIDE_LABEL
from capacite.activity.models import Source, Visit
from capacite.lib.params import id_from

UNDO_SECONDS = 5 * 60
UNDO_SALT = "capacite.activity.undo"


def territory_places(cite, asked: str | None = None) -> tuple[list, list]:
    """The EPCIs then the communes of `cite`'s territory, by name: where a visitor may live
    (the tally screen's list and the history import's vocabulary read it). With `asked` (a
    tally's « epci:12 » or « commune:34 »), only that place if it is in the territory."""
    from capacite.territory.models import CiteTerritory

    kind, _sep, raw = (asked or "").partition(":")
    pk = id_from(raw)
    if asked is not None and not (kind in ("epci", "commune") and pk is not None):
        return [], []
    territory = CiteTerritory.objects.filter(cite=cite).first()
    if territory is None:
        return [], []
    if asked is None:
        return list(territory.epcis.order_by("name")), list(territory.communes.order_by("name"))
    if kind == "epci":
        return list(territory.epcis.filter(pk=pk)), []
    return [], list(territory.communes.filter(pk=pk))


def tally_sites(cite) -> list[tuple[int, str]]:
    """The sites a tally may be counted at, main sites first: (id, name)."""
    from capacite.offer.models import Site

    return _main_sites_first(Site.objects.filter(cite=cite))


def _main_sites_first(sites) -> list[tuple[int, str]]:
    from capacite.offer.models import SiteKind

    kinds = list(SiteKind.values)
    return [(s.pk, s.name) for s in sorted(sites, key=lambda s: (kinds.index(s.kind), s.name))]


def tally_choices(cite, asked: dict | None = None) -> dict:
    """The lists the tally screen offers: sites, pôles, the Cité's publics, its territory
    (EPCI then communes) and the partners a visitor may be oriented to.

    With `asked` (a tally's JSON payload), each list holds only the entries the tally names,
    looked up by id: the form checks them exactly as against the whole lists, but a tap no
    longer loads the Cité's territory and partners (the tally's write is the screen's hot
    path; issue 14's load benchmark)."""
    from capacite.offer.models import Pole, Site
    from capacite.partners.models import Organisation, Public

    def named(queryset, field: str):
        """All of `queryset`, or with `asked` only the ids the tally gives for `field`."""
        if asked is None:
            return queryset
        ids = _ids(asked.get(field))
        return queryset.filter(pk__in=ids) if ids else queryset.none()

    residence = None if asked is None else str(asked.get("residence") or "")
    epcis, communes = territory_places(cite, asked=residence)
    return {
        "sites": _main_sites_first(named(Site.objects.filter(cite=cite), "site")),
        "poles": [(p.pk, p.name) for p in named(Pole.objects.filter(cite=cite), "poles")],
        "publics": [(p.pk, p.get_label_display())
                    for p in named(Public.objects.filter(cite=cite), "public")],
        "residence": [*((f"epci:{e.pk}", e.name) for e in epcis),
                      *((f"commune:{c.pk}", c.name) for c in communes)],
        "partners": [(o.pk, o.name) for o in named(
            Organisation.objects.filter(cite=cite).order_by("name"), "oriented_to")],
    }


def _ids(value) -> list[int]:
    """The integer ids in a payload's value (one or a list); anything else names nothing,
    and the form then says the choice is not valid."""
    values = value if isinstance(value, list) else [value]
    return [pk for v in values if (pk := id_from(v)) is not None]


def own_poles(user, choices: dict) -> list[int]:
    """The pôles an adviser works at, to preselect on their tally screen: those of the desks
    they prefer in the team (`StaffMember.preferred_desks`), else of the desks they hold, else
    the pôles their seconding partner runs. Empty when `user` has no place in the team."""
    from capacite.offer.models import Pole
    from capacite.staffing.models import StaffMember

    member = StaffMember.objects.filter(user=user, active=True).first()
    if member is None:
        return []
    offered = [pk for pk, _name in choices["poles"]]
    for desks in (member.preferred_desks, member.desks):
        keys = {f"pole-{pk}": pk for pk in offered}
        found = [keys[desk] for desk in desks if desk in keys]
        if found:
            return found
    if member.partner_id is None:
        return []
    run = set(Pole.objects.filter(partners=member.partner_id).values_list("pk", flat=True))
    return [pk for pk in offered if pk in run]


def residence_fields(residence: str) -> dict:
    """A visit's residence fields from a residence key (« epci:<id> », « commune:<id> »,
    `OUTSIDE` or empty), as the tally screen and the history import both say it."""
    return {
        "residence_epci_id": int(residence[5:]) if residence.startswith("epci:") else None,
        "residence_commune_id": (int(residence[8:]) if residence.startswith("commune:")
                                 else None),
        "outside_territory": residence == OUTSIDE}


def record_visit(*, cite, data: dict, source: str = Source.DESK) -> tuple[Visit, bool]:
    """Store the visit of a valid `TallyForm`'s data, once per `client_id`.

    Returns the visit and whether it was stored now; a tally sent again (a retry after a lost
    answer, a second tab) finds the first one and changes nothing."""
    existing = Visit.objects.filter(client_id=data["client_id"]).first()
    if existing is not None:
        return existing, False
    visit = Visit(
        cite=cite, site_id=data["site"], day=data["day"], slot=data["slot"], kind=data["kind"],
        public_id=data.get("public"), age_band=data.get("age_band") or "",
        sex=data.get("sex") or "",
        first_visit={"yes": True, "no": False}.get(data.get("first_visit") or ""),
        **residence_fields(data.get("residence") or ""), oriented_to_id=data.get("oriented_to"),
        source=source, client_id=data["client_id"])
    try:
        with transaction.atomic():
            visit.save()
            if data.get("poles"):
                visit.poles.set(data["poles"])
    except IntegrityError:
        # Two copies of one tally raced: the other one was stored first and is the one kept.
        return Visit.objects.get(client_id=data["client_id"]), False
    return visit, True


def undo_token(visit: Visit) -> str:
    """A token that lets the screen that made `visit` take it back within five minutes.

    The time is inside the signed token, held by the browser: the server stores no time
    about the visit."""
    return signing.TimestampSigner(salt=UNDO_SALT).sign(str(visit.client_id))


def undo_visit(*, token: str) -> bool:
    """Delete the visit `token` names if the token is genuine and under five minutes old.

    Returns whether a visit was deleted (False for an old, forged or already used token)."""
    try:
        client_id = signing.TimestampSigner(salt=UNDO_SALT).unsign(token, max_age=UNDO_SECONDS)
        client_id = uuid.UUID(client_id)
    except (signing.BadSignature, ValueError):
        return False
    deleted, _ = Visit.objects.filter(client_id=client_id).delete()
    return deleted > 0


@dataclass(frozen=True)
class RecentVisit:
    client_id: str
    slot: str
    kind: str
    poles: str
    public: str


def tally_state(*, cite, site, day: date) -> dict:
    """Today's count at `site` and its last ten visits, for the tally screen.

    The pôles' names come from the link table in one query: Django's prefetch of the pôles
    cost five times as much, and this is sent back after every tap."""
    recent = list(Visit.objects.filter(site=site, day=day).select_related("public")
                  .order_by("-pk")[:10])
    poles: dict[int, list[str]] = defaultdict(list)
    for visit_id, name in (Visit.poles.through.objects.filter(visit_id__in=[v.pk for v in recent])
                           .order_by("pole__position", "pole__name")
                           .values_list("visit_id", "pole__name")):
        poles[visit_id].append(name)
    return {
        "today": counts.today_at_site(cite=cite, site=site, day=day),
        "recent": [RecentVisit(str(v.client_id), slot_label(v.slot), v.get_kind_display(),
                               ", ".join(poles[v.pk]),
                               v.public.get_label_display() if v.public_id else "")
                   for v in recent],
    }


def history_vocabulary(cite):
    """What an imported history's cells may name in `cite` (`domain.history.Vocabulary`)."""
    from capacite.activity.domain.history import Vocabulary, normalise
    from capacite.activity.models import AgeBand, Sex, VisitKind
    from capacite.offer.models import Pole, Site
    from capacite.partners.models import Organisation, Public

    def both(choices):
        return {**{normalise(str(label)): value for value, label in choices if value},
                **{normalise(value): value for value, _label in choices if value}}

    return Vocabulary(
        sites={normalise(s.name): s.pk for s in Site.objects.filter(cite=cite)},
        poles={normalise(p.name): p.pk for p in Pole.objects.filter(cite=cite)},
        publics={**{normalise(p.label): p.pk for p in Public.objects.filter(cite=cite)},
                 **{normalise(p.key): p.pk for p in Public.objects.filter(cite=cite)}},
        kinds=both(VisitKind.choices), age_bands=both(AgeBand.choices),
        sexes={**both(Sex.choices), "f": Sex.FEMALE, "h": Sex.MALE, "m": Sex.MALE},
        residences=history_residences(cite),
        partners={normalise(o.name): o.pk for o in Organisation.objects.filter(cite=cite)})


def history_residences(cite) -> dict[str, str]:
    """Where an imported visitor may live, normalised → residence key: the territory's EPCIs
    and communes by name or code (SIREN, INSEE), and « hors territoire »."""
    from capacite.activity.domain.history import normalise

    epcis, communes = territory_places(cite)
    found = {"hors territoire": OUTSIDE, normalise(str(OUTSIDE_LABEL)): OUTSIDE}
    for commune in reversed(communes):  # a name two communes share names the first
        found[normalise(commune.name)] = found[commune.code] = f"commune:{commune.pk}"
    for epci in reversed(epcis):
        found[normalise(epci.name)] = found[epci.code] = f"epci:{epci.pk}"
    return found


# Above this many visits in one import, the monthly counts are rebuilt once from the rows
# rather than kept row by row: each imported visit would otherwise update the same counts again
# (the rows of one month share them), which PostgreSQL makes quadratic — every update of a row
# in one transaction leaves a version behind that the next one walks (minutes for a year).
BULK_VISITS = 2000


def _counts_kept_for(cite, visits: int):
    """The monthly counts' triggers for a small import; suspended and the Cité's counts rebuilt
    for a large one. Suspending takes the visits table for the transaction (PostgreSQL's lock of
    DROP TRIGGER, SQLite's write lock): other Cités' tallies wait the seconds of the import
    instead of being counted without their triggers."""
    from contextlib import nullcontext

    from django.db import connection

    from capacite.activity import rollups

    if visits <= BULK_VISITS:
        return nullcontext()
    return rollups.suspended(connection, [cite.pk])


def import_history(cite, data: bytes, filename: str) -> str:
    """Create the visits of a history file, all or nothing; a French summary of what was added.

    Raises `ImportRefused` with every line-numbered error, and then writes nothing."""
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from capacite.activity.domain.history import parse_history
    from capacite.lib.importers import ImportRefused
    from capacite.lib.tables import read_table

    table, issues = read_table(data, filename)
    if issues:
        raise ImportRefused([str(i) for i in issues])
    rows, issues = parse_history(table, history_vocabulary(cite), today=timezone.localdate())
    if issues:  # each error names the file too: a Cité imports one file a year or a month
        name = Path(filename).name
        raise ImportRefused([str(replace(i, filename=name)) for i in issues])
    through = Visit.poles.through
    with transaction.atomic(), _counts_kept_for(cite, sum(row.count for row in rows)):
        visits, poles = [], []
        for row in rows:
            for _n in range(row.count):
                visits.append(Visit(
                    cite=cite, site_id=row.site, day=row.day, slot=row.slot, kind=row.kind,
                    public_id=row.public, age_band=row.age_band, sex=row.sex,
                    first_visit=row.first_visit, **residence_fields(row.residence),
                    oriented_to_id=row.oriented_to, source=Source.IMPORT,
                    client_id=uuid.uuid4()))
                poles.append(row.poles)
        Visit.objects.bulk_create(visits, batch_size=5000)
        through.objects.bulk_create([through(visit_id=v.pk, pole_id=p) for v, ps in
                                     zip(visits, poles, strict=True) for p in ps],
                                    batch_size=5000)
    return _("%(n)s passages importés depuis %(rows)s lignes.") % {"n": len(visits),
                                                                  "rows": len(rows)}
