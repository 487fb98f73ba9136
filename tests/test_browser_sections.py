"""Readers in a real browser: each section's index, its filters, an item, a theme link;
axe-core on every index, every detail type and the theme pages, wide and narrow."""

import re
import urllib.request

import pytest

from tests.test_browser import axe_violations

pytestmark = pytest.mark.browser

SECTIONS = ["/nieuws/", "/opinie/", "/projecten/", "/publicaties/", "/bronnen/"]
# Where to find the first item of each detail type, read from the served listings: the
# browser tests touch no database connection of their own.
DETAIL_TYPES = {
    "NewsPage": "/nieuws/",
    "BlogPage": "/opinie/",
    "ProjectPage": "/projecten/?soort=project",
    "EventPage": "/projecten/?soort=bijeenkomst",
    "PublicationPage": "/publicaties/",
    "SourcePage": "/bronnen/",
}


@pytest.fixture(scope="module")
def detail_urls(site_url):
    urls = {}
    for name, listing in DETAIL_TYPES.items():
        with urllib.request.urlopen(site_url + listing, timeout=10) as response:
            html = response.read().decode()
        cards = re.findall(r'class="card__title"><a href="([^"]+)"', html)
        urls[name] = cards[0]
    return urls


@pytest.mark.parametrize("section", SECTIONS)
def test_reader_filters_a_section_opens_an_item_and_follows_a_theme(page, site_url, section):
    page.goto(site_url + section)
    select = page.get_by_label("Thema")
    theme_value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(theme_value)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(f"**{section}?thema={theme_value}*")
    assert page.locator(".active-filters").is_visible()

    first = page.locator(".card__title a").first
    if first.count() == 0:  # no item on this theme here: take the unfiltered list
        page.goto(site_url + section)
        first = page.locator(".card__title a").first
    title = first.inner_text()
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title

    page.locator(".tag--theme").first.click()
    page.wait_for_url("**/thema/*/")
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", [*SECTIONS, "/thema/", "/thema/verantwoord-datagebruik/"])
def test_indexes_and_theme_pages_have_no_wcag_violations(page, site_url, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("page_type", list(DETAIL_TYPES))
def test_detail_pages_have_no_wcag_violations(page, site_url, detail_urls, width, page_type):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + detail_urls[page_type])
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
