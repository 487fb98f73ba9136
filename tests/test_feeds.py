"""RSS feeds: the whole dossier, each section and each theme, and where they are advertised."""

import html
import re
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from dossier.models import PageAuthor, Person, SectionIndexPage, Theme
from opinion.models import BlogPage
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

SECTIONS = ["nieuws", "opinie", "projecten", "publicaties", "bronnen"]
SECTION_FEEDS = [f"/{section}/feed/" for section in SECTIONS]
THEME_FEED = "/thema/mobiliteit/feed/"
FEEDS = ["/feeds/", *SECTION_FEEDS, THEME_FEED]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Wagtail builds full URLs from the Site record, not from the request's host.
ROOT = "http://localhost"
AWKWARD_TITLE = "Test <script>&\"' \nregel"


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    # application/xml, not application/rss+xml: so that browsers apply the stylesheet.
    assert response["Content-Type"] == "application/xml; charset=utf-8", url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    assert feed.version == "rss20"
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def section_index(slug):
    return Page.objects.get(depth=3, slug=slug).specific


def newest_of(queryset_lists, count=30):
    items = [item for items in queryset_lists for item in items]
    return sorted(items, key=lambda page: (page.date, page.pk), reverse=True)[:count]


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_has_titled_linked_dated_entries(client, url):
    feed = read_feed(client, url)
    assert feed.feed.title.endswith("Kennisdossier Smart Society")
    assert feed.feed.link.startswith(ROOT + "/")
    assert feed.entries, url
    for entry in feed.entries:
        assert entry.title.strip()
        assert entry.link.startswith(ROOT + "/")
        assert entry.id == entry.link
        assert entry.published_parsed is not None
    assert client.get(feed.entries[0].link).status_code == 200


@pytest.mark.parametrize("section", SECTIONS)
def test_a_section_feed_lists_what_its_index_lists(client, section):
    index = section_index(section)
    expected = list(index.listing().order_by("-date", "-pk")[:30])
    feed = read_feed(client, f"/{section}/feed/")
    assert [entry.link for entry in feed.entries] == [page.get_full_url() for page in expected]
    for entry, page in zip(feed.entries, expected, strict=True):
        assert entry.title == " ".join(page.title.split())
        assert html.unescape(entry.summary) == " ".join(page.summary.split())
        published = parsedate_to_datetime(entry.published)
        assert timezone.localtime(published, AMSTERDAM).date() == page.date


def test_the_site_feed_has_the_newest_of_all_sections(client):
    indexes = [section_index(section) for section in SECTIONS]
    expected = newest_of([index.listing() for index in indexes])
    feed = read_feed(client, "/feeds/")
    assert [entry.link for entry in feed.entries] == [page.get_full_url() for page in expected]
    sections_seen = {entry.link.split("/")[3] for entry in feed.entries}
    assert len(sections_seen) > 1


def test_a_theme_feed_has_the_themes_pages_with_the_theme_as_category(client):
    theme = Theme.objects.get(slug="mobiliteit")
    indexes = [section_index(section) for section in SECTIONS]
    expected = newest_of([index.listing().filter(page_themes__theme=theme) for index in indexes])
    feed = read_feed(client, THEME_FEED)
    assert feed.feed.title == "Mobiliteit | Kennisdossier Smart Society"
    assert feed.feed.link == ROOT + "/thema/mobiliteit/"
    assert [entry.link for entry in feed.entries] == [page.get_full_url() for page in expected]
    for entry in feed.entries:
        assert theme.name in [tag.term for tag in entry.tags]


def test_entries_carry_their_themes_as_categories(client):
    page = pages.news(
        title="Bericht met thema's", when=timezone.localdate(), themes=["mobiliteit", "zorg"]
    )
    feed = read_feed(client, "/nieuws/feed/")
    entry = next(entry for entry in feed.entries if entry.title == page.title)
    assert sorted(tag.term for tag in entry.tags) == sorted(theme.name for theme in page.themes)


def test_a_blog_entry_names_its_authors(client):
    blog = BlogPage.objects.live().public().order_by("-date", "-pk").first()
    names = [person.name for person in blog.authors]
    assert names, "the demo blogs have authors"
    feed = read_feed(client, "/opinie/feed/")
    entry = next(entry for entry in feed.entries if entry.link == blog.get_full_url())
    assert entry.author == ", ".join(names)
    site_entry = next(e for e in read_feed(client, "/feeds/").entries if e.link == entry.link)
    assert site_entry.author == entry.author


def test_an_unknown_theme_has_no_feed(client):
    assert client.get("/thema/bestaat-niet/feed/").status_code == 404


def test_drafts_and_private_pages_stay_out_of_every_feed(client):
    today = timezone.localdate()
    options = {"when": today, "themes": ["mobiliteit"]}
    published = pages.news(title="Gepubliceerd bericht", **options)
    pages.news(title="Conceptbericht", live=False, **options)
    pages.make_private(pages.news(title="Bericht voor ingelogden", **options))
    with_password = pages.news(title="Bericht met wachtwoord", **options)
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=with_password.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    private_blog = pages.blog(title="Blog voor ingelogden", **options)
    pages.make_private(private_blog)
    for url in ["/feeds/", "/nieuws/feed/", "/opinie/feed/", THEME_FEED]:
        seen = titles(read_feed(client, url))
        assert "Conceptbericht" not in seen, url
        assert "Bericht voor ingelogden" not in seen, url
        assert "Bericht met wachtwoord" not in seen, url
        assert "Blog voor ingelogden" not in seen, url
        if url != "/opinie/feed/":
            assert published.title in seen, url


