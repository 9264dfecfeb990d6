"""Demo diagnosis for Rivemont (under construction): indicators, narratives, the existing offer.

Invented figures on an invented territory. Called by `capacite.core.demo` inside the Cité's
scope, once, when it creates the Cité (after the partners demo, whose organisations it uses).
"""

from datetime import date
from decimal import Decimal

from capacite.core.demo import CONSTRUCTION_SLUG
from capacite.core.models import Cite
from capacite.diagnosis.models import Indicator, Narrative, OfferMapEntry

AGGLO = "Communauté d'agglomération de Rivemont"
ZONE = "Zone d'emploi de Rivemont"

# theme, label, value, unit, territory, date, source
INDICATORS = [
    ("economy", "Établissements employeurs", "6 180", "establishments", AGGLO, (2025, 12, 31),
     "INSEE, REE-Sirene 2025"),
    ("economy", "Part de l'emploi salarié dans l'industrie", "18,4", "percent", ZONE,
     (2025, 12, 31), "URSSAF, Acoss"),
    ("economy", "Créations d'entreprises dans l'année", "1 240", "establishments", AGGLO,
     (2025, 12, 31), "INSEE, SIDE"),
    ("employment", "Taux de chômage", "8,7", "percent", ZONE, (2026, 6, 30),
     "INSEE, taux de chômage localisés T2 2026"),
    ("employment", "Demandeurs d'emploi de catégorie A", "7 450", "people", AGGLO,
     (2026, 9, 30), "France Travail, STMT T3 2026"),
    ("employment", "Projets de recrutement jugés difficiles", "61", "percent", ZONE,
     (2026, 4, 15), "France Travail, enquête BMO 2026"),
    ("publics", "Jeunes de 16 à 25 ans suivis par la mission locale", "2 310", "people", AGGLO,
     (2025, 12, 31), "Mission locale du Pays de Rivemont, rapport d'activité 2025"),
    ("publics", "Part des 15-24 ans ni en emploi ni en formation", "14,2", "percent", AGGLO,
     (2021, 1, 1), "INSEE, recensement 2021"),
    ("publics", "Demandeurs d'emploi de 50 ans ou plus", "29", "percent", AGGLO,
     (2026, 9, 30), "France Travail, STMT T3 2026"),
    ("training", "Places en apprentissage offertes", "1 150", "training_places", AGGLO,
     (2026, 9, 1), "Région Val-de-Rive, carte des formations 2026"),
    ("training", "Organismes de formation continue", "84", "establishments", AGGLO,
     (2026, 1, 1), "Carif-Oref Val-de-Rive"),
    ("training", "Âge moyen d'entrée en formation continue", "36", "years", "Région Val-de-Rive",
     (2025, 12, 31), "Carif-Oref Val-de-Rive"),
]

NARRATIVES = {
    "economy": (
        "Un tissu de petites entreprises industrielles (mécanique, agroalimentaire) et de "
        "services à la personne en croissance. Les créations d'entreprises progressent depuis "
        "trois ans, portées par les micro-entrepreneurs."),
    "employment": (
        "Le chômage reste au-dessus de la moyenne régionale, alors que six projets de "
        "recrutement sur dix sont jugés difficiles : les métiers de l'industrie, du soin et du "
        "transport peinent à recruter. Le rapprochement entre offre et demande est l'enjeu "
        "principal."),
    "publics": (
        "Une jeunesse nombreuse hors emploi et hors formation dans les quartiers de la gare et "
        "du Val, et une part croissante de demandeurs d'emploi seniors. Ces deux publics "
        "viennent peu dans les structures existantes."),
    "training": (
        "Une offre d'apprentissage abondante mais méconnue des familles ; la formation continue "
        "est concentrée à Castelnau, à 40 minutes en car des communes du nord."),
}

# organisation, services, strengths, weaknesses
OFFER = [
    ("CIO de Rivemont", {"walk_in", "appointment", "documentation"},
     "Conseil en orientation reconnu des familles.", "Fermé l'été ; peu connu des adultes."),
    ("Mission locale du Pays de Rivemont", {"walk_in", "appointment", "workshops", "events"},
     "Ateliers CV et forums jeunes très fréquentés.", "Réservée aux 16-25 ans."),
    ("France Travail — agence de Rivemont", {"appointment", "workshops", "portal"},
     "Portail en ligne complet, ateliers numériques.",
     "Accueil sans rendez-vous supprimé le matin."),
    ("CCI de Rivemont", {"appointment", "events", "workshops"},
     "Réunions d'information sur la création chaque mois.",
     "Accueil réservé aux porteurs de projet déjà avancés."),
    ("Chambre de métiers et de l'artisanat de la Rive", {"appointment", "events"},
     "Nuit de l'apprentissage qui attire les familles.",
     "Un seul conseiller pour l'apprentissage."),
    ("Cap emploi de la Rive", {"appointment"},
     "Accompagnement spécialisé des personnes handicapées.", "Locaux à l'étage, sans ascenseur."),
    ("Greta de Rivemont", {"appointment", "documentation"},
     "Centre de ressources ouvert aux stagiaires.", "Documentation fermée au grand public."),
    ("Université de Rivemont — service d'orientation", {"walk_in", "documentation", "portal"},
     "Documentation riche sur les études supérieures.", "Réservé aux étudiants inscrits."),
]


def build_diagnosis_demo(*, cite: Cite, today: date) -> None:
    if cite.slug != CONSTRUCTION_SLUG:
        return
    for theme, label, value, unit, territory, (y, m, d), source in INDICATORS:
        Indicator.objects.create(
            cite=cite, theme=theme, label=label,
            value=Decimal(value.replace(" ", "").replace(",", ".")), unit=unit,
            territory=territory, observed_on=date(y, m, d), source=source)
    for theme, text in NARRATIVES.items():
        Narrative.objects.create(cite=cite, theme=theme, text=text)
    from capacite.partners.models import Organisation

    organisations = {o.name: o for o in Organisation.objects.all()}
    for name, services, strengths, weaknesses in OFFER:
        if name in organisations:
            OfferMapEntry.objects.create(
                cite=cite, organisation=organisations[name], strengths=strengths,
                weaknesses=weaknesses, **{s: True for s in services})
