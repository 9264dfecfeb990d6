"""Sample objects for tests/test_permission_matrix.py: one id per review URL parameter.

Version 1 of the sample dossier has its decision and a reserve; version 2 awaits a decision, so
the authority's decision form opens on it; the committee session is the authority's own.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django_scopes import scope

from capacite.review.models import (
    CommitteeSession,
    DossierKind,
    LabelDecision,
    Reserve,
    Stage,
    Submission,
)
from capacite.review.services import Dossier, submit

SMALL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def sample_kwargs(cite) -> dict:
    User = get_user_model()
    author, _ = User.objects.get_or_create(username=f"review-sample-{cite.slug}")
    session, _ = CommitteeSession.objects.get_or_create(held_on=date(2027, 6, 10),
                                                        defaults={"place": "Paris"})
    with scope(cite=cite):
        while Submission.objects.count() < 2:
            submit(cite=cite, user=author,
                   dossier=Dossier(kind=DossierKind.LABEL_PROJET, filename="dossier.pdf",
                                   content=SMALL_PDF))
        decided, waiting = Submission.objects.order_by("number")[:2]
        decision = LabelDecision.objects.filter(submission=decided).first() or \
            LabelDecision.objects.create(cite=cite, submission=decided, session=session,
                                         stage=Stage.LABEL_PROJET, decided_on=session.held_on,
                                         recorded_by=author)
        reserve = Reserve.objects.filter(decision=decision).first() or Reserve.objects.create(
            cite=cite, decision=decision, text="Transmettre les lettres d'engagement.")
        if not reserve.evidence_file:
            reserve.evidence_filename = "lettres.pdf"
            reserve.evidence_file.save("lettres.pdf", ContentFile(SMALL_PDF), save=True)
        from capacite.review.models import NetworkLink, OpinionRequest

        opinion = OpinionRequest(cite=cite, subject="opening", summary="Ouverture en mars.",
                                 asked_by=author, asked_on=date(2027, 1, 4),
                                 filename="ouverture.pdf")
        opinion.file.save("ouverture.pdf", ContentFile(SMALL_PDF), save=True)
        link = NetworkLink.objects.create(cite=cite, kind="visit", on=date(2026, 11, 5),
                                          counterpart="Cité des métiers d'exemple")
        return {"submission_id": waiting.pk, "label_decision_id": decision.pk,
                "reserve_id": reserve.pk, "committee_id": session.pk,
                "opinion_id": opinion.pk, "network_link_id": link.pk}
