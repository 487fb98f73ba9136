"""The site's name comes from the Wagtail site (Settings > Sites), else WAGTAIL_SITE_NAME."""

import pytest
from wagtail.models import Site

from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

NEW_NAME = "Kennisbank Slimme & Zorgzame Stad"


def shown(client, url):
    """Where a page shows the site's name: its title, feed link titles, footer heading and
    Open Graph site name."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    feeds = find_all(html, "link", rel="alternate", type="application/rss+xml")
    [og_site_name] = find_all(html, "meta", property="og:site_name")
    return {
        "title": texts(find_all(html, "title"))[0],
        "feeds": [link.attrs["title"] for link in feeds],
        "footer": texts(find_all(html, "h2", id="footer-about"))[0],
        "og:site_name": og_site_name.attrs["content"],
    }


def rename_site(name):
    site = Site.objects.get(is_default_site=True)
    site.site_name = name
    site.save()  # makes cached pages and the cached footer stale


def test_renaming_the_site_changes_what_pages_show(client):
    page = pages.news(title="Bericht over de naam")
    rename_site(NEW_NAME)
    for url in ["/", "/nieuws/", page.url, "/thema/", "/thema/mobiliteit/"]:
        seen = shown(client, url)
        assert seen["footer"] == NEW_NAME, url
        assert seen["og:site_name"] == NEW_NAME, url
        assert seen["feeds"][0] == f"{NEW_NAME} (RSS)", url
        assert all(title.endswith(f"| {NEW_NAME} (RSS)") for title in seen["feeds"][1:]), url
        assert "Smart Society" not in " ".join(seen["feeds"]), url
    assert shown(client, page.url)["title"] == f"Bericht over de naam | {NEW_NAME}"
    assert shown(client, "/nieuws/")["feeds"][1] == f"Nieuws | {NEW_NAME} (RSS)"


def test_the_home_page_without_seo_title_ends_in_the_site_name(client):
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.seo_title = ""
    home.save_revision().publish()
    rename_site(NEW_NAME)
    assert shown(client, "/")["title"] == f"{home.title} | {NEW_NAME}"


def test_a_site_without_a_name_shows_wagtail_site_name(client, settings):
    settings.WAGTAIL_SITE_NAME = "Naam uit de instellingen"
    rename_site("")
    seen = shown(client, "/nieuws/")
    assert seen["footer"] == "Naam uit de instellingen"
    assert seen["title"].endswith("| Naam uit de instellingen")
