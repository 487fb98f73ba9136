"""A publication series: one card in the section with its number of parts, its parts in
order on its page, each part placed in its series on its page and on its cards; and no card
line that is only a label."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opinion.models import BlogPage
from publications.models import PublicationPage
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

PART_TITLE = "Samen meten aan luchtkwaliteit"


def card_titles(html):
    return texts(find_all(html, "h2", **{"class": "card__title"}))


def bylines(html):
    return texts(find_all(html, "p", **{"class": "card__byline"}))


def test_the_section_lists_a_series_as_one_card_with_its_number_of_parts(client):
    html = client.get("/publicaties/").content.decode()
    titles = card_titles(html)
    assert titles.count("Smart society cases") == 1
    assert PART_TITLE not in titles
    assert "Hoe São Paulo weer grip kreeg op Uber" not in titles
    assert "Reeks in 8 delen" in bylines(html)
    # A filter finds the series when one of its parts matches, and still lists no part.
    part_titles = set(
        PublicationPage.objects.filter(part_number__isnull=False).values_list("title", flat=True)
    )
    for query in ("soort=casus", "thema=zorg", "tag=luchtkwaliteit"):
        titles = card_titles(client.get(f"/publicaties/?{query}").content.decode())
        assert "Smart society cases" in titles, query
        assert not part_titles & set(titles), query
    assert card_titles(client.get("/publicaties/?soort=casus").content.decode()) == [
        "Smart society cases"
    ]
    titles = card_titles(client.get("/publicaties/?soort=essay").content.decode())
    assert titles == ["Open de black box"]


def test_the_home_page_and_feed_show_the_series_not_its_parts(client):
    assert PART_TITLE not in client.get("/").content.decode()
    feed = client.get("/publicaties/feed/").content.decode()
    assert "<title>Smart society cases</title>" in feed
    assert PART_TITLE not in feed


def test_series_page_lists_its_parts_by_number(client):
    series = pages.publication(title="Testreeks")
    for number in (3, 1, 2):  # created out of order
        pages.publication(title=f"Onderdeel {number}", parent=series, part_number=number)
    html = client.get(series.url).content.decode()
    items = re.findall(r'<li value="(\d+)"><a href="[^"]+">([^<]+)</a>', html)
    assert items == [("1", "Onderdeel 1"), ("2", "Onderdeel 2"), ("3", "Onderdeel 3")]
    assert "Reeks in 3 delen" in html
    listing = client.get("/publicaties/").content.decode()
    assert "Onderdeel 1" not in card_titles(listing)


def test_part_page_says_which_part_of_how_many_with_the_series_linked(client):
    part = PublicationPage.objects.get(title=PART_TITLE)
    html = client.get(part.url).content.decode()
    [meta] = find_all(html, "span", **{"class": "detail__series"})
    assert " ".join(meta.text.split()) == "Deel 3 van 8 in de reeks Smart society cases"
    assert '<a href="/publicaties/smart-society-cases/">Smart society cases</a></span>' in html


def test_part_cards_name_their_series_on_theme_pages_and_in_search(client):
    html = client.get("/thema/zorg/").content.decode()
    assert "Deel 6 van 8 · Smart society cases" in bylines(html)
    html = client.get("/zoeken/?q=luchtkwaliteit").content.decode()
    lines = texts(find_all(html, "p", **{"class": "finder__line"}))
    assert "Deel 3 van 8 · Smart society cases" in lines


def test_no_label_without_a_value_on_cards():
    part = PublicationPage.objects.get(title=PART_TITLE)
    assert part.authors == []
    assert not any(line.startswith("Door") for line in part.card["bylines"])
    assert all(line.strip() for line in part.card["bylines"])
    blog = BlogPage.objects.live().first()
    blog.page_authors = []
    assert blog.card["bylines"] == []


def test_cards_with_authors_keep_their_byline(client):
    html = client.get("/publicaties/").content.decode()
    assert "Door Marleen Stikker" in bylines(html)
    assert not [line for line in bylines(html) if line.strip() in {"Door", "Door ,"}]


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_series(count, parts):
    for n in range(count):
        series = pages.publication(title=f"Groeireeks {n}", themes=["zorg"])
        for number in range(1, parts + 1):
            pages.publication(
                title=f"Groeideel {n}.{number}",
                parent=series,
                part_number=number,
                themes=["zorg"],
            )


def test_series_queries_do_not_grow_with_series_or_parts(client):
    part = PublicationPage.objects.get(title=PART_TITLE)
    urls = ["/publicaties/", "/", "/thema/zorg/", "/zoeken/?q=groeideel", part.url]
    add_series(1, 1)
    before = {url: count_queries(client, url) for url in urls}
    add_series(6, 4)
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
