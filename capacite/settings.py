"""Settings, all read from environment variables with safe defaults for `make run`.

Every variable is listed in docs/operator-guide.md. The defaults give a working demo on an
embedded SQLite database inside the checkout; production sets CAPACITE_SECRET_KEY,
CAPACITE_ALLOWED_HOSTS, CAPACITE_SECURE=1 and usually a PostgreSQL CAPACITE_DATABASE_URL.
"""

import os
import secrets
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from capacite.lib.database import database_from_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("CAPACITE_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def _secret_key() -> str:
    """Use CAPACITE_SECRET_KEY, or a random key kept in var/ so sessions survive restarts."""
    if key := os.environ.get("CAPACITE_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret-key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("CAPACITE_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("CAPACITE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "capacite.core",
    "capacite.roadmap",
    "capacite.territory",
    "capacite.partners",
    "capacite.governance",
    "capacite.offer",
    "capacite.staffing",
    "capacite.jobs",
    "capacite.review",
    "capacite.documentation",
    "capacite.events",
    "capacite.communication",
    "capacite.public",
    "capacite.diagnosis",
    "capacite.premises",
    "capacite.planning",
    "capacite.label",
    "capacite.people",
    "capacite.homes",
    "capacite.activity",
    "capacite.dashboards",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_scopes",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "capacite.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside the language's choice, around everything that writes a page (issue 19, point 4).
    "capacite.core.middleware.TypographyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "capacite.core.middleware.AbsoluteSessionExpiryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "capacite.core.middleware.CiteScopeMiddleware",
    "capacite.core.busy.BusyDatabaseMiddleware",  # a locked database: 503 « réessayez »
    # Last, as django-axes asks: it turns a lock-out into the French lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "capacite.urls"
WSGI_APPLICATION = "capacite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "capacite.core.context_processors.navigation",
            ],
            # {% link_to %} and {% may_write %} in every template: a link asks the permission
            # matrix for its target (capacite/core/links.py); {{ x|money }} writes an amount
            # the one way (capacite/lib/money.py).
            "builtins": ["capacite.core.templatetags.links", "capacite.core.templatetags.numbers"],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'capacite.sqlite3'}"
DATABASES = {
    "default": database_from_url(os.environ.get("CAPACITE_DATABASE_URL", DEFAULT_DATABASE_URL),
                                 sqlite_timeout=env_int("CAPACITE_SQLITE_TIMEOUT", 20))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and sessions ------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"

# Idle expiry: the cookie lives this long after the last request (renewed on each request).
SESSION_IDLE_MINUTES = env_int("CAPACITE_SESSION_IDLE_MINUTES", 60)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# Absolute expiry: however active, a session ends this long after login.
SESSION_ABSOLUTE_HOURS = env_int("CAPACITE_SESSION_ABSOLUTE_HOURS", 12)

# Lock-out after repeated failed logins, counted per username (never per visitor IP).
AXES_FAILURE_LIMIT = env_int("CAPACITE_LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = env_int("CAPACITE_LOCKOUT_MINUTES", 15)
AXES_COOLOFF_TIME = LOGIN_LOCKOUT_MINUTES / 60  # hours
# Failed logins one client address may make, whatever the accounts, before it waits the lock-out
# time (capacite/core/throttle.py): so one client cannot lock every account.
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("CAPACITE_LOGIN_ADDRESS_LIMIT", 10)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# No IP address in the database (issue 13, point 19): axes is given none and keeps no access
# log; the per-address throttle lives in the cache (capacite/core/throttle.py).
AXES_CLIENT_IP_CALLABLE = "capacite.core.throttle.no_address"
AXES_DISABLE_ACCESS_LOG = True
# axes.W006 asks to lock per IP too: we deliberately store no IP address about anybody, and a
# per-username lock already stops guessing one account's password however the client varies.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

SECURE = env_bool("CAPACITE_SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Behind a TLS proxy (issue 13, point 18): the header by which the proxy says the request came
# over HTTPS, as "Header-Name: value" (e.g. "X-Forwarded-Proto: https"), and the origins
# (scheme and host) whose forms the CSRF check accepts. Both empty: no proxy is trusted.
_proxy_header = os.environ.get("CAPACITE_TRUSTED_PROXY_HEADER", "").strip()
if ":" in _proxy_header:
    _name, _value = (part.strip() for part in _proxy_header.split(":", 1))
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _name.upper().replace("-", "_"), _value)
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CAPACITE_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
# Defence in depth (capacite.core.middleware.SecurityHeadersMiddleware): no inline script, no
# third-party anything; style attributes stay allowed for the server-drawn SVG charts.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

EMAIL_BACKEND = os.environ.get(
    "CAPACITE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("CAPACITE_FROM_EMAIL", "capacite@localhost")
# The SMTP server, when CAPACITE_EMAIL_BACKEND is Django's smtp backend (invitations, resets).
EMAIL_HOST = os.environ.get("CAPACITE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("CAPACITE_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("CAPACITE_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CAPACITE_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CAPACITE_EMAIL_USE_TLS", False)
# Self-service: anybody may open a Cité space and become its project lead (issue 18). Off by
# default: on a network's instance, the label authority opens the Cités.
CAPACITE_SELF_SERVICE_START = env_bool("CAPACITE_SELF_SERVICE_START", False)

# --- Language -------------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language chosen stays chosen after the browser closes (Django's default cookie does not).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("CAPACITE_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
# French groups thousands with a narrow no-break space, as `capacite.lib.money` writes every count;
# Django's own French formats say a no-break space. Not USE_THOUSAND_SEPARATOR: it would group
# every integer a template prints, ids in URLs and attributes too — counts ask `|count`.
FORMAT_MODULE_PATH = ["capacite.formats"]

# --- Files ----------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("CAPACITE_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on a missing directory
MEDIA_ROOT = Path(os.environ.get("CAPACITE_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"  # never served directly: files go through views that check access
WHITENOISE_USE_FINDERS = True  # `make run` serves assets without a collectstatic step
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
EVIDENCE_MAX_BYTES = env_int("CAPACITE_UPLOAD_MAX_MB", 10) * 1024 * 1024
# Bounds of one import (CSV or XLSX), so a file cannot hold the write lock or the memory for long.
CAPACITE_IMPORT_MAX_ROWS = env_int("CAPACITE_IMPORT_MAX_ROWS", 10_000)
CAPACITE_IMPORT_MAX_BYTES = env_int("CAPACITE_IMPORT_MAX_MB", 10) * 1024 * 1024
CAPACITE_IMPORT_MAX_UNPACKED_BYTES = env_int("CAPACITE_IMPORT_MAX_UNPACKED_MB", 50) * 1024 * 1024

# --- Alerts ---------------------------------------------------------------------------------
# An organisation not contacted for this many days shows on the partners' alerts.
CAPACITE_PARTNER_SILENCE_DAYS = env_int("CAPACITE_PARTNER_SILENCE_DAYS", 90)
# A member organisation absent (or excused) from this many consecutive meetings of a body.
CAPACITE_ABSENCE_ALERT_MEETINGS = env_int("CAPACITE_ABSENCE_ALERT_MEETINGS", 3)

# --- Background jobs --------------------------------------------------------------------------
# Dossiers and rosters run off the request: the queue lives in the database (no extra service);
# `capacite db_worker` runs it (`make run` starts one beside the web server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CAPACITE_LOG_LEVEL", "WARNING")},
}
