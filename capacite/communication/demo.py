"""Demo communication plans: the launch campaign of the project, the yearly plan of the open
Cité (with measured results for the actions already done)."""

from datetime import date, timedelta
from decimal import Decimal

from capacite.communication.models import Action, Tool

OPEN_PLAN = [
    (-300, "Refonte du site internet", Tool.WEBSITE, "4800.00", "Tous publics",
     "Visites par mois", "3 000", "3 450"),
    (-200, "Flyers de rentrée dans les lycées", Tool.FLYERS, "650.00", "Lycéens",
     "Lycéens venus avec le flyer", "150", "118"),
    (-150, "Plaquette de l'offre de service", Tool.BROCHURES, "1200.00",
     "Partenaires et prescripteurs", "Plaquettes diffusées", "2 000", "2 000"),
    (-120, "Lettre d'information trimestrielle", Tool.MAILINGS, "0.00", "Abonnés",
     "Taux d'ouverture", "35 %", "41 %"),
    (-90, "Campagne sur les réseaux sociaux : forum de l'alternance", Tool.SOCIAL, "300.00",
     "Jeunes de 16 à 25 ans", "Visiteurs du forum", "400", "520"),
    (-60, "Dossier de presse : un an de la Cité", Tool.PRESS, "0.00", "Presse locale",
     "Articles parus", "5", "7"),
    (-30, "Journée portes ouvertes", Tool.OPEN_DAY, "1500.00", "Habitants de la métropole",
     "Visiteurs le jour J", "300", "265"),
    (30, "Lettre d'information de printemps", Tool.MAILINGS, "0.00", "Abonnés",
     "Taux d'ouverture", "35 %", ""),
    (60, "Flyers du job dating des métiers du soin", Tool.FLYERS, "420.00",
     "Demandeurs d'emploi", "Participants", "60", ""),
    (90, "Campagne réseaux sociaux : orientation après la troisième", Tool.SOCIAL, "250.00",
     "Collégiens et parents", "Visites venues de la campagne", "80", ""),
]
PROJECT_PLAN = [
    (20, "Page de présentation du projet", Tool.WEBSITE, "900.00", "Partenaires et habitants",
     "Visites par mois", "500", ""),
    (45, "Communiqué : lancement du projet", Tool.PRESS, "0.00", "Presse locale",
     "Articles parus", "3", ""),
    (80, "Plaquette pour les partenaires", Tool.BROCHURES, "800.00", "Partenaires",
     "Plaquettes diffusées", "500", ""),
]


def build_communication_demo(*, cite, today: date) -> None:
    plan = OPEN_PLAN if cite.phase == "operation" else PROJECT_PLAN
    for offset, title, tool, budget, target, indicator, expected, result in plan:
        Action.objects.get_or_create(cite=cite, title=title, defaults={
            "tool": tool, "date": today + timedelta(days=offset), "budget": Decimal(budget),
            "target": target, "indicator": indicator, "expected": expected, "result": result})
