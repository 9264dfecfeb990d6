"""Files: calendar invitation, agenda and minutes PDF, uploaded documents and statutes.

Uploaded files are never served from MEDIA_ROOT: these views check access (the middleware did)
and stream them with their original names. Any method returns the file: a download changes
nothing.
"""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from capacite.governance.mail import meeting_invitation
from capacite.governance.models import AgendaDocument, Meeting, StatuteVersion
from capacite.governance.pdf import render_pdf


def _meeting(meeting_id: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)


def _file_name(meeting: Meeting, what: str, suffix: str) -> str:
    day = timezone.localtime(meeting.starts_at)
    return slugify(f"{what}-{meeting.body.name}-{day:%Y-%m-%d}") + suffix


def meeting_ics(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    meeting = _meeting(meeting_id)
    response = HttpResponse(meeting_invitation(meeting),
                            content_type="text/calendar; method=REQUEST; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="invitation.ics"'
    return response


def _pdf(meeting: Meeting, template: str, what: str) -> HttpResponse:
    response = HttpResponse(render_pdf(template, meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(meeting, what, ".pdf")}"'
    return response


def agenda_pdf(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    return _pdf(_meeting(meeting_id), "governance/pdf/agenda.html", _("ordre-du-jour"))


def minutes_pdf(request: HttpRequest, cite_slug: str, meeting_id: int) -> HttpResponse:
    return _pdf(_meeting(meeting_id), "governance/pdf/minutes.html", _("compte-rendu"))


def _stream(file, filename: str) -> FileResponse:
    if not file or not file.storage.exists(file.name):
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename)


def agenda_document(request: HttpRequest, cite_slug: str, document_id: int) -> FileResponse:
    document = get_object_or_404(AgendaDocument, pk=document_id)
    return _stream(document.file, document.filename)


def statute_file(request: HttpRequest, cite_slug: str, statute_id: int) -> FileResponse:
    statute = get_object_or_404(StatuteVersion, pk=statute_id)
    return _stream(statute.file, statute.filename)
