"""Demo team and roster: Valombre (open) has ~40 staff from 12 partners and a solved week.

Invented people. Called by `capacite.core.demo` inside the Cité's scope, once, when it creates
the Cité (after partners and offer). The week is filled by the greedy roster alone, which is
instant: on a loaded 2-core machine a few seconds of CP-SAT did not even beat it, and `make run`
must stay quick. « Recalculer » on the roster page runs the real search.
"""

from datetime import date
from decimal import Decimal
from random import Random

from capacite.core.demo import OPEN_SLUG
from capacite.core.models import Membership, Role
from capacite.offer.models import Pole, Site
from capacite.partners.models import Contribution, Organisation, PartnerLink
from capacite.staffing import services
from capacite.staffing.models import DeskDemand, JobDescription, StaffMember

FIRST = ["Adèle", "Bastien", "Carole", "Damien", "Estelle", "Fabrice", "Gaëlle", "Hervé",
         "Irène", "Jérôme", "Katia", "Laurent", "Maëlle", "Nicolas", "Océane", "Pascal",
         "Quentin", "Rachida", "Stéphane", "Tiphaine", "Ugo", "Valérie", "William", "Yasmine",
         "Zoé", "Arnaud", "Bérénice", "Cédric", "Delphine", "Emeric", "Florence", "Grégoire",
         "Hélène", "Ismaël", "Josiane", "Kévin", "Léa", "Mathis", "Nora"]
LAST = ["Achard", "Bellec", "Chauvin", "Dufresne", "Esnault", "Ferrand", "Guérin", "Hamon",
        "Jaouen", "Lemaire", "Marchal", "Nédélec", "Olivier", "Perrot", "Quéré", "Rigaud",
        "Simonet", "Tanguy", "Vallée", "Weber"]

EXTRA_PARTNERS = [("Chambre de métiers et de l'artisanat de Valombre", "chambers",
                   ["business_creation"]),
                  ("Afpa de Valombre", "", ["continuing_training"])]

# Which pôles (by index in the offer's suggested names) a partner's counsellors hold.
POLES_BY_FIELD = {"orientation": [0, 3], "employment": [1, 3], "continuing_training": [2, 3],
                  "business_creation": [4], "initial_training": [0, 2]}

AVAILABILITY = [  # weekday → hours, varied the way seconded counsellors come
    {"1": "10:00-18:00", "2": "10:00-18:00", "3": "10:00-13:00, 14:00-20:00"},
    {"3": "10:00-13:00, 14:00-20:00", "4": "10:00-18:00", "5": "10:00-17:00"},
    {"1": "10:00-14:00", "2": "10:00-14:00", "4": "10:00-14:00", "5": "10:00-14:00"},
    {"1": "13:00-18:00", "2": "13:00-18:00", "3": "14:00-20:00", "4": "13:00-18:00"},
    {"2": "10:00-18:00", "4": "10:00-18:00"},
    {"1": "10:00-18:00", "3": "10:00-13:00, 14:00-20:00", "5": "10:00-17:00"},
]


def build_staffing_demo(*, cite, today: date) -> None:
    if cite.slug != OPEN_SLUG:
        return
    site = Site.objects.filter(kind="main").first()
    poles = list(Pole.objects.order_by("position", "name"))
    if site is None or not poles:
        return
    for name, circle, fields in EXTRA_PARTNERS:
        organisation = Organisation.objects.create(
            cite=cite, name=name, kind="first_circle" if circle else "operator",
            first_circle=circle, fields=fields, roles=["provider"], commune="Valombre")
        Contribution.objects.create(cite=cite, organisation=organisation, year=today.year,
                                    function="counselling", fte=Decimal("0.4"))
    jobs = _jobs(cite)
    _staff(cite, poles, jobs)
    DeskDemand.objects.create(cite=cite, site=site, desk="reception", people=2)
    # The afternoon peak of the employment pôle, Tuesday to Friday.
    employment = f"pole-{poles[1].pk}" if len(poles) > 1 else f"pole-{poles[0].pk}"
    from datetime import time
    DeskDemand.objects.bulk_create(
        DeskDemand(cite=cite, site=site, desk=employment, weekday=day, start=time(hour, minute),
                   people=2)
        for day in (1, 2, 3, 4) for hour in (14, 15, 16) for minute in (0, 30))
    partner = Membership.objects.filter(cite=cite, role=Role.PARTNER).first()
    mission = Organisation.objects.filter(name__startswith="Mission locale").first()
    if partner and mission and not PartnerLink.objects.filter(membership=partner).exists():
        PartnerLink.objects.create(cite=cite, membership=partner, organisation=mission)
    # Inès Fontvieille (the `conseiller` account) keeps her Tuesday morning: a lock, which the
    # greedy roster honours, so her own week is not empty and the page shows a lock.
    ines = StaffMember.objects.get(name="Inès Fontvieille")
    first_day = min(int(day) for day in ines.availability)
    opens = ines.availability[str(first_day)].split("-")[0]
    start = int(opens[:2]) * 60 + int(opens[3:5])
    locks = [{"staff": f"s{ines.pk}", "desk": ines.desks[0], "day": first_day,
              "start": start + 30 * i} for i in range(4)]
    services.solve_run_greedy(services.new_run(site=site, week_start=services.monday_of(today),
                                               locks=locks))


