"""Which line of the Cerfa's 74 a funder finds itself on, from its type."""

from capacite.planning.domain.cerfa import SUBSIDY_LINES, FunderType, suggested_category
from capacite.planning.models import CERFA_SUBSIDY_CHOICES


def test_each_funder_type_finds_its_line_on_the_form():
    cases = {
        ("Communauté d'agglomération de Rivemont", "organisation", "communes"): "epci",
        ("Ville de Rivemont", "organisation", "communes"): "commune",
        ("Fonds social européen", "eu", ""): "eu",
        ("Région Val-de-Rive", "organisation", "region"): "region",
        ("Département de la Rive", "organisation", "departement"): "departement",
        ("Taxe d'apprentissage", "apprenticeship_tax", ""): "other_public",
        ("Fondation d'entreprise du bassin", "private", ""): "private",
        ("DREETS", "organisation", "state"): "state",
        ("Métropole de Valombre", "organisation", ""): "epci",
        ("Caisse d'allocations familiales", "organisation", ""): "social",
    }
    assert {key: suggested_category(FunderType(name=key[0], kind=key[1], first_circle=key[2]))
            for key in cases} == cases


def test_the_model_offers_exactly_the_form_s_lines_in_its_order():
    assert [k for k, _ in CERFA_SUBSIDY_CHOICES] == [k for k, _ in SUBSIDY_LINES]
    assert [str(v) for _, v in CERFA_SUBSIDY_CHOICES] == [v for _, v in SUBSIDY_LINES]
