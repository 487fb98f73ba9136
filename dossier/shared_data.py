"""Small site-wide data that every page needs, kept in the cache for one content version.

The view restrictions, the sections, the site settings, the main navigation and the footer
change only when an editor publishes, moves or restricts a page or saves the site settings.
Those same changes raise the page cache's content version (``dossier.page_cache``), so data
stored under that version is never stale and costs no query on the next page that renders it.
With the cache unavailable, everything is computed from the database as usual.
"""

import logging

from django.db.models import Q

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
        key = f"shared:{content_version()}:{name}"
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


def dossier_settings(site):
    """The site settings (publisher, contact, footer) of ``site``."""
    from .models import DossierSettings

    return versioned(f"settings:{site.pk}", lambda: DossierSettings.for_site(site))


def themes():
    """Every theme, by name (the filters, the home page, search and the theme list)."""
    from .models import Theme

    return versioned("themes", lambda: list(Theme.objects.all()))


def view_restrictions():
    """[(path of the restricted page, restriction id)] of every view restriction."""
    from wagtail.models import PageViewRestriction

    return versioned(
        "view-restrictions",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "pk")),
    )


def public(queryset):
    """``queryset.public()``: without the pages under a view restriction, which Wagtail's
    own ``public()`` looks up with a query each time it is used."""
    paths = {path for path, _pk in view_restrictions()}
    if not paths:
        return queryset
    hidden = Q()
    for path in paths:
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden)


class CachedViewRestrictionsMixin:
    """Pages check their view restrictions (Wagtail does on every serve) without a query
    when none applies; an alias keeps Wagtail's own check."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id:
            return super().get_view_restrictions()
        ids = [pk for path, pk in view_restrictions() if self.path.startswith(path)]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