def _jobs(cite) -> dict[str, JobDescription]:
    director = JobDescription.objects.create(
        cite=cite, title="Directeur ou directrice", function="direction", fte=1,
        missions="Anime l'équipe et le partenariat, tient le planning, rend compte au GIP.",
        skills="Management d'équipes pluri-institutionnelles ; conduite de projet.")
    reception = JobDescription.objects.create(
        cite=cite, title="Chargé·e d'accueil", function="reception", fte=2,
        missions="Accueille le public, identifie sa question et l'oriente vers le bon pôle.",
        skills="Écoute ; connaissance des pôles et des partenaires.", reports_to=director)
    documentation = JobDescription.objects.create(
        cite=cite, title="Documentaliste", function="documentation", fte=1,
        missions="Tient l'espace documentation en libre accès et aide à la recherche.",
        skills="Documentation emploi-formation ; outils numériques.", reports_to=director)
    counsellor = JobDescription.objects.create(
        cite=cite, title="Conseiller·ère mis·e à disposition", function="counselling",
        fte=Decimal("12.5"), missions="Tient les permanences d'un ou deux pôles de conseil.",
        skills="Conseil en orientation, emploi, formation ou création selon le partenaire.",
        reports_to=director)
    events = JobDescription.objects.create(
        cite=cite, title="Chargé·e des événements", function="events", fte=Decimal("0.5"),
        missions="Prépare les forums, ateliers et rencontres métiers.", reports_to=director)
    return {"direction": director, "reception": reception, "documentation": documentation,
            "counselling": counsellor, "events": events}


def _staff(cite, poles: list[Pole], jobs: dict[str, JobDescription]) -> None:
    """41 people: the director, the Cité's own reception and documentation, and 3 counsellors
    from each of the 12 partners."""
    from django.contrib.auth import get_user_model

    random = Random(6)
    names = iter(f"{first} {LAST[i % len(LAST)]}" for i, first in enumerate(FIRST))
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["conseiller", "accueil", "directeur"])}
    own = [("Olivier Maréchal", "direction", [], 35, {}, users.get("directeur")),
           ("Théo Lambesc", "reception", ["reception"], 35, AVAILABILITY[0] | AVAILABILITY[1],
            users.get("accueil")),
           (next(names), "reception", ["reception"], 28, AVAILABILITY[1] | {"2": "10:00-18:00"},
            None),
           (next(names), "reception", ["reception", "documentation"], 24, AVAILABILITY[5], None),
           (next(names), "documentation", ["documentation", "reception"], 35,
            AVAILABILITY[0] | AVAILABILITY[1], None)]
    for name, job, desks, hours, availability, user in own:
        StaffMember.objects.create(
            cite=cite, name=name, function=jobs[job].title, job=jobs[job], desks=desks,
            weekly_hours=hours, availability=availability, user=user)
    for index, organisation in enumerate(Organisation.objects.order_by("name")):
        pole_indexes = sorted({i for field in organisation.fields
                               for i in POLES_BY_FIELD.get(field, [1])}) or [1]
        keys = [f"pole-{poles[i].pk}" for i in pole_indexes if i < len(poles)]
        for rank in range(3):
            name = next(names, None) or f"Conseiller {index}-{rank}"
            if index == 2 and rank == 0:
                name = "Inès Fontvieille"
            desks = keys[:1] if rank == 2 else keys
            if rank == 1 and index % 3 == 0:
                desks = [*desks, "reception"]
            StaffMember.objects.create(
                cite=cite, name=name, function="Conseiller·ère", job=jobs["counselling"],
                partner=organisation, desks=desks, preferred_desks=keys[:1],
                weekly_hours=random.choice([10, 12, 14, 17.5, 21]),
                availability=AVAILABILITY[(index + rank) % len(AVAILABILITY)],
                user=users.get("conseiller") if name == "Inès Fontvieille" else None)
