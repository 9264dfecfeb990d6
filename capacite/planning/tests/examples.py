"""The worked example of docs/planning-model.md, as plain data shared by the tests.

A "modest" scenario (3 pôles, 35 h a week, 45 weeks) and an "ambitious" copy (5 pôles, 42 h a
week from the offer's opening hours, 47 weeks, two people at reception, a communication
officer), with the same partner contributions and funding.
"""

from dataclasses import replace
from decimal import Decimal as D

from capacite.planning.domain.budget import Funding, InKind
from capacite.planning.domain.fte import PartnerContribution
from capacite.planning.domain.scenario import ChargeItem, Scenario, copy_scenario

THREE_POLES = ("Choisir son orientation", "Trouver un emploi", "Créer son activité")

MODEST = Scenario(
    name="Modeste",
    poles=THREE_POLES,
    hours_per_day=D(7),
    days_per_week=D(5),
    weeks_per_year=D(45),
    counsellors_per_pole=D(1),
    reception_staff=D(1),
    documentation_staff=D(1),
    function_fte={"direction": D(1), "secretariat": D("0.5")},
    cost_per_fte={"direction": D(70000), "secretariat": D(40000)},
    default_cost_per_fte=D(45000),
    charges=(
        ChargeItem(account="606", label="Fournitures", annual_amount=D(6000)),
        ChargeItem(account="613", label="Loyer et charges locatives", annual_amount=D(36000)),
        ChargeItem(account="618", label="Documentation", annual_amount=D(5000)),
        ChargeItem(account="623", label="Communication", annual_amount=D(12000)),
        ChargeItem(account="6233", label="Événements", annual_amount=D(8000)),
    ),
    yearly_increase=D("0.02"),
)

AMBITIOUS = replace(
    copy_scenario(MODEST, name="Ambitieux"),
    poles=THREE_POLES + ("Construire son parcours de formation",
                         "Changer sa vie professionnelle"),
    weekly_hours=D(42),  # from the offer's opening hours; wins over 7 h × 5 days
    weeks_per_year=D(47),
    reception_staff=D(2),
    function_fte={"direction": D(1), "secretariat": D("0.5"), "communication": D("0.5")},
)

CONTRIBUTIONS = (
    PartnerContribution("France Travail", "counselling", "Trouver un emploi", D("1.15")),
    PartnerContribution("Mission locale", "counselling", "Choisir son orientation", D("1.50")),
    PartnerContribution("CIO", "counselling", None, D("0.50")),
    PartnerContribution("Région", "documentation", None, D("0.50")),
    PartnerContribution("Chambre de métiers", "counselling", "Métiers d'art", D("0.30")),
)

FUNDING = (
    Funding(funder="Région", amounts=(D(120000),) * 3, category="region"),
    Funding(funder="Département", amounts=(D(60000),) * 3, category="departement"),
    Funding(funder="Ville", amounts=(D(40000),) * 3, category="commune"),
    Funding(funder="Participation aux ateliers", account="706", amounts=(D(2000),) * 3),
)

VOLUNTEERS = (
    InKind(label="Bénévoles des événements", use_account="864", contribution_account="870",
           amounts=(D(5000),) * 3),
)
