"""The page cache by tag: a change makes stale exactly what shows it, keys cannot be abused,
a deploy or a restarted Redis never serves old content, and purged pages are rendered again."""

import gzip
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis
from django.core.cache import caches
from wagtail.models import Page, PageViewRestriction

from dossier.models import Theme
from dossier.ops import cache_tags, page_cache
from tests import pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def reader(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def status(reader, url, **headers):
    response = reader.get(url, **headers)
    assert response.status_code == 200, url
    return response["X-Page-Cache"]


def cached(reader, url):
    """Fetch twice: the second answer must come from the cache."""
    status(reader, url)
    assert status(reader, url) == "hit", url


def test_responses_carry_the_tags_of_what_they_show(reader):
    item = pages.news("Bericht met tags", when=pages.date.today(), themes=["mobiliteit"])
    news_index = Page.objects.get(url_path="/home/nieuws/")
    theme = Theme.objects.get(slug="mobiliteit")

    detail = set(reader.get(item.url)["xkey"].split())
    assert {f"p{item.pk}", "site"} <= detail
    assert "all" not in detail  # a new page elsewhere leaves it alone

    listing = set(reader.get("/nieuws/")["xkey"].split())
    assert {f"s{news_index.pk}", f"p{news_index.pk}", f"p{item.pk}", "site"} <= listing

    hub = set(reader.get("/thema/mobiliteit/")["xkey"].split())
    assert {f"th{theme.pk}", f"p{item.pk}"} <= hub
    assert f"th{theme.pk}" in reader.get("/thema/mobiliteit/feed/")["xkey"].split()

    assert "all" in reader.get("/")["xkey"].split()
    assert "all" in reader.get("/zoeken/?q=data")["xkey"].split()
    assert "all" in reader.get("/sitemap.xml")["xkey"].split()


def test_publishing_a_card_s_page_makes_its_listings_stale_and_leaves_others_cached(reader):
    shown = pages.news("Deelauto's in de binnenstad", when=pages.date.today())
    unrelated = pages.blog("Een blog over iets anders", when=pages.date.today())
    source = pages.source("Een bron elders", when=pages.date.today())
    for url in ("/nieuws/", shown.url, unrelated.url, source.url, "/bronnen/"):
        cached(reader, url)

    shown.title = "Deelauto's in de hele stad"
    shown.save_revision().publish()

    response = reader.get("/nieuws/")
    assert response["X-Page-Cache"] == "miss"
    assert "Deelauto&#x27;s in de hele stad" in response.content.decode()
    assert status(reader, shown.url) == "miss"
    # Pages that do not show it stay cached: another section's index and detail pages.
    for url in (unrelated.url, source.url, "/bronnen/"):
        assert status(reader, url) == "hit", url


def test_a_related_page_s_new_title_reaches_the_pages_that_link_to_it(reader):
    first = pages.news("Slimme lantaarnpalen", when=pages.date.today(), themes=["mobiliteit"])
    second = pages.news("Parkeersensoren", when=pages.date.today(), themes=["mobiliteit"])
    assert "Slimme lantaarnpalen" in reader.get(second.url).content.decode()
    assert status(reader, second.url) == "hit"

    first.title = "Lantaarnpalen met sensoren"
    first.save_revision().publish()

    response = reader.get(second.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Lantaarnpalen met sensoren" in response.content.decode()


def hub_total(reader, slug):
    return int(re.search(r"(\d+) pagina", reader.get(f"/thema/{slug}/").content.decode())[1])


def test_a_theme_taken_off_a_page_updates_that_theme_s_hub(reader):
    """Also when the hub does not show the page's card, only counts it."""
    old = pages.news(
        "Oud bericht over mobiliteit", when=pages.date(2001, 1, 1), themes=["mobiliteit"]
    )
    for number in range(6):
        pages.news(f"Nieuwer bericht {number}", when=pages.date.today(), themes=["mobiliteit"])
    before = hub_total(reader, "mobiliteit")
    assert "Oud bericht over mobiliteit" not in reader.get("/thema/mobiliteit/").content.decode()
    cached(reader, "/thema/mobiliteit/")

    page = old.get_latest_revision_as_object()
    page.page_themes.clear()
    page.save_revision().publish()

    assert hub_total(reader, "mobiliteit") == before - 1


def test_a_site_wide_change_makes_everything_stale(reader):
    item = pages.news("Bericht voor de hele site", when=pages.date.today())
    for url in ("/", "/nieuws/", item.url):
        cached(reader, url)
    theme = Theme.objects.get(slug="mobiliteit")
    theme.name = "Mobiliteit en verkeer"
    theme.save()
    for url in ("/", "/nieuws/", item.url):
        assert status(reader, url) == "miss", url


def test_random_query_strings_do_not_grow_the_cache(reader):
    item = pages.news("Bericht zonder parameters", when=pages.date.today())
    for url in ("/nieuws/", item.url):
        canonical = reader.get(url)
        reader.get(url + "?x=1")  # learns which parameters the page reads
        before = len(caches["pages"]._cache)
        for _ in range(30):
            response = reader.get(f"{url}?x={uuid.uuid4().hex}&utm_source={uuid.uuid4().hex}")
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "hit"
            assert response["X-Page-Cache-Key"] == "noncanonical"
            assert response.content == canonical.content
        assert len(caches["pages"]._cache) == before, url


def test_parameters_a_page_reads_are_keyed_in_a_fixed_order(reader):
    first = reader.get("/nieuws/?thema=mobiliteit&soort=nieuws")
    assert first["X-Page-Cache"] in ("miss", "pass")
    assert status(reader, "/nieuws/?thema=mobiliteit&soort=nieuws") == "hit"
    swapped = reader.get("/nieuws/?soort=nieuws&thema=mobiliteit")
    assert swapped["X-Page-Cache"] == "hit"
    assert "X-Page-Cache-Key" not in swapped
    assert swapped.content == reader.get("/nieuws/?thema=mobiliteit&soort=nieuws").content
    # A different value is a different page.
    assert status(reader, "/nieuws/?thema=zorg&soort=nieuws") == "miss"
    # An encoded "&" in a value is not a second parameter.
    odd = reader.get("/zoeken/?q=data%26sectie%3Dnieuws")
    assert reader.get("/zoeken/?q=data&sectie=nieuws").content != odd.content


def test_a_new_code_version_misses_the_old_entries(reader, settings):
    cached(reader, "/nieuws/")
    settings.CODE_VERSION = "volgende-versie"
    page_cache.code_version.cache_clear()
    try:
        assert status(reader, "/nieuws/") == "miss"
        assert status(reader, "/nieuws/") == "hit"
    finally:
        page_cache.code_version.cache_clear()


def test_cached_pages_are_sent_compressed_to_browsers_that_accept_it(reader):
    plain = reader.get("/nieuws/")
    compressed = reader.get("/nieuws/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert "Content-Encoding" not in reader.get("/nieuws/")
    # A page with a CSRF token is neither cached nor compressed (BREACH).
    form = reader.get("/bijdragen/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in form
    assert b"csrfmiddlewaretoken" in form.content


def test_versions_are_random_tokens_not_counters():
    first = cache_tags.versions(["site"])["site"]
    cache_tags.bump(["site"])
    second = cache_tags.versions(["site"])["site"]
    cache_tags.bump(["site"])
    third = cache_tags.versions(["site"])["site"]
    assert len({first, second, third}) == 3


@pytest.fixture
def shared_redis(settings):
    """The page cache on a real Redis (a database of its own on the machine's server)."""
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.fail(f"These tests need the Redis server at {REDIS_URL}")
    connection.flushdb()
    shared = {"BACKEND": "dossier.ops.cache.ResilientRedisCache", "LOCATION": REDIS_URL}
    settings.CACHES = {**settings.CACHES, "default": shared, "pages": shared}
    settings.PAGE_CACHE_SHARED = True
    yield connection
    connection.flushdb()


def test_a_restarted_redis_never_lets_stale_view_restrictions_through(reader, shared_redis):
    """Redis without persistence forgets every version when it restarts. A view restriction
    that was added while its purge could not reach Redis must still apply afterwards: the
    versions are random, so this process's copy of the old restrictions cannot match."""
    item = pages.news("Bijna geheim", when=pages.date.today())
    cached(reader, item.url)

    # The restriction arrives without its signal (its purge lost), then Redis restarts.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=item, restriction_type=PageViewRestriction.LOGIN)]
    )
    shared_redis.flushdb()

    response = reader.get(item.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_tags_purged_in_redis_reach_every_process(reader, shared_redis):
    item = pages.news("Bericht in Redis", when=pages.date.today())
    cached(reader, item.url)
    keys = shared_redis.keys("*page-cache:tag:p*")
    assert keys, "the page's tag version lives in Redis"
    page_cache.purge({f"p{item.pk}"})
    assert status(reader, item.url) == "miss"


@pytest.fixture
def front(settings):
    """A stand-in for the front readers use (Varnish or the site): records what is asked."""
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append((self.path, (self.headers["Host"], self.headers["X-Forwarded-Proto"])))
            self.send_response(200)
            self.end_headers()

        def do_PURGE(self):
            asked.append(("PURGE", self.headers.get("xkey-purge")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    settings.CACHE_WARM_URL = url
    settings.CACHE_PURGE_URLS = [url]
    settings.PUBLIC_BASE_URL = "https://kennisdossier.example.nl"
    yield asked
    server.shutdown()
    server.server_close()


def test_a_publish_purges_the_proxy_and_renders_the_most_read_addresses_again(
    front, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True):
        item = pages.news("Opnieuw getoond", when=pages.date.today(), themes=["mobiliteit"])
    purges = [tags for method, tags in front if method == "PURGE"]
    assert purges
    assert {f"p{item.pk}", "all", "th" + str(Theme.objects.get(slug="mobiliteit").pk)} <= set(
        purges[-1].split()
    )

    front.clear()
    run_worker("--queue-name", "cache", backend="cache")
    rendered = [path for path, _host in front]
    assert rendered[:2] == ["/", "/nieuws/"]
    assert "/thema/mobiliteit/" in rendered
    assert rendered[-1] == item.url
    # As readers ask for it: the public host, over HTTPS as the TLS proxy tells the site.
    assert {sent for _path, sent in front} == {("kennisdossier.example.nl", "https")}


def test_a_failing_proxy_never_stops_a_publish(settings):
    settings.CACHE_PURGE_URLS = ["http://127.0.0.1:9/", "file:///etc/passwd"]
    item = pages.news("Gepubliceerd ondanks de proxy", when=pages.date.today())
    assert item.live
