"""Following a background job: its page (progress, result) and its file.

The matrix lets every member reach these URLs; each job kind then says who may read it (a roster
is for the director, a dossier for the project team…), checked here for every job.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme

from capacite.jobs.models import Job
from capacite.jobs.registry import kind_named, kinds_readable_by
from capacite.jobs.worker import worker_seen_recently
from capacite.lib.paging import page_of


def _readable(request: HttpRequest, job: Job) -> bool:
    return job.kind in kinds_readable_by(request.cite_roles)


def _job_for(request: HttpRequest, job_id: int) -> Job:
    job = get_object_or_404(Job, pk=job_id)
    if not _readable(request, job):
        raise PermissionDenied
    return job


def job_list(request: HttpRequest, cite_slug: str) -> HttpResponse:
    """The jobs the reader may follow, latest first, fifty at a time (a Cité runs a roster or a
    dossier every week: the oldest stay reachable, a page further)."""
    readable = Job.objects.filter(kind__in=kinds_readable_by(request.cite_roles))
    paged = page_of(request, readable.select_related("created_by").order_by("-created_at", "-pk"))
    rows = [(job, kind_named(job.kind)) for job in paged.items]
    waiting = readable.exclude(status__in=Job.FINISHED).exists()
    return render(request, "jobs/list.html", {
        "jobs": rows, "paged": paged, "no_worker": waiting and not worker_seen_recently()})


def job_detail(request: HttpRequest, cite_slug: str, job_id: int) -> HttpResponse:
    job = _job_for(request, job_id)
    return_url = job.params.get("return_url", "")
    if not url_has_allowed_host_and_scheme(return_url, allowed_hosts={request.get_host()}):
        return_url = ""
    return render(request, "jobs/detail.html", {
        "job": job, "kind": kind_named(job.kind), "return_url": return_url,
        "no_worker": not job.is_finished and not worker_seen_recently()})


def job_download(request: HttpRequest, cite_slug: str, job_id: int) -> FileResponse:
    job = _job_for(request, job_id)
    if not job.result_file or not job.result_file.storage.exists(job.result_file.name):
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True,
                        filename=job.result_name or job.result_file.name.rsplit("/", 1)[-1])
