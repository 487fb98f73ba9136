"""The finder at /zoeken/: every section with or without words; facet counts that equal the
results they lead to; only live, public pages; a period that takes the last update into
account; a canonical address; hostile parameters that get a notice, never a 500; and a
constant number of queries as the dossier grows."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, get_page_models

from dossier.models import BasePage, FinderEntry
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

#: At most this many queries for a finder page, whatever the size of the dossier.
FINDER_BUDGET = 12


def summary(html):
    return texts(find_all(html, "p", id="finder-summary"))[0]


def total(html):
    return int(re.match(r"(\d+) resulta", summary(html))[1])


def titles(html):
    return texts(find_all(html, "h2", **{"class": "finder__title"}))


def facet_links(html, *, selected=False):
    """[(href, count)] of the facet options on the page that are not chosen (or that are,
    with ``selected``: those links take the option away)."""
    links = []
    for link in find_all(html, "a"):
        href = link.attrs.get("href", "")
        match = re.search(r"\((\d+) resulta", link.text)
        if href.startswith("?") and match and ("aria-current" in link.attrs) == selected:
            links.append((href, int(match[1])))
    return links


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_without_words_it_lists_every_live_public_content_page(client):
    html = get(client, "/zoeken/")
    content_types = [m for m in get_page_models() if issubclass(m, BasePage)]
    expected = sum(
        model.objects.live().public().exact_type(model).count() for model in content_types
    )
    assert expected > 30  # the demo dossier
    assert total(html) == expected
    assert summary(html).startswith(f"{expected} resultaten in alle rubrieken")


@pytest.mark.parametrize(
    "selection",
    ["", "?q=gemeenten", "?thema=verantwoord-datagebruik", "?sectie=publicaties&soort=casus"],
)
def test_every_facet_count_equals_the_results_it_leads_to(client, selection):
    html = get(client, "/zoeken/" + selection)
    links = facet_links(html)
    assert len(links) > 5
    for href, count in links:
        assert total(get(client, "/zoeken/" + href)) == count, href
    # A chosen option counts what is shown now.
    assert all(count == total(html) for _href, count in facet_links(html, selected=True))


def test_section_kind_theme_tag_and_period_narrow_down_together(client):
    pages.news("Slimme lantaarnpalen in Zwolle", themes=["zorg"], tags=["lantaarnpalen"])
    pages.source("Lantaarnpalen-register", themes=["zorg"], tags=["lantaarnpalen"])
    pages.news("Oud bericht over lantaarnpalen", when=date(2015, 1, 1), tags=["lantaarnpalen"])
    html = get(client, "/zoeken/?tag=lantaarnpalen")
    assert total(html) == 3
    html = get(client, "/zoeken/?tag=lantaarnpalen&thema=zorg&sectie=nieuws&van=2020-01")
    assert titles(html) == ["Slimme lantaarnpalen in Zwolle"]
    assert "over zorg" in summary(html) and "in nieuws" in summary(html)
    chips = texts(find_all(html, "ul", **{"aria-label": "Gekozen filters"}))[0]
    assert "Rubriek: Nieuws" in chips and "Thema: Zorg" in chips and "Periode: vanaf" in chips


def test_a_page_belongs_to_a_period_when_it_appeared_or_changed_in_it(client):
    old = pages.project("Langlopend project over deelfietsen", when=date(2019, 3, 1))
    recent = timezone.localdate() - timedelta(days=20)
    FinderEntry.objects.filter(page=old).update(updated=recent, latest=recent)
    html = get(client, "/zoeken/?q=deelfietsen&periode=3m")
    assert titles(html) == ["Langlopend project over deelfietsen"]
    html = get(client, "/zoeken/?q=deelfietsen&van=2017-01&tot=2018-12")
    assert titles(html) == []


def test_last_updated_order_puts_a_recent_change_first(client):
    first = pages.news("Deelauto bericht een", when=date(2024, 1, 1))
    pages.news("Deelauto bericht twee", when=date(2024, 6, 1))
    FinderEntry.objects.filter(page=first).update(updated=date(2025, 1, 1), latest=date(2025, 1, 1))
    assert titles(get(client, "/zoeken/?q=deelauto&volgorde=datum"))[0] == "Deelauto bericht twee"
    html = get(client, "/zoeken/?q=deelauto&volgorde=bijgewerkt")
    assert titles(html)[0] == "Deelauto bericht een"
    assert "Bijgewerkt" in texts(find_all(html, "dl", **{"class": "finder__meta"}))[0]


def test_drafts_and_private_pages_never_appear_or_count(client):
    pages.news("Zichtbaar kwartiermakersbericht")
    pages.news("Concept kwartiermakersbericht", live=False)
    private = pages.news("Besloten kwartiermakersbericht")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = get(client, "/zoeken/?q=kwartiermakersbericht")
    assert titles(html) == ["Zichtbaar kwartiermakersbericht"]
    assert total(html) == 1
    assert all(count <= 1 for _href, count in facet_links(html))
    html = get(client, "/nieuws/?tag=" + "x")  # the section index reads the same rows
    assert "Besloten kwartiermakersbericht" not in html


def test_unpublishing_removes_a_page_from_the_finder(client):
    page = pages.news("Tijdelijk schemerlampbericht")
    assert titles(get(client, "/zoeken/?q=schemerlampbericht")) == [page.title]
    page.unpublish()
    assert titles(get(client, "/zoeken/?q=schemerlampbericht")) == []
    assert not FinderEntry.objects.filter(page=page).exists()


def test_the_address_has_one_canonical_form(client):
    html = get(client, "/zoeken/?tot=2026-12&onbekend=1&thema=zorg&q=data&volgorde=relevantie")
    canonical = [e.attrs["href"] for e in find_all(html, "link", rel="canonical")]
    assert len(canonical) == 1
    assert canonical[0].endswith("/zoeken/?q=data&thema=zorg&tot=2026-12")
    assert find_all(html, "meta", name="robots")  # result pages stay out of search engines


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("sectie=onbekend", "rubriek"),
        ("soort=%3Cscript%3E", "soort"),
        ("thema=bestaat-niet", "thema"),
        ("van=99999-01", "van (maand)"),
        ("tot=2026-13", "tot en met (maand)"),
        ("periode=10j", "periode"),
        ("volgorde=willekeurig", "sorteer op"),
        ("tag=" + "x" * 5000, "tag"),
    ],
)
def test_bad_parameters_are_named_and_left_out(client, query, notice):
    html = get(client, "/zoeken/?" + query)
    notices = " ".join(texts(find_all(html, "p", **{"class": "notice"})))
    assert notice in notices
    assert "resultaten in alle rubrieken" in summary(html)


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "gemeente%20" * 500,
        "q=%00%00data%00",
        "q=%FF%FE%FD",
        "q=' OR 1=1 --",
        "q=a%27);DROP TABLE dossier_finderentry;--",
        "q=%E2%80%8B",
        "van=2026-01&tot=2019-03",
        "van=%00&tot=%00",
        "page=abc&page=99999999999999999999",
        "sectie=nieuws&sectie=bronnen",
        "q=" + "&".join(["thema=zorg"] * 200),
    ],
)
def test_hostile_input_gets_a_page_never_a_500(client, query):
    html = get(client, "/zoeken/?" + query)
    assert summary(html)
    assert FinderEntry.objects.exists()


def test_a_reversed_period_is_turned_round_with_a_notice(client):
    html = get(client, "/zoeken/?van=2026-01&tot=2019-03")
    notices = " ".join(texts(find_all(html, "p", **{"class": "notice"})))
    assert "omgedraaid" in notices
    assert "maart 2019 tot en met januari 2026" in summary(html)


def finder_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_per_finder_page_stay_the_same_as_the_dossier_grows(client):
    urls = [
        "/zoeken/",
        "/zoeken/?q=gemeenten",
        "/zoeken/?q=groei&thema=zorg&periode=2j",
        "/zoeken/?sectie=nieuws&thema=zorg&van=2020-01&volgorde=bijgewerkt",
        "/zoeken/?tag=groei&page=2",
    ]

    def grow(count, start):
        for n in range(start, start + count):
            options = {"themes": ["zorg"], "tags": ["groei"]}
            pages.news(f"Groeibericht {n}", when=date(2025, 1, 1), **options)
            pages.blog(f"Groeiblog {n}", **options)
            pages.publication(f"Groeirapport {n}", **options)
            pages.source(f"Groeibron {n}", **options)

    grow(4, 0)
    before = [finder_queries(client, url) for url in urls]
    grow(16, 4)
    after = [finder_queries(client, url) for url in urls]
    assert after == before
    assert max(after) <= FINDER_BUDGET


@pytest.mark.skipif(connection.vendor != "postgresql", reason="suggestions use PostgreSQL trigrams")
def test_a_misspelt_word_gets_a_suggestion_that_keeps_the_filters(client):
    html = get(client, "/zoeken/?q=gemeentn&thema=zorg")
    links = [e for e in find_all(html, "a") if e.attrs.get("href", "").startswith("?q=gemeente")]
    assert "Bedoelde u:" in html
    assert links and links[0].attrs["href"].endswith("&thema=zorg")
    followed = get(client, "/zoeken/" + links[0].attrs["href"])
    assert total(followed) > 0
    assert "Bedoelde u:" not in followed


def test_tags_are_offered_as_editors_wrote_them(client):
    pages.news("Bericht over de Omgevingswet", tags=["Omgevingswet 2024"])
    html = get(client, "/zoeken/?q=omgevingswet")
    tag_links = [e for e in find_all(html, "a") if "tag=omgevingswet-2024" in e.attrs["href"]]
    assert tag_links and tag_links[0].text.startswith("Omgevingswet 2024")
    html = get(client, "/zoeken/?tag=omgevingswet-2024")
    assert "met de tag \u2018Omgevingswet 2024\u2019" in summary(html)
