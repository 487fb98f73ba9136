"""Related content for a detail page: editor picks first, then the pages sharing the most
themes and tags (both tables are keyed on ``wagtailcore.Page``)."""

from django.db import connection
from django.db.models import Count
from wagtail.models import Page

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
    return [Page.from_db(Page.objects.db, RELATED_FIELDS, row) for row in (ordered + rest)[:limit]]
