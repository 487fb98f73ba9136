"""A full-page cache for anonymous readers, invalidated whenever published content changes.

Readers' GET and HEAD requests are answered from Django's cache framework (local memory per
process, or the shared Redis cache when ``REDIS_URL`` is set). Cached entries carry a site-wide
content version: publishing, unpublishing, moving or deleting a page, or changing a theme, a
person, an organisation, the site settings or a view restriction, raises the version, so every
page that could show the change (the page, its section index and feeds, the home page, theme
hubs, the sitemap, search) is rendered afresh on its next request. Editors publish a few times a
day; a render costs tens of milliseconds, so coarse invalidation is cheap and cannot miss a page.

Never cached: logged-in editors (a session cookie), the admin and previews, POSTs, responses
that set a cookie or say private/no-store (the contribution form), and anything but 200.
"""

import hashlib
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
STATUS_HEADER = "X-Page-Cache"
# The admin (and its previews) is never looked up in the page cache. Everything else is decided
# by the response: the contribution form says no-store and sets its CSRF cookie, documents
# stream, restricted ones redirect, so none of them is stored.
BYPASS_PREFIXES = ("/admin/",)


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _stamp_file() -> Path:
    return Path(settings.PAGE_CACHE_STAMP_FILE)


def content_version() -> str:
    """The version in the cache (shared through Redis across machines) and the time of a
    stamp file (shared across the processes of one machine, whose local-memory caches each
    keep their own version)."""
    version = cache().get(VERSION_KEY)
    if version is None:
        cache().add(VERSION_KEY, 1, timeout=None)
        version = cache().get(VERSION_KEY) or 1
    try:
        stamp = _stamp_file().stat().st_mtime_ns
    except OSError:
        stamp = 0
    return f"{version}.{stamp}"


def invalidate(**kwargs) -> None:
    """Make every cached page stale (a signal receiver, hence ``**kwargs``). Also when this
    process does not use the cache itself: a command or a shell may change what servers show."""
    try:
        stamp = _stamp_file()
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(str(time.time_ns()))
    except OSError:
        logger.warning("Page cache stamp %s not written", settings.PAGE_CACHE_STAMP_FILE)
    try:
        if cache().add(VERSION_KEY, 2, timeout=None) is False:
            cache().incr(VERSION_KEY)
    except Exception:
        logger.warning("Page cache not invalidated: the cache is unavailable", exc_info=True)


def purge_cdn(instance, **kwargs) -> None:
    """Purge a published or unpublished page from a CDN (or Varnish) in front of the site,
    with the pages that list it: its section index and feed, the home page, the site feed,
    its theme hubs and their feeds, and the sitemap. Only when ``WAGTAILFRONTENDCACHE`` is
    configured (see settings: FRONTEND_CACHE_PURGE_URL or Cloudflare); through Wagtail's
    frontend_cache backends. Other changes reach the CDN within PAGE_CACHE_SECONDS."""
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


def _key(request, version) -> str:
    digest = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page-cache:{version}:{request.method == 'HEAD'}:{digest}"


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
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class PageCacheMiddleware:
    """Serve and store anonymous pages (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _bypass(request):
            return self.get_response(request)
        try:
            key = _key(request, content_version())
            entry = cache().get(key)
        except Exception:
            logger.warning("Page cache skipped: the cache is unavailable", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if not _cacheable(response):
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
        )
        patch_vary_headers(response, ["Cookie"])
        headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
        try:
            cache().set(
                key,
                (response.status_code, headers, response.content),
                timeout=settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("Page not cached: the cache is unavailable", exc_info=True)
        response[STATUS_HEADER] = "miss"
        return response
