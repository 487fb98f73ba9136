"""The page explorer lists each section's pages with their date (Wagtail's PageViewSet for the
page type a section index lists), sortable, next to Wagtail's own columns."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.formats import date_format

from dossier.models import DossierHomePage
from news.models import NewsIndexPage, NewsPage
from opinion.models import OpinionIndexPage
from projects.models import ProjectIndexPage
from publications.models import PublicationIndexPage, PublicationPage
from sources.models import SourceIndexPage
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "wachtwoord")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def explorer(client, page, query=""):
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]) + query)
    assert response.status_code == 200
    return response


def listing_table(response) -> str:
    html = response.content.decode()
    start = html.index('<table class="listing')
    return html[start : html.index("</table>", start)]


def column_labels(response):
    return [text for text in texts(find_all(listing_table(response), "th")) if text]


def rows(response):
    """The text of each row of the listing, in order (the header row left out)."""
    return [text for text in texts(find_all(listing_table(response), "tr")) if text][1:]


def test_news_explorer_shows_each_page_date(editor_client):
    index = NewsIndexPage.objects.get()
    pages = list(NewsPage.objects.child_of(index))
    assert len(pages) >= 3, "the demo has several news pages"

    response = explorer(editor_client, index)

    labels = column_labels(response)
    assert labels[0].startswith("Titel")  # with the count of pages
    assert labels[1] == "Datum"
    listed = rows(response)
    for page in pages:
        row = next(row for row in listed if page.title in row)
        assert date_format(page.date, "j F Y") in row, page.title


def test_news_explorer_sorts_by_date(editor_client):
    index = NewsIndexPage.objects.get()
    newest_first = list(NewsPage.objects.child_of(index).order_by("-date", "pk"))

    response = explorer(editor_client, index, "?ordering=-date")

    titles = [
        next(page.title for page in newest_first if page.title in row)
        for row in rows(response)
        if any(page.title in row for page in newest_first)
    ]
    assert titles[0] == newest_first[0].title
    assert titles[-1] == newest_first[-1].title
    dates = [page.date for page in newest_first]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] > dates[-1], "the demo's news has different dates"


@pytest.mark.parametrize(
    "index_model",
    [NewsIndexPage, OpinionIndexPage, ProjectIndexPage, PublicationIndexPage, SourceIndexPage],
)
def test_every_section_explorer_has_a_date_column(editor_client, index_model):
    index = index_model.objects.get()
    children = list(index.get_children().specific())
    assert children, f"the demo has pages in {index.title}"

    response = explorer(editor_client, index)

    assert "Datum" in column_labels(response)
    listed = rows(response)
    for child in children:  # every type of child, such as both projects and events
        row = next(row for row in listed if child.title in row)
        assert date_format(child.date, "j F Y") in row, child.title


def test_a_series_of_publications_lists_its_parts_with_dates(editor_client):
    series = next(page for page in PublicationPage.objects.all() if page.get_children().exists())

    response = explorer(editor_client, series)

    assert "Datum" in column_labels(response)


def test_other_listings_keep_wagtails_columns(editor_client):
    """The home page's children are of several types: no date column there."""
    response = explorer(editor_client, DossierHomePage.objects.get())

    labels = column_labels(response)
    assert labels[0].startswith("Titel")
    assert "Datum" not in labels
