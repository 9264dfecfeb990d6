"""Demo public pages: published for the open Cité, drafted but unpublished for the project."""

from datetime import date

from capacite.public.models import PublicProfile


def build_public_demo(*, cite, today: date) -> None:
    open_cite = cite.phase == "operation"
    PublicProfile.objects.get_or_create(cite=cite, defaults={
        "published": open_cite,
        "presentation": (
            "La Cité des métiers accueille toute personne, sans rendez-vous et gratuitement, "
            "pour s'orienter, trouver un emploi, se former, changer de métier ou créer son "
            "activité. Des conseillers de plusieurs organismes vous reçoivent au même endroit, "
            "et la documentation est en libre accès."),
        "access": ("Tram A, arrêt Halle ; bus 4 et 12. Parking vélos devant l'entrée. "
                   "Bâtiment de plain-pied, boucle magnétique à l'accueil."),
        "contact": "accueil@cite-metiers.example — 01 23 45 67 89",
    })
