"""Scoring premises against the label's criteria and the programme, without the database."""

from capacite.premises.domain.scoring import (
    CandidateFacts,
    programme_need,
    programme_total,
    ranked,
    score,
    surface_points,
)

PROGRAMME = {"reception": 60, "poles": 180, "documentation": 90, "individual": 40,
             "collective": 60, "meeting": 50, "exhibition": 40}


def facts(**changes) -> CandidateFacts:
    values = {"surface_m2": 640, "step_free": True, "transport": "good", "central": True,
              "open_plan": True, "shared_partners": 1}
    return CandidateFacts(**{**values, **changes})


def test_the_need_adds_fifteen_percent_of_circulation_rounded_up():
    assert programme_total(PROGRAMME) == 520
    assert programme_need(PROGRAMME) == 598  # 520 × 1.15
    assert programme_need({"poles": 101}) == 117  # 116.15 → 117
    assert programme_need({}) == 0


def test_surface_points_by_share_of_the_need():
    assert [surface_points(s, 598) for s in (598, 539, 538, 449, 448, 0)] == [3, 2, 1, 1, 0, 0]
    assert surface_points(900, 0) == 0


def test_a_candidate_meeting_every_criterion_scores_twelve_out_of_twelve():
    result = score(facts(), PROGRAMME)
    assert [(c.key, c.points, c.maximum) for c in result.criteria] == [
        ("accessibility", 3, 3), ("transport", 2, 2), ("central", 1, 1), ("surface", 3, 3),
        ("open_plan", 2, 2), ("shared", 1, 1)]
    assert (result.points, result.maximum, result.need_m2, result.blocking) == (12, 12, 598, ())
    assert result.criteria[3].reason == ("640 m² pour 598 m² nécessaires (programme et "
                                         "circulations) : 42 m² de marge.")


def test_a_small_partitioned_upstairs_office_loses_points_with_reasons():
    result = score(facts(surface_m2=520, open_plan=False, shared_partners=0, transport="fair"),
                   PROGRAMME)
    assert [c.points for c in result.criteria] == [3, 1, 1, 1, 0, 0]
    assert result.points == 6
    assert result.criteria[3].reason == ("520 m² pour 598 m² nécessaires (programme et "
                                         "circulations) : il manque 78 m² (87 % du besoin).")


def test_no_step_free_access_scores_zero_there_and_blocks_the_label():
    result = score(facts(surface_m2=900, step_free=False, transport="poor", central=False,
                         shared_partners=0), PROGRAMME)
    assert [c.points for c in result.criteria] == [0, 0, 0, 3, 2, 0]
    assert result.points == 5
    assert result.blocking == ("Sans accès de plain-pied, ces locaux ne respectent pas le "
                               "critère d'accessibilité du label.",)


def test_without_a_programme_the_surface_is_not_assessed():
    result = score(facts(), {})
    assert (result.criteria[3].points, result.criteria[3].reason) == (
        0, "Programme des surfaces non défini : critère non évalué.")
    assert result.points == 9


def test_ranking_puts_blocked_candidates_last_then_more_points_first():
    good = score(facts(), PROGRAMME)  # 12
    blocked = score(facts(step_free=False), PROGRAMME)  # 9, blocked
    middle = score(facts(open_plan=False), PROGRAMME)  # 10
    tie = score(facts(open_plan=False), PROGRAMME)  # 10, after `middle` (given order kept)
    assert [pk for pk, _s in ranked([(1, blocked), (2, middle), (3, good), (4, tie)])] == [
        3, 2, 4, 1]
