"""A full-page cache for anonymous readers, invalidated by tag: only what a change touches.

Readers' GET and HEAD requests are answered from Django's cache framework (local memory per
process, or the shared Redis cache when ``REDIS_URL`` is set). Each cached response remembers
the tags of what it shows (``dossier.ops.cache_tags``: its page, the pages on its cards and in
"Lees ook", the section or theme it lists, the site-wide parts) and their versions; a change
gives new versions to the tags it touches (``purge``), so exactly the responses that show it are
rendered afresh, and the same tags reach a caching proxy in front (the ``xkey`` header, and a
PURGE to CACHE_PURGE_URLS). After a publish a queued task renders the most-read affected
addresses again (``dossier.ops.rerender``), so that readers find them cached.

Keys: the deploy's code version, the host, the path and only the query parameters that the
page reads (``cache_tags.reads_params``), in a fixed order. A request with other parameters is
served the page without them (marked ``X-Page-Cache-Key: noncanonical``, which the proxy does
not store); a page that declares no parameters is not cached with any. Entries hold the body
and its gzip: a reader whose browser accepts gzip gets the compressed copy. Only these cacheable
responses are compressed, never one that sets a cookie or carries an editor's data (BREACH).

Never cached: logged-in editors (a session cookie), the admin and previews, POSTs, responses
that set a cookie or say private/no-store (the forms), and anything but 200.
"""

import gzip
import hashlib
import logging
import os
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode

from . import cache_tags
from .rerender import rerender

logger = logging.getLogger(__name__)

STATUS_HEADER = "X-Page-Cache"
KEY_HEADER = "X-Page-Cache-Key"
TAGS_HEADER = "xkey"
# The admin (and its previews) is never looked up in the page cache. Everything else is decided
# by the response: the contribution form says no-store and sets its CSRF cookie, documents
# stream, restricted ones redirect, so none of them is stored.
BYPASS_PREFIXES = ("/admin/",)
#: Folders of data, not code, left out of the code version.
SKIPPED_FOLDERS = {
    "media",
    "private-media",
    "staticfiles",
    "backups",
    "node_modules",
    "__pycache__",
    "tests",
}
#: What the code version is made of when CODE_VERSION is not set.
CODE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".xsl", ".css", ".js", ".svg")


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


@memoize
def code_version() -> str:
    """The deploy's code version: CODE_VERSION (the image sets it), else a digest of the
    project's code, templates and static files (names, sizes and times), read once."""
    if settings.CODE_VERSION:
        return settings.CODE_VERSION
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder, folders, files in os.walk(base):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        for name in sorted(files):
            if name.endswith(CODE_SUFFIXES):
                path = Path(folder, name)
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(base)}:{stat.st_size}:{stat.st_mtime_ns};".encode()
                )
    return digest.hexdigest()[:12]


def content_version() -> str:
    """The version of the site-wide data (menus, settings, themes, view restrictions) and of
    the code: what a value shared by every page may be keyed on."""
    return version_of([cache_tags.SITE])


def version_of(tags) -> str:
    """One string for the current versions of ``tags`` and the code version."""
    versions = cache_tags.versions(tags)
    return ".".join([code_version(), *(versions.get(tag, "-") for tag in tags)])


# Purging


def purge(tags, rerender=()):
    """Make what shows ``tags`` stale, in this site's cache and in the proxies in front, now
    and again when the transaction commits (a reader rendering in between would otherwise
    store the old content under the new versions); then queue a render of the ``rerender``
    addresses, so that readers find them cached."""
    tags = set(tags)
    _purge_now(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: (_purge_now(tags), _queue_rerender(rerender)))
    else:
        _queue_rerender(rerender)


def _purge_now(tags):
    try:
        cache_tags.bump(tags)
    except Exception:
        logger.warning(
            "Page cache tags %s not purged: the cache is unavailable", tags, exc_info=True
        )
    cache_tags.purge_proxies(tags)


def _queue_rerender(urls):
    if urls and settings.CACHE_WARM_URL:
        try:
            rerender.enqueue(list(dict.fromkeys(urls)))
        except Exception:
            logger.warning("Re-render of %s not queued", urls, exc_info=True)


def invalidate(**kwargs) -> None:
    """Make every cached page stale (every response carries ``site``); a signal receiver,
    hence ``**kwargs``. Also when this process does not use the cache itself: a command or a
    shell may change what servers show."""
    purge([cache_tags.SITE])


