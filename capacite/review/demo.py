"""Demo: Valombre (open) holds its label projet, with one reserve lifted and one still open.

Its dossier was submitted and decided before it opened; the committee's next session is planned
so the authority's pages are not empty. Rivemont (in construction) has submitted nothing yet:
its project lead does that in the demo.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_scopes import scopes_disabled

from capacite.core.demo import OPEN_SLUG
from capacite.core.models import Cite
from capacite.review.models import (
    AgendaEntry,
    CommitteeSession,
    DossierKind,
    LabelDecision,
    Reserve,
    ReserveStatus,
    Stage,
)
from capacite.review.services import Dossier, record_decision, submit


def archived_dossier_pdf(cite: Cite, submitted_on: date) -> bytes:
    """A short PDF standing for the dossier Valombre sent before capacite generated them."""
    from capacite.lib.pdf import write_pdf

    return write_pdf(
        "<html lang='fr'><head><meta charset='utf-8'>"
        "<title>Dossier de demande de label projet (archive)</title>"
        "<style>@page{size:A4;margin:25mm}"
        "body{font-family:'DejaVu Sans',sans-serif}</style></head><body>"
        f"<h1>Dossier de demande de label projet</h1><h2>{cite.name}</h2>"
        f"<p>Dossier déposé le {submitted_on:%d/%m/%Y}, rédigé avant l'usage de capacite "
        "et conservé ici tel qu'il a été examiné par le comité de labellisation.</p>"
        "</body></html>")


def build_review_demo(*, cite: Cite, today: date) -> None:
    if cite.slug != OPEN_SLUG or LabelDecision.objects.exists():
        return
    User = get_user_model()
    lead = User.objects.get(username="porteur2")
    authority = User.objects.get(username="autorite")
    held_on = today - timedelta(days=900)
    past = _session(held_on, "Paris, Cité des sciences et de l'industrie")
    _session(today + timedelta(days=75), "Paris, Cité des sciences et de l'industrie")
    submitted_on = held_on - timedelta(days=45)
    submission = submit(
        cite=cite, user=lead,
        dossier=Dossier(kind=DossierKind.LABEL_PROJET, filename="dossier-label-projet.pdf",
                        content=archived_dossier_pdf(cite, submitted_on)),
        message="Dossier validé par le comité de pilotage.",
        at=timezone.make_aware(datetime.combine(submitted_on, time(11, 0))))
    with scopes_disabled():
        AgendaEntry.objects.create(cite=cite, session=past, submission=submission)
    decision = record_decision(LabelDecision(
        cite=cite, submission=submission, session=past, stage=Stage.LABEL_PROJET,
        decided_on=held_on, recorded_by=authority,
        addressee="Madame la Présidente de la Métropole de Valombre",
        signatory="Hélène Vautrin, pour le comité de labellisation",
        motivation=("Le comité salue un partenariat large, porté par la Métropole et la Région, "
                    "et une offre de service organisée en cinq pôles."),
        recommendations=("Associer les chambres consulaires au comité technique.\n"
                         "Prévoir un point relais dans la vallée de l'Orme.")))
    lifted = Reserve.objects.create(
        cite=cite, decision=decision,
        text="Transmettre les lettres d'engagement signées de France Travail et de la Mission "
             "locale.", due_on=held_on + timedelta(days=180))
    lifted.evidence_text = "Les deux lettres signées sont jointes au dossier partagé."
    lifted.requested_at = timezone.now() - timedelta(days=780)
    lifted.status = ReserveStatus.LIFTED
    lifted.lifted_on = held_on + timedelta(days=130)
    lifted.authority_comment = "Lettres reçues : réserve levée."
    lifted.version += 1
    lifted.save()
    Reserve.objects.create(
        cite=cite, decision=decision,
        text="Présenter un budget de fonctionnement équilibré sur trois ans, avec la part de "
             "chaque financeur.", due_on=today + timedelta(days=60))


def _session(held_on: date, place: str) -> CommitteeSession:
    session, _ = CommitteeSession.objects.get_or_create(held_on=held_on,
                                                        defaults={"place": place})
    return session
