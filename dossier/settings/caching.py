"""Settings of the caches: Django's cache, the page cache with its tags, the proxies in front,
read by base.py."""

import os


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value in (None, "") else value.lower() in ("1", "true", "yes", "on")


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


# A shared cache across web processes when REDIS_URL is set, else memory per process.
# A Redis outage is a cache miss, not an error (dossier/ops/cache.py); the short timeouts keep a
# Redis that hangs from holding up requests. Redis is bounded by its own maxmemory (compose:
# 256 MB, least recently used keys go first); local memory by PAGE_CACHE_MAX_ENTRIES entries.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "dossier.ops.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "2000"))},
        }
    }

# The full-page cache for anonymous readers (dossier/ops/page_cache.py): on unless switched off;
# the development server and the tests switch it off unless asked for.
PAGE_CACHE_ENABLED = _flag("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))  # server and proxies
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# The versions of the cache tags (dossier/ops/cache_tags.py): in Redis when it is the cache,
# else one file per tag in this folder (default MEDIA_ROOT/.page-cache-tags), shared by the
# processes of one machine.
PAGE_CACHE_SHARED = bool(os.environ.get("REDIS_URL"))
PAGE_CACHE_TAG_DIR = os.environ.get("PAGE_CACHE_TAG_DIR") or None
# Part of every page cache key: a deploy never serves what older code rendered. The image sets
# it; otherwise it is a digest of the code, templates and static files.
CODE_VERSION = os.environ.get("CODE_VERSION", "")

# Caching proxies (Varnish with varnish/dossier.vcl) that cache pages by their cache tags: a
# change sends `PURGE /` with the tags it touches in `xkey-purge` to each of these addresses.
CACHE_PURGE_URLS = _list("CACHE_PURGE_URLS")
CACHE_PURGE_TIMEOUT = 2
# After a publish, the purged addresses that readers ask for most are rendered again through
# this address (the proxy in front, or the site itself) by the "cache" task queue, so that the
# next reader finds them cached. Unset: no re-rendering.
CACHE_WARM_URL = os.environ.get("CACHE_WARM_URL", "")

# A CDN that purges by address rather than by tag: publishing and unpublishing purge the page
# and the lists that show it there (dossier/ops/page_cache.py purge_cdn, through
# wagtail.contrib.frontend_cache's backends).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
elif os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
        }
    }
