"""Demo partnership maps: Rivemont (under construction) and Valombre (open).

Invented organisations and people on invented territories; e-mails end in .invalid. Dates are
relative to the day the demo is built, so the chart always shows the last twelve months.
Called by `capacite.core.demo` inside the Cité's scope, once, when it creates the Cité.
"""

from datetime import date, timedelta
from decimal import Decimal

from capacite.core.demo import CONSTRUCTION_SLUG, OPEN_SLUG
from capacite.core.models import Cite, Membership, Role
from capacite.partners.demo_stances import TRAJECTORY, individual_day
from capacite.partners.models import (
    Commitment,
    Contact,
    Contribution,
    Interaction,
    Organisation,
    PartnerLink,
    Position,
    Public,
)

# name, kind, first circle, fields, publics, roles, commune, letter of intent status or None;
# the positions come from demo_stances.TRAJECTORY (shared with the governance demo).
RIVEMONT = [
    ("CIO de Rivemont", "first_circle", "education", ["orientation"],
     ["pupils", "students", "young_people"], ["provider"], "Rivemont", "signed"),
    ("Rectorat de l'académie de Rivemont", "first_circle", "education",
     ["orientation", "initial_training"], ["pupils", "students"], ["funder", "prescriber"],
     "Rivemont", "received"),
    ("Mission locale du Pays de Rivemont", "operator", "", ["orientation", "employment"],
     ["young_people"], ["prescriber", "provider"], "Rivemont", "signed"),
    ("France Travail — agence de Rivemont", "first_circle", "employment_service",
     ["employment", "continuing_training"], ["jobseekers", "seniors"], ["prescriber", "provider"],
     "Rivemont", "requested"),
    ("Région Val-de-Rive", "first_circle", "region", ["continuing_training", "orientation"],
     ["jobseekers", "employees", "young_people"], ["funder"], "Castelnau", "signed"),
    ("Département de la Rive", "first_circle", "departement", ["employment"],
     ["disabled", "jobseekers"], ["funder", "prescriber"], "Castelnau", "requested"),
    ("Communauté d'agglomération de Rivemont", "first_circle", "communes",
     ["employment", "business_creation"], ["jobseekers", "creators"], ["funder"], "Rivemont",
     "signed"),
    ("Unité départementale de la DREETS", "first_circle", "state", ["employment"],
     ["jobseekers", "employees"], ["funder"], "Castelnau", None),
    ("CCI de Rivemont", "first_circle", "chambers", ["business_creation", "initial_training"],
     ["creators", "students"], ["provider"], "Rivemont", "received"),
    ("Chambre de métiers et de l'artisanat de la Rive", "first_circle", "chambers",
     ["initial_training", "business_creation"], ["young_people", "creators"], ["provider"],
     "Saint-Aubrac", "requested"),
    ("Union départementale CFDT", "social_partner", "social_partners", ["continuing_training"],
     ["employees"], ["prescriber"], "Rivemont", None),
    ("Union départementale CGT", "social_partner", "social_partners",
     ["continuing_training", "employment"], ["employees", "jobseekers"], ["prescriber"],
     "Rivemont", None),
    ("MEDEF de la Rive", "social_partner", "social_partners", ["employment"], ["employees"],
     ["prescriber"], "Castelnau", None),
    ("OPCO Entreprises de proximité — délégation Rive", "economic", "", ["continuing_training"],
     ["employees"], ["funder"], "Castelnau", "received"),
    ("CIDFF de la Rive", "operator", "", ["employment", "orientation"], ["women"], ["provider"],
     "Rivemont", "signed"),
    ("Cap emploi de la Rive", "operator", "", ["employment"], ["disabled"],
     ["provider", "prescriber"], "Rivemont", "received"),
    ("Greta de Rivemont", "operator", "", ["continuing_training"], ["jobseekers", "employees"],
     ["provider"], "Rivemont", None),
    ("AFPA de Castelnau", "operator", "", ["continuing_training"], ["jobseekers"], ["provider"],
     "Castelnau", None),
    ("Université de Rivemont — service d'orientation", "operator", "",
     ["orientation", "initial_training"], ["students"], ["provider"], "Rivemont", "requested"),
    ("BGE Rive Entreprendre", "economic", "", ["business_creation"], ["creators"], ["provider"],
     "Rivemont", None),
    ("Association Seniors Actifs Rivemont", "other", "", ["employment"], ["seniors"], ["provider"],
     "Rivemont", None),
]

