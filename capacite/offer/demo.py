"""Demo pôles, sites and opening hours (registered as a demo builder in apps.py)."""

from datetime import date, time, timedelta

from capacite.offer.domain.poles import SUGGESTED_POLE_NAMES
from capacite.offer.models import Closure, DayException, Pole, Site, SiteKind, WeeklyHours

# Tuesday–Saturday, a late evening on Thursday: hours suited to people who work.
OPEN_WEEK = {1: [(10, 18)], 2: [(10, 18)], 3: [(10, 13), (14, 20)], 4: [(10, 18)], 5: [(10, 17)]}
POLE_FIELDS = {
    "Choisir son orientation": "orientation",
    "Trouver un emploi": "employment",
    "Construire son parcours de formation": "continuing_training",
    "Changer sa vie professionnelle": "continuing_training",
    "Créer son activité": "business_creation",
}
# Rivemont's planned week: the 35 hours of the scenario its comité de pilotage chose.
PROJECT_WEEK = {1: [(10, 17)], 2: [(10, 17)], 3: [(10, 13), (14, 20)], 4: [(10, 17)],
                5: [(10, 15)]}


def build_offer_demo(*, cite, today: date) -> None:
    from capacite.partners.models import Organisation

    poles = [Pole.objects.create(cite=cite, name=name, position=i)
             for i, name in enumerate(SUGGESTED_POLE_NAMES)]
    organisations = list(Organisation.objects.order_by("name"))
    for index, pole in enumerate(poles):
        # Partners whose field of action is the pôle's (a chamber on « Créer son activité »,
        # not a women's-rights centre); the alphabet only when none declares it.
        field = POLE_FIELDS.get(pole.name)
        fitting = [o for o in organisations if field in (o.fields or [])]
        pole.partners.set(fitting[:3] or organisations[index::len(poles)][:3])
    main = Site.objects.create(cite=cite, name=f"{cite.name} — site principal",
                               kind=SiteKind.MAIN, address="12, place de la Halle",
                               commune=cite.name.rsplit(" de ", 1)[-1])
    main.poles.set(poles)
    _week(main, OPEN_WEEK if cite.slug != "rivemont" else PROJECT_WEEK)
    if cite.phase != "operation":
        return  # a project: the planned hours of the main site are enough
    centre = Site.objects.create(cite=cite, name="Centre associé de la Mission locale",
                                 kind=SiteKind.ASSOCIATED, address="3, rue des Tanneurs",
                                 commune="Saint-Aubin-sur-Valombre")
    centre.poles.set(poles[:2])
    _week(centre, {2: [(14, 17)], 4: [(9, 12)]})
    relay = Site.objects.create(cite=cite, name="Point relais de la médiathèque",
                                kind=SiteKind.RELAY, commune="Montclar-la-Forêt")
    _week(relay, {2: [(10, 12)]})
    summer = date(today.year, 8, 1)
    Closure.objects.create(cite=cite, site=main, first=summer + timedelta(days=4),
                           last=summer + timedelta(days=20), label="Fermeture d'été")
    DayException.objects.create(cite=cite, site=main, day=today + timedelta(days=30),
                                hours="14:00-20:00", label="Nocturne du forum de l'alternance")


def _week(site: Site, pattern: dict[int, list[tuple[int, int]]]) -> None:
    WeeklyHours.objects.bulk_create(
        WeeklyHours(cite=site.cite, site=site, weekday=day, opens=time(a), closes=time(b))
        for day, spans in pattern.items() for a, b in spans
    )
