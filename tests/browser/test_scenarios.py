"""The project lead copies a scenario, opens longer hours, and reads the new FTE and gap in the
comparison; every planning screen of the demo passes axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def comparison_value(page, key: str, column: int) -> str:
    return page.locator(f'#comparison tr[data-key="{key}"] td').nth(column).inner_text()


def test_a_copy_with_longer_hours_needs_more_fte_and_more_money(page, demo, axe):
    login(page, "porteur")
    page.goto("/c/rivemont/planification/scenarios/")
    axe.check(page, "50-scenarios")
    page.get_by_role("link", name="Modeste", exact=True).click()
    axe.check(page, "51-scenario")
    page.get_by_label("Nom de la copie").fill("Modeste, soirées")
    page.get_by_role("button", name="Copier ce scénario").click()
    assert "«\u00a0Modeste, soirées\u00a0» est une copie de «\u00a0Modeste\u00a0»" in page.locator(
        ".message-success").inner_text()
    page.get_by_label("Heures d'ouverture par jour").fill("8")
    page.get_by_role("button", name="Enregistrer le scénario").click()
    assert page.locator(".message-success").inner_text() == \
        "Le scénario «\u00a0Modeste, soirées\u00a0» est enregistré."

    page.goto("/c/rivemont/planification/comparaison/")
    axe.check(page, "52-comparaison")
    headers = page.locator("#comparison thead th").all_inner_texts()
    modest, evening = headers.index("Modeste") - 1, headers.index("Modeste, soirées") - 1
    assert comparison_value(page, "hours_per_week", modest) == "30"
    assert comparison_value(page, "hours_per_week", evening) == "40"
    # 30 h × 45 weeks = 1 350 h a year: 0,99 FTE per open post (3 pôles, reception,
    # documentation) + 1,5 FTE of direction and secretariat; 40 h: 1 800 h, 1,32 FTE a post.
    assert comparison_value(page, "fte_needed", modest) == "6,45"
    assert comparison_value(page, "fte_needed", evening) == "8,10"
    # Partners bring 2,50 FTE, 2,00 of them for « Choisir son orientation » (beyond its
    # need); the four posts they do not cover grow by 0,33 FTE each: 1,32 FTE more to recruit.
    assert comparison_value(page, "fte_to_recruit", modest) == "4,96"
    assert comparison_value(page, "fte_to_recruit", evening) == "6,28"
    # Each scenario has its own resources (issue 17, point 5): Modeste's cover its charges
    # exactly; the copy keeps them, so its 1,32 FTE × 45 000 € = 59 400 € more is left to fund.
    assert comparison_value(page, "shortfall", modest) == "0\u00a0€"
    assert comparison_value(page, "shortfall", evening) == "59\u202f400\u00a0€"
    assert comparison_value(page, "surplus", evening) == "0\u00a0€"


def test_the_planning_screens_of_the_demo(page, demo, axe):
    login(page, "porteur")
    page.goto("/c/rivemont/planification/scenarios/")
    page.get_by_role("link", name="Intermédiaire").first.click()
    page.get_by_role("link", name="ETP", exact=True).first.click()
    assert page.locator("#fte tfoot").inner_text().startswith("Total")
    axe.check(page, "53-etp")
    page.get_by_role("link", name="Budget prévisionnel").click()
    cerfa = page.locator("table.cerfa").first.inner_text()
    assert "Reste à financer (insuffisance prévisionnelle)" in cerfa
    assert "Excédent prévisionnel" in cerfa
    axe.check(page, "54-budget")
    page.goto("/c/rivemont/planification/financements/")
    assert "Accord de principe" in page.locator("main").inner_text()
    axe.check(page, "55-financements")
    page.get_by_role("link", name="Fonctionnement (compte 74)").last.click()
    assert "Calendrier de déblocage des fonds" in page.locator("main").inner_text()
    axe.check(page, "58-ligne-financement")
    page.goto("/c/rivemont/planification/investissements/")
    axe.check(page, "59-investissements")
    page.goto("/c/rivemont/planification/parametres/")
    axe.check(page, "60-parametres")
    page.goto("/c/rivemont/planification/comparaison/")
    page.get_by_role("link", name="Retenir « Ambitieux »").click()
    axe.check(page, "61-retenir")
    page.goto("/c/rivemont/planification/tresorerie/")
    assert page.locator("#alerts").inner_text() == "La trésorerie reste positive chaque mois."
    axe.check(page, "56-tresorerie")
    page.get_by_label("Financeur").select_option("REGION")
    page.get_by_label("Retard (mois)").fill("3")
    page.get_by_role("button", name="Lancer le test de résistance").click()
    expect(page.locator("#alerts .message-error")).to_have_count(14)
    assert "un GIP ne peut connaître aucun déficit" in page.locator("#alerts").inner_text()
    axe.check(page, "57-tresorerie-stress")
