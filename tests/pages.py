"""Build dossier pages in tests: published by default, under the demo's section indexes."""

import itertools
from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from dossier.models import Theme
from news.models import NewsIndexPage, NewsPage
from opinion.models import BlogPage, OpinionIndexPage
from projects.models import EventPage, ProjectIndexPage, ProjectPage
from publications.models import PublicationIndexPage, PublicationPage
from sources.models import SourceIndexPage, SourcePage

_counter = itertools.count(1)


def _add(parent, page, *, live=True, themes=(), tags=()):
    page.slug = page.slug or f"test-{next(_counter)}"
    page.intro = page.intro or "Een korte inleiding voor de test."
    if themes:
        page.themes = [Theme.objects.get(slug=slug) for slug in themes]
    for tag in tags:
        page.tags.add(tag)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


def news(title="Testbericht", *, when=None, kind="nieuws", **options):
    index = NewsIndexPage.objects.get()
    page = NewsPage(title=title, kind=kind, date=when or date(2024, 5, 1))
    return _add(index, page, **options)


def blog(title="Testblog", *, when=None, **options):
    page = BlogPage(title=title, date=when or date(2024, 5, 1))
    return _add(OpinionIndexPage.objects.get(), page, **options)


def project(title="Testproject", *, status="lopend", when=None, **options):
    page = ProjectPage(title=title, status=status, date=when or date(2024, 5, 1))
    return _add(ProjectIndexPage.objects.get(), page, **options)


def event(title="Testbijeenkomst", *, days_from_now=30, **options):
    start = timezone.now() + timedelta(days=days_from_now)
    page = EventPage(
        title=title, start=start, end=start + timedelta(hours=3), location_name="Utrecht"
    )
    return _add(ProjectIndexPage.objects.get(), page, **options)


def publication(title="Testpublicatie", *, kind="rapport", when=None, parent=None, **options):
    page = PublicationPage(
        title=title,
        kind=kind,
        date=when or date(2024, 5, 1),
        external_url="https://example.org/rapport",
        part_number=options.pop("part_number", None),
    )
    return _add(parent or PublicationIndexPage.objects.get(), page, **options)


def source(title="Testbron", *, kind="website", when=None, **options):
    page = SourcePage(
        title=title,
        kind=kind,
        link_url="https://example.org/",
        why_read="Omdat het helpt.",
        date=when or date(2024, 5, 1),
    )
    return _add(SourceIndexPage.objects.get(), page, **options)


def make_private(page):
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=page.pk), restriction_type=PageViewRestriction.LOGIN
    )
    return page
