"""Sending a meeting's agenda to the members' contacts, with the calendar invitation attached."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from capacite.core.concurrency import save_versioned
from capacite.governance.domain.ics import Invitation, invitation_ics
from capacite.governance.models import Meeting, current_members


def recipients(meeting: Meeting) -> list[str]:
    """The work e-mails of the members' named contacts (erased people excluded), no repeats."""
    emails = []
    for member in current_members(meeting.body).select_related("contact"):
        contact = member.contact
        if contact and contact.email and not contact.erased_at and contact.email not in emails:
            emails.append(contact.email)
    return emails


def organiser_email(meeting: Meeting) -> str:
    """The Cité's invitation address (its settings), else the instance's sending address."""
    return meeting.cite.invitation_email or settings.DEFAULT_FROM_EMAIL


def meeting_invitation(meeting: Meeting, *, attendees: list[str] | None = None) -> bytes:
    """The .ics of the meeting; SEQUENCE follows the meeting's version so updates replace."""
    items = "\n".join(_("- %(title)s (%(minutes)d min)")
                      % {"title": item.title, "minutes": item.duration_minutes}
                      for item in meeting.items.all())
    return invitation_ics(Invitation(
        uid=f"{meeting.uid}@capacite", sequence=meeting.version, summary=str(meeting),
        start=meeting.starts_at, end=meeting.ends_at, location=meeting.place,
        description=items, organizer_email=organiser_email(meeting),
        organizer_name=meeting.cite.name,
        attendee_emails=attendees if attendees is not None else recipients(meeting),
        stamp=timezone.now(),
    ))


def send_agenda(meeting: Meeting) -> list[str]:
    """E-mail the agenda with the invitation to every member's contact; returns who got it."""
    to = recipients(meeting)
    if not to:
        return []
    context = {"meeting": meeting, "items": meeting.items.all()}
    message = EmailMessage(
        subject=str(meeting),
        body=render_to_string("governance/agenda_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[settings.DEFAULT_FROM_EMAIL], bcc=to, reply_to=[organiser_email(meeting)],
    )
    message.attach("invitation.ics", meeting_invitation(meeting, attendees=to),
                   "text/calendar; method=REQUEST; charset=utf-8")
    message.send()
    meeting.agenda_sent_at = timezone.now()
    save_versioned(meeting, expected_version=meeting.version)
    return to
