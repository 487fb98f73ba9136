"""The VCL (varnish/dossier.vcl) in a real varnishd on a loopback port (bench/varnish.py).

Two backends: a small HTTP server in this file that answers the way the site does (tags in
``xkey``, a cookie, no-store, an error or a noncanonical mark where asked), so that each rule
of the VCL is tested on its own; and a served copy of the demo dossier with its page cache
on, end to end. Skipped where varnishd is missing, unless REQUIRE_VARNISH is set (CI sets it).
"""

import gzip
import http.client
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from wagtail.models import Page

from bench import varnish as bench_varnish
from dossier.models.purging import page_tags
from tests.conftest import _database_url
from tests.served import Served

BODY = "<!DOCTYPE html><html lang='nl'><body>" + "<p>Kennisdossier Smart Society</p>" * 100


def varnish_required() -> bool:
    return os.environ.get("REQUIRE_VARNISH", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="module", autouse=True)
def varnishd_present():
    if bench_varnish.available():
        return
    if varnish_required():
        pytest.fail(
            f"REQUIRE_VARNISH is set but {bench_varnish.VARNISHD} is missing:"
            " apt-get install varnish varnish-modules"
        )
    pytest.skip(f"{bench_varnish.VARNISHD} is not installed (set REQUIRE_VARNISH=1 to fail)")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())


