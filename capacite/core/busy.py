"""A database held by another writer gives a French « réessayez » page (503 with Retry-After),
never a 500: the person's request changed nothing and will work in a moment (issue 13).

Two ways in, one answer: the middleware catches what a view raises; the 500 handler
(`core.views.server_error`) catches what a middleware raises (the session's save…).
"""

from django.http import HttpRequest, HttpResponse
from django.template import loader

from capacite.lib.database import is_busy_database

RETRY_AFTER_SECONDS = 10


def busy_response(request: HttpRequest) -> HttpResponse:
    """The 503 page, inside the layout when it renders, in plain French otherwise."""
    try:
        content = loader.render_to_string("503.html", {"seconds": RETRY_AFTER_SECONDS},
                                          request=request)
        response = HttpResponse(content, status=503)
    except Exception:  # noqa: BLE001 - the page about a busy database must not fail with it
        response = HttpResponse(
            "La base de données est occupée : rien n'a été enregistré. Réessayez dans "
            f"{RETRY_AFTER_SECONDS} secondes.", status=503,
            content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class BusyDatabaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return busy_response(request) if is_busy_database(exception) else None
