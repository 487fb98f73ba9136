"""Fragments of pages kept as HTML in the cache: listing cards, home page teasers and "Lees
ook" items, each rendered once per revision of its page and reused by every list that shows it
(section indexes, theme hubs, the home page); and the fields of a section index's filter form.

Every card, teaser and related item on the site goes through one function of this module:
``render_cards`` for cards and teasers, ``render_related`` for "Lees ook". What a list shows
of a page is decided here, so a cache tag per page shown can be recorded here as well.

A fragment is kept in the cache (``caches["default"]``) under a key made of:

- the page's revision: its id, live revision, time of last publication and URL path (a
  publish or a move makes a new key; a card made from a draft is never stored);
- ``card_key()`` of the page: what its card shows of other pages (the number of parts of
  a series, the series of a part);
- the variant (``card`` with its heading and image, or ``teaser``);
- ``page_cache.content_version()``: site-wide data that a card shows without being part of
  the page's revision (people's and organisations' names) and the deploy's code version.

A list costs one ``get_many`` and, for the cards not yet kept, one ``set_many``; the cards'
image renditions are fetched for those cards only.
"""

import hashlib
import logging

from django.core.cache import caches
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.models import Site

from .models import CARD_IMAGE_RENDITIONS, BasePage
from .ops import cache_tags
from .ops.page_cache import content_version
from .ops.versioned import TIMEOUT

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
CARD_TEMPLATE = "components/card.html"
TEASER_TEMPLATE = "components/teaser.html"
HEADINGS = ("h2", "h3")


def cache():
    return caches[CACHE_ALIAS]


def page_kind(page):
    """The page type's name as readers see it: 'nieuwsbericht', 'blog', 'bijeenkomst'."""
    return page.specific_class._meta.verbose_name if page.specific_class else ""


def card_data(page):
    """What a card shows of ``page`` besides title and summary (``BasePage.card``); a page
    of another type (a featured standard page) shows its type's name."""
    if isinstance(page, BasePage):
        return page.card
    return {"kind": capfirst(page_kind(page)), "event": None, "bylines": []}


def revision_key(page):
    """What changes whenever what readers see of ``page`` itself changes: its id, its live
    revision, its last publication, its address and what its card shows of other pages; None
    for a page shown from a draft (a preview), which is never stored."""
    if page.pk is None or getattr(page, "is_preview", False) or not page.live:
        return None
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    extra = page.card_key() if isinstance(page, BasePage) else ()
    own = f"{page.live_revision_id}:{published}:{page.url_path}:{extra!r}"
    return f"{page.pk}:{hashlib.sha256(own.encode()).hexdigest()[:20]}"


def _keys(pages, variant, request):
    # A page of another site than the request's is linked with its full address.
    site = Site.find_for_request(request) if request is not None else None
    version = f"{content_version()}:{site.pk if site else ''}"
    keys = []
    for page in pages:
        own = revision_key(page)
        keys.append(None if own is None else f"fragment:{version}:{variant}:{own}")
    return keys


def _cached(keys):
    wanted = [key for key in keys if key is not None]
    if not wanted:
        return {}
    try:
        return cache().get_many(wanted)
    except Exception:
        logger.warning("Card fragments rendered: the cache is unavailable", exc_info=True)
        return {}


def _store(values):
    if not values:
        return
    try:
        cache().set_many(values, timeout=TIMEOUT)
    except Exception:
        logger.warning("Card fragments not cached", exc_info=True)


def render_cards(pages, request=None, *, heading="h2", show_image=True, teaser=False):
    """The HTML of a card (or, with ``teaser``, a home page teaser line) for each of
    ``pages``, in order: [SafeString]. Cards kept in the cache are not rendered again; the
    image renditions are fetched for the others only. The one way the site shows a card."""
    pages = list(pages)
    if heading not in HEADINGS:
        raise ValueError(f"heading must be one of {HEADINGS}")
    # The response showing the cards is stale when one of their pages changes.
    cache_tags.shows_pages(pages)
    variant = "teaser" if teaser else f"card-{heading}-{int(bool(show_image))}"
    # What the cards show of other pages (a series' parts): part of their keys.
    for model in {type(page) for page in pages if isinstance(page, BasePage)}:
        model.prepare_cards([page for page in pages if type(page) is model])
    keys = _keys(pages, variant, request)
    found = _cached(keys)
    missing = [page for page, key in zip(pages, keys, strict=True) if key not in found]
    if missing and show_image and not teaser:
        with_images = [page for page in missing if getattr(page, "card_image", None)]
        prefetch_related_objects(with_images, *CARD_IMAGE_RENDITIONS)
    template = get_template(TEASER_TEMPLATE if teaser else CARD_TEMPLATE)
    html, fresh = [], {}
    for page, key in zip(pages, keys, strict=True):
        if key in found:
            html.append(mark_safe(found[key]))  # noqa: S308 (rendered by us)
            continue
        context = {
            "item": page,
            "card": card_data(page),
            "heading": heading,
            "show_image": show_image,
        }
        fragment = template.render(context, request).strip()
        if key is not None:
            fresh[key] = fragment
        html.append(mark_safe(fragment))  # noqa: S308 (an autoescaped template)
    _store(fresh)
    return html


def render_related(pages, request=None):
    """The items of a "Lees ook" list (``related.related_pages``): one ``<li>`` per page with
    its type and title. The one way the site shows a related item."""
    return format_html_join(
        "\n",
        '<li><span class="related__kind">{}</span> <a href="{}">{}</a></li>',
        ((capfirst(page_kind(page)), page.get_url(request), page.title) for page in pages),
    )


FILTER_FIELDS_TEMPLATE = "components/filter_fields.html"
#: Fields of the filter form that its fields' fragment does not show (a hidden input).
FILTER_FIELDS_NOT_SHOWN = ("tag",)


def render_filter_fields(form):
    """The fields of a section index's filter form (``listing.FilterForm``) as HTML, kept in
    the cache under everything they show: each field's choices (themes, years, kinds) and
    the value the reader gave it, and the content version (the code's version)."""
    names = [name for name in form.fields if name not in FILTER_FIELDS_NOT_SHOWN]
    # Only valid values are kept: made-up ones do not grow the cache.
    valid = not any(name in form.errors for name in names)
    key = None
    if valid:
        shown = [
            (name, getattr(form.fields[name], "choices", None), form.data.get(name))
            for name in names
        ]
        digest = hashlib.sha256(repr(shown).encode()).hexdigest()
        key = f"fragment:{content_version()}:filter-fields:{digest}"
    html = _cached([key]).get(key)
    if html is None:
        html = get_template(FILTER_FIELDS_TEMPLATE).render({"filter_form": form}).strip()
        if key is not None:
            _store({key: html})
    return mark_safe(html)  # noqa: S308 (an autoescaped template)
