"""Sample objects for tests/test_permission_matrix.py: one id per governance URL parameter."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django_scopes import scope

from capacite.governance.choices import BodyKind
from capacite.governance.models import (
    AgendaDocument,
    AgendaItem,
    Body,
    BodyMember,
    Decision,
    Meeting,
    StatuteVersion,
    ValidationStep,
    WorkshopGroup,
    WorkshopProposal,
    WorkshopSession,
)
from capacite.partners.choices import OrganisationKind
from capacite.partners.models import Organisation


def sample_kwargs(cite) -> dict:
    with scope(cite=cite):
        organisation, _ = Organisation.objects.get_or_create(
            cite=cite, name="Échantillon gouvernance — Région",
            defaults={"kind": OrganisationKind.FIRST_CIRCLE, "first_circle": "region"})
        body, _ = Body.objects.get_or_create(cite=cite, name="Comité de pilotage (échantillon)",
                                             defaults={"kind": BodyKind.STEERING})
        member, _ = BodyMember.objects.get_or_create(cite=cite, body=body,
                                                     organisation=organisation)
        meeting = Meeting.objects.filter(body=body).first() or Meeting.objects.create(
            cite=cite, body=body, place="Hôtel de région",
            starts_at=datetime(2027, 3, 12, 14, 0, tzinfo=ZoneInfo("Europe/Paris")))
        item = AgendaItem.objects.filter(meeting=meeting).first() or AgendaItem.objects.create(
            cite=cite, meeting=meeting, title="Note d'opportunité", duration_minutes=30)
        document = AgendaDocument(cite=cite, item=item, filename="note.pdf")
        document.file.save("note.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
        decision = Decision.objects.filter(meeting=meeting).first() or Decision.objects.create(
            cite=cite, body=body, meeting=meeting, decided_on=date(2027, 3, 12),
            title="Note d'opportunité validée")
        group, _ = WorkshopGroup.objects.get_or_create(cite=cite, theme="Offre de service")
        proposal = WorkshopProposal.objects.filter(group=group).first() or \
            WorkshopProposal.objects.create(cite=cite, group=group, title="Cinq pôles")
        session = WorkshopSession.objects.filter(group=group).first() or \
            WorkshopSession.objects.create(cite=cite, group=group, date=date(2027, 4, 2))
        statute = StatuteVersion(cite=cite, number="v1", dated=date(2027, 5, 1),
                                 filename="statuts.pdf")
        statute.file.save("statuts.pdf", ContentFile(b"%PDF-1.4 statuts"), save=True)
        step = ValidationStep.objects.filter(organisation=organisation).first() or \
            ValidationStep.objects.create(cite=cite, organisation=organisation,
                                          deciding_body="Conseil régional",
                                          expected_on=date(2027, 9, 20))
        return {
            "body_id": body.pk, "meeting_id": meeting.pk, "item_id": item.pk,
            "document_id": document.pk, "decision_id": decision.pk, "group_id": group.pk,
            "statute_id": statute.pk, "step_id": step.pk, "member_id": member.pk,
            "session_id": session.pk, "proposal_id": proposal.pk,
        }
