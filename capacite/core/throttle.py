"""Login throttling by client address, in memory only (issue 13, point 19).

django-axes locks an *account* after five wrong passwords, from anywhere: alone, that let one
client lock every account it could name. Here a client address that has failed too many logins,
whatever the accounts, is refused for a while before its attempts reach the account lock-out.
The count lives in the cache (process memory by default), keyed by a hash of the address, and
expires with the lock-out time: no IP address is ever written to the database.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: behind a trusted proxy (CAPACITE_TRUSTED_PROXY_HEADER set), the
    last address the proxy appended to X-Forwarded-For; otherwise the connection's."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(request: HttpRequest) -> str:
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"login-failures:{digest}"


def throttled(request: HttpRequest) -> bool:
    """Whether this client has failed too many logins lately to try again now."""
    return cache.get(_key(request), 0) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


def note_failure(request: HttpRequest) -> None:
    key = _key(request)
    timeout = settings.LOGIN_LOCKOUT_MINUTES * 60
    if not cache.add(key, 1, timeout):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout)


def no_address(request: HttpRequest) -> None:
    """What django-axes is told of the client's address: nothing, so it stores none."""
    return None
