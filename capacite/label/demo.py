"""Demo prose and charter declarations for Rivemont, so its label projet dossier is complete
(registered as a demo builder in apps.py; runs once, right after the Cité is created).

The label projet also needs what a construction-phase Cité prepares for it and the other apps'
demos leave to the open Cité: the planned team's job descriptions and the fitting-out plan of
the chosen premises (a one-page PDF drawn from the space programme)."""

import io
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile

from capacite.core.models import Membership, Role
from capacite.label.models import Declaration, DeclarationStatus, NarrativeText

RIVEMONT_TEXTS = {
    "structure": (
        "Le projet est porté par la Communauté d'agglomération de Rivemont, qui a confié sa "
        "conduite à une cheffe de projet rattachée à la direction du développement économique. "
        "Le vice-président chargé de l'emploi et de la formation en assure le portage "
        "politique et préside le comité de pilotage.\n\n"
        "L'agglomération met à disposition du projet une cheffe de projet à temps plein, un "
        "budget d'études et les services juridiques et financiers nécessaires à la préparation "
        "des statuts."
    ),
    "context": (
        "L'idée d'une Cité des métiers est née d'un constat partagé lors des assises de "
        "l'emploi du bassin : les habitants ne savent pas à quelle porte frapper, et les "
        "professionnels de l'accueil, de l'information et de l'orientation se connaissent mal.\n\n"
        "Une note d'opportunité, validée par le comité de pilotage, a lancé la phase de "
        "construction. Quatre ateliers thématiques ont réuni les partenaires à trois reprises "
        "chacun ; leurs propositions ont été arbitrées en comité de pilotage."
    ),
    "diagnosis": (
        "Le bassin de Rivemont compte 38 communes et un taux de chômage supérieur à la moyenne "
        "régionale. L'offre d'accueil est riche mais dispersée entre une dizaine d'opérateurs, "
        "chacun pour son public."
    ),
    "why_here": (
        "Une Cité des métiers donnerait une porte d'entrée unique, anonyme et gratuite, à tous "
        "les publics, et permettrait aux partenaires de « faire mieux autrement et ensemble »."
    ),
    "premises_lead": (
        "L'agglomération propose un plateau de 600 m² en centre-ville, à deux pas du tramway, "
        "dans l'ancienne halle aux grains en cours de réhabilitation."
    ),
    "opportunity_next": (
        "Le comité de pilotage est invité à engager la phase de construction du projet et à "
        "constituer les ateliers thématiques."
    ),
    "partnership": (
        "La cheffe de projet a rencontré chaque partenaire au bon niveau de décision, souvent à "
        "plusieurs reprises, avec le porteur politique. Les hésitations de départ, liées à la "
        "crainte d'une charge supplémentaire, ont été levées en montrant la valeur ajoutée de "
        "la mutualisation."
    ),
    "territory": (
        "La Cité rayonnera sur les 38 communes de l'agglomération à partir d'un site principal "
        "en centre-ville ; des centres associés dans les maisons France services du territoire "
        "rural sont à l'étude pour la deuxième année."
    ),
    "premises": (
        "Le site pressenti est un plateau de 600 m² dans l'ancienne halle aux grains, mis à "
        "disposition par l'agglomération. Le programme d'aménagement sera arrêté avec "
        "l'architecte de la réhabilitation au prochain trimestre."
    ),
    "offer": (
        "Les cinq pôles de conseil sont nommés comme les usagers formulent leurs questions. "
        "Un espace de documentation en libre accès et un programme d'événements collectifs "
        "complètent l'offre."
    ),
    "operations": (
        "L'accueil général oriente chaque visiteur, sans rendez-vous ni inscription, vers le "
        "pôle ou la ressource qui répond à sa question. Un comité de suivi technique réunit les "
        "référents des partenaires pour organiser les permanences."
    ),
    "human_resources": (
        "Chaque partenaire met à disposition au moins un conseiller à mi-temps. La coordination "
        "est assurée par une directrice recrutée par la future structure ; l'accueil est "
        "mutualisé entre les partenaires."
    ),
    "legal": (
        "Les partenaires ont retenu la forme d'un groupement d'intérêt public, qui garantit une "
        "gouvernance partagée. Les statuts sont soumis aux assemblées des membres selon le "
        "calendrier présenté."
    ),
    "budget": (
        "Le fonctionnement repose pour l'essentiel sur les apports en personnel des "
        "partenaires et sur une subvention régionale. Un dispositif d'évaluation de l'activité "
        "est proposé à tous les financeurs."
    ),
    "next_steps": (
        "Après le label projet : vote des statuts par les assemblées, recrutement de la "
        "direction, aménagement des locaux, formation des conseillers, puis ouverture au public "
        "et demande de label fonctionnement."
    ),
}

