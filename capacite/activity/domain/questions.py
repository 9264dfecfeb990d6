"""The network's common questionnaire core: every Cité asks these, worded the same way, so the
answers compare across the network (the guide's « batteries d'indicateurs communs à toutes les
Cités »). Each question is a column of `SurveyResponse` named by its key."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SCALE = "scale"  # 1 (pas du tout satisfait) to 5 (très satisfait)
YES_NO = "yes_no"


@dataclass(frozen=True)
class CoreQuestion:
    key: str  # the SurveyResponse column
    text: str
    kind: str


CORE_QUESTIONS = (
    CoreQuestion("found_answer", _("Avez-vous trouvé aujourd'hui une réponse utile à votre "
                                   "question ?"), YES_NO),
    CoreQuestion("welcome", _("Comment avez-vous trouvé l'accueil ?"), SCALE),
    CoreQuestion("advice", _("Comment avez-vous trouvé les conseils reçus ?"), SCALE),
    CoreQuestion("documentation", _("Comment avez-vous trouvé la documentation ?"), SCALE),
    CoreQuestion("waiting", _("Comment avez-vous trouvé le temps d'attente ?"), SCALE),
    CoreQuestion("would_recommend", _("Conseilleriez-vous la Cité des métiers à quelqu'un de "
                                      "votre entourage ?"), YES_NO),
    CoreQuestion("overall", _("Dans l'ensemble, quelle est votre satisfaction ?"), SCALE),
)

SCALE_LABELS = {
    1: _("Pas du tout satisfait"),
    2: _("Peu satisfait"),
    3: _("Moyennement satisfait"),
    4: _("Satisfait"),
    5: _("Très satisfait"),
}
