"""Issue 13, points 7 and 21: a pinned WSGI server that loads capacite, and the operator guide's
exact command and service units (server and worker, restarted by systemd, on PostgreSQL)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "operator-guide.md").read_text()


def test_gunicorn_is_pinned_in_the_lock_file_and_declared_in_the_project():
    lock = (ROOT / "requirements.lock").read_text().splitlines()
    assert [line for line in lock if line.startswith("gunicorn")] == ["gunicorn==27.0.1"]
    assert '"gunicorn>=27.0",' in (ROOT / "pyproject.toml").read_text()


def test_the_pinned_gunicorn_loads_the_application(tmp_path):
    env = {**os.environ, "CAPACITE_VAR_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run([str(gunicorn), "--check-config", "capacite.wsgi:application"],
                            env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def unit(name: str) -> str:
    match = re.search(rf"`/etc/systemd/system/{name}` :\n\n```ini\n(.*?)```", GUIDE, re.S)
    assert match, name
    return match.group(1)


def test_the_guide_gives_both_service_units_restarting_on_failure_with_postgresql():
    web, worker = unit("capacite-web.service"), unit("capacite-worker.service")
    assert ("ExecStart=/srv/capacite/.venv/bin/gunicorn capacite.wsgi:application --bind "
            "127.0.0.1:8000 --workers 3 --timeout 60 --max-requests 1000 "
            "--max-requests-jitter 100 --access-logfile -") in web.splitlines()
    assert "ExecStart=/srv/capacite/.venv/bin/capacite db_worker --no-reload" in \
        worker.splitlines()
    for text in (web, worker):
        lines = text.splitlines()
        assert {"Restart=always", "EnvironmentFile=/etc/capacite.env",
                "Wants=postgresql.service"} <= set(lines)
    assert "CAPACITE_DATABASE_URL=postgres://capacite@/capacite" in GUIDE


def settings_under(env_extra: dict, tmp_path) -> list[str]:
    """Three settings as a fresh process reads them from the environment given."""
    env = {**os.environ, "CAPACITE_VAR_DIR": str(tmp_path), **env_extra,
           "DJANGO_SETTINGS_MODULE": "capacite.settings"}
    code = ("import django; django.setup(); from django.conf import settings; "
            "from django.test import RequestFactory; "
            "r = RequestFactory().get('/', HTTP_X_FORWARDED_PROTO='https'); "
            "print(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)); "
            "print(settings.CSRF_TRUSTED_ORIGINS); print(r.is_secure())")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_behind_a_tls_proxy_the_operator_trusts_its_header_and_origins(tmp_path):
    """Point 18: the two variables the operator guide documents take effect; unset, no
    forwarded header makes a request look secure (a client could forge it)."""
    assert settings_under({"CAPACITE_TRUSTED_PROXY_HEADER": "X-Forwarded-Proto: https",
                           "CAPACITE_CSRF_TRUSTED_ORIGINS":
                               "https://cite.example.org, https://autre.example.org"},
                          tmp_path) == [
        "('HTTP_X_FORWARDED_PROTO', 'https')",
        "['https://cite.example.org', 'https://autre.example.org']", "True"]
    assert settings_under({"CAPACITE_TRUSTED_PROXY_HEADER": "",
                           "CAPACITE_CSRF_TRUSTED_ORIGINS": ""}, tmp_path) == [
        "None", "[]", "False"]
    assert "CAPACITE_TRUSTED_PROXY_HEADER" in GUIDE and "CAPACITE_CSRF_TRUSTED_ORIGINS" in GUIDE
