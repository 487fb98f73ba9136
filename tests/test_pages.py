"""Every page of the demo dossier answers as a reader expects: Dutch, one h1, landmarks."""

from urllib.parse import urlsplit

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.helpers import find_all, parse, texts

SECTION_URLS = ["/nieuws/", "/opinie/", "/projecten/", "/publicaties/", "/bronnen/"]
STANDARD_URLS = [
    "/over-dit-dossier/",
    "/privacy/",
    "/toegankelijkheid/",
    "/colofon/",
]
FORM_URL = "/bijdragen/"
ALL_URLS = ["/", *SECTION_URLS, *STANDARD_URLS, FORM_URL]
READER_URLS = ["/", *SECTION_URLS, *STANDARD_URLS]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ALL_URLS)
def test_page_answers_with_accessible_skeleton(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert find_all(html, "html", lang="nl")
    assert len(find_all(html, "h1")) == 1
    skip_links = find_all(html, "a", href="#main-content")
    assert skip_links and "inhoud" in texts(skip_links)[0]
    assert len(find_all(html, "main", id="main-content")) == 1
    assert find_all(html, "nav", **{"aria-label": "Hoofdmenu"})
    assert find_all(html, "footer")


@pytest.mark.parametrize("url", READER_URLS)
def test_readers_get_no_cookies(client, url):
    response = client.get(url)
    assert response.cookies == {}


def test_the_contribution_form_sets_only_the_csrf_cookie(client):
    """The one exception: a form that is posted needs its CSRF cookie (no session, nothing else)."""
    response = client.get(FORM_URL)
    assert set(response.cookies) == {"csrftoken"}
    assert response.cookies["csrftoken"]["httponly"]
    assert response.cookies["csrftoken"]["samesite"] == "Lax"


def test_main_navigation_links_the_five_sections_in_order_then_the_themes(client):
    html = client.get("/").content.decode()
    nav = find_all(html, "nav", **{"aria-label": "Hoofdmenu"})[0]
    links = [
        e for e in parse(html) if e.tag == "a" and "main-nav__link" in e.attrs.get("class", "")
    ]
    assert [link.attrs["href"] for link in links] == [*SECTION_URLS, "/thema/"]
    assert texts(links) == [
        "Nieuws",
        "Opinie",
        "Projecten en bijeenkomsten",
        "Publicaties",
        "Relevante bronnen",
        "Thema's",
    ]
    assert "Nieuws" in nav.text


def test_current_section_is_marked_in_navigation(client):
    html = client.get("/opinie/").content.decode()
    current = find_all(html, "a", href="/opinie/", **{"aria-current": "page"})
    assert texts(current) == ["Opinie"]


@pytest.mark.parametrize(("url", "state"), [("/thema/", "page"), ("/thema/zorg/", "true")])
def test_the_themes_are_marked_in_navigation_on_their_pages(client, url, state):
    html = client.get(url).content.decode()
    current = find_all(html, "a", href="/thema/", **{"class": "main-nav__link"})
    assert [link.attrs.get("aria-current") for link in current] == [state]


def test_footer_links_about_privacy_accessibility_and_contribute(client):
    html = client.get("/nieuws/").content.decode()
    footer_links = [e.attrs.get("href") for e in parse(html) if e.tag == "a"]
    for url in ["/over-dit-dossier/", "/privacy/", "/toegankelijkheid/", "/bijdragen/"]:
        assert url in footer_links


def test_breadcrumbs_lead_home_and_mark_the_current_page(client):
    html = client.get("/privacy/").content.decode()
    trail = find_all(html, "nav", **{"aria-label": "Kruimelpad"})
    assert trail
    assert find_all(html, "a", href="/")
    assert texts(find_all(html, "span", **{"aria-current": "page"})) == ["Privacyverklaring"]


def test_home_page_has_no_breadcrumbs_and_shows_the_definition_and_sections(client):
    html = client.get("/").content.decode()
    assert not find_all(html, "nav", **{"aria-label": "Kruimelpad"})
    assert "Wat is een smart society?" in html
    assert "Mettina Veenstra" in html
    card_links = [
        e.attrs["href"] for e in parse(html) if e.tag == "a" and e.attrs.get("href") in SECTION_URLS
    ]
    # Each section appears in the navigation and again as a card.
    for url in SECTION_URLS:
        assert card_links.count(url) == 2


def test_unknown_url_gives_the_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert find_all(html, "html", lang="nl")
    assert texts(find_all(html, "h1")) == ["Pagina niet gevonden"]
    assert find_all(html, "a", href="#main-content")


def test_500_page_is_dutch_and_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert texts(find_all(html, "h1")) == ["Er ging iets mis"]
    assert find_all(html, "html", lang="nl")
    assert find_all(html, "main", id="main-content")
    assert render_to_string("500.html") == html


@pytest.mark.parametrize("url", ["/", "/nieuws/", "/privacy/"])
def test_no_resource_is_loaded_from_another_origin(client, url):
    html = client.get(url).content.decode()
    resources = [
        e.attrs.get("src") or e.attrs.get("href")
        for e in parse(html)
        if (e.tag in {"script", "img", "iframe", "source", "video", "audio"} and e.attrs.get("src"))
        or (e.tag == "link" and e.attrs.get("rel") != "canonical")
    ]
    assert resources, "expected at least the stylesheet"
    for resource in resources:
        assert not urlsplit(resource).netloc, f"{resource} leaves the site's origin"


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # Home: page, site, restrictions, menu, the five sections and their newest items.
        ("/", 30),
        ("/nieuws/", 22),
        ("/privacy/", 12),
    ],
)
def test_page_queries_stay_bounded(client, django_assert_max_num_queries, url, budget):
    client.get(url)  # warm the per-process caches (content types, templates)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
