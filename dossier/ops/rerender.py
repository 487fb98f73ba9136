"""Render again what a publish purged, before readers ask for it.

``page_cache.purge`` queues ``rerender`` with the addresses readers ask for most (the home
page, the section index, the theme hubs, the page itself) on the "cache" task queue
(``manage.py db_worker --backend cache --queue-name cache``). The task asks for them through
CACHE_WARM_URL, the front that readers use (Varnish, or the site itself), so both the proxy
and the site's page cache hold them again.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django_tasks import task

from .cache_tags import http_request

logger = logging.getLogger(__name__)

TIMEOUT = 30


def _host():
    """The host the site answers to: PUBLIC_BASE_URL's, as readers ask for it."""
    return urlsplit(settings.PUBLIC_BASE_URL).netloc if settings.PUBLIC_BASE_URL else ""


@task(backend="cache", queue_name="cache")
def rerender(paths: list[str]) -> int:
    """GET each path through CACHE_WARM_URL, in order; returns how many were rendered."""
    base = settings.CACHE_WARM_URL.rstrip("/")
    if not base:
        return 0
    headers = {"Accept-Encoding": "gzip", "User-Agent": "kennisdossier-rerender"}
    host = _host()
    if host:
        headers["Host"] = host
    # As the TLS proxy in front says it: else a site that redirects to HTTPS answers 301.
    scheme = urlsplit(settings.PUBLIC_BASE_URL).scheme if settings.PUBLIC_BASE_URL else ""
    if scheme:
        headers["X-Forwarded-Proto"] = scheme
    done = 0
    for path in paths:
        try:
            with http_request(base + path, headers=headers, timeout=TIMEOUT) as response:
                response.read()
            done += 1
        except OSError:
            logger.warning("Re-render of %s failed", path, exc_info=True)
    return done
