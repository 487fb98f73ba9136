"""Related content for a detail page: editor picks first, then the pages sharing the most
themes and tags (both tables are keyed on ``wagtailcore.Page``, so one query scores them all).
"""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
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


def _count(queryset, column):
    """The number of rows of ``queryset`` for the page of the outer query."""
    return Coalesce(
        Subquery(
            queryset.filter(**{column: OuterRef("pk")})
            .order_by()
            .values(column)
            .annotate(n=Count("*"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def related_pages(page, limit=4):
    """Editor-picked related pages first, then pages sharing the most themes and tags,
    newest first among equals; live and public pages only.

    Two or three queries whatever the size of the dossier: the picks, their pages (when
    there are any), and the best-scored other pages.
    """
    picked = list(
        RelatedPageLink.objects.filter(page_id=page.pk)
        .order_by("sort_order")
        .values_list("target_id", flat=True)
    )
    visible = without_restricted(Page.objects.live()).exclude(pk=page.pk)
    rows = []
    if picked:
        by_pk = {row[0]: row for row in visible.filter(pk__in=picked).values_list(*RELATED_FIELDS)}
        rows = [by_pk[pk] for pk in picked if pk in by_pk]
    if len(rows) < limit:
        tags = TaggedPage.objects.filter(
            tag_id__in=TaggedPage.objects.filter(content_object_id=page.pk).values("tag_id")
        )
        themes = PageTheme.objects.filter(
            theme_id__in=PageTheme.objects.filter(page_id=page.pk).values("theme_id")
        )
        scored = (
            visible.filter(
                Q(pk__in=tags.values("content_object_id")) | Q(pk__in=themes.values("page_id"))
            )
            .exclude(pk__in=picked)
            .annotate(score=_count(tags, "content_object_id") + _count(themes, "page_id"))
            .order_by("-score", F("first_published_at").desc(nulls_last=True), "-pk")
            .values_list(*RELATED_FIELDS)
        )
        rows += list(scored[: limit - len(rows)])
    # Rows rather than page objects: only the few shown become pages.
    return [Page.from_db(Page.objects.db, RELATED_FIELDS, row) for row in rows]
