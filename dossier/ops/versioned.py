"""Values kept in the cache for one content version of the site.

The page cache's content version (``page_cache.content_version``) rises with every change that
readers can see, so a value stored under that version is never stale. Used for the small
site-wide data that every page needs (view restrictions, sections, settings, menus).
With the cache unavailable, values are computed from the database as usual.
"""

import logging

from .page_cache import cache, content_version

logger = logging.getLogger(__name__)

TIMEOUT = 24 * 60 * 60


#: This process's copies of the current version's values: no unpickling on every request.
_memo = {}
MEMO_SIZE = 100


def versioned(name, compute):
    """``compute()``, stored in the cache under ``name`` and the current content version
    (once for all processes), and kept in this process for that version. The value is
    shared by every request of the process: treat it as read-only."""
    try:
        prefix = f"shared:{content_version()}:"
        key = prefix + name
        if key in _memo:
            return _memo[key]
        value = cache().get(key)
    except Exception:
        logger.warning("Shared data %s computed: the cache is unavailable", name, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache().set(key, value, timeout=TIMEOUT)
        except Exception:
            logger.warning("Shared data %s not cached", name, exc_info=True)
    if len(_memo) >= MEMO_SIZE:
        # The values of older versions go; the current version's stay, so that a request
        # never finds half of them gone (the site's root page, say, fetched again).
        for old in [name for name in _memo if not name.startswith(prefix)]:
            del _memo[old]
        if len(_memo) >= MEMO_SIZE:
            _memo.clear()
    _memo[key] = value
    return value
