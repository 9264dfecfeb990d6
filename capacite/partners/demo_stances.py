"""The demo's stance trajectory: the single source of truth for Rivemont's positions.

The partners demo (individual meetings, organisation pages, the chart) and the governance demo
(positions recorded at the séance of each of the eight past committees) both read this table, so
the chart, the séance screens and the organisation pages tell the same story: the hesitants rally
one by one, the CGT keeps refusing, a few stay hesitant.

Step 0 is before the first committee; step k (1 to 8) is the k-th past committee, alternately a
steering committee and, 35 days later, a technical committee.
"""

from datetime import date, timedelta

from capacite.lib.days import working_day_before

# Days before the demo's "today" of the eight past committees, in order: steering committees
# every 75 days from 300 days ago, each followed by a technical committee 35 days later.
MEETING_DAYS_AGO = (300, 265, 225, 190, 150, 115, 75, 40)
BEFORE_FIRST_MEETING_DAYS_AGO = 340
# An assessment made at an individual meeting comes this long before the committee that
# confirms it (the committee records it again at its séance).
INDIVIDUAL_MEETING_LEAD_DAYS = 7

Entry = tuple[int, str, str]  # (step from which it holds, stance, reason)

TRAJECTORY: dict[str, tuple[Entry, ...]] = {
    "CIO de Rivemont": ((0, "hesitant", "Attend l'avis du rectorat."),
                        (5, "ally", "Accord du rectorat.")),
    "Rectorat de l'académie de Rivemont": (
        (1, "hesitant", "Questions sur les moyens humains."),
        (7, "ally", "Mise à disposition d'un conseiller validée.")),
    "Mission locale du Pays de Rivemont": ((0, "ally", "Porte le projet depuis le début."),),
    "France Travail — agence de Rivemont": (
        (0, "hesitant", "Doublon possible avec l'agence."),
        (4, "hesitant", "Attend la décision de la direction régionale."),
        (8, "ally", "Accord de la direction régionale pour un conseiller à mi-temps.")),
    "Région Val-de-Rive": ((1, "ally", "Inscrit au contrat de plan régional."),),
    "Département de la Rive": ((2, "hesitant", "Budget contraint."),
                               (7, "hesitant", "Reporté au budget suivant.")),
    "Communauté d'agglomération de Rivemont": ((0, "ally", "Porteur politique du projet."),),
    "Unité départementale de la DREETS": ((3, "unknown", "Premier contact sans suite."),
                                          (6, "ally", "Soutien du préfet au projet.")),
    "CCI de Rivemont": ((1, "hesitant", "Craint la concurrence avec son point création."),
                        (8, "ally", "Pôle création partagé accepté.")),
    "Chambre de métiers et de l'artisanat de la Rive": (
        (2, "ally", "Veut promouvoir l'apprentissage."),),
    "Union départementale CFDT": ((3, "hesitant", "Veut siéger au comité de pilotage."),),
    "Union départementale CGT": (
        (3, "refusal", "Refuse tant que le financement n'est pas public."),
        (8, "refusal", "Position maintenue en réunion.")),
    "MEDEF de la Rive": ((4, "hesitant", "Intérêt pour les métiers en tension."),),
    "OPCO Entreprises de proximité — délégation Rive": (
        (4, "ally", "Financement d'ateliers."),),
    "CIDFF de la Rive": ((2, "ally", "Permanence hebdomadaire proposée."),),
    "Cap emploi de la Rive": ((3, "hesitant", "Manque de conseillers."),
                              (7, "ally", "Une demi-journée par semaine.")),
    "Greta de Rivemont": ((4, "ally", "Présente son offre de formation."),),
    "AFPA de Castelnau": ((5, "hesitant", "Attend l'avis national."),),
    "Université de Rivemont — service d'orientation": (
        (6, "ally", "Conseillers d'orientation disponibles."),),
    "BGE Rive Entreprendre": ((6, "ally", "Ateliers création mensuels."),),
    "Association Seniors Actifs Rivemont": (),  # never assessed: shows as "unknown"
}


def meeting_day(today: date, step: int) -> date:
    """The day of committee `step` (1 to 8) of a demo built on `today`."""
    return working_day_before(today - timedelta(days=MEETING_DAYS_AGO[step - 1]))


def individual_day(today: date, step: int) -> date:
    """The day an assessment holding from `step` was made at an individual meeting."""
    if step == 0:
        return today - timedelta(days=BEFORE_FIRST_MEETING_DAYS_AGO)
    return meeting_day(today, step) - timedelta(days=INDIVIDUAL_MEETING_LEAD_DAYS)


def stance_at(name: str, step: int) -> tuple[str, str] | None:
    """(stance, reason) of organisation `name` at committee `step`; None if not assessed yet."""
    current = None
    for since, stance, reason in TRAJECTORY.get(name, ()):
        if since <= step:
            current = (stance, reason)
    return current
