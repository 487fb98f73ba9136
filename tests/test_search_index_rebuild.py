"""Rebuilding the search index (``manage.py update_index``): what a page's search fields read
through its relations (themes, tags, authors, publisher) comes in a few queries per chunk of
pages, not a query per theme and author, and the index still holds every word."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.rich_text import RichText

from dossier.models import PageAuthor, Person, Theme
from publications.models import PublicationPage
from tests import pages

pytestmark = pytest.mark.django_db


def _authored_pages(count, start=0):
    """``count`` blogs and publications, each with two themes, a tag and an author."""
    themes = list(Theme.objects.order_by("pk").values_list("slug", flat=True)[:2])
    people = list(Person.objects.order_by("pk")[:3])
    made = []
    for n in range(start, start + count):
        for make in (pages.blog, pages.publication):
            page = make(f"Herindex {n}", themes=themes, tags=[f"herindex-{n}"])
            PageAuthor.objects.create(page=page, person=people[n % len(people)], sort_order=0)
            made.append(page)
    return made


def _rebuild_queries():
    with CaptureQueriesContext(connection) as captured:
        call_command("update_index", verbosity=0)
    return len(captured)


def test_rebuild_takes_no_query_per_page():
    _authored_pages(2)
    _rebuild_queries()  # per-process caches (content types) filled
    few = _rebuild_queries()
    _authored_pages(6, start=2)
    assert _rebuild_queries() == few


def test_rebuilt_index_holds_related_names_and_body_words():
    person = Person.objects.create(name="Wilhelmina Zwartkruis")
    theme = Theme.objects.order_by("pk").first()
    page = pages.publication("Rapport over sluizen", themes=[theme.slug], tags=["stuwdammen"])
    PageAuthor.objects.create(page=page, person=person, sort_order=0)
    page.body = [("paragraph", RichText("<p>Over de <b>getijdenmolen</b> van Terneuzen.</p>"))]
    page.save()
    call_command("update_index", verbosity=0)

    def found(words):
        return {p.pk for p in Page.objects.live().search(words, operator="and")}

    for words in ("Zwartkruis", theme.name, "stuwdammen", "getijdenmolen", "sluizen"):
        assert page.pk in found(words), words


def test_a_new_body_on_the_same_page_object_is_indexed_again():
    page = pages.publication("Rapport over bruggen")
    page.body = [("paragraph", RichText("<p>Eerst over de ophaalbrugwachter.</p>"))]
    page.save()
    page.body = [("paragraph", RichText("<p>Nu over de draaibrugsleutel.</p>"))]
    page.save()

    def titles(word):
        return [p.title for p in PublicationPage.objects.live().search(word)]

    assert titles("draaibrugsleutel") == ["Rapport over bruggen"]
    assert titles("ophaalbrugwachter") == []
