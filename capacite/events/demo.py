"""Demo programme: a year of events around today for the open Cité, proposals for the project."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from capacite.events.models import Event, EventStatus

TITLES = [
    ("Forum de l'alternance", "Rencontrez les centres de formation et les employeurs qui "
     "recrutent en apprentissage.", 10, 4, 200),
    ("Atelier CV et lettre de motivation", "Deux heures pour reprendre son CV avec une "
     "conseillère.", 14, 2, 12),
    ("Job dating des métiers du soin", "Entretiens de dix minutes avec les établissements de "
     "santé du territoire.", 9, 3, 60),
    ("Matinale de la création d'entreprise", "Les étapes, les aides et les réseaux "
     "d'accompagnement.", 9, 2, 30),
    ("Découverte des métiers du numérique", "Démonstrations et témoignages de développeurs, "
     "techniciens et designers.", 14, 3, 40),
    ("Conférence : se reconvertir après 45 ans", "Témoignages et conseils pour préparer un "
     "changement de métier.", 18, 2, 80),
    ("Visite d'entreprise : plateforme logistique", "Départ en car depuis la Cité ; chaussures "
     "fermées conseillées.", 9, 4, 20),
    ("Atelier : réussir son entretien", "Mises en situation filmées, en petit groupe.", 14, 2, 10),
]
PUBLIC_KEYS = ["young_people", "jobseekers", "employees", "students", "creators", "seniors"]


def build_events_demo(*, cite, today: date) -> None:
    from capacite.offer.models import Pole, Site
    from capacite.partners.models import Organisation, Public

    if Event.objects.exists():
        return
    site = Site.objects.filter(kind="main").first() or Site.objects.first()
    poles = list(Pole.objects.all())
    partners = list(Organisation.objects.order_by("name")[:8])
    publics = {p.key: p for p in Public.objects.all()}
    open_cite = cite.phase == "operation"
    offsets = range(-250, 115, 9) if open_cite else (45, 75, 110)
    for index, offset in enumerate(offsets):
        title, description, hour, hours, capacity = TITLES[index % len(TITLES)]
        day = today + timedelta(days=offset)
        if day.weekday() in (0, 6):  # the demo Cités close on Sunday and Monday
            day += timedelta(days=2)
        starts = timezone.make_aware(datetime.combine(day, time(hour)))
        if not open_cite or offset > 80:
            status, decided = EventStatus.PROPOSED, None
        elif index % 11 == 5:
            status, decided = EventStatus.REFUSED, day - timedelta(days=60)
        else:
            status, decided = EventStatus.RETAINED, day - timedelta(days=60)
        event = Event.objects.create(
            cite=cite, title=title, description=description, starts_at=starts,
            ends_at=starts + timedelta(hours=hours), site=site if index % 7 else None,
            place="" if index % 7 else "Salle des fêtes, 2 avenue Jean-Jaurès",
            pole=poles[index % len(poles)] if poles else None,
            theme="" if poles else "Emploi", capacity=capacity,
            accessibility="Salle de plain-pied, boucle magnétique à l'accueil.",
            status=status, decided_on=decided,
            committee_note="Retenu au comité de programmation trimestriel."
            if status == EventStatus.RETAINED else "",
        )
        event.partners.set(partners[index % len(partners):][:2] if partners else [])
        keys = PUBLIC_KEYS[index % len(PUBLIC_KEYS):][:2]
        event.publics.set([publics[k] for k in keys if k in publics])
