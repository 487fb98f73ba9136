"""Settings are chosen by the environment: DATABASE_URL, and production's required values.

Each case loads the settings in a fresh Python process, as manage.py and gunicorn do.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRINT_DATABASE = (
    "import json, django; from django.conf import settings; "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), "
    "'host': db.get('HOST', ''), 'user': db.get('USER', '')}))"
)


def run_python(code, settings_module, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def database_for(settings_module="dossier.settings.dev", **env):
    result = run_python(PRINT_DATABASE, settings_module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_database_url_sqlite_file_in_project_folder():
    db = database_for()
    assert db["engine"] == "django.db.backends.sqlite3"
    assert Path(db["name"]) == PROJECT_DIR / "db.sqlite3"


def test_postgres_url_selects_postgresql():
    db = database_for(DATABASE_URL="postgres://redactie:geheim@db.example:5433/dossier_acc")
    assert db == {
        "engine": "django.db.backends.postgresql",
        "name": "dossier_acc",
        "host": "db.example",
        "user": "redactie",
    }


def test_sqlite_url_selects_that_file(tmp_path):
    path = tmp_path / "elders.sqlite3"
    db = database_for(DATABASE_URL=f"sqlite:///{path}")
    assert db["engine"] == "django.db.backends.sqlite3"
    assert db["name"] == str(path)


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "example.nl"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
        ({}, "SECRET_KEY and ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secret_key_or_hosts(env, missing):
    result = run_python("import django; django.setup()", "dossier.settings.production", **env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"Refusing to start: production settings need {missing} in the environment "
        "(see .env.example)."
    ]


def test_production_starts_with_its_required_values():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.LANGUAGE_CODE, settings.TIME_ZONE, "
        "settings.STORAGES['staticfiles']['BACKEND'])",
        "dossier.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kennisdossier.example.nl",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "nl",
        "Europe/Amsterdam",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


HSTS_PROBE = """
import json
import django
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory

django.setup()
middleware = SecurityMiddleware(lambda request: HttpResponse())
factory = RequestFactory(HTTP_HOST="kennisdossier.example.nl")
result = {}
for name, extra in {"proxied_https": {"HTTP_X_FORWARDED_PROTO": "https"}, "plain": {}}.items():
    request = factory.get("/nieuws/", **extra)
    response = middleware(request)
    result[name] = [response.status_code, response.headers.get("Strict-Transport-Security")]
print(json.dumps(result))
"""


def test_production_sends_hsts_when_a_tls_proxy_does_the_redirect():
    """SECURE_SSL_REDIRECT=false behind a TLS proxy that redirects: requests that came in over
    HTTPS still get HSTS for a year; plain HTTP (loopback, make serve) never does."""
    result = run_python(
        HSTS_PROBE,
        "dossier.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kennisdossier.example.nl",
        SECURE_SSL_REDIRECT="false",
        USE_X_FORWARDED_PROTO="true",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "proxied_https": [200, "max-age=31536000; includeSubDomains"],
        "plain": [200, None],
    }


COOKIE_PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps([settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE]))"
)


@pytest.mark.parametrize(
    ("env", "secure"),
    [
        ({}, True),
        ({"SECURE_SSL_REDIRECT": "false"}, False),
        ({"SECURE_SSL_REDIRECT": "false", "SECURE_COOKIES": "true"}, True),
    ],
)
def test_production_cookies_are_secure_unless_served_over_plain_http(env, secure):
    result = run_python(
        COOKIE_PROBE,
        "dossier.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kennisdossier.example.nl",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [secure, secure]


def test_search_uses_the_dutch_configuration(settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.database"
    assert backend["SEARCH_CONFIG"] == "dutch"


@pytest.mark.django_db
def test_health_probe_needs_no_database_and_sets_no_cookie(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="not-an-allowed-host.example")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.cookies == {}
