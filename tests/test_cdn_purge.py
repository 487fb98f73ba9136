"""Publishing purges a CDN in front of the site (dossier/ops/page_cache.py purge_cdn), here a real
HTTP server on loopback that records the PURGE requests of Wagtail's HTTPBackend."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests import pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def purge_server(settings):
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_and_every_list_that_shows_it(purge_server):
    page = pages.news("Bericht voor het CDN", themes=["mobiliteit"])
    assert set(purge_server) >= {
        page.url,
        "/nieuws/",
        "/nieuws/feed/",
        "/",
        "/feeds/",
        "/thema/mobiliteit/",
        "/thema/mobiliteit/feed/",
        "/sitemap.xml",
    }


def test_unpublishing_purges_too(purge_server):
    page = pages.news("Bericht dat verdwijnt")
    purge_server.clear()
    page.unpublish()
    assert {page.url, "/nieuws/", "/"} <= set(purge_server)


def test_without_a_cdn_nothing_is_purged(purge_server, settings):
    del settings.WAGTAILFRONTENDCACHE
    pages.news("Bericht zonder CDN")
    assert purge_server == []
