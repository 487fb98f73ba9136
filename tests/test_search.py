"""Search at /zoeken/: Dutch stemming on PostgreSQL, ranking, filters and counts, promoted
results, only live public pages, and hostile input that never gives a 500."""

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def result_titles(response):
    assert response.status_code == 200
    html = response.content.decode()
    return texts(find_all(html, "h2", **{"class": "finder__title"}))


def search(client, q, **params):
    return client.get("/zoeken/", {"q": q, **params})


@pytest.mark.skipif(not POSTGRES, reason="stemming is PostgreSQL's; SQLite matches exact words")
def test_dutch_stemming_finds_plural_from_singular(client):
    pages.news("Fietsbibliotheken in zeven gemeenten")
    assert "Fietsbibliotheken in zeven gemeenten" in result_titles(
        search(client, "gemeente fietsbibliotheek")
    )


def test_exact_words_are_found_on_every_database(client):
    pages.news("De fietsbibliotheek van Zwolle")
    assert result_titles(search(client, "fietsbibliotheek")) == ["De fietsbibliotheek van Zwolle"]


def test_all_words_must_match(client):
    pages.news("Kwartiermakers en datalabs")
    pages.news("Kwartiermakers in het sociaal domein")
    assert result_titles(search(client, "kwartiermakers datalabs")) == [
        "Kwartiermakers en datalabs"
    ]


def test_title_match_ranks_above_intro_match(client):
    in_intro = pages.news("Een bericht over iets anders")
    in_intro.intro = "Ook hier gaat het even over de zeldzame stadsimker."
    in_intro.save_revision().publish()
    pages.news("De stadsimker", when=in_intro.date.replace(year=2020))  # older, yet first
    assert result_titles(search(client, "stadsimker")) == [
        "De stadsimker",
        "Een bericht over iets anders",
    ]


def test_search_covers_tags_themes_and_authors(client):
    tagged = pages.news("Bericht met een trefwoord", tags=["waterschapsdata"])
    themed = pages.source("Bron over een thema", themes=["mobiliteit"])
    assert tagged.title in result_titles(search(client, "waterschapsdata"))
    assert themed.title in result_titles(search(client, "mobiliteit"))
    # The demo's blog is found by its author's name.
    assert result_titles(search(client, "Ollongren")) == ["Van slimme stad naar slimme samenleving"]


def test_section_filter_and_counts(client):
    pages.news("Het zonnedak van het gemeentehuis")
    pages.source("Zonnedak-atlas")
    pages.source("Nog een zonnedak")
    response = search(client, "zonnedak")
    html = response.content.decode()
    counts = texts(find_all(html, "a", href="?q=zonnedak&sectie=bronnen"))
    assert counts == ["Relevante bronnen (2 resultaten)"]
    assert texts(find_all(html, "a", href="?q=zonnedak&sectie=nieuws")) == ["Nieuws (1 resultaat)"]
    assert "3 resultaten voor" in texts(find_all(html, "p", id="finder-summary"))[0]
    assert sorted(result_titles(search(client, "zonnedak", sectie="bronnen"))) == [
        "Nog een zonnedak",
        "Zonnedak-atlas",
    ]


def test_theme_filter(client):
    pages.news("Deelscooters in de binnenstad", themes=["mobiliteit"])
    pages.news("Deelscooters en privacy")
    assert result_titles(search(client, "deelscooters", thema="mobiliteit")) == [
        "Deelscooters in de binnenstad"
    ]


def test_drafts_and_private_pages_are_not_found(client):
    pages.news("Conceptbericht over de walvisroute", live=False)
    pages.make_private(pages.news("Besloten bericht over de walvisroute"))
    pages.news("Openbaar bericht over de walvisroute")
    assert result_titles(search(client, "walvisroute")) == ["Openbaar bericht over de walvisroute"]


def test_index_follows_publish_and_unpublish(client):
    page = pages.news("Oude titel over de rotonde")
    page.title = "Nieuwe titel over de turborotonde"
    page.save_revision().publish()
    assert result_titles(search(client, "turborotonde")) == ["Nieuwe titel over de turborotonde"]
    page.unpublish()
    assert result_titles(search(client, "turborotonde")) == []


def test_promoted_results_come_first(client):
    page = pages.publication("Handreiking slimme straatverlichting")
    query = Query.get("lantaarnpaal")
    SearchPromotion.objects.create(query=query, page=page, description="Begin hier.")
    html = search(client, "Lantaarnpaal").content.decode()
    promoted = find_all(html, "section", **{"aria-labelledby": "promotions-heading"})
    assert promoted
    assert "Handreiking slimme straatverlichting" in html
    assert "Begin hier." in html


def test_result_page_is_noindex_and_highlights(client):
    pages.news("Proeftuin voor slimme lantaarns")
    response = search(client, "lantaarns")
    html = response.content.decode()
    assert find_all(html, "meta", name="robots", content="noindex")
    assert "<mark>lantaarns</mark>" in html


def test_no_results_gives_help(client):
    html = search(client, "qwertyuiopasdfgh").content.decode()
    assert "Niets gevonden voor" in html and "qwertyuiopasdfgh" in html
    assert find_all(html, "a", href="/thema/")


def test_no_words_lists_everything_newest_first(client):
    from dossier.models import FinderEntry

    response = client.get("/zoeken/")
    html = response.content.decode()
    assert response.status_code == 200
    assert find_all(html, "input", name="q", type="search")
    total = FinderEntry.objects.filter(page__live=True).count()
    assert f"{total} resultaten in alle rubrieken" in html
    dates = [
        e.attrs["datetime"]
        for e in find_all(html, "time")
        if e.attrs.get("class") != "finder__updated"
    ]
    assert dates and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "gemeente " * 250},  # 2,250 characters
        {"q": ""},
        {"q": "   "},
        {"q": "\x00\x01 nul"},
        {"q": "\"'<script>alert(1)</script>&%*()[]{}:!|\\^~"},
        {"q": "AND OR NOT"},
        {"q": "a:b OR (c & !d) <-> e"},
        {"q": "😀 ünïcödé ẞ"},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": "data", "page": "abc"},
        {"q": "data", "page": "-1"},
        {"q": "data", "page": "99999"},
        {"q": "data", "thema": "bestaat-niet", "sectie": "x" * 5000},
    ],
)
def test_hostile_input_never_fails(client, params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    assert b"<mark><script>" not in response.content
    assert b"<script>alert(1)</script>" not in response.content


def test_long_query_is_shortened_with_a_notice(client):
    html = search(client, "gemeente " * 250).content.decode()
    assert "eerste 255 tekens" in html


def test_repeated_and_wrong_encoding_parameters(client):
    response = client.get("/zoeken/?q=data&q=privacy&sectie=nieuws&sectie=bronnen")
    assert response.status_code == 200
    response = client.get("/zoeken/?q=%C3%28%A0%A1")  # not UTF-8
    assert response.status_code == 200


def test_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    def add_one_of_each(n):
        pages.news(f"Groeiend bericht {n}")
        pages.blog(f"Groeiend blog {n}")
        pages.source(f"Groeiende bron {n}")

    add_one_of_each(0)
    search(client, "groeiend")  # the site-wide data of this content version is cached
    with django_assert_max_num_queries(16) as small:
        search(client, "groeiend")
    small_count = len(small)
    for n in range(1, 8):
        add_one_of_each(n)
    search(client, "groeiend")
    with django_assert_max_num_queries(small_count):
        assert len(result_titles(search(client, "groeiend"))) == 10
