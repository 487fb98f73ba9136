"""Related content for a detail page: editor picks first, then the pages sharing the most
themes and tags (both tables are keyed on ``wagtailcore.Page``)."""

import logging

from django.db import connection
from django.db.models import Count
from wagtail.models import Page

from ..ops import cache_tags
from ..ops.page_cache import content_version
from ..ops.versioned import cache
from .shared import without_restricted
from .snippets import PageTheme, RelatedPageLink, TaggedPage

logger = logging.getLogger(__name__)

#: What a related-content link needs of a page: its title, address and type, in the order
#: of the model's fields (as ``Model.from_db`` takes them; id first).
RELATED_FIELDS = tuple(
    field.attname
    for field in Page._meta.concrete_fields
    if field.attname in {"id", "title", "url_path", "content_type_id", "first_published_at"}
)
#: How many of the best-scored pages are fetched to choose from.
CANDIDATES = 50
#: How long a page's ranking of related pages is kept (see ``ranking``).
RANKING_SECONDS = 60 * 60


def shared_counts(page, limit=CANDIDATES):
    """{id of another page: how many tags and themes it shares with ``page``} for the
    ``limit`` pages that share the most (the higher id among equals, usually the newer page):
    counted, added up and ranked by the database in one query (``UNION ALL`` of the grouped
    counts per table, summed per page), so that only ``limit`` rows reach Python however
    many pages share a theme."""
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
    union = by_tag.union(by_theme, all=True)
    sql, params = union.query.sql_with_params()
    # The union's columns are named after its first part: content_object_id and n.
    ranked = (
        f"SELECT shared.content_object_id, SUM(shared.n) FROM ({sql}) shared "  # noqa: S608 (the ORM's SQL, values as parameters)
        "WHERE shared.content_object_id <> %s GROUP BY shared.content_object_id "
        "ORDER BY SUM(shared.n) DESC, shared.content_object_id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(ranked, [*params, page.pk, limit])
        return {page_id: int(shared) for page_id, shared in cursor.fetchall()}


def ranking(page):
    """(ids of the editor's picks in order, {id: shared tags and themes} of the best-scored
    others) for ``page``: two queries, kept in the cache for ``RANKING_SECONDS`` per revision
    of the page and content version. Which of them are shown is decided afresh on every
    render (live and public pages only), so an unpublished page leaves "Lees ook" at once; a
    new page that shares themes joins it within ``RANKING_SECONDS``, or at once when the page
    is published again. Not kept for a page with a draft (a preview shows the draft's tags)."""

    def compute():
        picked = list(
            RelatedPageLink.objects.filter(page_id=page.pk)
            .order_by("sort_order")
            .values_list("target_id", flat=True)
        )
        return picked, shared_counts(page)

    if page.pk is None or page.has_unpublished_changes or not page.live:
        return compute()
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    key = f"related:{content_version()}:{page.pk}:{page.live_revision_id}:{published}"
    try:
        kept = cache().get(key)
    except Exception:
        logger.warning("'Lees ook' ranked afresh: the cache is unavailable", exc_info=True)
        return compute()
    if kept is None:
        kept = compute()
        try:
            cache().set(key, kept, timeout=RANKING_SECONDS)
        except Exception:
            logger.warning("'Lees ook' ranking not cached", exc_info=True)
    return kept


def related_pages(page, limit=4):
    """Editor-picked related pages first, then the pages sharing the most themes and tags,
    newest first among equals; live and public pages only.

    Three queries whatever the size of the dossier, one when the ranking is kept (see
    ``ranking``): the picks, the shared tags and themes (counted and ranked by the database,
    in one query), and the live, public pages among the picks and the ``CANDIDATES``
    best-scored others, as rows: only the few shown become page objects.
    """
    picked, scores = ranking(page)
    candidates = list(scores)
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
