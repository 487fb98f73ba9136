"""Failure modes: the probes, the Dutch 500 and 503 pages, and real outages of the database
and of Redis in a served copy of the dossier (gunicorn in a second process).

The outages are real, not mocks: the served copy is pointed at a closed port, at a Redis that
accepts connections and never answers, or at PostgreSQL through a TCP relay that this test
cuts and restores (as a PostgreSQL restart would).
"""

import contextlib
import http.cookiejar
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.template.loader import render_to_string
from django.test import RequestFactory

import dossier.ops.cache
from dossier.ops.cache import ResilientRedisCache
from dossier.ops.errors import server_error
from tests.conftest import _database_url, _free_port
from tests.served import NoRedirect, Served

# Nothing listens on port 1 of the loopback address: connections are refused at once.
CLOSED_POSTGRES = "postgres://dossier:dossier@127.0.0.1:1/dossier"
CLOSED_REDIS = "redis://127.0.0.1:1/0"
OUTAGE_PAGE_TITLE = "Tijdelijk niet beschikbaar"


# In-process: the probes and the error pages


def test_healthz_answers_without_any_database_access(client):
    # No django_db mark: pytest-django refuses any database access, even a connection.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/plain")
    assert not response.cookies


@pytest.mark.django_db
def test_healthz_makes_no_queries_and_sets_no_cookie(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="probe.internal")
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_readyz_checks_database_and_cache(client, django_assert_num_queries):
    # One query: the SELECT 1. A Host header the site does not know is fine for a probe.
    with django_assert_num_queries(1):
        response = client.get("/readyz", HTTP_HOST="probe.internal")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_error_pages_render_in_dutch_without_a_database():
    # No django_db mark: any query or connection would raise.
    for template, title, code in (
        ("500.html", "Er ging iets mis", "500"),
        ("503.html", OUTAGE_PAGE_TITLE, "503"),
    ):
        html = render_to_string(template)
        assert '<html lang="nl">' in html
        assert f"<h1>{title}</h1>" in html
        assert f"Foutcode {code}" in html
        assert 'href="#main-content"' in html and 'id="main-content"' in html
        assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_handler_answers_a_database_outage_with_503(error, caplog):
    request = RequestFactory().get("/nieuws/")
    try:
        raise error("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
    except error:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert OUTAGE_PAGE_TITLE in response.content.decode()
    # Logged once, as a warning; Django does not log it again as an error.
    assert response._has_been_logged
    assert [record.levelname for record in caplog.records] == ["WARNING"]


def test_handler_answers_other_errors_with_500():
    request = RequestFactory().get("/nieuws/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Er ging iets mis" in response.content.decode()


def resilient_cache(location: str) -> ResilientRedisCache:
    return ResilientRedisCache(
        location,
        {
            "KEY_PREFIX": f"test-failure-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    )


def test_resilient_cache_treats_an_outage_as_a_miss(caplog, monkeypatch):
    # No outage remembered from earlier in this process.
    monkeypatch.setattr(dossier.ops.cache, "_unavailable_until", {})
    cache = resilient_cache(CLOSED_REDIS)
    assert cache.get("page", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("page") is False
    assert cache.add("page", 1) is False
    assert cache.set("page", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.get_or_set("computed", lambda: 42) == 42
    assert cache.touch("page") is False
    assert cache.delete("page") is False
    cache.delete_many(["a", "b"])
    with pytest.raises(ValueError, match="not found"):
        cache.incr("count")
    # One warning, not one per call.
    warnings = [r for r in caplog.records if r.name == "dossier.ops.cache"]
    assert [r.levelname for r in warnings] == ["WARNING"]


def test_resilient_cache_works_as_redis_when_redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379 to compare with")
    cache = resilient_cache("redis://127.0.0.1:6379/0")
    try:
        cache.set("page", {"status": 200}, timeout=30)
        assert cache.get("page") == {"status": 200}
        assert cache.add("page", "other") is False
        assert cache.add("count", 1, timeout=30) is True
        assert cache.incr("count") == 2
        assert cache.set_many({"a": 1}, timeout=30) == []
        assert cache.get_many(["a", "page"]) == {"a": 1, "page": {"status": 200}}
    finally:
        cache.delete_many(["page", "count", "a"])


@pytest.fixture
def test_database_url(django_db_setup, django_db_blocker):
    """The test database with the demo content, for a served copy."""
    with django_db_blocker.unblock():
        return _database_url(connection.settings_dict)


def assert_outage_page(response):
    assert response.status == 503, response.body[:500]
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers.get("Set-Cookie") is None
    assert f"<h1>{OUTAGE_PAGE_TITLE}</h1>" in response.body


def test_database_down_probes_and_pages_answer(tmp_path, capsys):
    with Served({"DATABASE_URL": CLOSED_POSTGRES}, tmp_path / "server.log") as server:
        health = server.get("/healthz")
        assert health.status == 200
        assert health.body == "ok\n"

        ready = server.get("/readyz")
        assert ready.status == 503
        assert ready.headers["Cache-Control"] == "no-store"
        assert ready.headers.get("Set-Cookie") is None
        assert ready.body == "database unavailable (OperationalError)\n"

        timings = {}
        for path in ("/", "/nieuws/", "/thema/", "/zoeken/?q=data"):
            response = server.get(path)
            assert_outage_page(response)
            timings[path] = response.seconds
        # An editor's session: the database is first needed by the session and
        # authentication machinery, before any page is looked up.
        editor = server.get("/admin/", headers={"Cookie": "sessionid=" + "k" * 32})
        assert_outage_page(editor)
        timings["/admin/ (session)"] = editor.seconds

        log = server.log_text()
    assert log.count("Database unavailable, answered 503") == 5
    assert "Internal Server Error" not in log
    assert "Service Unavailable:" not in log, "logged again by Django as an error"
    with capsys.disabled():
        print("\nDatabase on a closed port:", format_timings(timings))


def format_timings(timings: dict[str, float]) -> str:
    return ", ".join(f"{path} {seconds * 1000:.0f} ms" for path, seconds in timings.items())


class Relay:
    """A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused)
    and restored on the same port, as a restart of the database server looks to the app."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = _free_port()
        self.sockets: list[socket.socket] = []
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # shutdown() first: close() alone leaves a socket blocked in accept() listening.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


# The mark makes pytest-django create the test database (which the served copy reads) also
# when this test runs alone; the test itself writes nothing.
@pytest.mark.django_db
def test_database_restart_heals_without_restarting_the_app(
    tmp_path, django_db_setup, django_db_blocker, capsys
):
    with django_db_blocker.unblock():
        params = dict(connection.settings_dict)
    if params["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("a database server restart needs PostgreSQL (the test database is SQLite)")
    relay = Relay((params["HOST"] or "127.0.0.1", int(params["PORT"] or 5432)))
    relay.start()
    through_relay = {**params, "HOST": "127.0.0.1", "PORT": relay.port}
    env = {
        "DATABASE_URL": _database_url(through_relay),
        # Persistent connections, as in production: the one kept from before is dead after.
        "CONN_MAX_AGE": "60",
        "PAGE_CACHE_ENABLED": "true",
    }
    try:
        with Served(env, tmp_path / "server.log") as server:
            before = server.get("/nieuws/")
            assert before.status == 200
            relay.cut()
            # /thema/ was never asked for, so it is not in the page cache.
            down = server.get("/thema/")
            assert_outage_page(down)
            assert server.get("/readyz").status == 503
            # What the page cache holds is still served while the database is down.
            from_cache = server.get("/nieuws/")
            assert from_cache.status == 200
            assert from_cache.headers["X-Page-Cache"] == "hit"
            relay.start()
            after = server.get("/thema/")
            assert after.status == 200
            assert "<h1>Thema" in after.body
            assert server.get("/readyz").status == 200
    finally:
        relay.cut()
    with capsys.disabled():
        print(
            "\nPostgreSQL restart:",
            format_timings(
                {
                    "up": before.seconds,
                    "down": down.seconds,
                    "down, page in the page cache": from_cache.seconds,
                    "back": after.seconds,
                }
            ),
        )


class SilentRedis:
    """Accepts connections like a hung Redis and never answers."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        self.clients: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        with contextlib.suppress(OSError):
            while True:
                self.clients.append(self.listener.accept()[0])

    def close(self):
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for client in self.clients:
            client.close()


@pytest.mark.django_db
@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_redis_outage_degrades_to_rendering(outage, tmp_path, test_database_url, capsys):
    silent = SilentRedis() if outage == "hanging" else None
    env = {
        "DATABASE_URL": test_database_url,
        "REDIS_URL": silent.url if silent else CLOSED_REDIS,
        "PAGE_CACHE_ENABLED": "true",
        "CONTRIBUTION_MIN_FILL_SECONDS": "0",
    }
    timings = {}
    try:
        with Served(env, tmp_path / "server.log") as server:
            assert server.get("/healthz").status == 200
            ready = server.get("/readyz")
            # Pages are still served, so the instance stays in service: degraded, not down.
            assert ready.status == 200
            assert ready.body.startswith("ok, degraded: cache unavailable")
            timings["/readyz"] = ready.seconds
            for path in ("/", "/nieuws/", "/", "/thema/", "/bijdragen/"):
                response = server.get(path)
                assert response.status == 200, (path, response.body[:300], server.log_text())
                # The page cache is on, yet nothing is served from or stored in Redis.
                if path != "/bijdragen/":
                    assert response.headers["X-Page-Cache"] == "miss"
                timings.setdefault(path, response.seconds)

            # Posting the form passes the rate limit, which lives in the cache. A filled-in
            # honeypot makes it a bot's post: answered like a person's, nothing stored.
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(jar), NoRedirect
            )
            form = server.get("/bijdragen/", opener=opener)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)[1]
            posted = server.get(
                "/bijdragen/",
                opener=opener,
                data=urllib.parse.urlencode(
                    {"csrfmiddlewaretoken": token, "website": "https://spam.example"}
                ).encode(),
            )
            assert posted.status == 302
            assert posted.headers["Location"].endswith("/bijdragen/bedankt/")
            timings["POST /bijdragen/"] = posted.seconds
            log = server.log_text()
    finally:
        if silent:
            silent.close()
    assert "Cache unavailable" in log
    assert "Internal Server Error" not in log
    with capsys.disabled():
        print(f"\nRedis {outage}:", format_timings(timings))
