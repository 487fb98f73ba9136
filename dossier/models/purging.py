"""What a change of a page makes stale in the page cache and the proxies in front (its cache
tags, ``dossier.ops.cache_tags``), and the addresses to render again afterwards."""

from django.urls import reverse
from wagtail.models import Page

from ..ops import cache_tags
from ..ops.page_cache import purge
from .snippets import PageTheme

#: Where ``remember_themes`` leaves a page's live themes before a save rewrites them.
THEMES_BEFORE = "_themes_before_save"


def remember_themes(page):
    """Before a save that writes the page's themes (a publish; a draft's save writes only a
    few fields, not its themes): the themes it has now, for ``page_tags``. One query."""
    if page.pk:
        themes = PageTheme.objects.filter(page_id=page.pk).values_list("theme_id", flat=True)
        setattr(page, THEMES_BEFORE, set(themes))


def page_tags(page, *, old_parent=None):
    """What a change of ``page`` touches: (tags, addresses to render again). The tags: the
    page, its section's listings (and, after a move, the old section's), its themes'
    listings, the listings across sections, and the site-wide parts when it is the home page
    or a section index (the menu and breadcrumbs show their titles). The addresses, most read
    first: the home page, the section index, the theme hubs, the page. Three queries."""
    tags = {f"p{page.pk}", cache_tags.ALL}
    # A part of a publication series: the series and its other parts list the parts.
    if getattr(page, "series_id", None):
        tags.add(f"p{page.series_id}")
    steplen = Page.steplen
    if page.depth <= 3:
        tags.add(cache_tags.SITE)
    paths = {page.path[: steplen * 3]} if page.depth >= 3 else set()
    if old_parent is not None and old_parent.depth >= 2:
        paths.add((old_parent.path + "0" * steplen)[: steplen * 3])
    sections = list(Page.objects.filter(path__in=paths).only("pk", "url_path", "depth"))
    tags.update(f"s{section.pk}" for section in sections)
    themes = list(PageTheme.objects.filter(page_id=page.pk).values_list("theme_id", "theme__slug"))
    tags.update(f"th{pk}" for pk, _slug in themes)
    # The themes it had before this publish: their hubs count it no more.
    tags.update(f"th{pk}" for pk in getattr(page, THEMES_BEFORE, ()))
    addresses = ["/"]
    for item in [*sections, page]:
        parts = item.get_url_parts()
        if parts is not None:
            addresses.append(parts[2])
    addresses[-1:-1] = [reverse("theme_detail", args=[slug]) for _pk, slug in themes]
    return tags, addresses


def purge_page(page, **kwargs):
    """Purge what a change of ``page`` touches and render its most-read addresses again."""
    tags, addresses = page_tags(page, **kwargs)
    purge(tags, rerender=addresses)
