"""Keeping the finder's table (``FinderEntry``) in step with the pages."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.models import Page

from .base import BasePage
from .changes import last_updated_dates
from .finder import FinderEntry
from .sections import SectionIndexPage


def _page_types(pages):
    """The content page types among ``pages``, from their content types (one query)."""
    type_ids = pages.order_by().values_list("content_type_id", flat=True).distinct()
    models_ = {ContentType.objects.get_for_id(pk).model_class() for pk in type_ids}
    return [model for model in models_ if model is not None and issubclass(model, BasePage)]


def _sections():
    """{path of a section index: its id}: the pages at depth 3 that are section indexes."""
    return {
        page.path: page.pk
        for page in Page.objects.filter(depth=3).only("path", "content_type")
        if issubclass(page.specific_class or Page, SectionIndexPage)
    }


SUMMARY_LENGTH = 300
#: Pages deeper than a section's own pages (root > home > section > page) are parts.
SERIES_DEPTH = 4


def shorten(text, length=SUMMARY_LENGTH):
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + " …"


def _entries(pages, sections, updates):
    entries = []
    for page in pages:
        section_id = sections.get(page.path[: 3 * Page.steplen])
        if section_id is None:
            continue
        updated = updates.get(page.pk)
        entries.append(
            FinderEntry(
                page_id=page.pk,
                section_id=section_id,
                kind=page.finder_kind(),
                date=page.date,
                updated=updated,
                latest=max(page.date, updated) if updated else page.date,
                summary=shorten(page.search_description or page.summary),
                line=page.card_series()[:250],
            )
        )
    return entries


def refresh(page_ids):
    """Bring the rows of these pages (and their descendants, for a move or unpublish of a
    series) up to date: live pages in a section get a row, others lose theirs."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    paths = set(Page.objects.filter(pk__in=page_ids).values_list("path", flat=True))
    # A part of a series changes its siblings' "Deel n van N": the whole series goes again.
    paths |= {path[: -Page.steplen] for path in paths if len(path) > SERIES_DEPTH * Page.steplen}
    scope = models.Q(pk__in=page_ids)
    for path in paths:
        scope |= models.Q(path__startswith=path)
    _write(Page.objects.filter(scope), delete_ids=page_ids)


def rebuild():
    """Every row again, from the pages; returns the number of rows."""
    return _write(Page.objects.all(), delete_all=True)


def _write(pages, *, delete_ids=(), delete_all=False):
    sections = _sections()
    live = []
    for model in _page_types(pages):
        of_type = list(
            model.objects.live()
            .filter(pk__in=pages.values("pk"))
            .exact_type(model)
            .defer_streamfields()
        )
        model.prepare_cards(of_type)
        live.extend(of_type)
    entries = _entries(live, sections, last_updated_dates([p.pk for p in live]))
    with transaction.atomic():
        if delete_all:
            FinderEntry.objects.all().delete()
        else:
            FinderEntry.objects.filter(
                models.Q(page__in=pages.values("pk")) | models.Q(page_id__in=delete_ids)
            ).delete()
        FinderEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)