RIVEMONT_DECLARATIONS = {
    "free_access": "Le règlement intérieur prévu interdit toute inscription et toute "
                   "collecte d'identité ; le comité de pilotage l'a adopté.",
    "no_appointment": "Les pôles reçoivent sans rendez-vous aux heures d'ouverture.",
    "no_commerce": "Aucune prestation payante ; les partenaires privés n'y font pas de vente.",
    "welcoming_space": "Le programme d'aménagement prévoit un accueil visible dès l'entrée et "
                       "une signalétique par question d'usager.",
    "documentation": "Un espace documentaire de 80 m² en libre accès, papier et numérique.",
    "workspaces": "Six postes individuels et une salle de 20 places pour les ateliers.",
    "all_publics": "Scolaires, étudiants, salariés, demandeurs d'emploi et créateurs : tous les "
                   "publics sont reçus.",
    "advice_resources": "Chaque pôle est installé au contact de l'espace documentaire : le "
                        "conseiller oriente vers les ressources et l'usager y revient.",
}


# (title, function, FTE, seconding partner or "" for the Cité, reports to, missions)
RIVEMONT_JOBS = (
    ("Directeur ou directrice", "direction", "1", "", "",
     "Anime le partenariat, encadre l'équipe, rend compte au conseil d'administration du GIP."),
    ("Chargé·e d'accueil", "reception", "1.5", "", "Directeur ou directrice",
     "Accueille chaque visiteur sans rendez-vous et l'oriente vers le bon pôle."),
    ("Documentaliste", "documentation", "1", "", "Directeur ou directrice",
     "Constitue et tient à jour le fonds en libre accès ; accompagne les usagers."),
    ("Conseiller·ère de la Cité", "counselling", "4.5", "",
     "Directeur ou directrice", "Tient les permanences des pôles de conseil."),
    ("Conseiller·ère Mission locale", "counselling", "1",
     "Mission locale du Pays de Rivemont", "Directeur ou directrice",
     "Tient le pôle « Trouver un emploi » deux jours par semaine."),
    ("Conseiller·ère du CIO", "counselling", "1", "CIO de Rivemont",
     "Directeur ou directrice", "Tient le pôle « Choisir son orientation »."),
    ("Chargé·e des événements", "events", "0.5", "", "Directeur ou directrice",
     "Prépare le programme événementiel avec le comité de programmation."),
)


def build_team(cite) -> None:
    from capacite.partners.models import Organisation
    from capacite.staffing.models import JobDescription

    if JobDescription.objects.exists():
        return
    made: dict[str, JobDescription] = {}
    for title, function, fte, partner, boss, missions in RIVEMONT_JOBS:
        made[title] = JobDescription.objects.create(
            cite=cite, title=title, function=function, fte=Decimal(fte), missions=missions,
            employer=Organisation.objects.filter(name=partner).first() if partner else None,
            reports_to=made.get(boss))


def plan_pdf(cite, candidate) -> bytes:
    """A schematic fitting-out plan: one rectangle per zone of the programme, sized by its m²."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    from capacite.premises.services import space_programme

    zones = [z for z in space_programme(cite) if z.surface_m2]
    figure = Figure(figsize=(11.69, 8.27))
    axes = figure.add_subplot()
    width, x, y, row_height = 40.0, 0.0, 0.0, 0.0
    colours = ("#e3e3fd", "#c3fad5", "#fee7fc", "#fff4ec", "#e8edff", "#fceeac", "#dde5ff")
    for index, zone in enumerate(zones):
        w = min(width, max(8.0, zone.surface_m2 / 6))
        h = zone.surface_m2 / w
        if x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        axes.add_patch(Rectangle((x, y), w, h, facecolor=colours[index % len(colours)],
                                 edgecolor="#161616"))
        axes.text(x + w / 2, y + h / 2, f"{zone.label}\n{zone.surface_m2} m²", ha="center",
                  va="center", fontsize=9)
        x, row_height = x + w, max(row_height, h)
    axes.set_xlim(-1, width + 1)
    axes.set_ylim(y + row_height + 1, -1)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title(f"Plan prévisionnel d'aménagement — {candidate.name} ({candidate.commune}), "
                   "schéma de principe", fontsize=12)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return buffer.getvalue()


def attach_plan(cite) -> None:
    from capacite.premises.models import Candidate

    candidate = Candidate.objects.filter(chosen=True).first()
    if candidate is None or candidate.plan:
        return
    candidate.plan_filename = "Plan d'aménagement - halle aux grains.pdf"
    candidate.plan.save("plan.pdf", ContentFile(plan_pdf(cite, candidate)))


def build_label_demo(*, cite, today: date) -> None:
    if cite.slug != "rivemont":
        return
    lead = Membership.objects.filter(cite=cite, role=Role.PROJECT_LEAD).first()
    user = lead.user if lead else None
    for key, text in RIVEMONT_TEXTS.items():
        NarrativeText.objects.get_or_create(cite=cite, key=key,
                                            defaults={"text": text, "updated_by": user})
    for key, evidence in RIVEMONT_DECLARATIONS.items():
        Declaration.objects.get_or_create(cite=cite, key=key, defaults={
            "status": DeclarationStatus.MET, "evidence": evidence, "updated_by": user})
    build_team(cite)
    attach_plan(cite)
