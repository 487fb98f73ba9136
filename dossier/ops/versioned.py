"""Values kept in the cache for one version of the cache tags they depend on.

A value is stored under the current versions of its tags (``dossier.ops.cache_tags``; by default
``site``, which every change to site-wide data purges) and the deploy's code version, so a value
stored under them is never stale. Used for the small site-wide data that every page needs (view
restrictions, sections, settings, menus) and a section's years (tag ``s<id>``). With the cache
unavailable, values are computed from the database as usual.
"""

import logging

from .cache_tags import SITE
from .page_cache import cache, version_of

logger = logging.getLogger(__name__)

TIMEOUT = 24 * 60 * 60


#: This process's copies of the current version's values: no unpickling on every request.
_memo = {}
MEMO_SIZE = 100


def versioned(name, compute, tags=(SITE,)):
    """``compute()``, stored in the cache under ``name`` and the current versions of ``tags``
    (once for all processes), and kept in this process for those versions. The value is
    shared by every request of the process: treat it as read-only."""
    try:
        key = f"shared:{version_of(tags)}:{name}"
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
        _memo.clear()  # values of older versions
    _memo[key] = value
    return value
