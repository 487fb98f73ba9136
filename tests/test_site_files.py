"""The site files at fixed addresses: /sitemap.xml, /robots.txt, /.well-known/security.txt."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from dossier.models import Theme
from dossier.site_files import security_txt_expires
from tests import pages

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
RFC3339_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def sitemap_entries(client):
    """{location: lastmod or None} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        assert location not in entries, f"{location} is listed twice"
        entries[location] = url.findtext("sm:lastmod", namespaces=NS)
    return entries


def lines(response):
    return response.content.decode().splitlines()


def test_sitemap_lists_every_live_public_page_with_lastmod(client):
    entries = sitemap_entries(client)
    expected = Page.objects.live().public().filter(depth__gte=2).specific()
    assert expected.count() > 20
    for page in expected:
        url = page.get_full_url()
        assert url in entries, url
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", entries[url]), url
        assert urlsplit(url).scheme in {"http", "https"}


def test_sitemap_lists_the_theme_hubs_at_the_same_address(client):
    entries = sitemap_entries(client)
    home = next(url for url in entries if urlsplit(url).path == "/")
    root = home.rstrip("/")
    assert f"{root}/thema/" in entries
    for theme in Theme.objects.all():
        assert f"{root}/thema/{theme.slug}/" in entries


def test_sitemap_leaves_out_drafts_and_private_pages(client):
    draft = pages.news(title="Nog niet klaar", live=False)
    private = pages.make_private(pages.news(title="Alleen voor ingelogden"))
    under_private = pages.publication(title="Deel achter een login", parent=pages.publication())
    pages.make_private(under_private.get_parent())
    public = pages.news(title="Wel openbaar")
    paths = {urlsplit(url).path for url in sitemap_entries(client)}
    assert public.url in paths
    assert private.url not in paths
    assert under_private.url not in paths
    assert f"/nieuws/{draft.slug}/" not in paths


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = lines(response)
    assert body[0] == "User-agent: *"
    assert "Disallow: /zoeken/" in body
    assert "Disallow: /admin/" in body
    assert "Disallow: /" not in body
    sitemap = [line.removeprefix("Sitemap: ") for line in body if line.startswith("Sitemap: ")]
    assert len(sitemap) == 1
    parts = urlsplit(sitemap[0])
    assert parts.scheme in {"http", "https"} and parts.netloc
    assert client.get(parts.path).status_code == 200


def fields(response):
    found = {}
    for line in lines(response):
        name, _, value = line.partition(": ")
        found.setdefault(name, []).append(value)
    return found


def test_security_txt(client, settings):
    settings.SECURITY_TXT_CONTACT = "mailto:beveiliging@example.nl"
    settings.SECURITY_TXT_EXPIRES = ""
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == ["mailto:beveiliging@example.nl"]
    assert found["Preferred-Languages"] == ["nl, en"]
    [expires] = found["Expires"]
    assert RFC3339_UTC.fullmatch(expires)
    moment = datetime.fromisoformat(expires)
    assert moment > datetime.now(UTC)
    assert (moment - datetime.now(UTC)).days < 365  # RFC 9116 advises less than a year
    [canonical] = found["Canonical"]
    assert urlsplit(canonical).path == "/.well-known/security.txt"
    assert urlsplit(canonical).netloc


def test_security_txt_expires_from_settings(client, settings):
    settings.SECURITY_TXT_EXPIRES = "2031-03-01T12:00:00+01:00"
    assert fields(client.get("/.well-known/security.txt"))["Expires"] == ["2031-03-01T11:00:00Z"]


def test_security_txt_expires_format():
    assert security_txt_expires("2031-03-01") == "2031-03-01T00:00:00Z"
    assert security_txt_expires("2031-03-01T08:30:00Z") == "2031-03-01T08:30:00Z"
    assert security_txt_expires("", today=date(2025, 1, 1)) == "2025-06-30T00:00:00Z"
    with pytest.raises(ImproperlyConfigured):
        security_txt_expires("volgend jaar")
