"""The comparison of the label projet's figures with today's, without the database."""

from decimal import Decimal

import pytest
from django.utils import translation

from capacite.label.domain.conformity import (
    Figures,
    ManualError,
    Partner,
    compare,
    manual_text,
    parse_manual,
)

D = Decimal


def reference() -> Figures:
    return Figures(
        legal_form="Association",
        poles={"Créer son activité": ("BGE", "Chambre de métiers"),
               "Trouver un emploi": ("France Travail",)},
        sites={"Site central": D(40)},
        surface_m2=620,
        partners={"BGE": Partner(D("0.5"), D(0), D(0)),
                  "Mission locale": Partner(D(1), D(20000), D(0))},
        fte=D("8.5"),
        budget_lines={"64 Charges de personnel": D(400000)},
        budget_total=D(600000),
    )


def test_the_same_figures_make_no_gap():
    assert compare(reference(), reference()) == []


def test_one_figure_changed_after_the_snapshot_gives_exactly_that_gap():
    now = Figures(**{**reference().__dict__, "sites": {"Site central": D(38)}})
    gaps = compare(reference(), now)
    assert [(g.key, g.topic, g.text) for g in gaps] == [
        ("site:Site central", "Horaires d'ouverture",
         "Site central : 40 h → 38 h par semaine")]


def test_a_replaced_partner_a_withdrawal_and_the_budget_are_worded_with_their_size():
    now = Figures(**{**reference().__dict__,
                     "poles": {"Créer son activité": ("CCI", "Chambre de métiers"),
                               "Trouver un emploi": ("France Travail",)},
                     "partners": {"BGE": Partner(D("0.5"), D(0), D(0))},
                     "budget_total": D(570000)})
    assert [g.text for g in compare(reference(), now)] == [
        "Pôle « Créer son activité » : BGE remplacé par CCI",
        "Mission locale s'est retiré (apport prévu : 1 ETP, 20\u202f000\u00a0€)",
        "Budget de fonctionnement : 600\u202f000\u00a0€ → 570\u202f000\u00a0€ (−5 %)",
    ]


def test_differences_under_the_tolerances_are_not_gaps():
    now = Figures(**{**reference().__dict__, "sites": {"Site central": D("39.75")},
                     "surface_m2": 600, "fte": D("8.45"), "budget_total": D(595000)})
    assert compare(reference(), now) == []


def test_the_manual_figures_read_back_what_the_form_wrote():
    texts = manual_text(reference())
    figures = parse_manual(legal_form="Association", surface_m2=620, fte=D("8.5"),
                           budget_total=D(600000), **texts)
    assert compare(reference(), figures) == []


def test_a_bad_manual_line_is_named_with_its_number():
    with pytest.raises(ManualError) as raised:
        parse_manual(legal_form="", surface_m2=None, fte=None, budget_total=None, poles="",
                     sites="Site central : 40\nAntenne : quarante", partners="",
                     budget_lines="")
    assert raised.value.errors == {"sites": [
        "Ligne 2 : « quarante » n'est pas un nombre d'heures par semaine (par exemple "
        "« Site central : 40 »)."]}


def test_a_bad_manual_line_is_named_in_english_for_an_english_reader():
    with translation.override("en"), pytest.raises(ManualError) as raised:
        parse_manual(legal_form="", surface_m2=None, fte=None, budget_total=None,
                     poles=" : CIO", sites="Antenne : quarante", partners="CIO : un ; deux",
                     budget_lines="Loyer : ")
    assert raised.value.errors == {
        "poles": ["Line 1: the advice desk's name is missing before the colon."],
        "sites": ["Line 1: “quarante” is not a number of hours per week (for example "
                  "“Main site: 40”)."],
        "partners": ["Line 1: “un ; deux” cannot be read: write “FTE; money; in kind”, for "
                     "example “1.5; 20000; 0”."],
        "budget_lines": ["Line 1: “(empty)” is not an amount in euros."]}
