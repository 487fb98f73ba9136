"""Absolute URLs point at the site's public address, PUBLIC_BASE_URL, wherever they are built:
page metadata, share links, citations, feeds, calendars, the site files, the API and mails.

The site is moved to an address that nothing else uses, and the requests go to another host
(the test client's ``testserver``): a URL built from the request, from Wagtail's initial
``localhost`` site or from a stale setting shows up in the sweep over every response.
"""

import html
import io
import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import icalendar
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from contributions.models import Contribution
from contributions.tasks import editors_mail
from dossier.settings.base import env_base_url
from dossier.site_address import AddressTaken, align_default_site, check_default_site_address
from news.models import NewsPage
from projects.models import EventPage
from publications.models import PublicationPage
from tests.helpers import find_all

BASE = "http://dossier.example.test:8123"
# Where a wrongly built URL would point: the request's host, Wagtail's first site, loopback.
WRONG_HOSTS = {"testserver", "localhost", "127.0.0.1"}
URL = re.compile(r"https?://[^\s\"'<>\\]+")
PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def moved_site(db, settings):
    """The site at BASE, as `manage.py sync_site` leaves it when PUBLIC_BASE_URL is BASE."""
    settings.PUBLIC_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    site, changed = align_default_site()
    assert changed and site.root_url == BASE
    yield site
    # The site's save is rolled back with the test, but Wagtail keeps the root URLs of the
    # sites in the cache: forget them, or later tests would see BASE.
    Site.clear_site_root_paths_cache()


def urls_in(text):
    """Every http(s) URL in ``text``: also inside attributes (HTML-escaped), inside share
    links (percent-encoded) and inside JSON (with escaped slashes)."""
    text = unquote(html.unescape(text.replace("\\/", "/")))
    return [url.rstrip(".,;)") for url in URL.findall(text)]


def assert_own_urls(text, *, at_least=1):
    """No URL names a wrong host or another scheme or port of the site's host; at least
    ``at_least`` point at BASE."""
    found = urls_in(text)
    own = [url for url in found if url.startswith(BASE + "/") or url == BASE]
    wrong = [
        url
        for url in found
        if urlsplit(url).hostname in WRONG_HOSTS
        or (urlsplit(url).hostname == "dossier.example.test" and url not in own)
    ]
    assert wrong == [], wrong
    assert "localhost" not in text
    assert len(own) >= at_least, found
    return own


def png(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "#0b4f6c").save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def meta_content(page_html, prop):
    elements = find_all(page_html, "meta", property=prop) or find_all(page_html, "meta", name=prop)
    assert elements, prop
    return elements[0].attrs["content"]


def json_ld_urls(page_html):
    scripts = find_all(page_html, "script", type="application/ld+json")
    assert scripts
    data = json.loads(scripts[0].text)
    return [value for value in _values(data) if isinstance(value, str) and "://" in value]


def _values(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _values(value)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value)
    else:
        yield data


def test_page_metadata_share_links_and_json_ld(client, moved_site):
    # The demo has no images: the page gets one, so og:image is one of its renditions.
    page = NewsPage.objects.live().order_by("path").first()
    page.image = get_image_model().objects.create(title="Raadzaal", file=png("raadzaal.png"))
    page.image_alt = "De raadzaal tijdens een debat"
    page.save_revision().publish()
    page_html = get(client, page.url)
    own = assert_own_urls(page_html, at_least=8)
    canonical = find_all(page_html, "link", rel="canonical")[0].attrs["href"]
    assert canonical == BASE + page.url
    assert meta_content(page_html, "og:url") == canonical
    assert meta_content(page_html, "og:image").startswith(BASE + "/media/")
    # The article, its page, the publisher and the breadcrumbs (the sweep checks the rest).
    ld = json_ld_urls(page_html)
    assert {canonical, f"{canonical}#inhoud", f"{BASE}/#uitgever", f"{BASE}/nieuws/"} <= set(ld)
    # Every share link carries the page's address; "copy link" is the address itself.
    share = re.search(r'<section class="share".*?</section>', page_html, re.DOTALL)
    assert share is not None
    links = [a.attrs["href"] for a in find_all(share.group(), "a")]
    assert len(links) == 6
    for link in links:
        assert canonical in unquote(link), link
    assert canonical in own


