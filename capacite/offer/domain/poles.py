"""The label's rules on pôles de conseil and sites, as plain functions."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

POLES_MIN = 3
POLES_MAX = 7
# The guide's names, in French as the demo's pôles are named; the pôles page shows them in the
# reader's language (marked here for the catalogue).
SUGGESTED_POLE_NAMES = (
    gettext_noop("Choisir son orientation"),
    gettext_noop("Trouver un emploi"),
    gettext_noop("Construire son parcours de formation"),
    gettext_noop("Changer sa vie professionnelle"),
    gettext_noop("Créer son activité"),
)


def new_pole_error(existing: int) -> str | None:
    """Why one more pôle would be refused, or None: the label allows 3 to 7 pôles a Cité."""
    if existing >= POLES_MAX:
        return _("Le label Cité des métiers prévoit de %(min)s à %(max)s pôles de conseil : "
                 "cette Cité en a déjà %(n)s. Regroupez deux pôles avant d'en créer un autre.") % {
            "min": POLES_MIN, "max": POLES_MAX, "n": existing}
    return None


def poles_warning(count: int) -> str | None:
    """A reminder while a Cité has fewer pôles than the label asks (not a refusal: it is being
    built)."""
    if count < POLES_MIN:
        return _("Le label demande au moins %(min)s pôles de conseil ouverts en permanence ; "
                 "cette Cité en a %(n)s.") % {"min": POLES_MIN, "n": count}
    return None


def site_warning(kind: str, pole_count: int) -> str | None:
    """A "site" must offer at least three pôles; an associated centre or relay point need not."""
    if kind in ("main", "site") and pole_count < POLES_MIN:
        return _("Un site Cité des métiers offre au moins %(min)s pôles de conseil ; celui-ci "
                 "en offre %(n)s. Sinon, déclarez-le centre associé ou point relais.") % {
            "min": POLES_MIN, "n": pole_count}
    return None
