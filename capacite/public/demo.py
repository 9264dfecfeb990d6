"""Demo public pages: published for the open Cité, drafted but unpublished for the project."""

from datetime import date

from capacite.public.models import PublicProfile

# Each demo Cité its own way in (Valombre's page showed Rivemont's tram stop, issue 17).
ACCESS = {
    "rivemont": ("Tram A, arrêt Halle ; bus 4 et 12. Parking vélos devant l'entrée. "
                 "Bâtiment de plain-pied, boucle magnétique à l'accueil."),
    "valombre": ("Gare routière à 200 m ; bus 1, 7 et 20, arrêt Cité des métiers. Parking vélos "
                 "couvert. Accès de plain-pied, boucle magnétique à l'accueil."),
}


def build_public_demo(*, cite, today: date) -> None:
    open_cite = cite.phase == "operation"
    PublicProfile.objects.get_or_create(cite=cite, defaults={
        "published": open_cite,
        "presentation": (
            "La Cité des métiers accueille toute personne, sans rendez-vous et gratuitement, "
            "pour s'orienter, trouver un emploi, se former, changer de métier ou créer son "
            "activité. Des conseillers de plusieurs organismes vous reçoivent au même endroit, "
            "et la documentation est en libre accès."),
        "access": ACCESS.get(cite.slug, ACCESS["rivemont"]),
        "contact": f"accueil@cite-{cite.slug}.example — 01 23 45 67 89",
    })
