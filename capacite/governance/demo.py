"""Governance demo data, built after the partners demo (order 20) inside the Cité's scope.

Rivemont (construction phase): bodies with members, eight past committees with attendance,
positions that move, minutes and decisions, an upcoming steering committee, four workshop groups
and a GIP with its statutes on their way through the partners' assemblies. Valombre (open): a
smaller, settled set. Texts are demo content, in French only.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from capacite.governance.choices import (
    AttendanceStatus,
    BodyKind,
    DeliberationStatus,
    DossierPart,
    LegalForm,
)
from capacite.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    BodyMember,
    Decision,
    LegalStructure,
    Meeting,
    StatuteVersion,
    ValidationStep,
    WorkshopGroup,
    WorkshopProposal,
    WorkshopSession,
)
from capacite.governance.positions import meeting_context
from capacite.governance.services import complete_validated_tasks, sync_statutes_tasks
from capacite.lib.days import working_day_after, working_day_before
from capacite.partners.choices import FirstCircle, OrganisationKind
from capacite.partners.demo_stances import meeting_day, stance_at
from capacite.partners.models import Contact, Organisation, Position

PARIS = ZoneInfo("Europe/Paris")
FALLBACK_ORGANISATIONS = [
    ("Démo gouvernance — Conseil régional", OrganisationKind.FIRST_CIRCLE, FirstCircle.REGION),
    ("Démo gouvernance — Département", OrganisationKind.FIRST_CIRCLE, FirstCircle.DEPARTEMENT),
    ("Démo gouvernance — Agglomération", OrganisationKind.FIRST_CIRCLE, FirstCircle.COMMUNES),
    ("Démo gouvernance — France Travail", OrganisationKind.FIRST_CIRCLE,
     FirstCircle.EMPLOYMENT_SERVICE),
    ("Démo gouvernance — Mission locale", OrganisationKind.OPERATOR, ""),
    ("Démo gouvernance — Chambre de métiers", OrganisationKind.FIRST_CIRCLE,
     FirstCircle.CHAMBERS),
]


FIRST_CIRCLE_ORDER = (FirstCircle.COMMUNES, FirstCircle.REGION, FirstCircle.DEPARTEMENT,
                      FirstCircle.STATE, FirstCircle.EMPLOYMENT_SERVICE, FirstCircle.CHAMBERS,
                      FirstCircle.EDUCATION, FirstCircle.SOCIAL_PARTNERS)
# The assembly that votes the statutes, by kind of institution (the EPCI's by its kind:
# `deciding_body`).
DECIDING_BODY = {FirstCircle.REGION: "Conseil régional",
                 FirstCircle.DEPARTEMENT: "Commission permanente du Département",
                 FirstCircle.CHAMBERS: "Assemblée générale de la chambre",
                 FirstCircle.STATE: "Préfecture (arrêté d'approbation)"}


def deciding_body(organisation) -> str:
    """The assembly that votes for `organisation`. An EPCI's depends on its kind: a métropole
    deliberates in its « conseil de la métropole », a communauté (de
    communes, d'agglomération, urbaine) in its « conseil communautaire », a commune in its
    « conseil municipal ». The kind is read from the name (the demo's organisations say it)."""
    if organisation.first_circle == FirstCircle.COMMUNES:
        name = organisation.name.lower()
        if "métropole" in name:
            return "Conseil de la métropole"
        if name.startswith(("ville ", "commune ")):
            return "Conseil municipal"
        return "Conseil communautaire"
    return DECIDING_BODY.get(organisation.first_circle, "Conseil d'administration")


def _at(day: date, hour: int = 14) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=PARIS)


def _organisations(cite) -> list:
    organisations = list(Organisation.objects.order_by("name"))
    if not organisations:
        for name, kind, circle in FALLBACK_ORGANISATIONS:
            Organisation.objects.get_or_create(
                cite=cite, name=name, defaults={"kind": kind, "first_circle": circle})
        organisations = list(Organisation.objects.order_by("name"))
    # The agglomération first (it carries the project), then the guide's first circle in its
    # order, then the others: the demo's bodies and statute votes read this order.
    rank = {c: i for i, c in enumerate(FIRST_CIRCLE_ORDER)}
    first = sorted((o for o in organisations if o.first_circle),
                   key=lambda o: (rank.get(o.first_circle, len(rank)), o.name))
    others = [o for o in organisations if not o.first_circle]
    return first + others


def _contact(organisation):
    return Contact.objects.filter(organisation=organisation, erased_at__isnull=True).first()


def _body(cite, kind, name, organisations, role) -> Body:
    body, _ = Body.objects.get_or_create(cite=cite, name=name, defaults={"kind": kind})
    for organisation in organisations:
        BodyMember.objects.get_or_create(
            cite=cite, body=body, organisation=organisation,
            defaults={"contact": _contact(organisation), "role": role})
    return body


def _meeting(cite, body, day, place, items, *, attendance=None, stances=None, decisions=()):
    meeting = Meeting.objects.create(cite=cite, body=body, starts_at=_at(day), place=place,
                                     duration_minutes=120)
    for index, (title, minutes, presenter, text) in enumerate(items, start=1):
        AgendaItem.objects.create(cite=cite, meeting=meeting, position=index, title=title,
                                  duration_minutes=minutes, presenter=presenter, minutes=text)
    for member in body.members.select_related("organisation"):
        status = (attendance or {}).get(member.organisation_id, AttendanceStatus.PRESENT)
        if status:
            Attendance.objects.create(cite=cite, meeting=meeting, member=member, status=status)
    for organisation, (stance, reason) in (stances or {}).items():
        if (attendance or {}).get(organisation.pk) == AttendanceStatus.ABSENT:
            continue  # not there to say: its position is assessed when it comes back
        Position.objects.create(cite=cite, organisation=organisation, stance=stance,
                                reason=reason, assessed_on=day,
                                context=meeting_context(meeting))
    for title, validates, task_key in decisions:
        from capacite.roadmap.models import Task

        task = Task.objects.filter(key=task_key).first()
        Decision.objects.create(cite=cite, body=body, meeting=meeting, decided_on=day,
                                title=title, validates=validates, task=task)
        if task is not None and task.is_done:  # the roadmap dates it on the committee's day
            Task.objects.filter(pk=task.pk).update(due_date=day)
    return meeting


def build_governance_demo(*, cite, today: date) -> None:
    if Body.objects.exists():
        return  # already built: the demo never duplicates
    if cite.slug == "rivemont":
        _rivemont(cite, today)
    elif cite.slug == "valombre":
        _valombre(cite, today)


def _stances(organisations, step: int) -> dict:
    """Positions of the member organisations at committee `step`, from the demo's trajectory
    (the same table the partners demo reads); organisations not assessed yet are left out."""
    result = {}
    for organisation in organisations:
        found = stance_at(organisation.name, step)
        if found:
            result[organisation] = found
    return result


def _rivemont(cite, today: date) -> None:
    organisations = _organisations(cite)
    # The whole first circle sits on the comité de pilotage, as the guide asks.
    steering_members = [o for o in organisations if o.first_circle] or organisations[:8]
    technical_members = organisations[:4] + [o for o in organisations
                                             if not o.first_circle][:4] or organisations[:4]
    absentee = technical_members[-1]
    _body(cite, BodyKind.SPONSOR, "Porteur politique", organisations[:1], "Vice-président")
    _body(cite, BodyKind.PROJECT_LEAD, "Porteur technique", organisations[:1], "Cheffe de projet")
    steering = _body(cite, BodyKind.STEERING, "Comité de pilotage", steering_members,
                     "Représentant élu")
    technical = _body(cite, BodyKind.TECHNICAL, "Comité de suivi technique", technical_members,
                      "Référent technique")
    _body(cite, BodyKind.WORKSHOPS, "Ateliers thématiques", organisations[:6], "Participant")
    place = "Hôtel d'agglomération de Rivemont, salle du conseil"
    steering_decisions = [
        [("Le comité valide la note d'opportunité et décide de poursuivre le projet.",
          "Note d'opportunité", "rediger-note-opportunite")],
        [("Le comité retient trois thèmes d'ateliers et leur calendrier.",
          "Plan des ateliers thématiques", "")],
        [("Le comité retient le scénario « intermédiaire » : 5 pôles, 35 h d'ouverture.",
          "Choix des scénarios", "arbitrer-scenarios")],
        [("Le comité retient la forme d'un GIP pour la future Cité.",
          "Choix de la structure juridique", "choisir-structure-juridique")],
    ]
    # Eight past committees, steering and technical in turn, on the trajectory's days.
    for index in range(4):
        step = 2 * index + 1
        day = meeting_day(today, step)
        _meeting(cite, steering, day, place, [
            ("Point d'avancement du projet", 30, "Camille Berthelot",
             "La cheffe de projet présente l'avancement ; les partenaires posent leurs questions."),
            ("Travaux des ateliers", 45, "Animateurs des ateliers",
             "Les propositions des groupes sont discutées et enrichies."),
            ("Décisions à prendre", 30, "Marc Delaunay-Ferrand",
             "Le porteur politique soumet les options au comité."),
        ], stances=_stances(steering_members, step), decisions=steering_decisions[index])
        _meeting(cite, technical, meeting_day(today, step + 1), "Locaux de la Mission locale", [
            ("Offre de service : pôles de conseil", 60, "Référents techniques",
             "Les partenaires répartissent les pôles selon leurs compétences."),
            ("Organisation et horaires", 45, "Camille Berthelot",
             "Deux hypothèses d'amplitude sont comparées."),
        ], attendance={absentee.pk: AttendanceStatus.ABSENT} if index >= 1 else None,
            stances=_stances(technical_members, step + 1))
    upcoming = Meeting.objects.create(cite=cite, body=steering, starts_at=_at(
        working_day_after(today + timedelta(days=21)), 10), place=place, duration_minutes=120)
    for index, (title, minutes, presenter) in enumerate([
        ("Validation du budget prévisionnel", 45, "Camille Berthelot"),
        ("Projet de statuts du GIP", 45, "Service juridique de l'agglomération"),
        ("Calendrier vers le comité national de labellisation", 20, "Camille Berthelot"),
    ], start=1):
        AgendaItem.objects.create(cite=cite, meeting=upcoming, position=index, title=title,
                                  duration_minutes=minutes, presenter=presenter)
    _workshops(cite, today, organisations)
    _legal(cite, today, organisations[:4], voted=1)
    complete_validated_tasks(today=today)


def _workshops(cite, today: date, organisations) -> None:
    contacts = list(Contact.objects.filter(erased_at__isnull=True).order_by("pk"))
    themes = [
        ("Offre de service et pôles de conseil", DossierPart.OFFER,
         "Cinq pôles nommés comme les usagers formulent leurs questions."),
        ("Accueil des publics et horaires", DossierPart.OPERATIONS,
         "Ouverture du mardi au samedi, nocturne le jeudi."),
        ("Équipe partenariale", DossierPart.HUMAN_RESOURCES,
         "Chaque partenaire détache au moins un conseiller à mi-temps."),
        ("Locaux et aménagement", DossierPart.PREMISES,
         "Un plateau de 600 m² en centre-ville, près du tramway."),
    ]
    start = today - timedelta(days=240)
    for index, (theme, part, proposal) in enumerate(themes):
        group = WorkshopGroup.objects.create(cite=cite, theme=theme,
                                             purpose="Alimenter les propositions au comité.")
        group.contacts.set(contacts[index::4][:15])
        group.organisations.set(organisations[index % 2::2])
        for session in range(3):
            WorkshopSession.objects.create(
                cite=cite, group=group,
                date=working_day_before(start + timedelta(days=index * 7 + session * 90)),
                place="Cité des métiers (préfiguration)")
        WorkshopProposal.objects.create(cite=cite, group=group, title=proposal,
                                        dossier_part=part)


def _legal(cite, today: date, organisations, *, voted: int) -> None:
    LegalStructure.objects.create(
        cite=cite, chosen_form=LegalForm.GIP,
        rationale="Les partenaires publics veulent une gouvernance partagée à parts égales.")
    # Recorded without their files: the demo leaves the media folder empty (backups count it).
    for number, days_ago, note in (("v1", 120, "Premier projet, fichier chez le juriste"),
                                   ("v2", 40, "Apports des partenaires, fichier à déposer")):
        StatuteVersion.objects.create(cite=cite, number=number,
                                      dated=today - timedelta(days=days_ago), note=note)
    for index, organisation in enumerate(organisations):
        ValidationStep.objects.create(
            cite=cite, organisation=organisation,
            deciding_body=deciding_body(organisation),
            expected_on=today + timedelta(days=-20 if index < voted else 30 + index * 25),
            status=DeliberationStatus.VOTED if index < voted else DeliberationStatus.PLANNED)
    sync_statutes_tasks()


def _valombre(cite, today: date) -> None:
    organisations = _organisations(cite)
    steering = _body(cite, BodyKind.STEERING, "Conseil d'administration du GIP",
                     organisations[:6], "Administrateur")
    technical = _body(cite, BodyKind.TECHNICAL, "Comité technique", organisations[:4],
                      "Référent technique")
    for body, days_ago, decision in (
            (steering, 60, ("Le conseil approuve le rapport d'activité de la première année.",
                            "Rapport d'activité", "")),
            (technical, 20, ("Le comité adopte le planning des permanences du trimestre.",
                             "Planning des permanences", ""))):
        _meeting(cite, body, working_day_before(today - timedelta(days=days_ago)),
                 "Cité des métiers de Valombre", [
            ("Bilan de la période", 40, "Olivier Maréchal",
             "Fréquentation en hausse ; deux pôles à renforcer le samedi."),
            ("Décisions", 20, "Olivier Maréchal", "Adoptées à l'unanimité."),
        ], decisions=[decision])
    _legal(cite, today - timedelta(days=900), organisations[:4], voted=4)
