"""The decision letter (WeasyPrint, French formal letter), from the recorded decision only.

The guide (Phase 2): the holder, usually the porteur politique, receives an official letter
reporting the label decision, which may state reserves and recommendations to be resolved for
the label to be effective. The letter says each reserve as it was decided; it does not change
when a reserve is lifted later (the Cité's review page shows that).
"""

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from capacite.review.models import LabelDecision, Stage


def letter_context(decision: LabelDecision) -> dict:
    cite = decision.cite
    submission = decision.submission
    return {
        "decision": decision, "cite": cite, "submission": submission,
        "session": decision.session,
        "reserves": list(decision.reserves.order_by("pk")),
        "recommendations": decision.recommendation_list(),
        "granted": decision.stage != Stage.REFUSAL,
        "decided_on": formats.date_format(decision.decided_on, "j F Y"),
        "submitted_on": formats.date_format(timezone.localtime(submission.submitted_at),
                                            "j F Y"),
        "held_on": formats.date_format(decision.session.held_on, "j F Y")
        if decision.session else "",
        "addressee": decision.addressee or _("Madame, Monsieur le porteur politique du projet"),
        "signatory": decision.signatory or _("Pour le comité de labellisation"),
    }


def render_letter_html(decision: LabelDecision) -> str:
    return render_to_string("review/pdf/letter.html", letter_context(decision))


def render_letter_pdf(decision: LabelDecision) -> bytes:
    from capacite.lib.pdf import write_pdf

    return write_pdf(render_letter_html(decision))


def letter_filename(decision: LabelDecision) -> str:
    return slugify(f"lettre-decision-label-{decision.cite.slug}-{decision.decided_on}") + ".pdf"
