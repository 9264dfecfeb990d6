"""The demo's evaluation plan: Valombre's common indicators, two of its own entered by its
partners, and the comité de pilotage's decision that set the targets (runs after the activity)."""

from datetime import date
from decimal import Decimal

from capacite.dashboards.domain.periods import period_of, shifted
from capacite.dashboards.models import IndicatorValue, QualityIndicator

COMMON = [
    ("Passages", "Passages comptés à l'accueil, aux pôles et aux événements.", "visits",
     "year", "20000", True),
    ("Part des premières visites", "Premières visites parmi les passages où la question a été "
     "posée, en %.", "first_visit_share", "year", "40", True),
    ("Satisfaction moyenne", "Note globale moyenne du questionnaire de satisfaction (1 à 5).",
     "satisfaction", "month", "4", True),
    ("Questionnaires pour 100 passages", "Taux de réponse au questionnaire de satisfaction.",
     "response_rate", "month", "5", True),
    ("Passages par heure d'ouverture", "Passages de l'année rapportés aux heures d'ouverture "
     "des sites.", "visits_per_hour_open", "year", "10", True),
]
OWN = [
    ("Entretiens suivis d'une entrée en formation", "Personnes reçues en entretien entrées en "
     "formation dans les six mois, en % (relevé du partenaire).", "25",
     ["18.5", "21", "23.5", "24", "26", "27.5"]),
    # The charter says « sans rendez-vous »: what a visitor waits for is a free adviser, at
    # the reception, in minutes.
    ("Attente à l'accueil avant un conseiller (minutes)", "Temps médian entre l'arrivée à "
     "l'accueil et le début de l'entretien avec un conseiller de pôle, relevé chaque mois sur "
     "une semaine témoin.", "15", ["24", "22", "19", "18", "16", "14"]),
]


def build_quality_demo(*, cite, today: date) -> None:
    if cite.phase != "operation" or QualityIndicator.objects.filter(cite=cite).exists():
        return
    from capacite.governance.models import Body, Decision
    from capacite.partners.models import Organisation

    steering = Body.objects.filter(cite=cite, kind="steering").first()
    decision = None
    if steering is not None:
        decision = Decision.objects.create(
            cite=cite, body=steering, decided_on=date(today.year, 1, 15),
            title="Cibles des indicateurs du plan d'évaluation",
            validates="Le plan d'évaluation et ses cibles annuelles")
    partners = list(Organisation.objects.filter(cite=cite).order_by("name")[:2])
    position = 0
    for name, definition, key, frequency, target, higher in COMMON:
        position += 1
        QualityIndicator.objects.create(
            cite=cite, name=name, definition=definition, computed=key, frequency=frequency,
            target=Decimal(target), higher_is_better=higher, target_decision=decision,
            position=position)
    last = period_of("month", today)
    for index, (name, definition, target, values) in enumerate(OWN):
        position += 1
        indicator = QualityIndicator.objects.create(
            cite=cite, name=name, definition=definition, frequency="month",
            target=Decimal(target), higher_is_better=index == 0, target_decision=decision,
            owner=partners[index] if index < len(partners) else None, position=position)
        IndicatorValue.objects.bulk_create(
            IndicatorValue(cite=cite, indicator=indicator,
                           period_start=shifted(last, -n).start, value=Decimal(v))
            for n, v in zip(range(len(values) - 1, -1, -1), values, strict=True))
