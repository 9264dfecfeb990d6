"""Governance records: bodies and their meetings, decisions, workshops and the legal structure."""

from capacite.governance.models.bodies import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    Body,
    BodyMember,
    Decision,
    Meeting,
    current_members,
    members_at,
)
from capacite.governance.models.legal import LegalStructure, StatuteVersion, ValidationStep
from capacite.governance.models.workshops import WorkshopGroup, WorkshopProposal, WorkshopSession

__all__ = [
    "AgendaDocument", "AgendaItem", "Attendance", "Body", "BodyMember", "Decision", "Meeting",
    "current_members", "members_at",
    "LegalStructure", "StatuteVersion", "ValidationStep",
    "WorkshopGroup", "WorkshopProposal", "WorkshopSession",
]
