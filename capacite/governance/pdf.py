"""Agenda and minutes as PDF, rendered by WeasyPrint from HTML templates (tagged, `lib/pdf.py`)."""

from django.template.loader import render_to_string
from django.utils import timezone

from capacite.governance.models import Attendance, Meeting, members_at


def meeting_context(meeting: Meeting) -> dict:
    items = list(meeting.items.prefetch_related("documents"))
    attendance = {a.member_id: a for a in Attendance.objects.filter(meeting=meeting)}
    members = list(members_at(meeting).select_related("organisation", "contact"))
    for member in members:
        record = attendance.get(member.pk)
        member.status_label = record.get_status_display() if record else ""
    return {
        "meeting": meeting, "items": items, "members": members,
        "planned": sum(i.duration_minutes for i in items),
        "decisions": list(meeting.decisions.select_related("task", "body")),
        "starts": timezone.localtime(meeting.starts_at),
        "generated": timezone.localtime(),
    }


def render_html(template: str, meeting: Meeting) -> str:
    return render_to_string(template, meeting_context(meeting))


def render_pdf(template: str, meeting: Meeting) -> bytes:
    from capacite.lib.pdf import write_pdf

    return write_pdf(render_html(template, meeting))
