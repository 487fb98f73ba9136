"""Related content for a detail page: editor picks first, then the pages sharing the most
themes and tags (both tables are keyed on ``wagtailcore.Page``)."""

import heapq
from collections import Counter

from django.db.models import Count
from wagtail.models import Page

from ..ops import cache_tags
from .shared import without_restricted
from .snippets import PageTheme, RelatedPageLink, TaggedPage

#: What a related-content link needs of a page: its title, address and type, in the order
#: of the model's fields (as ``Model.from_db`` takes them; id first).
RELATED_FIELDS = tuple(
    field.attname
    for field in Page._meta.concrete_fields
    if field.attname in {"id", "title", "url_path", "content_type_id", "first_published_at"}
)
#: How many of the best-scored pages are fetched to choose from.
CANDIDATES = 50


def shared_counts(page):
    """{id of another page: how many tags and themes it shares with ``page``}, counted by
    the database per table, both in one query (``UNION ALL`` of the two grouped counts)."""
    own_tags = TaggedPage.objects.filter(content_object_id=page.pk).values("tag_id")
    own_themes = PageTheme.objects.filter(page_id=page.pk).values("theme_id")
    by_tag = (
        TaggedPage.objects.filter(tag_id__in=own_tags)
        .order_by()
        .values_list("content_object_id")
        .annotate(n=Count("*"))
    )
    by_theme = (
        PageTheme.objects.filter(theme_id__in=own_themes)
        .order_by()
        .values_list("page_id")
        .annotate(n=Count("*"))
    )
    counts = Counter()
    for page_id, shared in by_tag.union(by_theme, all=True):
        counts[page_id] += shared
    counts.pop(page.pk, None)
    return counts


def related_pages(page, limit=4):
    """Editor-picked related pages first, then the pages sharing the most themes and tags,
    newest first among equals; live and public pages only.

    Three queries whatever the size of the dossier: the picks, the shared tags and themes
    (counted per page by the database, in one query), and the live, public pages among the
    picks and the ``CANDIDATES`` best-scored others, as rows: only the few shown become page
    objects.
    """
    picked = list(
        RelatedPageLink.objects.filter(page_id=page.pk)
        .order_by("sort_order")
        .values_list("target_id", flat=True)
    )
    scores = shared_counts(page)
    # Among equal scores the higher id, usually the newer page, is kept.
    candidates = heapq.nlargest(CANDIDATES, scores, key=lambda pk: (scores[pk], pk))
    published = RELATED_FIELDS.index("first_published_at")
    rows = {
        row[0]: row
        for row in without_restricted(Page.objects.live())
        .filter(pk__in=[*picked, *candidates])
        .exclude(pk=page.pk)
        .values_list(*RELATED_FIELDS)
    }
    ordered = [rows[pk] for pk in picked if pk in rows]
    rest = sorted(
        (row for pk, row in rows.items() if pk not in picked),
        key=lambda row: (
            -scores[row[0]],
            -(row[published].timestamp() if row[published] else 0),
            -row[0],
        ),
    )
    shown = [Page.from_db(Page.objects.db, RELATED_FIELDS, row) for row in (ordered + rest)[:limit]]
    cache_tags.shows_pages(shown)
    return shown
