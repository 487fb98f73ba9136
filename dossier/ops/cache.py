"""A Redis cache that an outage turns into an empty cache instead of a failed request.

Everything cached here can be computed again: rendered pages (dossier/ops/page_cache.py), Wagtail's
site root paths and image renditions, the contribution rate limit. So when Redis cannot be
reached, or answers too slowly, a read is a miss and a write is dropped, the page is rendered
from the database, and one warning is logged.

After a failure the cache stays "open" (every call a miss, without touching the network) for
``RETRY_SECONDS``, so that a Redis that hangs costs one socket timeout per process every few
seconds rather than one per cache call. Set the socket timeouts in OPTIONS (see settings).
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 5.0

# Shared by the cache objects of all threads (Django makes one per thread), per LOCATION.
_unavailable_until: dict[str, float] = {}
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, except that a Redis outage behaves as a miss (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _available(self) -> bool:
        return time.monotonic() >= _unavailable_until.get(self._location, 0.0)

    def _failed(self, operation: str, error: Exception) -> None:
        with _lock:
            already_down = not self._available()
            _unavailable_until[self._location] = time.monotonic() + RETRY_SECONDS
        if not already_down:
            logger.warning(
                "Cache unavailable (%s on %s: %s); serving without it for %.0f s",
                type(error).__name__,
                operation,
                error,
                RETRY_SECONDS,
            )

    def _call(self, operation: str, fallback, *args, **kwargs):
        if not self._available():
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self._failed(operation, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Like Django's backends, the keys that were not stored.
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._call("incr", missing, key, delta, version)
        if value is missing:
            # What every backend says about a key it does not hold.
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return value
