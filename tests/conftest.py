"""Shared fixtures: the demo dossier in the test database, and a served copy for the browser.

The test database is built once per session with ``load_demo`` (the same command a new user
runs), so every test sees the real page tree: Site -> home -> section indexes -> pages.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.helpers import run_mail_worker

# The SMTP server fixtures (smtp_server, smtp_settings) for the mail tests.
pytest_plugins = ["tests.smtp"]

# Playwright's sync API keeps an event loop running in the main thread; Django refuses
# database access from a thread with a running loop unless told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    """Skip browser tests when Chromium is absent, unless REQUIRE_BROWSER makes that a failure."""
    if Path(CHROMIUM).exists() or browser_required():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (set REQUIRE_BROWSER=1 to fail)")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    # Servers and threads of the tests may leave a PostgreSQL session behind for a moment,
    # and PostgreSQL refuses to drop a database in use: end them before pytest-django drops it.
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture
def run_worker(monkeypatch):
    """Run the mail worker the way production does, until no task is ready."""
    # The worker calls close_old_connections() before and after every task. In production
    # that only drops broken or expired connections. In a django_db test the whole test runs
    # in one transaction on one connection, with autocommit off, which Django takes for a
    # connection left in a bad state: it would close it, losing the test's transaction
    # ("Cannot operate on a closed database"). The worker still claims, runs and records
    # each task through the same ORM calls as in production.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    return run_mail_worker


@pytest.fixture(autouse=True)
def empty_mail_queue_after_browser_tests(request, django_db_blocker):
    """The served copy commits what a browser test submits, mails queued in the database
    included (contributions, alert confirmations); the tests after it count that queue."""
    yield
    if request.node.get_closest_marker("browser") is None or "site_url" not in request.fixturenames:
        return
    from django_tasks_db.models import DBTaskResult

    with django_db_blocker.unblock():
        DBTaskResult.objects.all().delete()
        connection.close()


@pytest.fixture(autouse=True)
def fresh_shared_data():
    """Each test starts from a new content version. A test's rolled-back rows send no
    signals, so the navigation, footer, sections and view restrictions kept in the cache
    (dossier/ops/versioned.py) by one test must not reach the next, in this process or in the
    served copy (the version's stamp file is shared)."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    from dossier.ops.page_cache import invalidate

    invalidate()
    # The local memory cache starts empty too: filled with earlier tests' fragments it would
    # cull entries at random (MAX_ENTRIES), which makes query counts vary.
    for alias in ("default", "pages"):
        if isinstance(caches[alias], LocMemCache):
            caches[alias].clear()


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, from empty caches (another test's entries would be hits) and
    emptied again afterwards."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing: apt-get install chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


def _database_url(settings_dict) -> str:
    """The URL of the test database, for a server in another process."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings_dict['NAME']}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """The demo dossier from the test database, served by a second process on loopback.

    Database tests roll back their transactions, so the committed demo content that this
    server reads stays as ``load_demo`` left it.
    """
    with django_db_blocker.unblock():
        database_url = _database_url(connection.settings_dict)
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dossier.settings.test",
        "DATABASE_URL": database_url,
        # No connection outlives a request, so the test database can be dropped at the end.
        "CONN_MAX_AGE": "0",
        # The same media folder as this process, where load_demo put the images.
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    server = subprocess.Popen(
        # gunicorn rather than runserver: runserver keeps a connection open from its
        # migration check, which would block dropping the test database afterwards.
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "dossier.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
            # gunicorn's control socket has one default path per user, which a second
            # server (make serve, make bench) would take over or delete: none here.
            "--no-control-socket",
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(
                    "The test server did not start: " + server.stderr.read().decode()[-2000:]
                ) from None
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