def test_home_and_views_that_are_not_pages(client, moved_site):
    home_html = get(client, "/")
    assert_own_urls(home_html, at_least=4)
    assert find_all(home_html, "link", rel="canonical")[0].attrs["href"] == BASE + "/"
    assert meta_content(home_html, "og:image") == BASE + "/static/img/og-default.png"
    ld = json_ld_urls(home_html)
    assert BASE + "/zoeken/?q={search_term_string}" in ld
    theme_html = get(client, "/thema/mobiliteit/")
    assert find_all(theme_html, "link", rel="canonical")[0].attrs["href"] == (
        BASE + "/thema/mobiliteit/"
    )
    assert_own_urls(theme_html)


def test_publication_citation_and_ris(client, moved_site):
    page = PublicationPage.objects.live().first()
    page_html = get(client, page.url)
    assert_own_urls(page_html)
    assert BASE + page.url in html.unescape(page_html)
    ris = get(client, page.url + "ris/")
    assert f"UR  - {BASE}{page.url}\r\n" in ris
    assert_own_urls(ris)


@pytest.mark.parametrize("url", ["/feeds/", "/nieuws/feed/", "/thema/mobiliteit/feed/"])
def test_feeds(client, moved_site, url):
    text = get(client, url)
    assert_own_urls(text, at_least=3)
    feed = feedparser.parse(text)
    assert feed.bozo == 0
    assert feed.feed.link.startswith(BASE + "/")
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [BASE + url]
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith(BASE + "/"), entry.link


@pytest.mark.parametrize("kind", ["agenda", "event"])
def test_calendars(client, moved_site, kind):
    event = EventPage.objects.live().first()
    url = "/projecten/agenda.ics" if kind == "agenda" else event.url + "agenda.ics"
    # Long lines are folded (CRLF and a space); unfolded, every URL is whole.
    text = get(client, url).replace("\r\n ", "")
    assert_own_urls(text)
    cal = icalendar.Calendar.from_ical(text)
    events = cal.walk("VEVENT")
    assert events
    for vevent in events:
        assert str(vevent["URL"]).startswith(BASE + "/")
        assert str(vevent["UID"]).endswith("@dossier.example.test")


def test_sitemap_and_robots(client, moved_site):
    sitemap = get(client, "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 20
    assert all(location.startswith(BASE + "/") for location in locations)
    assert_own_urls(sitemap, at_least=len(locations))
    robots = get(client, "/robots.txt")
    assert f"Sitemap: {BASE}/sitemap.xml" in robots.splitlines()
    assert_own_urls(robots)
    security = get(client, "/.well-known/security.txt")
    assert f"Canonical: {BASE}/.well-known/security.txt" in security.splitlines()


@pytest.mark.parametrize(
    "url", ["/api/v2/", "/api/v2/pages/?limit=20", "/api/v2/images/", "/api/v2/documents/"]
)
def test_api(client, moved_site, url):
    for number in range(3):  # the demo has documents but no images
        get_image_model().objects.create(title=f"Raadzaal {number}", file=png("raadzaal.png"))
    text = get(client, url)
    assert_own_urls(text, at_least=3)


def test_api_page_detail_html_url(client, moved_site):
    page = NewsPage.objects.live().first()
    data = json.loads(get(client, f"/api/v2/pages/{page.pk}/"))
    assert data["meta"]["html_url"] == BASE + page.url
    assert data["meta"]["detail_url"] == f"{BASE}/api/v2/pages/{page.pk}/"


def test_contribution_mail_links_to_the_admin_on_the_site(moved_site):
    contribution = Contribution.objects.create(
        name="Sanne",
        email="sanne@gemeente.example",
        kind="nieuws",
        title="Tip",
        text="Tekst",
        consent_at=timezone.now(),
    )
    mail = editors_mail(contribution)
    assert mail is not None
    # WAGTAILADMIN_BASE_URL follows PUBLIC_BASE_URL (test_admin_base_url_follows_...).
    own = assert_own_urls(mail.body)
    assert own == [BASE + reverse("contributions:inspect", args=[contribution.pk])]


# --- the setting and the Site record ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://Kennisdossier.Example.nl/", "https://kennisdossier.example.nl"),
        ("https://kennisdossier.example.nl:443", "https://kennisdossier.example.nl"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://dossier.example.test:80", "http://dossier.example.test"),
        ("  ", "http://127.0.0.1:8000"),
    ],
)
def test_public_base_url_is_normalised(monkeypatch, raw, expected):
    monkeypatch.setenv("PUBLIC_BASE_URL", raw)
    assert env_base_url("PUBLIC_BASE_URL", "http://127.0.0.1:8000") == expected