def purge_cdn(instance, **kwargs) -> None:
    """Purge a published or unpublished page by address from a CDN in front of the site that
    cannot purge by tag, with the pages that list it: its section index and feed, the home
    page, the site feed, its theme hubs and their feeds, and the sitemap. Only when
    ``WAGTAILFRONTENDCACHE`` is configured (see settings: FRONTEND_CACHE_PURGE_URL or
    Cloudflare); through Wagtail's frontend_cache backends. Other changes reach the CDN within
    PAGE_CACHE_SECONDS. Varnish is purged by tag (CACHE_PURGE_URLS)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from django.urls import reverse
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    page = instance.specific
    site = page.get_site()
    if site is None:
        return
    root_url = site.root_url
    batch = PurgeBatch()
    batch.add_page(page)
    lists = Page.objects.filter(path__in=[page.path[: page.steplen * d] for d in (2, 3)])
    batch.add_pages(lists.specific())
    urls = [reverse("site_feed"), reverse("sitemap")]
    for theme in getattr(page, "themes", []):
        urls += [
            reverse("theme_detail", args=[theme.slug]),
            reverse("theme_feed", args=[theme.slug]),
        ]
    batch.add_urls([root_url + url for url in urls])
    try:
        batch.purge()
    except Exception:
        logger.warning("CDN purge failed for page %s", page.pk, exc_info=True)


# Serving


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _params_key(request) -> str:
    return f"page-cache:{code_version()}:params:{_digest(request.get_host() + request.path)}"


def _canonical_query(request, params):
    """The query string of the parameters the page reads, in a fixed order; and whether the
    request had others."""
    pairs = [(name, value) for name in params for value in request.GET.getlist(name)]
    other = any(name not in params for name in request.GET)
    return urlencode(pairs), other


def _entry_key(request, query) -> str:
    address = f"{request.get_host()}{request.path}?{query}"
    return f"page-cache:{code_version()}:{request.method == 'HEAD'}:{_digest(address)}"


def _bypass(request) -> bool:
    return (
        not settings.PAGE_CACHE_ENABLED
        or request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or request.path.startswith(BYPASS_PREFIXES)
    )


def _cacheable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


def _from_entry(request, entry, status):
    code, headers, content, compressed, _versions = entry
    gzipped = compressed is not None and _accepts_gzip(request)
    response = HttpResponse(compressed if gzipped else content, status=code)
    for name, value in headers:
        response[name] = value
    # The stored headers carry the length of the uncompressed content.
    response["Content-Length"] = str(len(response.content))
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response[STATUS_HEADER] = status
    return response


def _fresh(entry) -> bool:
    stored = entry[4]
    return bool(stored) and cache_tags.versions(list(stored)) == stored


class PageCacheMiddleware:
    """Serve and store anonymous pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = cache_tags.start()
        try:
            if _bypass(request):
                return self.get_response(request)
            return self._serve(request)
        finally:
            cache_tags.stop(token)

    def _serve(self, request):
        try:
            params = cache().get(_params_key(request)) if request.GET else ()
            if params is not None and params is not False:
                query, other = _canonical_query(request, params)
                entry = cache().get(_entry_key(request, query))
                if entry is not None and _fresh(entry):
                    return _mark(_from_entry(request, entry, "hit"), other)
        except Exception:
            logger.warning("Page cache skipped: the cache is unavailable", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        if not _cacheable(response):
            return response
        declared = cache_tags.current().params
        if request.GET and params is None:
            # The first request for this address with parameters: remember which the page
            # reads (False: it declares none, so none of its variants is stored).
            _remember_params(request, declared)
        if request.GET and declared is None:
            response[STATUS_HEADER] = "pass"
            return _mark(response, True)
        query, other = _canonical_query(request, declared or ())
        return _mark(_store(request, response, _entry_key(request, query)), other)


def _remember_params(request, declared):
    try:
        cache().set(
            _params_key(request),
            declared if declared is not None else False,
            timeout=settings.PAGE_CACHE_SECONDS,
        )
    except Exception:
        logger.warning("Page parameters not cached", exc_info=True)


def _store(request, response, key):
    """Store a rendered response under ``key`` with its tags' versions; return what the
    reader gets (the same as a later hit)."""
    tags = cache_tags.response_tags(cache_tags.current())
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
        s_maxage=settings.PAGE_CACHE_SECONDS,
    )
    content = response.content
    compressed = gzip.compress(content, compresslevel=6, mtime=0) if content else None
    # Stored with the entry, so that a hit sends them as they are.
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"] if compressed else ["Cookie"])
    response[TAGS_HEADER] = " ".join(sorted(tags))
    headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
    entry = (response.status_code, headers, content, compressed, {})
    try:
        versions = cache_tags.versions(sorted(tags))
        # Stored only under known versions of all its tags: else no purge could reach it.
        if len(versions) == len(tags):
            entry = (*entry[:4], versions)
            cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Page not cached: the cache is unavailable", exc_info=True)
    return _from_entry(request, entry, "miss")


def _mark(response, other):
    """A request with parameters the page does not read: served the page without them,
    which a proxy must not store under this address."""
    if other:
        response[KEY_HEADER] = "noncanonical"
    return response
