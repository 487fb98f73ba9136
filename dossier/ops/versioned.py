"""Values kept in the cache for one version of the cache tags they depend on.

A value is stored under the current versions of its tags (``dossier.ops.cache_tags``; by default
``site``, which every change to site-wide data purges) and the deploy's code version, so a value
stored under them is never stale. Used for the small site-wide data that every page needs (view
restrictions, sections, settings, menus) and a section's years (tag ``s<id>``). With the cache
unavailable, values are computed from the database as usual.
"""

import logging

from django.core.cache import caches

from .cache_tags import SITE
from .page_cache import version_of

logger = logging.getLogger(__name__)

TIMEOUT = 24 * 60 * 60


#: This process's copies of the values: {name: (versions, value)}, no unpickling on every
#: request. A name's value of older versions is replaced, never the others' at once, so a
#: request never finds half of them gone (the site's root page, say, fetched again).
_memo = {}
MEMO_SIZE = 200


def cache():
    """Small values go to the default cache (whole pages have one of their own)."""
    return caches["default"]


def versioned(name, compute, tags=(SITE,)):
    """``compute()``, stored in the cache under ``name`` and the current versions of ``tags``
    (once for all processes), and kept in this process for those versions. The value is
    shared by every request of the process: treat it as read-only."""
    try:
        version = version_of(tags)
        kept = _memo.get(name)
        if kept is not None and kept[0] == version:
            return kept[1]
        key = f"shared:{version}:{name}"
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
    if len(_memo) >= MEMO_SIZE and name not in _memo:
        _memo.clear()  # names of sites or sections that are gone
    _memo[name] = (version, value)
    return value