def test_awkward_titles_and_summaries_keep_the_feed_valid(client):
    page = pages.news(title=AWKWARD_TITLE, when=timezone.localdate(), themes=["mobiliteit"])
    page.intro = "Een <b>vette</b> & \x0bvreemde inleiding"
    page.save_revision().publish()
    for url in ["/feeds/", "/nieuws/feed/", THEME_FEED]:
        feed = read_feed(client, url)
        entry = next(entry for entry in feed.entries if entry.link == page.get_full_url())
        # Line breaks become a space: a feed title is one line.
        assert entry.title == "Test <script>&\"' regel"
        # The summary is text, escaped for readers that read it as HTML.
        assert "<b>" not in entry.summary
        assert html.unescape(entry.summary) == "Een <b>vette</b> & vreemde inleiding"


def test_section_indexes_and_theme_hubs_advertise_their_own_feed(client):
    for url, feed_url in [
        *((f"/{section}/", f"/{section}/feed/") for section in SECTIONS),
        ("/thema/mobiliteit/", THEME_FEED),
    ]:
        page = client.get(url).content.decode()
        alternates = find_all(page, "link", rel="alternate", type="application/rss+xml")
        assert [link.attrs["href"] for link in alternates] == ["/feeds/", feed_url], url
        follow = find_all(page, "a", href=feed_url)
        assert texts(follow) == ["RSS-feed"], url
        read_feed(client, feed_url)


def test_every_page_advertises_the_site_feed_and_the_home_page_links_it(client):
    home = client.get("/").content.decode()
    alternates = find_all(home, "link", rel="alternate", type="application/rss+xml")
    assert [link.attrs["href"] for link in alternates] == ["/feeds/"]
    assert texts(find_all(home, "a", href="/feeds/")) == ["RSS-feed"]
    detail = client.get(pages.news(title="Een bericht").url).content.decode()
    alternates = find_all(detail, "link", rel="alternate", type="application/rss+xml")
    assert [link.attrs["href"] for link in alternates] == ["/feeds/"]


def test_a_section_feed_route_does_not_hide_the_section_index(client):
    response = client.get("/nieuws/")
    assert response.status_code == 200
    assert response.templates[0].name == "news/news_index_page.html"
    assert isinstance(response.context["page"], SectionIndexPage)


def add_pages(count):
    person = Person.objects.order_by("pk").first()
    for n in range(count):
        options = {"when": timezone.localdate(), "themes": ["mobiliteit", "zorg"]}
        pages.news(title=f"Extra bericht {n}", **options)
        blog = pages.blog(title=f"Extra blog {n}", **options)
        PageAuthor.objects.create(page=blog, person=person, sort_order=0)
        publication = pages.publication(title=f"Extra publicatie {n}", **options)
        PageAuthor.objects.create(page=publication, person=person, sort_order=0)
        pages.project(title=f"Extra project {n}", **options)
        pages.event(title=f"Extra bijeenkomst {n}", days_from_now=n - 2, themes=["zorg"])
        pages.source(title=f"Extra bron {n}", **options)


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_feed_queries_do_not_grow_with_the_items(client):
    urls = [*FEEDS, "/projecten/agenda.ics"]
    add_pages(1)
    before = {url: count_queries(client, url) for url in urls}
    add_pages(5)
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
    entries = titles(read_feed(client, "/opinie/feed/"))
    assert "Extra blog 4" in entries


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_points_browsers_at_the_sites_own_stylesheets(client, url):
    body = client.get(url).content.decode()
    # The processing instructions come after the XML declaration and before the <rss> element:
    # the XSL stylesheet first (a page made of the feed), then CSS for the raw feed in browsers
    # without XSLT.
    declaration = '<?xml version="1.0" encoding="utf-8"?>'
    assert body.startswith(declaration)
    prolog = body[len(declaration) : body.index("<rss ")]
    instructions = re.findall(r"<\?xml-stylesheet ([^?]*)\?>", prolog)
    assert re.sub(r"<\?xml-stylesheet [^?]*\?>", "", prolog).strip() == ""
    assert [dict(re.findall(r'(\w+)="([^"]*)"', pi)) for pi in instructions] == [
        {"href": "/static/feeds/feed.xsl", "type": "text/xsl", "media": "screen"},
        {"href": "/static/feeds/feed.css", "type": "text/css", "media": "screen"},
    ]
    feed = read_feed(client, url)
    assert feed.entries, url


def test_the_feed_stylesheet_is_well_formed_xslt_served_as_xml(client):
    response = client.get("/static/feeds/feed.xsl")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    body = b"".join(response.streaming_content)
    root = ElementTree.fromstring(body)  # noqa: S314 - the site's own static file
    assert root.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
    text = body.decode()
    # Within the site's CSP: no scripts, no inline styles; the site's own stylesheet and the
    # e-mail alternative are linked.
    assert "<script" not in text and "style=" not in text and "<style" not in text
    assert 'href="/static/css/main.css"' in text
    assert 'href="/volgen/"' in text
    assert client.get("/static/css/main.css").status_code == 200
    fallback = client.get("/static/feeds/feed.css")
    assert fallback.status_code == 200
    assert fallback["Content-Type"].startswith("text/css")


def test_pages_offer_following_by_email_beside_the_feed(client):
    for url, follow_url in [
        ("/", "/volgen/"),
        ("/nieuws/", "/volgen/?sectie=nieuws"),
        ("/projecten/", "/volgen/?sectie=projecten"),
        ("/thema/mobiliteit/", "/volgen/?thema=mobiliteit"),
    ]:
        page = client.get(url).content.decode()
        assert texts(find_all(page, "a", href=follow_url)) == ["Volg per e-mail"], url
        assert client.get(follow_url).status_code == 200, follow_url
