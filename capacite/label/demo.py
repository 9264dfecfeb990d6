"""Demo prose and charter declarations for Rivemont, so its label projet dossier is complete
(registered as a demo builder in apps.py; runs once, right after the Cité is created)."""

from datetime import date

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