VALOMBRE = [
    ("CIO de Valombre", "first_circle", "education", ["orientation"], ["pupils", "students"]),
    ("France Travail — agence Valombre-Centre", "first_circle", "employment_service",
     ["employment"], ["jobseekers"]),
    ("Mission locale de Valombre", "operator", "", ["orientation", "employment"],
     ["young_people"]),
    ("Région Val-de-Rive", "first_circle", "region", ["continuing_training"],
     ["employees", "jobseekers"]),
    ("Métropole de Valombre", "first_circle", "communes", ["employment", "business_creation"],
     ["creators"]),
    ("CCI de Valombre", "first_circle", "chambers", ["business_creation"], ["creators"]),
    ("Cap emploi de Valombre", "operator", "", ["employment"], ["disabled"]),
    ("CIDFF de Valombre", "operator", "", ["employment"], ["women"]),
    ("Greta de Valombre", "operator", "", ["continuing_training"], ["employees"]),
    ("Union départementale CFDT de Valombre", "social_partner", "social_partners",
     ["continuing_training"], ["employees"]),
]

FIRST_NAMES = ["Claire", "Julien", "Sabine", "Karim", "Élodie", "Patrice", "Manon", "Yann",
               "Isabelle", "Thomas", "Fatou", "Bertrand", "Lucie", "Mehdi", "Anne", "Hugo",
               "Nathalie", "Samuel", "Agathe", "Rémi", "Solène"]
LAST_NAMES = ["Morvan", "Castagné", "Ribeyre", "Haddad", "Le Goff", "Vasseur", "Peyrol",
              "Kerbrat", "Delmas", "Fougère", "Diallo", "Lacombe", "Serrault", "Benali",
              "Tessier", "Garnier", "Brunel", "Aubertin", "Roussel", "Maury", "Caradec"]
FUNCTIONS = ["Directrice", "Responsable partenariats", "Chef de service", "Chargé de mission"]


def _people(cite: Cite) -> dict:
    return {m.role: m.user for m in Membership.objects.filter(cite=cite).select_related("user")}


def _contact(cite, organisation, index: int) -> Contact:
    first, last = FIRST_NAMES[index % len(FIRST_NAMES)], LAST_NAMES[index % len(LAST_NAMES)]
    login = f"{first}.{last}".lower().replace(" ", "-").replace("é", "e").replace("è", "e")
    return Contact.objects.create(
        cite=cite, organisation=organisation, name=f"{first} {last}",
        function=FUNCTIONS[index % len(FUNCTIONS)], email=f"{login}@demo.capacite.invalid",
        phone=f"01 02 03 {index:02d} {index * 3 % 100:02d}",
    )


def build_partners_demo(*, cite: Cite, today: date) -> None:
    if cite.slug == CONSTRUCTION_SLUG:
        _rivemont(cite, today)
    elif cite.slug == OPEN_SLUG:
        _valombre(cite, today)


