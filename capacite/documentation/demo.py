"""Demo catalogue: a full one for the open Cité, a first shelf for the Cité under construction."""

from datetime import date

from capacite.documentation.models import Resource, ResourceKind, Theme

P, E, W, K = ResourceKind.PAPER, ResourceKind.ELECTRONIC, ResourceKind.ONLINE, ResourceKind.KIOSK

# theme -> [(title, kind, ROME codes, loanable)]
CATALOGUE: dict[str, list[tuple[str, str, str, bool]]] = {
    "Métiers et secteurs": [
        ("Les métiers du bâtiment et des travaux publics", P, "F1703, F1701", True),
        ("Les métiers de l'aide à la personne", P, "K1302, K1304", True),
        ("Les métiers de la logistique et du transport", P, "N1103, N4101", True),
        ("Les métiers du numérique", P, "M1805, M1810", True),
        ("Les métiers de l'hôtellerie-restauration", P, "G1602, G1603", True),
        ("Les métiers de l'agriculture et du paysage", P, "A1203, A1414", True),
        ("Fiches métiers ROME en ligne", W, "", False),
        ("Vidéos métiers : 500 témoignages", K, "", False),
    ],
    "Orientation": [
        ("Choisir son orientation après la troisième", P, "", True),
        ("Après le bac : les formations du supérieur", P, "", True),
        ("Questionnaire d'intérêts professionnels", K, "", False),
        ("Le guide des métiers qui recrutent en région", P, "", True),
        ("Parcours d'orientation en ligne pour adultes", W, "", False),
        ("Mini-stages de découverte : mode d'emploi", P, "", True),
        ("Orientation et handicap : les aides", E, "", False),
    ],
    "Formation": [
        ("Financer sa formation : le compte personnel de formation", P, "", True),
        ("Catalogue régional des formations qualifiantes", E, "", False),
        ("La validation des acquis de l'expérience (VAE)", P, "", True),
        ("Apprentissage et contrat de professionnalisation", P, "", True),
        ("Se former à distance : plateformes et conseils", W, "", False),
        ("Les certifications professionnelles (RNCP)", W, "", False),
        ("Reprendre des études à l'âge adulte", P, "", True),
        ("Formations aux métiers du soin", P, "J1501, J1506", True),
    ],
    "Recherche d'emploi": [
        ("Rédiger son CV et sa lettre de motivation", P, "", True),
        ("Réussir son entretien d'embauche", P, "", True),
        ("Offres d'emploi du territoire", K, "", False),
        ("Réseaux sociaux professionnels : s'y présenter", E, "", False),
        ("Le marché caché de l'emploi", P, "", True),
        ("Candidater dans la fonction publique", P, "", True),
        ("Simulateur d'entretien vidéo", K, "", False),
        ("Travailler en intérim : droits et démarches", P, "", True),
    ],
    "Création d'activité": [
        ("Créer son entreprise : les étapes", P, "", True),
        ("Micro-entreprise : le guide pratique", P, "", True),
        ("Financer son projet : prêts d'honneur et aides", P, "", True),
        ("Rédiger son plan d'affaires", E, "", False),
        ("Reprendre une entreprise artisanale", P, "", True),
        ("Entreprendre dans l'économie sociale et solidaire", P, "", True),
        ("Annuaire des réseaux d'accompagnement", W, "", False),
    ],
    "Reconversion": [
        ("Changer de métier à 40 ans", P, "", True),
        ("Le bilan de compétences", P, "", True),
        ("Le projet de transition professionnelle", P, "", True),
        ("Témoignages de reconversion", K, "", False),
        ("Métiers en tension : où se reconvertir ?", E, "", False),
        ("Reconversion des sportifs de haut niveau", P, "", True),
        ("Se reconvertir dans l'artisanat", P, "", True),
    ],
    "Droit du travail": [
        ("Le contrat de travail : CDI, CDD, temps partiel", P, "", True),
        ("Rupture conventionnelle et démission", P, "", True),
        ("Les droits des salariés en formation", P, "", True),
        ("Code du travail numérique", W, "", False),
        ("Le droit au chômage : indemnisation", P, "", True),
        ("Travailleurs handicapés : la RQTH", E, "", False),
        ("Égalité professionnelle femmes-hommes", P, "", True),
    ],
    "Mobilité et international": [
        ("Travailler en Europe", P, "", True),
        ("Partir en volontariat international", P, "", True),
        ("Le permis de conduire : aides au financement", P, "", True),
        ("Mobilité solidaire sur le territoire", E, "", False),
        ("Étudier à l'étranger : Erasmus+", W, "", False),
        ("Apprendre une langue : ressources gratuites", W, "", False),
        ("Travail saisonnier : où et comment", P, "G1602", True),
    ],
}


def build_documentation_demo(*, cite, today: date) -> None:
    from capacite.partners.models import Organisation

    wanted = CATALOGUE if cite.phase == "operation" else {
        name: CATALOGUE[name][:2] for name in ("Métiers et secteurs", "Formation")}
    partners = list(Organisation.objects.order_by("name")[:6])
    for position, (theme_name, items) in enumerate(wanted.items()):
        theme, _ = Theme.objects.get_or_create(cite=cite, name=theme_name,
                                               defaults={"position": position})
        for index, (title, kind, rome, loanable) in enumerate(items):
            resource, created = Resource.objects.get_or_create(
                cite=cite, title=title,
                defaults={"kind": kind, "rome_codes": rome, "loanable": loanable,
                          "publisher": "Onisep" if kind == P and index % 2 else "",
                          "partner": partners[index % len(partners)] if partners else None},
            )
            if created:
                resource.themes.add(theme)
