"""Request middleware: the Cité scope with the permission matrix, absolute session expiry, and
French spacing before high punctuation in French pages."""

import logging
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django_scopes import scope

from capacite.core.models import Cite
from capacite.core.permissions import MATRIX, Audience, Level, level_for
from capacite.core.tenancy import request_from_label_authority, roles_in
from capacite.lib.typography import spacing_for

logger = logging.getLogger(__name__)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class CiteScopeMiddleware:
    """Resolve the Cité once per request, check the matrix, and run the view inside its scope.

    A URL with a `cite_slug` belongs to one Cité: somebody with no role there gets a 404 (the
    Cité's existence is not disclosed), a role below the level the matrix asks gets a 403. Every
    other URL runs with no scope open, so a stray query on tenant data fails loudly.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        url_name = match.view_name
        entry = MATRIX.get(url_name)
        if entry is None:
            logger.error("URL %s is missing from the permission matrix", url_name)
            raise PermissionDenied
        if "cite_slug" not in match.kwargs:
            if entry == Audience.SIGNED_IN and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if entry == Audience.LABEL_AUTHORITY:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if not request_from_label_authority(request):
                    raise PermissionDenied
            return self.get_response(request)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        cite = Cite.objects.filter(slug=match.kwargs["cite_slug"]).first()
        roles = roles_in(request.user, cite) if cite else set()
        if not roles:
            raise Http404
        level = level_for(url_name, roles)
        needed = Level.READ if request.method in SAFE_METHODS else Level.WRITE
        if level < needed:
            raise PermissionDenied
        request.cite = cite
        request.cite_roles = roles
        request.cite_level = level
        with scope(cite=cite):
            return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every answer; `Cache-Control: no-store`
    on every answer to a signed-in person, so a shared computer's cache or the back button
    after logging out never shows a Cité's pages (issue 13, point 18)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


class AbsoluteSessionExpiryMiddleware:
    """End a session a fixed time after login, however active it has been since.

    The idle expiry is Django's own (SESSION_COOKIE_AGE renewed on every request); this adds the
    absolute limit public bodies ask for on shared computers.
    """

    KEY = "capacite_login_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            started = request.session.get(self.KEY)
            now = time.time()
            if started is None:
                request.session[self.KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_HOURS * 3600:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class TypographyMiddleware:
    """Every HTML page rendered in French gets its no-break spaces before « : ; ! ? » and inside
    « guillemets » (`capacite/lib/typography.py`; issue 19, point 4), whatever wrote the text: a
    template, a translated string, a message, a name; a page in English loses the space before
    « : ; ! ? » that French templates and data put there. Files, streams and anything that is
    not HTML pass untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (response.streaming
                or not response.get("Content-Type", "").startswith("text/html")
                or response.has_header("Content-Encoding")
                or response.get("Content-Disposition", "").startswith("attachment")):
            return response
        charset = response.charset
        try:
            html = response.content.decode(charset)
        except UnicodeDecodeError:
            return response
        spaced = spacing_for(translation.get_language())(html)
        if spaced != html:
            response.content = spaced.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
