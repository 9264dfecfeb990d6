"""WSGI entry point for production servers (gunicorn, waitress, uwsgi…)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capacite.settings")
application = get_wsgi_application()