def _rivemont(cite: Cite, today: date) -> None:
    people = _people(cite)
    lead = people.get(Role.PROJECT_LEAD)
    publics = {p.key: p for p in Public.objects.all()}
    for index, (name, kind, circle, fields, public_keys, roles, commune,
                letter) in enumerate(RIVEMONT):
        organisation = Organisation.objects.create(
            cite=cite, name=name, kind=kind, first_circle=circle, fields=fields, roles=roles,
            commune=commune,
        )
        organisation.publics.set([publics[k] for k in public_keys])
        contact = _contact(cite, organisation, index)
        for step, stance, reason in TRAJECTORY[name]:
            day = individual_day(today, step)
            days_ago = (today - day).days
            Position.objects.create(
                cite=cite, organisation=organisation, stance=stance, reason=reason,
                assessed_on=day, assessed_by=lead, context="Rencontre individuelle",
            )
            interaction = Interaction.objects.create(
                cite=cite, organisation=organisation, occurred_on=day, summary=reason,
                next_step="Envoyer la note d'opportunité" if index % 4 == 0 else "",
                next_step_on=(today - timedelta(days=days_ago - 21)) if index % 4 == 0 else None,
                next_step_done=days_ago > 60,
            )
            interaction.contacts.set([contact])
            if lead:
                interaction.users.set([lead])
        if index % 3:  # most partners were called recently; the rest show in the alerts
            Interaction.objects.create(
                cite=cite, organisation=organisation, kind="phone",
                occurred_on=today - timedelta(days=5 + index),
                summary="Point d'étape sur la préparation du dossier de label projet.",
            )
        if letter:
            Commitment.objects.create(
                cite=cite, organisation=organisation, kind="letter_of_intent", status=letter,
                dated=today - timedelta(days=15 + index * 7),
            )
        if letter == "signed":
            Contribution.objects.create(
                cite=cite, organisation=organisation, year=today.year + 1,
                function="counselling" if "reception" not in fields else "reception",
                pole="Choisir son orientation" if "orientation" in fields
                else "Trouver un emploi", fte=Decimal("0.5"), in_kind_eur=Decimal("4000"),
                description="Un conseiller mis à disposition à mi-temps.",
            )
        if circle == "region":
            Contribution.objects.create(
                cite=cite, organisation=organisation, year=today.year + 1,
                money_eur=Decimal("120000"), description="Subvention de fonctionnement.")
    mission = Organisation.objects.get(name="Mission locale du Pays de Rivemont")
    partner = Membership.objects.filter(cite=cite, role=Role.PARTNER).first()
    if partner:
        PartnerLink.objects.create(cite=cite, membership=partner, organisation=mission)


def _valombre(cite: Cite, today: date) -> None:
    lead = _people(cite).get(Role.PROJECT_LEAD)
    publics = {p.key: p for p in Public.objects.all()}
    for index, (name, kind, circle, fields, public_keys) in enumerate(VALOMBRE):
        organisation = Organisation.objects.create(
            cite=cite, name=name, kind=kind, first_circle=circle, fields=fields,
            roles=["provider"], commune="Valombre",
        )
        organisation.publics.set([publics[k] for k in public_keys])
        _contact(cite, organisation, index + 5)
        Position.objects.create(
            cite=cite, organisation=organisation, stance="ally", assessed_by=lead,
            assessed_on=today - timedelta(days=700 - index * 10),
            reason="Membre fondateur du GIP.", context="Assemblée constitutive",
        )
        Interaction.objects.create(
            cite=cite, organisation=organisation, occurred_on=today - timedelta(days=20 + index),
            summary="Point trimestriel sur le planning des permanences.",
        )
        Commitment.objects.create(
            cite=cite, organisation=organisation, kind="letter_of_intent", status="signed",
            dated=today - timedelta(days=800 - index * 5),
        )
        Commitment.objects.create(
            cite=cite, organisation=organisation, kind="charter_convention", status="signed",
            dated=today - timedelta(days=400),
        )
        Contribution.objects.create(
            cite=cite, organisation=organisation, year=today.year, function="counselling",
            pole="Trouver un emploi" if "employment" in fields else "Choisir son orientation",
            fte=Decimal("0.5"), in_kind_eur=Decimal("3500"),
        )