def request(base_url, path, method="GET", headers=None, body=None) -> Response:
    """One request with exactly these headers (no Accept-Encoding unless given)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    finally:
        connection.close()


def n_objects(workdir) -> int:
    """The number of objects Varnish holds, once its counters have settled (its threads add
    their counts to the totals a moment later)."""
    count = None
    for _ in range(20):
        latest = bench_varnish.counters(workdir, "MAIN.n_object")["MAIN.n_object"]
        if latest == count:
            break
        count = latest
        time.sleep(0.2)
    return count


#: Objects that earlier tests' requests may still add or expire while a test counts: far
#: fewer than the addresses each test asks for.
COUNT_SLACK = 3


# The fake site -------------------------------------------------------------------------------


class FakeSite(BaseHTTPRequestHandler):
    """Answers like the dossier: GET /t/<tags>/... is a page tagged ``<tags>``
    (comma-separated in the path), any other address (the admin and health checks too) is
    tagged ``site all`` and static files are not tagged; query parameters ask for the rest:
    ``status``, ``cookie``, ``cc`` (Cache-Control), ``untagged``, ``noncanonical``. Every
    request is recorded."""

    protocol_version = "HTTP/1.1"
    requests: list = []

    def do_GET(self):
        self.answer()

    def do_HEAD(self):
        self.answer()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.answer()

    def answer(self):
        url = urlsplit(self.path)
        FakeSite.requests.append((self.command, self.path, dict(self.headers)))
        asked = dict(parse_qsl(url.query))
        status = int(asked.get("status", 200))
        body = f"{BODY}<p>{len(FakeSite.requests)}</p>".encode()
        self.send_response(status)
        if url.path.startswith("/static/"):
            self.send_header("Content-Type", "text/css")
        else:
            self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", asked.get("cc", "public, max-age=60, s-maxage=600"))
        segments = url.path.split("/")
        if len(segments) > 2 and segments[1] == "t":
            tags = segments[2].replace(",", " ")
        else:
            tags = "site all"
        if "untagged" not in asked and not url.path.startswith("/static/"):
            self.send_header("xkey", tags)
        if "cookie" in asked:
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        if "noncanonical" in asked:
            self.send_header("X-Page-Cache-Key", "noncanonical")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def fake_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def front(fake_site):
    """(base URL, varnishstat workdir) of a Varnish in front of the fake site."""
    with bench_varnish.varnish(fake_site, storage="malloc,64m") as started:
        yield started


def fetched(path) -> int:
    """How often the fake site was asked for ``path`` (path and query as sent)."""
    return sum(1 for _, asked, _ in FakeSite.requests if asked == path)


def unique(tags="site") -> str:
    """A fresh page address tagged ``tags``, so tests do not share objects."""
    return f"/t/{tags.replace(' ', ',')}/{uuid.uuid4().hex}/"


def test_an_anonymous_page_is_cached(front):
    url, _ = front
    path = unique()
    first = request(url, path)
    second = request(url, path)
    assert (first.status, first.header("X-Cache")) == (200, "miss")
    assert (second.status, second.header("X-Cache")) == (200, "hit")
    assert second.body == first.body
    assert fetched(path) == 1


def test_head_is_answered_from_the_cached_page(front):
    url, _ = front
    path = unique()
    request(url, path)
    head = request(url, path, method="HEAD")
    assert (head.status, head.header("X-Cache"), head.body) == (200, "hit", b"")


def test_tag_headers_are_not_sent_to_clients(front):
    url, _ = front
    path = unique("site p1") + "?noncanonical=1"
    for response in (request(url, unique("site p1")), request(url, path)):
        assert response.status == 200
        assert response.header("xkey") is None
        assert response.header("X-Page-Cache-Key") is None
        assert response.header("X-Varnish") is None


@pytest.mark.parametrize(
    "path",
    ["/admin/", "/admin/pages/3/", "/admin", "/healthz", "/readyz", "/healthz?full=1"],
)
def test_admin_and_health_checks_pass(front, path):
    url, _ = front
    # The fake site tags these too: the VCL must pass them whatever the response says.
    before = fetched(path)
    responses = [request(url, path) for _ in range(2)]
    assert [r.header("X-Cache") for r in responses] == ["pass", "pass"]
    assert fetched(path) - before == 2


def test_health_checks_reach_the_site_each_time(front):
    url, _ = front
    before = fetched("/healthz")
    for _ in range(3):
        assert request(url, "/healthz").status == 200
    assert fetched("/healthz") - before == 3


def test_posts_pass(front):
    url, _ = front
    path = unique()
    responses = [request(url, path, method="POST", body=b"a=1") for _ in range(2)]
    assert [r.header("X-Cache") for r in responses] == ["pass", "pass"]
    assert [method for method, asked, _ in FakeSite.requests if asked == path] == ["POST"] * 2


@pytest.mark.parametrize(
    "cookie",
    [
        "sessionid=abc",
        "csrftoken=abc",
        "theme=dark; sessionid=abc",
        "__Host-sessionid=abc",
        "a=1;csrftoken=abc",
    ],
)
def test_editors_and_forms_pass_with_their_cookies(front, cookie):
    url, _ = front
    path = unique()
    request(url, path)  # cached for readers
    editor = request(url, path, headers={"Cookie": cookie})
    assert editor.header("X-Cache") == "pass"
    assert fetched(path) == 2
    # The cookie reached the site.
    assert FakeSite.requests[-1][2].get("Cookie") == cookie


def test_other_cookies_are_dropped_and_do_not_split_the_cache(front):
    url, _ = front
    path = unique()
    request(url, path)
    reader = request(url, path, headers={"Cookie": "_ga=GA1.2.3; consent=yes"})
    assert reader.header("X-Cache") == "hit"
    other = unique()
    request(url, other, headers={"Cookie": "_ga=1"})
    assert "Cookie" not in FakeSite.requests[-1][2]


@pytest.mark.parametrize(
    "query",
    [
        "status=404",
        "status=500",
        "status=503",
        "status=301",
        "cookie=1",
        "cc=no-store",
        "cc=private",
        "cc=no-cache",
        "untagged=1",
    ],
)
def test_responses_that_must_not_be_kept_are_fetched_again(front, query):
    url, _ = front
    path = f"{unique()}?{query}"
    first = request(url, path)
    second = request(url, path)
    assert first.status == int(dict(parse_qsl(query)).get("status", 200))
    assert second.header("X-Cache") != "hit"
    assert fetched(path) == 2


def test_a_response_that_sets_a_cookie_keeps_it(front):
    url, _ = front
    response = request(url, f"{unique()}?cookie=1")
    assert response.header("Set-Cookie") == "csrftoken=abc; Path=/"


def test_static_files_are_kept_without_tags(front):
    url, _ = front
    path = f"/static/css/{uuid.uuid4().hex}.css"
    request(url, path)
    assert request(url, path).header("X-Cache") == "hit"
    assert fetched(path) == 1


def test_tracking_parameters_and_parameter_order_make_one_object(front):
    url, _ = front
    path = unique()
    variants = [
        f"{path}?b=2&a=1",
        f"{path}?a=1&b=2",
        f"{path}?utm_source=nieuwsbrief&a=1&b=2",
        f"{path}?a=1&utm_medium=mail&b=2&utm_campaign=x",
        f"{path}?fbclid=abc&b=2&gclid=def&a=1",
    ]
    responses = [request(url, variant) for variant in variants]
    assert [r.header("X-Cache") for r in responses] == ["miss"] + ["hit"] * 4
    assert {r.body for r in responses} == {responses[0].body}
    # The site saw the sorted address without tracking parameters.
    assert fetched(f"{path}?a=1&b=2") == 1
    # Only tracking parameters: the page itself.
    request(url, path)
    assert request(url, f"{path}?utm_source=x").header("X-Cache") == "hit"


def test_noncanonical_pages_are_not_stored(front):
    url, workdir = front
    path = unique()
    before = n_objects(workdir)
    for _ in range(50):
        response = request(url, f"{path}?noncanonical=1&x={uuid.uuid4().hex}")
        assert response.status == 200
        assert response.header("X-Cache") == "miss"
    assert abs(n_objects(workdir) - before) <= COUNT_SLACK


def test_errors_for_random_addresses_are_not_stored(front):
    url, workdir = front
    before = n_objects(workdir)
    for _ in range(20):
        assert request(url, f"{unique()}?status=404").status == 404
    assert abs(n_objects(workdir) - before) <= COUNT_SLACK


def test_a_tag_purge_removes_exactly_the_objects_with_that_tag(front):
    url, _ = front
    tagged = [unique("site p101 s7"), unique("site p101"), unique("site p101 p102")]
    others = [unique("site p102"), unique("site s7 p1010")]
    for path in tagged + others:
        request(url, path)
        assert request(url, path).header("X-Cache") == "hit"
    purge = request(url, "/", method="PURGE", headers={"xkey-purge": "p101"})
    assert purge.status == 200
    assert [request(url, path).header("X-Cache") for path in tagged] == ["miss"] * 3
    assert [request(url, path).header("X-Cache") for path in others] == ["hit"] * 2


def test_a_purge_of_several_tags(front):
    url, _ = front
    paths = [unique("site p201"), unique("site th3"), unique("site p202")]
    for path in paths:
        request(url, path)
    request(url, "/", method="PURGE", headers={"xkey-purge": "p201 th3"})
    assert [request(url, path).header("X-Cache") for path in paths] == ["miss", "miss", "hit"]


def test_a_purge_without_tags_removes_that_address(front):
    url, _ = front
    one, other = unique("site p301"), unique("site p301")
    for path in (one, other):
        request(url, path)
    assert request(url, one, method="PURGE").status == 200
    assert request(url, one).header("X-Cache") == "miss"
    assert request(url, other).header("X-Cache") == "hit"


def test_a_purge_through_another_proxy_is_refused(front):
    """The TLS proxy in front sets X-Forwarded-For; a PURGE from outside must not work."""
    url, _ = front
    path = unique("site p401")
    request(url, path)
    refused = request(
        url, "/", method="PURGE", headers={"xkey-purge": "p401", "X-Forwarded-For": "203.0.113.9"}
    )
    assert refused.status == 403
    assert request(url, path).header("X-Cache") == "hit"


def test_the_site_learns_the_clients_address(front):
    url, _ = front
    path = unique()
    request(url, path, headers={"X-Forwarded-For": "203.0.113.9"})
    # Varnish appends the address it saw: TRUSTED_PROXY_COUNT counts it as one proxy.
    assert FakeSite.requests[-1][2]["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"


def test_html_is_sent_gzipped_only_to_clients_that_accept_it(front):
    url, _ = front
    path = unique()
    request(url, path)
    zipped = request(url, path, headers={"Accept-Encoding": "gzip, deflate, br"})
    plain = request(url, path)
    assert zipped.header("X-Cache") == plain.header("X-Cache") == "hit"
    assert zipped.header("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in zipped.header("Vary")
    assert plain.header("Content-Encoding") is None
    assert gzip.decompress(zipped.body) == plain.body
    assert len(zipped.body) < len(plain.body) / 5
    assert plain.body.startswith(b"<!DOCTYPE html>")


def test_passed_responses_are_not_compressed(front):
    """A page for an editor or with a CSRF token is never compressed by Varnish (BREACH)."""
    url, _ = front
    path = unique()
    editor = request(url, path, headers={"Cookie": "sessionid=x", "Accept-Encoding": "gzip"})
    assert editor.header("X-Cache") == "pass"
    assert editor.header("Content-Encoding") is None
    form = request(url, f"{unique()}?cookie=1", headers={"Accept-Encoding": "gzip"})
    assert form.header("Content-Encoding") is None


# The served dossier --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_front(django_db_setup, django_db_blocker, tmp_path_factory):
    """(base URL, varnishstat workdir, the served copy's own URL) of a Varnish in front of a
    served copy of the demo dossier with its page cache on, as in production: the page cache
    tags responses (xkey)."""
    with django_db_blocker.unblock():
        database_url = _database_url(connection.settings_dict)
    env = {"DATABASE_URL": database_url, "PAGE_CACHE_ENABLED": "true"}
    log = tmp_path_factory.mktemp("varnish") / "server.log"
    with (
        Served(env, log) as server,
        bench_varnish.varnish(server.port, storage="malloc,64m") as (url, workdir),
    ):
        yield url, workdir, server.url


# django_db only so that the test database (which the served copy reads) is set up with its
# migrations also when nothing but these tests is selected.
served = pytest.mark.django_db


def purge_everything(url):
    assert request(url, "/", method="PURGE", headers={"xkey-purge": "site all"}).status == 200


@served
def test_site_home_page_is_cached_and_its_tags_stay_inside(site_front):
    url, *_ = site_front
    purge_everything(url)
    first = request(url, "/")
    second = request(url, "/")
    assert first.status == second.status == 200
    assert (first.header("X-Cache"), second.header("X-Cache")) == ("miss", "hit")
    assert "xkey" not in second.headers
    assert "x-page-cache-key" not in second.headers
    assert b'lang="nl"' in second.body


@served
def test_site_home_page_is_gzipped_for_clients_that_accept_it(site_front):
    url, *_ = site_front
    purge_everything(url)
    plain = request(url, "/")
    zipped = request(url, "/", headers={"Accept-Encoding": "gzip"})
    assert zipped.header("X-Cache") == "hit"
    assert zipped.header("Content-Encoding") == "gzip"
    assert plain.header("Content-Encoding") is None
    assert gzip.decompress(zipped.body) == plain.body


@served
def test_site_purge_by_tag_reaches_the_cache(site_front):
    url, *_ = site_front
    purge_everything(url)
    request(url, "/")
    assert request(url, "/").header("X-Cache") == "hit"
    request(url, "/", method="PURGE", headers={"xkey-purge": "p999999999"})
    assert request(url, "/").header("X-Cache") == "hit"
    request(url, "/", method="PURGE", headers={"xkey-purge": "site"})
    assert request(url, "/").header("X-Cache") == "miss"


@served
@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/healthz", "/readyz"])
def test_site_admin_and_health_checks_pass(site_front, path):
    url, *_ = site_front
    responses = [request(url, path) for _ in range(2)]
    assert responses[0].status in {200, 302}
    assert [r.header("X-Cache") for r in responses] == ["pass", "pass"]


@served
def test_site_editor_pass(site_front):
    url, *_ = site_front
    purge_everything(url)
    request(url, "/")
    editor = request(url, "/", headers={"Cookie": "sessionid=nobody"})
    assert (editor.status, editor.header("X-Cache")) == (200, "pass")


@served
def test_site_unknown_query_parameters_do_not_grow_the_cache(site_front):
    url, workdir, _ = site_front
    purge_everything(url)
    request(url, "/")
    before = n_objects(workdir)
    for _ in range(50):
        assert request(url, f"/?x={uuid.uuid4().hex}").status == 200
    assert abs(n_objects(workdir) - before) <= COUNT_SLACK
    assert request(url, "/?utm_source=nieuwsbrief").header("X-Cache") == "hit"


@served
def test_site_missing_pages_are_not_stored(site_front):
    url, *_ = site_front
    responses = [request(url, "/bestaat-niet/") for _ in range(2)]
    assert [r.status for r in responses] == [404, 404]
    assert responses[1].header("X-Cache") != "hit"


@served
def test_site_publishing_a_page_purges_what_shows_it_and_nothing_else(site_front, settings):
    """The real publish path: the signal purges the page's tags in Varnish (CACHE_PURGE_URLS);
    the home page (which lists across sections) goes too, a page showing none of them stays."""
    url, _, backend = site_front
    settings.CACHE_PURGE_URLS = [url]
    settings.CACHE_WARM_URL = ""
    pages = list(Page.objects.live().filter(depth__gte=4).specific().order_by("path"))
    published = pages[0]
    tags, _ = page_tags(published)
    path = published.get_url_parts()[2]

    def tags_of(other_path):
        return set(request(backend, other_path).header("xkey").split())

    unrelated = next(
        other.get_url_parts()[2]
        for other in pages[1:]
        if not tags_of(other.get_url_parts()[2]) & tags
    )
    purge_everything(url)
    for address in ("/", path, unrelated):
        request(url, address)
        assert request(url, address).header("X-Cache") == "hit", address
    revision = published.save_revision()
    revision.publish()
    assert request(url, path).header("X-Cache") == "miss"
    assert request(url, "/").header("X-Cache") == "miss"
    assert request(url, unrelated).header("X-Cache") == "hit"
