"""The guide's measurable vigilance points, read from the data (`roadmap.vigilance`).

One function per point: it returns whether the point is open and the evidence found, with the
page that changes it. Registered in `LabelConfig.ready()`; the label app reads every other app
(premises, governance, partners, planning) through the same services as the checklist.
Texts are gettext messages written when the point is read, like the criteria's evidence.
"""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from capacite.core.models import Cite
from capacite.roadmap.vigilance import Measure, register_vigilance_rule

SPONSOR_SILENCE = timedelta(days=183)  # « au cours des six derniers mois »


def premises_identified(cite: Cite, today: date) -> Measure:
    """« Aucun local identifié »: closed as soon as a premises is chosen."""
    from capacite.premises.services import chosen_premises

    chosen = chosen_premises(cite)
    if chosen is None:
        return Measure(True, _("Aucun local n'est retenu parmi les locaux envisagés."),
                       "premises:overview")
    return Measure(False, _("Local retenu : %(name)s (%(commune)s).") % {
        "name": chosen.name, "commune": chosen.commune}, "premises:overview")


def sponsor_active(cite: Cite, today: date) -> Measure:
    """« Défaut ou faiblesse du pilotage politique »: the sponsor's instance (the porteur
    politique or the comité de pilotage it chairs) met in the last six months."""
    from capacite.governance.choices import BodyKind
    from capacite.governance.models import Meeting

    last = (Meeting.objects.filter(body__kind__in=(BodyKind.SPONSOR, BodyKind.STEERING),
                                   starts_at__date__lte=today)
            .select_related("body").order_by("-starts_at").first())
    if last is None:
        return Measure(True, _("L'instance du porteur politique ne s'est jamais réunie."),
                       "governance:bodies")
    day = timezone.localtime(last.starts_at).date()
    if today - day > SPONSOR_SILENCE:
        return Measure(True, _("Dernière réunion de l'instance du porteur politique : "
                               "%(body)s, le %(day)s (plus de six mois).") % {
            "body": last.body.name, "day": f"{day:%d/%m/%Y}"}, "governance:bodies")
    return Measure(False, _("%(body)s réuni le %(day)s.") % {
        "body": last.body.name, "day": f"{day:%d/%m/%Y}"}, "governance:bodies")


def first_circle_committed(cite: Cite, today: date) -> Measure:
    """« Adhésion des acteurs du premier cercle »: the first circle sits on the comité de
    pilotage and its organisations sent their letters of intent."""
    from capacite.label.services import steering_data

    s = steering_data()
    if not s.exists:
        return Measure(True, _("Aucun comité de pilotage constitué."), "governance:bodies")
    if s.missing_first_circle:
        return Measure(True, _("Absents du comité de pilotage : %(names)s.") % {
            "names": ", ".join(s.missing_first_circle)}, "governance:bodies")
    if s.without_letter:
        return Measure(True, _("Lettre d'intention non reçue : %(names)s.") % {
            "names": ", ".join(s.without_letter)}, "partners:without_letter")
    return Measure(False, ngettext(
        "Le premier cercle siège au comité de pilotage et son membre a envoyé sa lettre "
        "d'intention.",
        "Le premier cercle siège au comité de pilotage et chacun de ses %(n)s membres a "
        "envoyé sa lettre d'intention.", len(s.organisations)) % {"n": len(s.organisations)},
        "partners:without_letter")


def treasury_positive(cite: Cite, today: date) -> Measure:
    """« Calendrier de déblocage des fonds et trésorerie »: the treasury plan never goes
    under zero."""
    from capacite.label.services import budget_data

    b = budget_data(cite)
    if b.row is None:
        return Measure(True, _("Aucun scénario retenu : pas de plan de trésorerie."),
                       "planning:treasury")
    if b.treasury_error:
        return Measure(True, _("Plan de trésorerie incalculable : %(error)s") % {
            "error": b.treasury_error}, "planning:treasury")
    if b.months_below_zero:
        return Measure(True, ngettext(
            "La trésorerie passe sous zéro %(n)s mois : %(alerts)s",
            "La trésorerie passe sous zéro %(n)s mois : %(alerts)s", b.months_below_zero) % {
            "n": b.months_below_zero,
            "alerts": pgettext("séparateur de liste", " ; ").join(b.treasury_alerts)},
            "planning:treasury")
    return Measure(False, _("Sur 36 mois, la trésorerie reste positive chaque fin de mois."),
                   "planning:treasury")


RULES = {
    "absence-de-locaux": premises_identified,
    "faiblesse-portage-politique": sponsor_active,
    "adhesion-premier-cercle-progressive": first_circle_committed,
    "deblocage-fonds-tresorerie": treasury_positive,
}


def register() -> None:
    for key, rule in RULES.items():
        register_vigilance_rule(key, rule)