@pytest.mark.parametrize(
    "raw",
    [
        "kennisdossier.example.nl",
        "ftp://kennisdossier.example.nl",
        "https://kennisdossier.example.nl/dossier/",
        "https://kennisdossier.example.nl/?a=1",
        "https://user@kennisdossier.example.nl",
        "https://kennisdossier.example.nl:8443",  # a Site gives https on 443 only
        "http://kennisdossier.example.nl:443",
        "http://[::1]:8000",
        "http://host:port",
    ],
)
def test_public_base_url_that_a_site_cannot_express_is_refused(monkeypatch, raw):
    monkeypatch.setenv("PUBLIC_BASE_URL", raw)
    with pytest.raises(ImproperlyConfigured, match="PUBLIC_BASE_URL"):
        env_base_url("PUBLIC_BASE_URL", "http://127.0.0.1:8000")


def _settings_in_fresh_process(**env):
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.PUBLIC_BASE_URL, settings.WAGTAILADMIN_BASE_URL]))"
    )
    environ = {k: v for k, v in os.environ.items() if k not in {"PUBLIC_BASE_URL"}}
    environ.pop("WAGTAILADMIN_BASE_URL", None)
    environ |= {"DJANGO_SETTINGS_MODULE": "dossier.settings.dev", **env}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_admin_base_url_follows_the_public_one_unless_set():
    assert _settings_in_fresh_process() == ["http://127.0.0.1:8000", "http://127.0.0.1:8000"]
    assert _settings_in_fresh_process(PUBLIC_BASE_URL="https://dossier.example.nl/") == [
        "https://dossier.example.nl",
        "https://dossier.example.nl",
    ]
    assert _settings_in_fresh_process(
        PUBLIC_BASE_URL="https://dossier.example.nl",
        WAGTAILADMIN_BASE_URL="https://redactie.example.nl/",
    ) == ["https://dossier.example.nl", "https://redactie.example.nl"]


def test_sync_site_is_idempotent_and_the_check_warns_until_it_ran(db, settings):
    settings.PUBLIC_BASE_URL = BASE
    try:
        warnings = check_default_site_address(databases=["default"])
        assert [warning.id for warning in warnings] == ["dossier.W001"]
        assert "http://localhost" in warnings[0].msg and BASE in warnings[0].msg
        assert check_default_site_address(databases=None) == []  # only with --database
        call_command("sync_site", stdout=(out := StringIO()))
        assert f"now {BASE}" in out.getvalue()
        call_command("sync_site", stdout=(out := StringIO()))
        assert f"already {BASE}" in out.getvalue()
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port, site.root_page.slug) == (
            "dossier.example.test",
            8123,
            "home",
        )
        assert check_default_site_address(databases=["default"]) == []
        # load_demo keeps the site there, and changes nothing else when run again.
        call_command("load_demo", stdout=(out := StringIO()))
        assert "0 created, 0 updated" in out.getvalue()
        assert Site.objects.get(is_default_site=True).root_url == BASE
    finally:
        Site.clear_site_root_paths_cache()


def test_load_demo_moves_the_site_when_the_setting_changes(db, settings):
    settings.PUBLIC_BASE_URL = "https://kennisdossier.example.nl"
    try:
        call_command("load_demo", stdout=(out := StringIO()))
        assert "0 created, 1 updated" in out.getvalue()  # the site, nothing else
        site = Site.objects.get(is_default_site=True)
        assert site.root_url == "https://kennisdossier.example.nl"
        page = Page.objects.get(depth=3, slug="nieuws")
        assert page.get_full_url() == "https://kennisdossier.example.nl/nieuws/"
    finally:
        Site.clear_site_root_paths_cache()


def test_sync_site_refuses_an_address_another_site_has(db, settings):
    settings.PUBLIC_BASE_URL = BASE
    home = Site.objects.get(is_default_site=True).root_page
    Site.objects.create(hostname="dossier.example.test", port=8123, root_page=home)
    try:
        with pytest.raises(AddressTaken):
            align_default_site()
        with pytest.raises(Exception, match="Another Site record"):
            call_command("sync_site", stdout=StringIO())
        assert Site.objects.get(is_default_site=True).hostname == "localhost"
    finally:
        Site.clear_site_root_paths_cache()
