"""Demo premises: Rivemont compares three candidates and has chosen one; Valombre, open for a
year, has its programme and its chosen (and fitted-out) premises.

No fitting-out plan is stored: the demo writes no uploaded file (the backup test counts them),
and depositing the plan is the first thing a newcomer can try.

Called by `capacite.core.demo` inside the Cité's scope, once, when it creates the Cité.
"""

from datetime import date
from decimal import Decimal

from capacite.core.demo import CONSTRUCTION_SLUG
from capacite.core.models import Cite
from capacite.premises.models import Candidate, SpaceProgramme
from capacite.premises.services import choose

RIVEMONT_PROGRAMME = {"reception": 60, "poles": 180, "documentation": 90, "individual": 40,
                      "collective": 60, "meeting": 50, "exhibition": 40}  # 520 m², 598 needed
VALOMBRE_PROGRAMME = {"reception": 80, "poles": 240, "documentation": 120, "individual": 60,
                      "collective": 80, "meeting": 70, "exhibition": 60}


def _towns(cite: Cite) -> list[str]:
    """The territory's communes, most populous first (the demo Cités borrow a real territory,
    so a premises' commune must be one of them for its form to accept it)."""
    from capacite.territory.services import communes_of

    return list(communes_of(cite).order_by("-population", "name").values_list("name", flat=True))


def build_premises_demo(*, cite: Cite, today: date) -> None:
    from capacite.partners.models import Organisation

    organisations = list(Organisation.objects.order_by("name"))
    towns = _towns(cite)
    main_town = towns[0] if towns else ("Rivemont" if cite.slug == CONSTRUCTION_SLUG
                                        else "Valombre")
    outskirts = towns[min(2, len(towns) - 1)] if towns else "Saint-Aubin-sur-Rive"
    if cite.slug == CONSTRUCTION_SLUG:
        SpaceProgramme.objects.create(cite=cite, **RIVEMONT_PROGRAMME,
                                      notes="Programme établi avec l'architecte de "
                                            "l'agglomération, à confirmer avec Universcience.")
        halle = Candidate.objects.create(
            cite=cite, name="Ancienne halle aux grains", address="12, place de la Halle",
            commune=main_town, surface_m2=640, transport="good",
            transport_notes="Tram A, arrêt Halle à 150 m ; bus 4 et 12", step_free=True,
            central=True, open_plan=True, rent_eur=Decimal("48000"),
            works_eur=Decimal("60000"),
            notes="Propriété de l'agglomération, qui a refait le clos et le couvert ; reste "
                  "l'aménagement du plateau unique de plain-pied.")
        halle.shared_with.set([o for o in organisations
                               if o.name == "Mission locale du Pays de Rivemont"])
        Candidate.objects.create(
            cite=cite, name="Immeuble du Forum, 2e étage", address="4, avenue du Forum",
            commune=main_town, surface_m2=520, transport="good",
            transport_notes="Gare routière à 200 m", step_free=True, central=True,
            open_plan=False, rent_eur=Decimal("62000"), works_eur=Decimal("120000"),
            notes="Bureaux cloisonnés ; ascenseur.")
        Candidate.objects.create(
            cite=cite, name="Zone d'activités des Prés", address="Rue des Artisans",
            commune=outskirts, surface_m2=900, transport="poor",
            transport_notes="Bus 21, quatre passages par jour", step_free=False, central=False,
            open_plan=True, rent_eur=Decimal("30000"), works_eur=Decimal("450000"),
            notes="Ancien entrepôt ; quai de chargement à 1,20 m du sol.")
        choose(halle)
    else:
        SpaceProgramme.objects.create(cite=cite, **VALOMBRE_PROGRAMME)
        site = Candidate.objects.create(
            cite=cite, name="Maison de l'emploi de Valombre, rez-de-chaussée",
            address="12, place de la Halle", commune=main_town, surface_m2=820,
            transport="good", transport_notes="Métro ligne 1, station Halle ; bus 3, 7 et 9",
            step_free=True, central=True, open_plan=True, rent_eur=Decimal("72000"),
            works_eur=Decimal("380000"),
            notes="Aménagé en plateau ouvert ; ouvert au public depuis un an.")
        site.shared_with.set([o for o in organisations
                              if o.name in ("Mission locale de Valombre",
                                            "Cap emploi de Valombre")])
        choose(site)
